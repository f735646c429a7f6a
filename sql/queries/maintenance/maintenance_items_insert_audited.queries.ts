/** Types generated for queries found in "sql/queries/maintenance/maintenance_items_insert_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

/** 'MaintenanceItemsInsertAudited' parameters type */
export interface MaintenanceItemsInsertAuditedParams {
  actorId: string;
  aircraftId: string;
  blocksBooking: boolean;
  idempotencyKey?: string | null | void;
  intervalHours?: NumberOrString | null | void;
  intervalMonths?: number | null | void;
  lastDoneOn?: DateOrString | null | void;
  lastDoneTach?: NumberOrString | null | void;
  name: string;
  requestHash?: string | null | void;
  requestPath?: string | null | void;
  warnDays: number;
  warnHours: NumberOrString;
}

/** 'MaintenanceItemsInsertAudited' return type */
export interface MaintenanceItemsInsertAuditedResult {
  aircraft_found: boolean | null;
  date_past: boolean | null;
  item: Json | null;
  /** Tachometer total, the clock maintenance intervals run on; advanced only by check-in. */
  tach_hours: string;
  tach_known: boolean | null;
}

/** 'MaintenanceItemsInsertAudited' query type */
export interface MaintenanceItemsInsertAuditedQuery {
  params: MaintenanceItemsInsertAuditedParams;
  result: MaintenanceItemsInsertAuditedResult;
}

