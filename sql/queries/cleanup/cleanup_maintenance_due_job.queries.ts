/** Types generated for queries found in "sql/queries/cleanup/cleanup_maintenance_due_job.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'CleanupMaintenanceDueJob' parameters type */
export interface CleanupMaintenanceDueJobParams {
  now: DateOrString;
}

/** 'CleanupMaintenanceDueJob' return type */
export interface CleanupMaintenanceDueJobResult {
  items: number | null;
  notified: number | null;
}

/** 'CleanupMaintenanceDueJob' query type */
export interface CleanupMaintenanceDueJobQuery {
  params: CleanupMaintenanceDueJobParams;
  result: CleanupMaintenanceDueJobResult;
}

const cleanupMaintenanceDueJobIR: any = {"usedParamSet":{"now":true},"params":[{"name":"now","required":true,"transform":{"type":"scalar"},"locs":[{"a":469,"b":473},{"a":585,"b":588},{"a":678,"b":681},{"a":932,"b":935}]}],"statement":"-- Tells every admin, once per item and completion, that a maintenance item is coming due:\n-- DUE_SOON (or already OVERDUE) as of :now by its warn_hours or warn_days. Completing the item\n-- clears due_notified_at, so it warns again next time. Items added after :now are not judged.\n-- The conditional UPDATE (due_notified_at IS NULL) and the dedupe key make repeated or\n-- concurrent runs notify once.\nWITH due AS (\n  UPDATE maintenance_items m\n  SET due_notified_at = :now!::timestamptz\n  FROM aircraft a\n  WHERE a.id = m.aircraft_id AND m.due_notified_at IS NULL AND m.created_at <= :now::timestamptz\n    AND (m.due_tach - a.tach_hours <= m.warn_hours\n         OR m.due_on - (:now::timestamptz AT TIME ZONE 'UTC')::date <= m.warn_days)\n  RETURNING m.id, m.name, m.aircraft_id, a.tail_number, m.due_tach, m.due_on, m.last_done_tach, m.last_done_on,\n            m.due_tach - a.tach_hours AS remaining_hours,\n            m.due_on - (:now::timestamptz AT TIME ZONE 'UTC')::date AS remaining_days\n), notified AS (\n  INSERT INTO notifications (user_id, type, title, body, data, dedupe_key)\n  SELECT u.id, 'MAINTENANCE_DUE', 'Maintenance due: ' || d.tail_number,\n         d.name || ' on ' || d.tail_number || ' is due'\n           || coalesce(' at ' || d.due_tach || ' tach hours (' || d.remaining_hours || ' h left)', '')\n           || coalesce(CASE WHEN d.due_tach IS NOT NULL THEN ' or' ELSE '' END || ' by ' || d.due_on, '') || '.',\n         jsonb_build_object('item_id', d.id, 'aircraft_id', d.aircraft_id, 'due_tach', d.due_tach, 'due_on', d.due_on,\n                            'remaining_hours', d.remaining_hours, 'remaining_days', d.remaining_days),\n         'maintenance_due:' || d.id || ':' || coalesce(d.last_done_tach::text, '') || ':'\n           || coalesce(d.last_done_on::text, '') || ':' || u.id\n  FROM due d\n  CROSS JOIN users u\n  WHERE u.role = 'ADMIN'\n  ON CONFLICT (dedupe_key) DO NOTHING\n  RETURNING 1\n)\nSELECT (SELECT count(*) FROM due)::int AS items, (SELECT count(*) FROM notified)::int AS notified"};

/**
 * Query generated from SQL:
 * ```
 * -- Tells every admin, once per item and completion, that a maintenance item is coming due:
 * -- DUE_SOON (or already OVERDUE) as of :now by its warn_hours or warn_days. Completing the item
 * -- clears due_notified_at, so it warns again next time. Items added after :now are not judged.
 * -- The conditional UPDATE (due_notified_at IS NULL) and the dedupe key make repeated or
 * -- concurrent runs notify once.
 * WITH due AS (
 *   UPDATE maintenance_items m
 *   SET due_notified_at = :now!::timestamptz
 *   FROM aircraft a
 *   WHERE a.id = m.aircraft_id AND m.due_notified_at IS NULL AND m.created_at <= :now::timestamptz
 *     AND (m.due_tach - a.tach_hours <= m.warn_hours
 *          OR m.due_on - (:now::timestamptz AT TIME ZONE 'UTC')::date <= m.warn_days)
 *   RETURNING m.id, m.name, m.aircraft_id, a.tail_number, m.due_tach, m.due_on, m.last_done_tach, m.last_done_on,
 *             m.due_tach - a.tach_hours AS remaining_hours,
 *             m.due_on - (:now::timestamptz AT TIME ZONE 'UTC')::date AS remaining_days
 * ), notified AS (
 *   INSERT INTO notifications (user_id, type, title, body, data, dedupe_key)
 *   SELECT u.id, 'MAINTENANCE_DUE', 'Maintenance due: ' || d.tail_number,
 *          d.name || ' on ' || d.tail_number || ' is due'
 *            || coalesce(' at ' || d.due_tach || ' tach hours (' || d.remaining_hours || ' h left)', '')
 *            || coalesce(CASE WHEN d.due_tach IS NOT NULL THEN ' or' ELSE '' END || ' by ' || d.due_on, '') || '.',
 *          jsonb_build_object('item_id', d.id, 'aircraft_id', d.aircraft_id, 'due_tach', d.due_tach, 'due_on', d.due_on,
 *                             'remaining_hours', d.remaining_hours, 'remaining_days', d.remaining_days),
 *          'maintenance_due:' || d.id || ':' || coalesce(d.last_done_tach::text, '') || ':'
 *            || coalesce(d.last_done_on::text, '') || ':' || u.id
 *   FROM due d
 *   CROSS JOIN users u
 *   WHERE u.role = 'ADMIN'
 *   ON CONFLICT (dedupe_key) DO NOTHING
 *   RETURNING 1
 * )
 * SELECT (SELECT count(*) FROM due)::int AS items, (SELECT count(*) FROM notified)::int AS notified
 * ```
 */
export const cleanupMaintenanceDueJob = new PreparedQuery<CleanupMaintenanceDueJobParams,CleanupMaintenanceDueJobResult>(cleanupMaintenanceDueJobIR);


