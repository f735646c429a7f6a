/** Types generated for queries found in "sql/queries/bookings/bookings_select_overlapping.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'BookingsSelectOverlapping' parameters type */
export interface BookingsSelectOverlappingParams {
  aircraftGiven: boolean;
  aircraftId?: string | null | void;
  durationMinutes?: number | null | void;
  instructorId?: string | null | void;
  movingBookingId?: string | null | void;
  scheduledAt?: DateOrString | null | void;
  studentId?: string | null | void;
}

/** 'BookingsSelectOverlapping' return type */
export interface BookingsSelectOverlappingResult {
  booking_id: string;
  resource: string | null;
}

/** 'BookingsSelectOverlapping' query type */
export interface BookingsSelectOverlappingQuery {
  params: BookingsSelectOverlappingParams;
  result: BookingsSelectOverlappingResult;
}

const bookingsSelectOverlappingIR: any = {"usedParamSet":{"movingBookingId":true,"studentId":true,"instructorId":true,"aircraftGiven":true,"aircraftId":true,"scheduledAt":true,"durationMinutes":true},"params":[{"name":"movingBookingId","required":false,"transform":{"type":"scalar"},"locs":[{"a":550,"b":565},{"a":1509,"b":1524}]},{"name":"studentId","required":false,"transform":{"type":"scalar"},"locs":[{"a":606,"b":615}]},{"name":"instructorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":671,"b":683}]},{"name":"aircraftGiven","required":true,"transform":{"type":"scalar"},"locs":[{"a":746,"b":760}]},{"name":"aircraftId","required":false,"transform":{"type":"scalar"},"locs":[{"a":776,"b":786}]},{"name":"scheduledAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":861,"b":872},{"a":933,"b":944}]},{"name":"durationMinutes","required":false,"transform":{"type":"scalar"},"locs":[{"a":1030,"b":1045}]}],"statement":"-- The active bookings in the way of a slot, per resource: run only after an exclusion constraint\n-- refused a write, to name what it collided with. For a booking being moved, what the change\n-- leaves out is taken from the booking itself, and the booking is never in its own way.\n-- :studentId or null, :instructorId or null, :aircraftGiven whether the aircraft is given,\n-- :aircraftId or null, :scheduledAt or null, :durationMinutes or null,\n-- :movingBookingId the booking being moved or null\nWITH moving AS (\n  SELECT * FROM bookings WHERE id = :movingBookingId::uuid\n), wanted AS (\n  SELECT coalesce(:studentId::uuid, m.student_id) AS student_id,\n         coalesce(:instructorId::uuid, m.instructor_id) AS instructor_id,\n         CASE WHEN :aircraftGiven!::boolean THEN :aircraftId::uuid ELSE m.aircraft_id END AS aircraft_id,\n         tstzrange(coalesce(:scheduledAt::timestamptz, m.scheduled_at),\n                   coalesce(:scheduledAt::timestamptz, m.scheduled_at)\n                     + make_interval(mins => coalesce(:durationMinutes::int, m.duration_minutes)), '[)') AS span\n  FROM (SELECT 1) AS one\n  LEFT JOIN moving m ON true\n)\nSELECT r.resource, b.id AS booking_id\nFROM wanted w\nJOIN bookings b\n  ON (b.student_id = w.student_id OR (b.instructor_id = w.instructor_id AND b.lesson_type = 'DUAL')\n     OR b.aircraft_id = w.aircraft_id)\n AND tstzrange(b.scheduled_at, b.ends_at, '[)') && w.span\n AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')\n AND b.id IS DISTINCT FROM :movingBookingId::uuid\nCROSS JOIN LATERAL (VALUES\n  (1, 'student', b.student_id = w.student_id),\n  (2, 'instructor', b.instructor_id = w.instructor_id AND b.lesson_type = 'DUAL'),\n  (3, 'aircraft', b.aircraft_id = w.aircraft_id)\n) AS r (rank, resource, hit)\nWHERE r.hit\nORDER BY r.rank, b.scheduled_at"};

/**
 * Query generated from SQL:
 * ```
 * -- The active bookings in the way of a slot, per resource: run only after an exclusion constraint
 * -- refused a write, to name what it collided with. For a booking being moved, what the change
 * -- leaves out is taken from the booking itself, and the booking is never in its own way.
 * -- :studentId or null, :instructorId or null, :aircraftGiven whether the aircraft is given,
 * -- :aircraftId or null, :scheduledAt or null, :durationMinutes or null,
 * -- :movingBookingId the booking being moved or null
 * WITH moving AS (
 *   SELECT * FROM bookings WHERE id = :movingBookingId::uuid
 * ), wanted AS (
 *   SELECT coalesce(:studentId::uuid, m.student_id) AS student_id,
 *          coalesce(:instructorId::uuid, m.instructor_id) AS instructor_id,
 *          CASE WHEN :aircraftGiven!::boolean THEN :aircraftId::uuid ELSE m.aircraft_id END AS aircraft_id,
 *          tstzrange(coalesce(:scheduledAt::timestamptz, m.scheduled_at),
 *                    coalesce(:scheduledAt::timestamptz, m.scheduled_at)
 *                      + make_interval(mins => coalesce(:durationMinutes::int, m.duration_minutes)), '[)') AS span
 *   FROM (SELECT 1) AS one
 *   LEFT JOIN moving m ON true
 * )
 * SELECT r.resource, b.id AS booking_id
 * FROM wanted w
 * JOIN bookings b
 *   ON (b.student_id = w.student_id OR (b.instructor_id = w.instructor_id AND b.lesson_type = 'DUAL')
 *      OR b.aircraft_id = w.aircraft_id)
 *  AND tstzrange(b.scheduled_at, b.ends_at, '[)') && w.span
 *  AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')
 *  AND b.id IS DISTINCT FROM :movingBookingId::uuid
 * CROSS JOIN LATERAL (VALUES
 *   (1, 'student', b.student_id = w.student_id),
 *   (2, 'instructor', b.instructor_id = w.instructor_id AND b.lesson_type = 'DUAL'),
 *   (3, 'aircraft', b.aircraft_id = w.aircraft_id)
 * ) AS r (rank, resource, hit)
 * WHERE r.hit
 * ORDER BY r.rank, b.scheduled_at
 * ```
 */
export const bookingsSelectOverlapping = new PreparedQuery<BookingsSelectOverlappingParams,BookingsSelectOverlappingResult>(bookingsSelectOverlappingIR);


