/** Types generated for queries found in "sql/queries/availability/availability_overrides_insert_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'AvailabilityOverridesInsertAudited' parameters type */
export interface AvailabilityOverridesInsertAuditedParams {
  actorId: string;
  date: DateOrString;
  endTime?: DateOrString | null | void;
  idempotencyKey?: string | null | void;
  isBlocked: boolean;
  reason?: string | null | void;
  requestHash?: string | null | void;
  requestPath?: string | null | void;
  startTime?: DateOrString | null | void;
  userId: string;
}

/** 'AvailabilityOverridesInsertAudited' return type */
export interface AvailabilityOverridesInsertAuditedResult {
  created_at: Date;
  date: string | null;
  end_time: string | null;
  id: string;
  is_blocked: boolean;
  reason: string | null;
  start_time: string | null;
  updated_at: Date;
  user_id: string;
}

/** 'AvailabilityOverridesInsertAudited' query type */
export interface AvailabilityOverridesInsertAuditedQuery {
  params: AvailabilityOverridesInsertAuditedParams;
  result: AvailabilityOverridesInsertAuditedResult;
}

const availabilityOverridesInsertAuditedIR: any = {"usedParamSet":{"date":true,"startTime":true,"endTime":true,"isBlocked":true,"reason":true,"userId":true,"actorId":true,"idempotencyKey":true,"requestPath":true,"requestHash":true},"params":[{"name":"date","required":true,"transform":{"type":"scalar"},"locs":[{"a":391,"b":396}]},{"name":"startTime","required":false,"transform":{"type":"scalar"},"locs":[{"a":405,"b":414}]},{"name":"endTime","required":false,"transform":{"type":"scalar"},"locs":[{"a":423,"b":430}]},{"name":"isBlocked","required":true,"transform":{"type":"scalar"},"locs":[{"a":439,"b":449}]},{"name":"reason","required":false,"transform":{"type":"scalar"},"locs":[{"a":461,"b":467}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":499,"b":506}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":904,"b":912},{"a":1200,"b":1207}]},{"name":"idempotencyKey","required":false,"transform":{"type":"scalar"},"locs":[{"a":1210,"b":1224}]},{"name":"requestPath","required":false,"transform":{"type":"scalar"},"locs":[{"a":1227,"b":1238}]},{"name":"requestHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":1241,"b":1252}]}],"statement":"-- Adds a date-specific exception for an existing user, audited, in one statement; no row when\n-- the user does not exist.\n-- :startTime or null, :endTime or null (both null: the whole day),\n-- :reason or null, :actorId acting user id,\n-- :idempotencyKey or null\nWITH created AS (\n  INSERT INTO availability_overrides (user_id, date, start_time, end_time, is_blocked, reason)\n  SELECT u.id, :date!::date, :startTime::time, :endTime::time, :isBlocked!::boolean, :reason\n  FROM users u\n  WHERE u.id = :userId!\n  RETURNING *\n), shown AS (\n  SELECT id, user_id, date::text AS date, to_char(start_time, 'HH24:MI') AS start_time,\n         to_char(end_time, 'HH24:MI') AS end_time, is_blocked, reason, created_at, updated_at\n  FROM created\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'availability', shown.user_id::text, 'availability.override_created', :actorId!::uuid,\n         jsonb_build_object('override_id', shown.id, 'date', shown.date, 'start_time', shown.start_time,\n                            'end_time', shown.end_time, 'is_blocked', shown.is_blocked, 'reason', shown.reason)\n  FROM shown\n), remembered AS (\n  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(shown))\n  FROM shown\n)\nSELECT shown.* FROM shown CROSS JOIN (SELECT count(*) FROM remembered) AS stored"};

/**
 * Query generated from SQL:
 * ```
 * -- Adds a date-specific exception for an existing user, audited, in one statement; no row when
 * -- the user does not exist.
 * -- :startTime or null, :endTime or null (both null: the whole day),
 * -- :reason or null, :actorId acting user id,
 * -- :idempotencyKey or null
 * WITH created AS (
 *   INSERT INTO availability_overrides (user_id, date, start_time, end_time, is_blocked, reason)
 *   SELECT u.id, :date!::date, :startTime::time, :endTime::time, :isBlocked!::boolean, :reason
 *   FROM users u
 *   WHERE u.id = :userId!
 *   RETURNING *
 * ), shown AS (
 *   SELECT id, user_id, date::text AS date, to_char(start_time, 'HH24:MI') AS start_time,
 *          to_char(end_time, 'HH24:MI') AS end_time, is_blocked, reason, created_at, updated_at
 *   FROM created
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'availability', shown.user_id::text, 'availability.override_created', :actorId!::uuid,
 *          jsonb_build_object('override_id', shown.id, 'date', shown.date, 'start_time', shown.start_time,
 *                             'end_time', shown.end_time, 'is_blocked', shown.is_blocked, 'reason', shown.reason)
 *   FROM shown
 * ), remembered AS (
 *   SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(shown))
 *   FROM shown
 * )
 * SELECT shown.* FROM shown CROSS JOIN (SELECT count(*) FROM remembered) AS stored
 * ```
 */
export const availabilityOverridesInsertAudited = new PreparedQuery<AvailabilityOverridesInsertAuditedParams,AvailabilityOverridesInsertAuditedResult>(availabilityOverridesInsertAuditedIR);


