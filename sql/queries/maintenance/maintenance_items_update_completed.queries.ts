/** Types generated for queries found in "sql/queries/maintenance/maintenance_items_update_completed.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

/** 'MaintenanceItemsUpdateCompleted' parameters type */
export interface MaintenanceItemsUpdateCompletedParams {
  actorId: string;
  aircraftId: string;
  doneOn: DateOrString;
  itemId: string;
  tach: NumberOrString;
}

/** 'MaintenanceItemsUpdateCompleted' return type */
export interface MaintenanceItemsUpdateCompletedResult {
  /** Tachometer total, the clock maintenance intervals run on; advanced only by check-in. */
  aircraft_tach: string;
  date_forward: boolean | null;
  date_past: boolean | null;
  found: boolean | null;
  item: Json | null;
  last_done_on: Date | null;
  last_done_tach: string | null;
  tach_forward: boolean | null;
  tach_known: boolean | null;
}

/** 'MaintenanceItemsUpdateCompleted' query type */
export interface MaintenanceItemsUpdateCompletedQuery {
  params: MaintenanceItemsUpdateCompletedParams;
  result: MaintenanceItemsUpdateCompletedResult;
}

const maintenanceItemsUpdateCompletedIR: any = {"usedParamSet":{"itemId":true,"aircraftId":true,"tach":true,"doneOn":true,"actorId":true},"params":[{"name":"itemId","required":true,"transform":{"type":"scalar"},"locs":[{"a":579,"b":586}]},{"name":"aircraftId","required":true,"transform":{"type":"scalar"},"locs":[{"a":614,"b":625}]},{"name":"tach","required":true,"transform":{"type":"scalar"},"locs":[{"a":742,"b":747},{"a":801,"b":805},{"a":1090,"b":1094},{"a":1767,"b":1771}]},{"name":"doneOn","required":true,"transform":{"type":"scalar"},"locs":[{"a":875,"b":882},{"a":929,"b":935},{"a":1121,"b":1127},{"a":1799,"b":1805}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1550,"b":1558}]}],"statement":"-- Records that an item was done: its interval restarts from this tach reading and date, and it\n-- may warn again. Audited with the values before and after, in one statement; the aircraft's\n-- bookings are re-evaluated (aircraft_refresh_risk, by trigger). A reading above the aircraft's\n-- tach or below the last one, or a date in the future or before the last one, changes nothing;\n-- the flags say which.\n-- :actorId acting user id\nWITH before AS (\n  SELECT m.*, a.tach_hours AS aircraft_tach\n  FROM maintenance_items m\n  JOIN aircraft a ON a.id = m.aircraft_id\n  WHERE m.id = :itemId!::uuid AND m.aircraft_id = :aircraftId!::uuid\n  FOR UPDATE OF m\n), checked AS (\n  SELECT b.id, b.aircraft_tach, b.last_done_tach, b.last_done_on,\n         :tach!::numeric <= b.aircraft_tach AS tach_known,\n         :tach::numeric >= coalesce(b.last_done_tach, 0) AS tach_forward,\n         :doneOn!::date <= current_date AS date_past,\n         :doneOn::date >= coalesce(b.last_done_on, '-infinity'::date) AS date_forward\n  FROM before b\n), updated AS (\n  UPDATE maintenance_items m\n  SET last_done_tach = :tach::numeric, last_done_on = :doneOn::date, due_notified_at = NULL\n  FROM checked k\n  WHERE m.id = k.id AND k.tach_known AND k.tach_forward AND k.date_past AND k.date_forward\n  RETURNING m.*\n), shown AS (\n  SELECT u.id, maintenance_item_state(ROW(u.*)::maintenance_items) AS item FROM updated u\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'maintenance_item', s.id::text, 'maintenance_item.completed', :actorId!::uuid,\n         jsonb_build_object('before', jsonb_build_object('last_done_tach', k.last_done_tach, 'last_done_on', k.last_done_on),\n                            'after', jsonb_build_object('last_done_tach', :tach::numeric, 'last_done_on', :doneOn::date))\n  FROM shown s\n  JOIN checked k ON k.id = s.id\n)\nSELECT k.id IS NOT NULL AS found, k.aircraft_tach, k.last_done_tach, k.last_done_on,\n       k.tach_known, k.tach_forward, k.date_past, k.date_forward, s.item\nFROM (SELECT 1) AS one\nLEFT JOIN checked k ON true\nLEFT JOIN shown s ON true"};

/**
 * Query generated from SQL:
 * ```
 * -- Records that an item was done: its interval restarts from this tach reading and date, and it
 * -- may warn again. Audited with the values before and after, in one statement; the aircraft's
 * -- bookings are re-evaluated (aircraft_refresh_risk, by trigger). A reading above the aircraft's
 * -- tach or below the last one, or a date in the future or before the last one, changes nothing;
 * -- the flags say which.
 * -- :actorId acting user id
 * WITH before AS (
 *   SELECT m.*, a.tach_hours AS aircraft_tach
 *   FROM maintenance_items m
 *   JOIN aircraft a ON a.id = m.aircraft_id
 *   WHERE m.id = :itemId!::uuid AND m.aircraft_id = :aircraftId!::uuid
 *   FOR UPDATE OF m
 * ), checked AS (
 *   SELECT b.id, b.aircraft_tach, b.last_done_tach, b.last_done_on,
 *          :tach!::numeric <= b.aircraft_tach AS tach_known,
 *          :tach::numeric >= coalesce(b.last_done_tach, 0) AS tach_forward,
 *          :doneOn!::date <= current_date AS date_past,
 *          :doneOn::date >= coalesce(b.last_done_on, '-infinity'::date) AS date_forward
 *   FROM before b
 * ), updated AS (
 *   UPDATE maintenance_items m
 *   SET last_done_tach = :tach::numeric, last_done_on = :doneOn::date, due_notified_at = NULL
 *   FROM checked k
 *   WHERE m.id = k.id AND k.tach_known AND k.tach_forward AND k.date_past AND k.date_forward
 *   RETURNING m.*
 * ), shown AS (
 *   SELECT u.id, maintenance_item_state(ROW(u.*)::maintenance_items) AS item FROM updated u
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'maintenance_item', s.id::text, 'maintenance_item.completed', :actorId!::uuid,
 *          jsonb_build_object('before', jsonb_build_object('last_done_tach', k.last_done_tach, 'last_done_on', k.last_done_on),
 *                             'after', jsonb_build_object('last_done_tach', :tach::numeric, 'last_done_on', :doneOn::date))
 *   FROM shown s
 *   JOIN checked k ON k.id = s.id
 * )
 * SELECT k.id IS NOT NULL AS found, k.aircraft_tach, k.last_done_tach, k.last_done_on,
 *        k.tach_known, k.tach_forward, k.date_past, k.date_forward, s.item
 * FROM (SELECT 1) AS one
 * LEFT JOIN checked k ON true
 * LEFT JOIN shown s ON true
 * ```
 */
export const maintenanceItemsUpdateCompleted = new PreparedQuery<MaintenanceItemsUpdateCompletedParams,MaintenanceItemsUpdateCompletedResult>(maintenanceItemsUpdateCompletedIR);


