/** Types generated for queries found in "sql/queries/jobs/job_runs_insert_manual_claim.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'JobRunsInsertManualClaim' parameters type */
export interface JobRunsInsertManualClaimParams {
  cooldownSeconds: number;
  job: string;
  leaseSeconds: number;
  scheduledFor: DateOrString;
}

/** 'JobRunsInsertManualClaim' return type */
export interface JobRunsInsertManualClaimResult {
  id: string | null;
  retry_after_seconds: number | null;
  running_id: string | null;
}

/** 'JobRunsInsertManualClaim' query type */
export interface JobRunsInsertManualClaimQuery {
  params: JobRunsInsertManualClaimParams;
  result: JobRunsInsertManualClaimResult;
}

const jobRunsInsertManualClaimIR: any = {"usedParamSet":{"job":true,"leaseSeconds":true,"cooldownSeconds":true,"scheduledFor":true},"params":[{"name":"job","required":true,"transform":{"type":"scalar"},"locs":[{"a":477,"b":481},{"a":778,"b":781},{"a":928,"b":931}]},{"name":"leaseSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":584,"b":597}]},{"name":"cooldownSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":720,"b":736}]},{"name":"scheduledFor","required":true,"transform":{"type":"scalar"},"locs":[{"a":934,"b":947}]}],"statement":"-- Claims a run an admin asked for, unless one of theirs is still running or the last one ended\n-- less than the cooldown ago. Sent after the job's advisory lock in the same transaction, so two\n-- claims are decided one after the other, each seeing the other's row.\n-- :cooldownSeconds cooldown in seconds,\n-- :leaseSeconds lease in seconds (a manual run still RUNNING after this is taken for dead: its Worker is gone)\nWITH running AS (\n  SELECT id FROM job_runs\n  WHERE job = :job! AND manual AND status = 'RUNNING'\n    AND started_at > statement_timestamp() - make_interval(secs => :leaseSeconds!)\n  ORDER BY started_at DESC\n  LIMIT 1\n), cooling AS (\n  SELECT coalesce(finished_at, started_at) + make_interval(secs => :cooldownSeconds!) AS until\n  FROM job_runs\n  WHERE job = :job AND manual\n  ORDER BY started_at DESC\n  LIMIT 1\n), claimed AS (\n  INSERT INTO job_runs (job, scheduled_for, status, started_at, manual)\n  SELECT :job, :scheduledFor!, 'RUNNING', statement_timestamp(), true\n  WHERE NOT EXISTS (SELECT 1 FROM running)\n    AND NOT EXISTS (SELECT 1 FROM cooling WHERE until > statement_timestamp())\n  ON CONFLICT (job, scheduled_for) DO NOTHING\n  RETURNING id\n)\nSELECT (SELECT id FROM claimed) AS id,\n       (SELECT id FROM running) AS running_id,\n       (SELECT ceil(extract(epoch FROM until - statement_timestamp()))::int FROM cooling\n        WHERE until > statement_timestamp()) AS retry_after_seconds"};

/**
 * Query generated from SQL:
 * ```
 * -- Claims a run an admin asked for, unless one of theirs is still running or the last one ended
 * -- less than the cooldown ago. Sent after the job's advisory lock in the same transaction, so two
 * -- claims are decided one after the other, each seeing the other's row.
 * -- :cooldownSeconds cooldown in seconds,
 * -- :leaseSeconds lease in seconds (a manual run still RUNNING after this is taken for dead: its Worker is gone)
 * WITH running AS (
 *   SELECT id FROM job_runs
 *   WHERE job = :job! AND manual AND status = 'RUNNING'
 *     AND started_at > statement_timestamp() - make_interval(secs => :leaseSeconds!)
 *   ORDER BY started_at DESC
 *   LIMIT 1
 * ), cooling AS (
 *   SELECT coalesce(finished_at, started_at) + make_interval(secs => :cooldownSeconds!) AS until
 *   FROM job_runs
 *   WHERE job = :job AND manual
 *   ORDER BY started_at DESC
 *   LIMIT 1
 * ), claimed AS (
 *   INSERT INTO job_runs (job, scheduled_for, status, started_at, manual)
 *   SELECT :job, :scheduledFor!, 'RUNNING', statement_timestamp(), true
 *   WHERE NOT EXISTS (SELECT 1 FROM running)
 *     AND NOT EXISTS (SELECT 1 FROM cooling WHERE until > statement_timestamp())
 *   ON CONFLICT (job, scheduled_for) DO NOTHING
 *   RETURNING id
 * )
 * SELECT (SELECT id FROM claimed) AS id,
 *        (SELECT id FROM running) AS running_id,
 *        (SELECT ceil(extract(epoch FROM until - statement_timestamp()))::int FROM cooling
 *         WHERE until > statement_timestamp()) AS retry_after_seconds
 * ```
 */
export const jobRunsInsertManualClaim = new PreparedQuery<JobRunsInsertManualClaimParams,JobRunsInsertManualClaimResult>(jobRunsInsertManualClaimIR);


