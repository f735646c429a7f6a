/** Types generated for queries found in "sql/queries/cleanup/cleanup_notifications_job.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type NumberOrString = number | string;

/** 'CleanupNotificationsJob' parameters type */
export interface CleanupNotificationsJobParams {
  chunk: NumberOrString;
  cutoff: DateOrString;
  lastId?: string | null | void;
  lastReadAt?: DateOrString | null | void;
}

/** 'CleanupNotificationsJob' return type */
export interface CleanupNotificationsJobResult {
  deleted: number | null;
  last_id: string | null;
  last_read_at: string | null;
}

/** 'CleanupNotificationsJob' query type */
export interface CleanupNotificationsJobQuery {
  params: CleanupNotificationsJobParams;
  result: CleanupNotificationsJobResult;
}

const cleanupNotificationsJobIR: any = {"usedParamSet":{"cutoff":true,"lastReadAt":true,"lastId":true,"chunk":true},"params":[{"name":"cutoff","required":true,"transform":{"type":"scalar"},"locs":[{"a":594,"b":601}]},{"name":"lastReadAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":625,"b":635},{"a":678,"b":688}]},{"name":"lastId","required":false,"transform":{"type":"scalar"},"locs":[{"a":704,"b":710}]},{"name":"chunk","required":true,"transform":{"type":"scalar"},"locs":[{"a":751,"b":757}]}],"statement":"-- Deletes up to :chunk notifications read before the cutoff (the same rule as the CLI's\n-- cleanup_notifications_older_than.sql), a chunk at a time so no statement runs long. Chunks walk\n-- the (read_at, id) index from where the previous one stopped, so none rereads the entries of\n-- rows already deleted (and not yet vacuumed), and the delete finds each row by primary key (an\n-- array of ids, so no pass over the whole table).\n-- :lastReadAt/:lastId: the last (read_at, id) deleted by the previous chunk, or nulls.\nWITH doomed AS (\n  SELECT id, read_at FROM notifications\n  WHERE read_at < :cutoff!::timestamptz\n    AND (:lastReadAt::timestamptz IS NULL OR (read_at, id) > (:lastReadAt::timestamptz, :lastId::uuid))\n  ORDER BY read_at, id\n  LIMIT :chunk!\n), deleted AS (\n  DELETE FROM notifications n WHERE n.id = ANY ((SELECT array_agg(id) FROM doomed)::uuid[]) RETURNING 1\n), last AS (\n  SELECT read_at, id FROM doomed ORDER BY read_at DESC, id DESC LIMIT 1\n)\nSELECT (SELECT count(*) FROM deleted)::int AS deleted, (SELECT read_at::text FROM last) AS last_read_at, (SELECT id FROM last) AS last_id"};

/**
 * Query generated from SQL:
 * ```
 * -- Deletes up to :chunk notifications read before the cutoff (the same rule as the CLI's
 * -- cleanup_notifications_older_than.sql), a chunk at a time so no statement runs long. Chunks walk
 * -- the (read_at, id) index from where the previous one stopped, so none rereads the entries of
 * -- rows already deleted (and not yet vacuumed), and the delete finds each row by primary key (an
 * -- array of ids, so no pass over the whole table).
 * -- :lastReadAt/:lastId: the last (read_at, id) deleted by the previous chunk, or nulls.
 * WITH doomed AS (
 *   SELECT id, read_at FROM notifications
 *   WHERE read_at < :cutoff!::timestamptz
 *     AND (:lastReadAt::timestamptz IS NULL OR (read_at, id) > (:lastReadAt::timestamptz, :lastId::uuid))
 *   ORDER BY read_at, id
 *   LIMIT :chunk!
 * ), deleted AS (
 *   DELETE FROM notifications n WHERE n.id = ANY ((SELECT array_agg(id) FROM doomed)::uuid[]) RETURNING 1
 * ), last AS (
 *   SELECT read_at, id FROM doomed ORDER BY read_at DESC, id DESC LIMIT 1
 * )
 * SELECT (SELECT count(*) FROM deleted)::int AS deleted, (SELECT read_at::text FROM last) AS last_read_at, (SELECT id FROM last) AS last_id
 * ```
 */
export const cleanupNotificationsJob = new PreparedQuery<CleanupNotificationsJobParams,CleanupNotificationsJobResult>(cleanupNotificationsJobIR);


