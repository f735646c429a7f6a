/** Types generated for queries found in "sql/queries/rescheduling/reschedule_options_select_visible.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'RescheduleOptionsSelectVisible' parameters type */
export interface RescheduleOptionsSelectVisibleParams {
  bookingId: string;
  viewerId: string;
  viewerRole: string;
}

/** 'RescheduleOptionsSelectVisible' return type */
export interface RescheduleOptionsSelectVisibleResult {
  booking_id: string;
  instructor_id: string;
  options: Json | null;
  preferences: Json | null;
  status: string;
  student_id: string;
}

/** 'RescheduleOptionsSelectVisible' query type */
export interface RescheduleOptionsSelectVisibleQuery {
  params: RescheduleOptionsSelectVisibleParams;
  result: RescheduleOptionsSelectVisibleResult;
}

const rescheduleOptionsSelectVisibleIR: any = {"usedParamSet":{"bookingId":true,"viewerRole":true,"viewerId":true},"params":[{"name":"bookingId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1141,"b":1151}]},{"name":"viewerRole","required":true,"transform":{"type":"scalar"},"locs":[{"a":1158,"b":1169}]},{"name":"viewerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1199,"b":1208},{"a":1231,"b":1239}]}],"statement":"-- A booking's current options and both parties' preference rows, if the viewer may see it.\nSELECT b.id AS booking_id, b.status, b.student_id, b.instructor_id,\n       coalesce((SELECT jsonb_agg(jsonb_build_object(\n                          'id', o.id, 'position', o.position, 'suggested_at', o.suggested_at, 'ends_at', o.ends_at,\n                          'confidence', o.confidence, 'weather_status', o.weather_status, 'reasons', o.reasons,\n                          'aircraft_id', o.aircraft_id)\n                        ORDER BY o.position)\n                 FROM reschedule_options o WHERE o.booking_id = b.id), '[]'::jsonb) AS options,\n       coalesce((SELECT jsonb_agg(jsonb_build_object(\n                          'party', p.party, 'deadline', p.deadline, 'submitted_at', p.submitted_at,\n                          'ranked_option_ids', p.ranked_option_ids, 'unavailable_option_ids', p.unavailable_option_ids,\n                          'reminder_sent_at', p.reminder_sent_at, 'escalated_at', p.escalated_at))\n                 FROM preference_rankings p WHERE p.booking_id = b.id), '[]'::jsonb) AS preferences\nFROM bookings b\nWHERE b.id = :bookingId! AND (:viewerRole! = 'ADMIN' OR b.student_id = :viewerId! OR b.instructor_id = :viewerId)"};

/**
 * Query generated from SQL:
 * ```
 * -- A booking's current options and both parties' preference rows, if the viewer may see it.
 * SELECT b.id AS booking_id, b.status, b.student_id, b.instructor_id,
 *        coalesce((SELECT jsonb_agg(jsonb_build_object(
 *                           'id', o.id, 'position', o.position, 'suggested_at', o.suggested_at, 'ends_at', o.ends_at,
 *                           'confidence', o.confidence, 'weather_status', o.weather_status, 'reasons', o.reasons,
 *                           'aircraft_id', o.aircraft_id)
 *                         ORDER BY o.position)
 *                  FROM reschedule_options o WHERE o.booking_id = b.id), '[]'::jsonb) AS options,
 *        coalesce((SELECT jsonb_agg(jsonb_build_object(
 *                           'party', p.party, 'deadline', p.deadline, 'submitted_at', p.submitted_at,
 *                           'ranked_option_ids', p.ranked_option_ids, 'unavailable_option_ids', p.unavailable_option_ids,
 *                           'reminder_sent_at', p.reminder_sent_at, 'escalated_at', p.escalated_at))
 *                  FROM preference_rankings p WHERE p.booking_id = b.id), '[]'::jsonb) AS preferences
 * FROM bookings b
 * WHERE b.id = :bookingId! AND (:viewerRole! = 'ADMIN' OR b.student_id = :viewerId! OR b.instructor_id = :viewerId)
 * ```
 */
export const rescheduleOptionsSelectVisible = new PreparedQuery<RescheduleOptionsSelectVisibleParams,RescheduleOptionsSelectVisibleResult>(rescheduleOptionsSelectVisibleIR);


