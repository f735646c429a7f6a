/** Types generated for queries found in "sql/queries/jobs/job_runs_insert_claim.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'JobRunsInsertClaim' parameters type */
export interface JobRunsInsertClaimParams {
  job: string;
  scheduledFor: DateOrString;
}

/** 'JobRunsInsertClaim' return type */
export interface JobRunsInsertClaimResult {
  id: string;
}

/** 'JobRunsInsertClaim' query type */
export interface JobRunsInsertClaimQuery {
  params: JobRunsInsertClaimParams;
  result: JobRunsInsertClaimResult;
}

const jobRunsInsertClaimIR: any = {"usedParamSet":{"job":true,"scheduledFor":true},"params":[{"name":"job","required":true,"transform":{"type":"scalar"},"locs":[{"a":265,"b":269}]},{"name":"scheduledFor","required":true,"transform":{"type":"scalar"},"locs":[{"a":272,"b":285}]}],"statement":"-- Claims one firing of a job: the unique (job, scheduled_for) lets only one run through, so two\n-- workers woken by the same trigger never both do the work. Returns no row when already claimed.\nINSERT INTO job_runs (job, scheduled_for, status, started_at)\nVALUES (:job!, :scheduledFor!, 'RUNNING', now())\nON CONFLICT (job, scheduled_for) DO NOTHING\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * -- Claims one firing of a job: the unique (job, scheduled_for) lets only one run through, so two
 * -- workers woken by the same trigger never both do the work. Returns no row when already claimed.
 * INSERT INTO job_runs (job, scheduled_for, status, started_at)
 * VALUES (:job!, :scheduledFor!, 'RUNNING', now())
 * ON CONFLICT (job, scheduled_for) DO NOTHING
 * RETURNING id
 * ```
 */
export const jobRunsInsertClaim = new PreparedQuery<JobRunsInsertClaimParams,JobRunsInsertClaimResult>(jobRunsInsertClaimIR);


