/** Types generated for queries found in "sql/queries/standby/standby_entries_update_withdrawn.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'StandbyEntriesUpdateWithdrawn' parameters type */
export interface StandbyEntriesUpdateWithdrawnParams {
  actorId: string;
  actorRole: string;
  entryId: string;
}

/** 'StandbyEntriesUpdateWithdrawn' return type */
export interface StandbyEntriesUpdateWithdrawnResult {
  aircraft_type_code: string | null;
  booking_id: string | null;
  created_at: Date;
  created_by: string | null;
  departure_airport: string;
  duration_minutes: number;
  id: string;
  instructor_id: string | null;
  lesson_type: string;
  promoted_at: Date | null;
  seen_status: string;
  status: string;
  student_id: string;
  updated_at: Date;
  window_end: Date;
  window_start: Date;
}

/** 'StandbyEntriesUpdateWithdrawn' query type */
export interface StandbyEntriesUpdateWithdrawnQuery {
  params: StandbyEntriesUpdateWithdrawnParams;
  result: StandbyEntriesUpdateWithdrawnResult;
}

const standbyEntriesUpdateWithdrawnIR: any = {"usedParamSet":{"entryId":true,"actorRole":true,"actorId":true},"params":[{"name":"entryId","required":true,"transform":{"type":"scalar"},"locs":[{"a":387,"b":395},{"a":553,"b":560}]},{"name":"actorRole","required":true,"transform":{"type":"scalar"},"locs":[{"a":408,"b":418},{"a":573,"b":582}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":451,"b":459},{"a":615,"b":622},{"a":823,"b":830}]}],"statement":"-- Takes a waiting entry off the standby list, audited, in one statement. Students may withdraw\n-- only their own. The status guard sits in the UPDATE, so an entry a promotion holds is waited\n-- for and then found PROMOTED: it is never both promoted and withdrawn.\n-- :actorId acting user id, :actorRole acting role\nWITH seen AS (\n  SELECT s.status FROM standby_entries s\n  WHERE s.id = :entryId!::uuid AND (:actorRole! <> 'STUDENT' OR s.student_id = :actorId!::uuid)\n), withdrawn AS (\n  UPDATE standby_entries s SET status = 'WITHDRAWN'\n  WHERE s.id = :entryId::uuid AND (:actorRole <> 'STUDENT' OR s.student_id = :actorId::uuid) AND s.status = 'WAITING'\n  RETURNING s.*\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'standby_entry', w.id::text, 'standby.withdrawn', :actorId::uuid, jsonb_build_object('from', 'WAITING', 'to', 'WITHDRAWN')\n  FROM withdrawn w\n)\nSELECT s.status AS seen_status, w.*\nFROM seen s\nLEFT JOIN withdrawn w ON true"};

/**
 * Query generated from SQL:
 * ```
 * -- Takes a waiting entry off the standby list, audited, in one statement. Students may withdraw
 * -- only their own. The status guard sits in the UPDATE, so an entry a promotion holds is waited
 * -- for and then found PROMOTED: it is never both promoted and withdrawn.
 * -- :actorId acting user id, :actorRole acting role
 * WITH seen AS (
 *   SELECT s.status FROM standby_entries s
 *   WHERE s.id = :entryId!::uuid AND (:actorRole! <> 'STUDENT' OR s.student_id = :actorId!::uuid)
 * ), withdrawn AS (
 *   UPDATE standby_entries s SET status = 'WITHDRAWN'
 *   WHERE s.id = :entryId::uuid AND (:actorRole <> 'STUDENT' OR s.student_id = :actorId::uuid) AND s.status = 'WAITING'
 *   RETURNING s.*
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'standby_entry', w.id::text, 'standby.withdrawn', :actorId::uuid, jsonb_build_object('from', 'WAITING', 'to', 'WITHDRAWN')
 *   FROM withdrawn w
 * )
 * SELECT s.status AS seen_status, w.*
 * FROM seen s
 * LEFT JOIN withdrawn w ON true
 * ```
 */
export const standbyEntriesUpdateWithdrawn = new PreparedQuery<StandbyEntriesUpdateWithdrawnParams,StandbyEntriesUpdateWithdrawnResult>(standbyEntriesUpdateWithdrawnIR);