const maintenanceItemsInsertAuditedIR: any = {"usedParamSet":{"aircraftId":true,"lastDoneTach":true,"intervalHours":true,"lastDoneOn":true,"intervalMonths":true,"name":true,"warnHours":true,"warnDays":true,"blocksBooking":true,"actorId":true,"idempotencyKey":true,"requestPath":true,"requestHash":true},"params":[{"name":"aircraftId","required":true,"transform":{"type":"scalar"},"locs":[{"a":640,"b":651}]},{"name":"lastDoneTach","required":false,"transform":{"type":"scalar"},"locs":[{"a":722,"b":734}]},{"name":"intervalHours","required":false,"transform":{"type":"scalar"},"locs":[{"a":756,"b":769},{"a":1197,"b":1210}]},{"name":"lastDoneOn","required":false,"transform":{"type":"scalar"},"locs":[{"a":847,"b":857}]},{"name":"intervalMonths","required":false,"transform":{"type":"scalar"},"locs":[{"a":876,"b":890},{"a":1222,"b":1236}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":1189,"b":1194}]},{"name":"warnHours","required":true,"transform":{"type":"scalar"},"locs":[{"a":1268,"b":1278}]},{"name":"warnDays","required":true,"transform":{"type":"scalar"},"locs":[{"a":1290,"b":1299}]},{"name":"blocksBooking","required":true,"transform":{"type":"scalar"},"locs":[{"a":1307,"b":1321}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1333,"b":1341},{"a":1759,"b":1766},{"a":1846,"b":1853}]},{"name":"idempotencyKey","required":false,"transform":{"type":"scalar"},"locs":[{"a":1856,"b":1870}]},{"name":"requestPath","required":false,"transform":{"type":"scalar"},"locs":[{"a":1873,"b":1884}]},{"name":"requestHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":1887,"b":1898}]}],"statement":"-- Adds a maintenance item to an aircraft with its audit entry, in one statement. An hours\n-- interval counts from last_done_tach (default: the aircraft's tach now), a months interval from\n-- last_done_on (default: today). A reading above the aircraft's tach or a date in the future\n-- stores nothing; the flags say which. An item already due grounds the aircraft's bookings at\n-- once (aircraft_refresh_risk, by trigger).\n-- :intervalHours or null, :intervalMonths or null,\n-- :lastDoneTach or null, :lastDoneOn or null,\n-- :actorId acting user id, :idempotencyKey or null\nWITH target AS (\n  SELECT id, tach_hours FROM aircraft WHERE id = :aircraftId!::uuid\n), checked AS (\n  SELECT t.id, t.tach_hours,\n         coalesce(:lastDoneTach::numeric, CASE WHEN :intervalHours::numeric IS NOT NULL THEN t.tach_hours END) AS done_tach,\n         coalesce(:lastDoneOn::date, CASE WHEN :intervalMonths::int IS NOT NULL THEN current_date END) AS done_on\n  FROM target t\n), created AS (\n  INSERT INTO maintenance_items (aircraft_id, name, interval_hours, interval_months, last_done_tach, last_done_on,\n                                 warn_hours, warn_days, blocks_booking, created_by)\n  SELECT k.id, :name!, :intervalHours::numeric, :intervalMonths::int, k.done_tach, k.done_on, :warnHours!::numeric, :warnDays!::int, :blocksBooking!::boolean, :actorId!::uuid\n  FROM checked k\n  WHERE (k.done_tach IS NULL OR k.done_tach <= k.tach_hours) AND (k.done_on IS NULL OR k.done_on <= current_date)\n  RETURNING *\n), shown AS (\n  SELECT c.id, maintenance_item_state(ROW(c.*)::maintenance_items) AS item FROM created c\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'maintenance_item', s.id::text, 'maintenance_item.created', :actorId::uuid, s.item\n  FROM shown s\n), remembered AS (\n  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, s.item)\n  FROM shown s\n)\nSELECT k.id IS NOT NULL AS aircraft_found,\n       (k.done_tach IS NULL OR k.done_tach <= k.tach_hours) AS tach_known, k.tach_hours,\n       (k.done_on IS NULL OR k.done_on <= current_date) AS date_past,\n       s.item\nFROM (SELECT 1) AS one\nLEFT JOIN checked k ON true\nLEFT JOIN shown s ON true\nCROSS JOIN (SELECT count(*) FROM remembered) AS stored"};

/**
 * Query generated from SQL:
 * ```
 * -- Adds a maintenance item to an aircraft with its audit entry, in one statement. An hours
 * -- interval counts from last_done_tach (default: the aircraft's tach now), a months interval from
 * -- last_done_on (default: today). A reading above the aircraft's tach or a date in the future
 * -- stores nothing; the flags say which. An item already due grounds the aircraft's bookings at
 * -- once (aircraft_refresh_risk, by trigger).
 * -- :intervalHours or null, :intervalMonths or null,
 * -- :lastDoneTach or null, :lastDoneOn or null,
 * -- :actorId acting user id, :idempotencyKey or null
 * WITH target AS (
 *   SELECT id, tach_hours FROM aircraft WHERE id = :aircraftId!::uuid
 * ), checked AS (
 *   SELECT t.id, t.tach_hours,
 *          coalesce(:lastDoneTach::numeric, CASE WHEN :intervalHours::numeric IS NOT NULL THEN t.tach_hours END) AS done_tach,
 *          coalesce(:lastDoneOn::date, CASE WHEN :intervalMonths::int IS NOT NULL THEN current_date END) AS done_on
 *   FROM target t
 * ), created AS (
 *   INSERT INTO maintenance_items (aircraft_id, name, interval_hours, interval_months, last_done_tach, last_done_on,
 *                                  warn_hours, warn_days, blocks_booking, created_by)
 *   SELECT k.id, :name!, :intervalHours::numeric, :intervalMonths::int, k.done_tach, k.done_on, :warnHours!::numeric, :warnDays!::int, :blocksBooking!::boolean, :actorId!::uuid
 *   FROM checked k
 *   WHERE (k.done_tach IS NULL OR k.done_tach <= k.tach_hours) AND (k.done_on IS NULL OR k.done_on <= current_date)
 *   RETURNING *
 * ), shown AS (
 *   SELECT c.id, maintenance_item_state(ROW(c.*)::maintenance_items) AS item FROM created c
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'maintenance_item', s.id::text, 'maintenance_item.created', :actorId::uuid, s.item
 *   FROM shown s
 * ), remembered AS (
 *   SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, s.item)
 *   FROM shown s
 * )
 * SELECT k.id IS NOT NULL AS aircraft_found,
 *        (k.done_tach IS NULL OR k.done_tach <= k.tach_hours) AS tach_known, k.tach_hours,
 *        (k.done_on IS NULL OR k.done_on <= current_date) AS date_past,
 *        s.item
 * FROM (SELECT 1) AS one
 * LEFT JOIN checked k ON true
 * LEFT JOIN shown s ON true
 * CROSS JOIN (SELECT count(*) FROM remembered) AS stored
 * ```
 */
export const maintenanceItemsInsertAudited = new PreparedQuery<MaintenanceItemsInsertAuditedParams,MaintenanceItemsInsertAuditedResult>(maintenanceItemsInsertAuditedIR);


