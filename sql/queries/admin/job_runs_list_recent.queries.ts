/** Types generated for queries found in "sql/queries/admin/job_runs_list_recent.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

/** 'JobRunsListRecent' parameters type */
export interface JobRunsListRecentParams {
  cursorAt?: DateOrString | null | void;
  cursorId?: string | null | void;
  job?: string | null | void;
  limit: NumberOrString;
}

/** 'JobRunsListRecent' return type */
export interface JobRunsListRecentResult {
  cursor_at: string | null;
  error: string | null;
  finished_at: Date | null;
  id: string;
  job: string;
  scheduled_for: Date;
  started_at: Date;
  stats: Json;
  status: string;
}

/** 'JobRunsListRecent' query type */
export interface JobRunsListRecentQuery {
  params: JobRunsListRecentParams;
  result: JobRunsListRecentResult;
}

const jobRunsListRecentIR: any = {"usedParamSet":{"job":true,"cursorAt":true,"cursorId":true,"limit":true},"params":[{"name":"job","required":false,"transform":{"type":"scalar"},"locs":[{"a":320,"b":323},{"a":348,"b":351}]},{"name":"cursorAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":361,"b":369},{"a":415,"b":423}]},{"name":"cursorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":439,"b":447}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":497,"b":503}]}],"statement":"-- GET /v1/admin/jobs: runs newest first, optionally of one job, keyset on (started_at, id).\n-- :job or null, :cursorAt cursor started_at (text) or null, :cursorId or null, :limit + 1\nSELECT id, job, scheduled_for, started_at, finished_at, status, stats, error,\n       started_at::text AS cursor_at\nFROM job_runs\nWHERE (:job::text IS NULL OR job = :job)\n  AND (:cursorAt::timestamptz IS NULL OR (started_at, id) < (:cursorAt::timestamptz, :cursorId::uuid))\nORDER BY started_at DESC, id DESC\nLIMIT :limit!"};

/**
 * Query generated from SQL:
 * ```
 * -- GET /v1/admin/jobs: runs newest first, optionally of one job, keyset on (started_at, id).
 * -- :job or null, :cursorAt cursor started_at (text) or null, :cursorId or null, :limit + 1
 * SELECT id, job, scheduled_for, started_at, finished_at, status, stats, error,
 *        started_at::text AS cursor_at
 * FROM job_runs
 * WHERE (:job::text IS NULL OR job = :job)
 *   AND (:cursorAt::timestamptz IS NULL OR (started_at, id) < (:cursorAt::timestamptz, :cursorId::uuid))
 * ORDER BY started_at DESC, id DESC
 * LIMIT :limit!
 * ```
 */
export const jobRunsListRecent = new PreparedQuery<JobRunsListRecentParams,JobRunsListRecentResult>(jobRunsListRecentIR);


