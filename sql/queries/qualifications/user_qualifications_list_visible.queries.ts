/** Types generated for queries found in "sql/queries/qualifications/user_qualifications_list_visible.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type NumberOrString = number | string;

/** 'UserQualificationsListVisible' parameters type */
export interface UserQualificationsListVisibleParams {
  cursorAt?: DateOrString | null | void;
  cursorId?: string | null | void;
  limit: NumberOrString;
  userId: string;
  viewerId: string;
  viewerRole: string;
}

/** 'UserQualificationsListVisible' return type */
export interface UserQualificationsListVisibleResult {
  aircraft_type_code: string | null;
  created_at: Date;
  cursor_at: string | null;
  expires_on: Date | null;
  id: string;
  issued_on: Date | null;
  kind: string;
  recorded_by: string | null;
  updated_at: Date;
  user_id: string;
  visible: boolean | null;
}

/** 'UserQualificationsListVisible' query type */
export interface UserQualificationsListVisibleQuery {
  params: UserQualificationsListVisibleParams;
  result: UserQualificationsListVisibleResult;
}

const userQualificationsListVisibleIR: any = {"usedParamSet":{"viewerRole":true,"viewerId":true,"userId":true,"cursorAt":true,"cursorId":true,"limit":true},"params":[{"name":"viewerRole","required":true,"transform":{"type":"scalar"},"locs":[{"a":399,"b":410},{"a":463,"b":473}]},{"name":"viewerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":432,"b":441},{"a":638,"b":646}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":797,"b":804}]},{"name":"cursorAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":989,"b":997},{"a":1047,"b":1055}]},{"name":"cursorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":1071,"b":1079}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":1127,"b":1133}]}],"statement":"-- A page of a user's qualifications in the order they were first recorded, if the viewer may\n-- see them: themselves, an admin, or an instructor teaching the student (an active booking\n-- together). One row with visible and a null id when there are none to show.\n-- :cursorAt/:cursorId the cursor (created_at as text, id) or nulls,\n-- :limit page size + 1\nWITH target AS (\n  SELECT u.id,\n         (:viewerRole! = 'ADMIN' OR u.id = :viewerId!::uuid\n          OR (:viewerRole = 'INSTRUCTOR' AND u.role = 'STUDENT'\n              AND EXISTS (SELECT 1 FROM bookings b\n                          WHERE b.student_id = u.id AND b.instructor_id = :viewerId::uuid\n                            AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')))) AS visible\n  FROM users u\n  WHERE u.id = :userId!::uuid\n)\nSELECT t.visible, q.*, q.created_at::text AS cursor_at\nFROM target t\nLEFT JOIN LATERAL (\n  SELECT * FROM user_qualifications q\n  WHERE q.user_id = t.id AND t.visible\n    AND (:cursorAt::timestamptz IS NULL OR (q.created_at, q.id) > (:cursorAt::timestamptz, :cursorId::uuid))\n  ORDER BY q.created_at, q.id\n  LIMIT :limit!\n) q ON true\nORDER BY q.created_at, q.id"};

/**
 * Query generated from SQL:
 * ```
 * -- A page of a user's qualifications in the order they were first recorded, if the viewer may
 * -- see them: themselves, an admin, or an instructor teaching the student (an active booking
 * -- together). One row with visible and a null id when there are none to show.
 * -- :cursorAt/:cursorId the cursor (created_at as text, id) or nulls,
 * -- :limit page size + 1
 * WITH target AS (
 *   SELECT u.id,
 *          (:viewerRole! = 'ADMIN' OR u.id = :viewerId!::uuid
 *           OR (:viewerRole = 'INSTRUCTOR' AND u.role = 'STUDENT'
 *               AND EXISTS (SELECT 1 FROM bookings b
 *                           WHERE b.student_id = u.id AND b.instructor_id = :viewerId::uuid
 *                             AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')))) AS visible
 *   FROM users u
 *   WHERE u.id = :userId!::uuid
 * )
 * SELECT t.visible, q.*, q.created_at::text AS cursor_at
 * FROM target t
 * LEFT JOIN LATERAL (
 *   SELECT * FROM user_qualifications q
 *   WHERE q.user_id = t.id AND t.visible
 *     AND (:cursorAt::timestamptz IS NULL OR (q.created_at, q.id) > (:cursorAt::timestamptz, :cursorId::uuid))
 *   ORDER BY q.created_at, q.id
 *   LIMIT :limit!
 * ) q ON true
 * ORDER BY q.created_at, q.id
 * ```
 */
export const userQualificationsListVisible = new PreparedQuery<UserQualificationsListVisibleParams,UserQualificationsListVisibleResult>(userQualificationsListVisibleIR);


