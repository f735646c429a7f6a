/** Types generated for queries found in "sql/queries/jobs/job_runs_update_finished.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'JobRunsUpdateFinished' parameters type */
export interface JobRunsUpdateFinishedParams {
  error?: string | null | void;
  runId: string;
  stats: Json;
  status: string;
}

/** 'JobRunsUpdateFinished' return type */
export interface JobRunsUpdateFinishedResult {
  error: string | null;
  finished_at: Date | null;
  id: string;
  job: string;
  scheduled_for: Date;
  started_at: Date;
  stats: Json;
  status: string;
}

/** 'JobRunsUpdateFinished' query type */
export interface JobRunsUpdateFinishedQuery {
  params: JobRunsUpdateFinishedParams;
  result: JobRunsUpdateFinishedResult;
}

const jobRunsUpdateFinishedIR: any = {"usedParamSet":{"status":true,"stats":true,"error":true,"runId":true},"params":[{"name":"status","required":true,"transform":{"type":"scalar"},"locs":[{"a":97,"b":104}]},{"name":"stats","required":true,"transform":{"type":"scalar"},"locs":[{"a":115,"b":121}]},{"name":"error","required":false,"transform":{"type":"scalar"},"locs":[{"a":139,"b":144}]},{"name":"runId","required":true,"transform":{"type":"scalar"},"locs":[{"a":178,"b":184}]}],"statement":"-- Records how a run ended. :runId, :status, :stats, :error or null\nUPDATE job_runs\nSET status = :status!, stats = :stats!::jsonb, error = :error, finished_at = now()\nWHERE id = :runId!\nRETURNING id, job, scheduled_for, started_at, finished_at, status, stats, error"};

/**
 * Query generated from SQL:
 * ```
 * -- Records how a run ended. :runId, :status, :stats, :error or null
 * UPDATE job_runs
 * SET status = :status!, stats = :stats!::jsonb, error = :error, finished_at = now()
 * WHERE id = :runId!
 * RETURNING id, job, scheduled_for, started_at, finished_at, status, stats, error
 * ```
 */
export const jobRunsUpdateFinished = new PreparedQuery<JobRunsUpdateFinishedParams,JobRunsUpdateFinishedResult>(jobRunsUpdateFinishedIR);


