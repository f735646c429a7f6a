/** Types generated for queries found in "sql/queries/jobs/job_runs_lock_manual.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'JobRunsLockManual' parameters type */
export interface JobRunsLockManualParams {
  job: string;
}

/** 'JobRunsLockManual' return type */
export interface JobRunsLockManualResult {
  pg_advisory_xact_lock: undefined | null;
}

/** 'JobRunsLockManual' query type */
export interface JobRunsLockManualQuery {
  params: JobRunsLockManualParams;
  result: JobRunsLockManualResult;
}

const jobRunsLockManualIR: any = {"usedParamSet":{"job":true},"params":[{"name":"job","required":true,"transform":{"type":"scalar"},"locs":[{"a":170,"b":174}]}],"statement":"-- Serialises admins' claims of one job for the rest of the transaction (released at commit).\nSELECT pg_advisory_xact_lock(hashtextextended('skyslot.job_runs.manual:' || :job!, 0))"};

/**
 * Query generated from SQL:
 * ```
 * -- Serialises admins' claims of one job for the rest of the transaction (released at commit).
 * SELECT pg_advisory_xact_lock(hashtextextended('skyslot.job_runs.manual:' || :job!, 0))
 * ```
 */
export const jobRunsLockManual = new PreparedQuery<JobRunsLockManualParams,JobRunsLockManualResult>(jobRunsLockManualIR);


