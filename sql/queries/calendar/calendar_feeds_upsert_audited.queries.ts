/** Types generated for queries found in "sql/queries/calendar/calendar_feeds_upsert_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'CalendarFeedsUpsertAudited' parameters type */
export interface CalendarFeedsUpsertAuditedParams {
  actorId: string;
  tokenHash: string;
  userId: string;
}

/** 'CalendarFeedsUpsertAudited' return type */
export interface CalendarFeedsUpsertAuditedResult {
  created_at: Date;
  user_id: string;
}

/** 'CalendarFeedsUpsertAudited' query type */
export interface CalendarFeedsUpsertAuditedQuery {
  params: CalendarFeedsUpsertAuditedParams;
  result: CalendarFeedsUpsertAuditedResult;
}

const calendarFeedsUpsertAuditedIR: any = {"usedParamSet":{"userId":true,"tokenHash":true,"actorId":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":331,"b":338}]},{"name":"tokenHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":427,"b":437}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":731,"b":739}]}],"statement":"-- Gives a user a new calendar feed token (its SHA-256 only), replacing and so revoking the one\n-- they had, audited, in one statement. No row: the user does not exist.\n-- :actorId acting user id\nWITH person AS (\n  SELECT u.id, EXISTS (SELECT 1 FROM calendar_feeds f WHERE f.user_id = u.id) AS had_feed\n  FROM users u WHERE u.id = :userId!::uuid\n), issued AS (\n  INSERT INTO calendar_feeds (user_id, token_hash)\n  SELECT p.id, :tokenHash! FROM person p\n  ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = now()\n  RETURNING user_id, created_at\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'user', i.user_id::text, 'user.calendar_feed_issued', :actorId!::uuid,\n         jsonb_build_object('replaced', p.had_feed)\n  FROM issued i JOIN person p ON p.id = i.user_id\n)\nSELECT user_id, created_at FROM issued"};

/**
 * Query generated from SQL:
 * ```
 * -- Gives a user a new calendar feed token (its SHA-256 only), replacing and so revoking the one
 * -- they had, audited, in one statement. No row: the user does not exist.
 * -- :actorId acting user id
 * WITH person AS (
 *   SELECT u.id, EXISTS (SELECT 1 FROM calendar_feeds f WHERE f.user_id = u.id) AS had_feed
 *   FROM users u WHERE u.id = :userId!::uuid
 * ), issued AS (
 *   INSERT INTO calendar_feeds (user_id, token_hash)
 *   SELECT p.id, :tokenHash! FROM person p
 *   ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = now()
 *   RETURNING user_id, created_at
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'user', i.user_id::text, 'user.calendar_feed_issued', :actorId!::uuid,
 *          jsonb_build_object('replaced', p.had_feed)
 *   FROM issued i JOIN person p ON p.id = i.user_id
 * )
 * SELECT user_id, created_at FROM issued
 * ```
 */
export const calendarFeedsUpsertAudited = new PreparedQuery<CalendarFeedsUpsertAuditedParams,CalendarFeedsUpsertAuditedResult>(calendarFeedsUpsertAuditedIR);


