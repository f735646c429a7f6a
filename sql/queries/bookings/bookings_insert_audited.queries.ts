/** Types generated for queries found in "sql/queries/bookings/bookings_insert_audited.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'BookingsInsertAudited' parameters type */
export interface BookingsInsertAuditedParams {
  actorId: string;
  aircraftId?: string | null | void;
  arrival: string;
  departure: string;
  durationMinutes: number;
  idempotencyKey?: string | null | void;
  instructorId: string;
  lessonType: string;
  overrideAvailability: boolean;
  overrideRules: boolean;
  requestHash?: string | null | void;
  requestPath?: string | null | void;
  scheduledAt: DateOrString;
  studentId: string;
  twilight: Json;
}

/** 'BookingsInsertAudited' return type */
export interface BookingsInsertAuditedResult {
  aircraft_found: boolean | null;
  aircraft_id: string | null;
  arrival_airport: string;
  arrival_found: boolean | null;
  arrival_latitude: number;
  arrival_longitude: number;
  availability_overridden: boolean;
  cancel_reason: string | null;
  cancellation_category: string | null;
  cancellation_late: boolean | null;
  cancellation_no_fault: boolean | null;
  cancelled_by: string | null;
  checked_in_at: Date | null;
  created_at: Date;
  created_by: string | null;
  departure_airport: string;
  departure_found: boolean | null;
  departure_latitude: number;
  departure_longitude: number;
  dispatched_at: Date | null;
  duration_minutes: number;
  ends_at: Date;
  flight_hours: string | null;
  hobbs_in: string | null;
  hobbs_out: string | null;
  id: string;
  instructor_available: boolean | null;
  instructor_found: boolean | null;
  instructor_id: string;
  lesson_type: string;
  original_booking_id: string | null;
  rescheduled_to: string | null;
  risk_reasons: stringArray;
  rules_overridden: boolean;
  scheduled_at: Date;
  sequence: number;
  status: string;
  student_found: boolean | null;
  student_id: string;
  tach_in: string | null;
  tach_out: string | null;
  training_level: string;
  updated_at: Date;
  warnings: Json;
  weather_checked_at: Date | null;
  weather_status: string | null;
}

/** 'BookingsInsertAudited' query type */
export interface BookingsInsertAuditedQuery {
  params: BookingsInsertAuditedParams;
  result: BookingsInsertAuditedResult;
}

const bookingsInsertAuditedIR: any = {"usedParamSet":{"departure":true,"arrival":true,"studentId":true,"instructorId":true,"aircraftId":true,"overrideAvailability":true,"lessonType":true,"scheduledAt":true,"durationMinutes":true,"twilight":true,"actorId":true,"overrideRules":true,"idempotencyKey":true,"requestPath":true,"requestHash":true},"params":[{"name":"departure","required":true,"transform":{"type":"scalar"},"locs":[{"a":1099,"b":1109},{"a":1121,"b":1130}]},{"name":"arrival","required":true,"transform":{"type":"scalar"},"locs":[{"a":1210,"b":1218},{"a":1230,"b":1237}]},{"name":"studentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1497,"b":1507},{"a":3093,"b":3102}]},{"name":"instructorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1609,"b":1622},{"a":2009,"b":2021},{"a":3111,"b":3123}]},{"name":"aircraftId","required":false,"transform":{"type":"scalar"},"locs":[{"a":1797,"b":1807},{"a":1872,"b":1882},{"a":3132,"b":3142}]},{"name":"overrideAvailability","required":true,"transform":{"type":"scalar"},"locs":[{"a":1921,"b":1942},{"a":3351,"b":3371},{"a":4187,"b":4207}]},{"name":"lessonType","required":true,"transform":{"type":"scalar"},"locs":[{"a":1956,"b":1967},{"a":3383,"b":3393}]},{"name":"scheduledAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":2030,"b":2042},{"a":2105,"b":2116},{"a":3267,"b":3278}]},{"name":"durationMinutes","required":true,"transform":{"type":"scalar"},"locs":[{"a":2155,"b":2171},{"a":3294,"b":3309}]},{"name":"twilight","required":true,"transform":{"type":"scalar"},"locs":[{"a":2551,"b":2560}]},{"name":"actorId","required":true,"transform":{"type":"scalar"},"locs":[{"a":3334,"b":3342},{"a":3840,"b":3847},{"a":4962,"b":4969},{"a":5026,"b":5033}]},{"name":"overrideRules","required":true,"transform":{"type":"scalar"},"locs":[{"a":3402,"b":3416},{"a":4237,"b":4250}]},{"name":"idempotencyKey","required":false,"transform":{"type":"scalar"},"locs":[{"a":5036,"b":5050}]},{"name":"requestPath","required":false,"transform":{"type":"scalar"},"locs":[{"a":5053,"b":5064}]},{"name":"requestHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":5067,"b":5078}]}],"statement":"-- Books a flight in one statement: resolves both airports (ICAO or IATA), copies the student's\n-- training level, checks the people, the aircraft and the instructor's availability, and writes\n-- the booking, its audit entry and the other parties' CONFIRMATION together. When a check fails\n-- nothing is written and the flags in the answer say which one. Overlaps are refused by the\n-- exclusion constraints and the aircraft and booking rules by the bookings_verify_rules trigger\n-- (SQLSTATE SK409), both under any concurrency. A SOLO flight names its supervising instructor\n-- without occupying them, so their availability is not asked.\n-- :aircraftId or null, :departure code, :arrival code,\n-- :actorId acting user id,\n-- :twilight civil twilight rows the daylight rule may read\n-- (jsonb [{ airport, day, civil_dawn, civil_dusk }], computed by the application),\n-- :idempotencyKey or null\n-- Codes arrive upper-cased; ICAO codes have four characters and IATA codes three, so each matches\n-- at most one airport.\nWITH departure AS (\n  SELECT icao, latitude, longitude FROM airports WHERE icao = :departure! OR iata = :departure\n), arrival AS (\n  SELECT icao, latitude, longitude FROM airports WHERE icao = :arrival! OR iata = :arrival\n), checked AS (\n  SELECT d.icao AS departure_icao, d.latitude AS departure_lat, d.longitude AS departure_lon,\n         a.icao AS arrival_icao, a.latitude AS arrival_lat, a.longitude AS arrival_lon,\n         (SELECT s.training_level FROM users s WHERE s.id = :studentId!::uuid AND s.role = 'STUDENT') AS student_level,\n         EXISTS (SELECT 1 FROM users i WHERE i.id = :instructorId!::uuid AND i.role = 'INSTRUCTOR') AS instructor_found,\n         -- An aircraft that exists but may not fly is the rules trigger's to refuse (aircraft_unavailable).\n         (:aircraftId::uuid IS NULL OR EXISTS (SELECT 1 FROM aircraft p WHERE p.id = :aircraftId::uuid)) AS aircraft_found,\n         (:overrideAvailability!::boolean OR :lessonType!::text = 'SOLO' OR user_available_during(:instructorId::uuid, :scheduledAt!::timestamptz,\n                                               :scheduledAt::timestamptz + make_interval(mins => :durationMinutes!::int))) AS instructor_available\n  FROM (SELECT 1) AS one\n  LEFT JOIN departure d ON true\n  LEFT JOIN arrival a ON true\n), twilight AS (\n  -- Stored before the booking row is made (it reads this CTE), so the rules trigger sees it.\n  INSERT INTO civil_twilight (airport, day, civil_dawn, civil_dusk)\n  SELECT x.airport, x.day, x.civil_dawn, x.civil_dusk\n  FROM jsonb_to_recordset(:twilight!::jsonb) AS x (airport text, day date, civil_dawn timestamptz, civil_dusk timestamptz)\n  ON CONFLICT (airport, day) DO NOTHING\n  RETURNING 1\n), created AS (\n  INSERT INTO bookings (student_id, instructor_id, aircraft_id, departure_airport, arrival_airport,\n                        departure_latitude, departure_longitude, arrival_latitude, arrival_longitude,\n                        scheduled_at, duration_minutes, training_level, created_by, availability_overridden,\n                        lesson_type, rules_overridden)\n  SELECT :studentId::uuid, :instructorId::uuid, :aircraftId::uuid, k.departure_icao, k.arrival_icao,\n         k.departure_lat, k.departure_lon, k.arrival_lat, k.arrival_lon,\n         :scheduledAt::timestamptz, :durationMinutes::int, k.student_level, :actorId!::uuid, :overrideAvailability::boolean, :lessonType::text, :overrideRules!::boolean\n  FROM checked k\n  CROSS JOIN (SELECT count(*) FROM twilight) AS twilight_stored\n  WHERE k.departure_icao IS NOT NULL AND k.arrival_icao IS NOT NULL AND k.student_level IS NOT NULL\n    AND k.instructor_found AND k.aircraft_found AND k.instructor_available\n  RETURNING *\n), audited AS (\n  INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)\n  SELECT 'booking', c.id::text, 'booking.created', :actorId::uuid,\n         jsonb_build_object('student_id', c.student_id, 'instructor_id', c.instructor_id,\n                            'aircraft_id', c.aircraft_id, 'scheduled_at', c.scheduled_at,\n                            'duration_minutes', c.duration_minutes, 'lesson_type', c.lesson_type,\n                            'override_availability', :overrideAvailability::boolean, 'override_rules', :overrideRules::boolean,\n                            'warnings', c.warnings)\n  FROM created c\n), notified AS (\n  -- Whoever booked knows already; the other parties hear about it.\n  INSERT INTO notifications (user_id, type, booking_id, title, body, data)\n  SELECT party.user_id, 'CONFIRMATION', c.id, 'Flight booked',\n         'A training flight from ' || c.departure_airport || ' to ' || c.arrival_airport || ' is booked for '\n           || to_char(c.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',\n         jsonb_build_object('scheduled_at', c.scheduled_at, 'ends_at', c.ends_at)\n  FROM created c\n  CROSS JOIN LATERAL (VALUES (c.student_id), (c.instructor_id)) AS party (user_id)\n  WHERE party.user_id <> :actorId::uuid\n), remembered AS (\n  SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(c))\n  FROM created c\n)\nSELECT k.departure_icao IS NOT NULL AS departure_found, k.arrival_icao IS NOT NULL AS arrival_found,\n       k.student_level IS NOT NULL AS student_found, k.instructor_found, k.aircraft_found, k.instructor_available,\n       c.*\nFROM checked k\nLEFT JOIN created c ON true\nCROSS JOIN (SELECT count(*) FROM remembered) AS stored"};

/**
 * Query generated from SQL:
 * ```
 * -- Books a flight in one statement: resolves both airports (ICAO or IATA), copies the student's
 * -- training level, checks the people, the aircraft and the instructor's availability, and writes
 * -- the booking, its audit entry and the other parties' CONFIRMATION together. When a check fails
 * -- nothing is written and the flags in the answer say which one. Overlaps are refused by the
 * -- exclusion constraints and the aircraft and booking rules by the bookings_verify_rules trigger
 * -- (SQLSTATE SK409), both under any concurrency. A SOLO flight names its supervising instructor
 * -- without occupying them, so their availability is not asked.
 * -- :aircraftId or null, :departure code, :arrival code,
 * -- :actorId acting user id,
 * -- :twilight civil twilight rows the daylight rule may read
 * -- (jsonb [{ airport, day, civil_dawn, civil_dusk }], computed by the application),
 * -- :idempotencyKey or null
 * -- Codes arrive upper-cased; ICAO codes have four characters and IATA codes three, so each matches
 * -- at most one airport.
 * WITH departure AS (
 *   SELECT icao, latitude, longitude FROM airports WHERE icao = :departure! OR iata = :departure
 * ), arrival AS (
 *   SELECT icao, latitude, longitude FROM airports WHERE icao = :arrival! OR iata = :arrival
 * ), checked AS (
 *   SELECT d.icao AS departure_icao, d.latitude AS departure_lat, d.longitude AS departure_lon,
 *          a.icao AS arrival_icao, a.latitude AS arrival_lat, a.longitude AS arrival_lon,
 *          (SELECT s.training_level FROM users s WHERE s.id = :studentId!::uuid AND s.role = 'STUDENT') AS student_level,
 *          EXISTS (SELECT 1 FROM users i WHERE i.id = :instructorId!::uuid AND i.role = 'INSTRUCTOR') AS instructor_found,
 *          -- An aircraft that exists but may not fly is the rules trigger's to refuse (aircraft_unavailable).
 *          (:aircraftId::uuid IS NULL OR EXISTS (SELECT 1 FROM aircraft p WHERE p.id = :aircraftId::uuid)) AS aircraft_found,
 *          (:overrideAvailability!::boolean OR :lessonType!::text = 'SOLO' OR user_available_during(:instructorId::uuid, :scheduledAt!::timestamptz,
 *                                                :scheduledAt::timestamptz + make_interval(mins => :durationMinutes!::int))) AS instructor_available
 *   FROM (SELECT 1) AS one
 *   LEFT JOIN departure d ON true
 *   LEFT JOIN arrival a ON true
 * ), twilight AS (
 *   -- Stored before the booking row is made (it reads this CTE), so the rules trigger sees it.
 *   INSERT INTO civil_twilight (airport, day, civil_dawn, civil_dusk)
 *   SELECT x.airport, x.day, x.civil_dawn, x.civil_dusk
 *   FROM jsonb_to_recordset(:twilight!::jsonb) AS x (airport text, day date, civil_dawn timestamptz, civil_dusk timestamptz)
 *   ON CONFLICT (airport, day) DO NOTHING
 *   RETURNING 1
 * ), created AS (
 *   INSERT INTO bookings (student_id, instructor_id, aircraft_id, departure_airport, arrival_airport,
 *                         departure_latitude, departure_longitude, arrival_latitude, arrival_longitude,
 *                         scheduled_at, duration_minutes, training_level, created_by, availability_overridden,
 *                         lesson_type, rules_overridden)
 *   SELECT :studentId::uuid, :instructorId::uuid, :aircraftId::uuid, k.departure_icao, k.arrival_icao,
 *          k.departure_lat, k.departure_lon, k.arrival_lat, k.arrival_lon,
 *          :scheduledAt::timestamptz, :durationMinutes::int, k.student_level, :actorId!::uuid, :overrideAvailability::boolean, :lessonType::text, :overrideRules!::boolean
 *   FROM checked k
 *   CROSS JOIN (SELECT count(*) FROM twilight) AS twilight_stored
 *   WHERE k.departure_icao IS NOT NULL AND k.arrival_icao IS NOT NULL AND k.student_level IS NOT NULL
 *     AND k.instructor_found AND k.aircraft_found AND k.instructor_available
 *   RETURNING *
 * ), audited AS (
 *   INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
 *   SELECT 'booking', c.id::text, 'booking.created', :actorId::uuid,
 *          jsonb_build_object('student_id', c.student_id, 'instructor_id', c.instructor_id,
 *                             'aircraft_id', c.aircraft_id, 'scheduled_at', c.scheduled_at,
 *                             'duration_minutes', c.duration_minutes, 'lesson_type', c.lesson_type,
 *                             'override_availability', :overrideAvailability::boolean, 'override_rules', :overrideRules::boolean,
 *                             'warnings', c.warnings)
 *   FROM created c
 * ), notified AS (
 *   -- Whoever booked knows already; the other parties hear about it.
 *   INSERT INTO notifications (user_id, type, booking_id, title, body, data)
 *   SELECT party.user_id, 'CONFIRMATION', c.id, 'Flight booked',
 *          'A training flight from ' || c.departure_airport || ' to ' || c.arrival_airport || ' is booked for '
 *            || to_char(c.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',
 *          jsonb_build_object('scheduled_at', c.scheduled_at, 'ends_at', c.ends_at)
 *   FROM created c
 *   CROSS JOIN LATERAL (VALUES (c.student_id), (c.instructor_id)) AS party (user_id)
 *   WHERE party.user_id <> :actorId::uuid
 * ), remembered AS (
 *   SELECT idempotency_remember(:actorId, :idempotencyKey, :requestPath, :requestHash, 201, to_jsonb(c))
 *   FROM created c
 * )
 * SELECT k.departure_icao IS NOT NULL AS departure_found, k.arrival_icao IS NOT NULL AS arrival_found,
 *        k.student_level IS NOT NULL AS student_found, k.instructor_found, k.aircraft_found, k.instructor_available,
 *        c.*
 * FROM checked k
 * LEFT JOIN created c ON true
 * CROSS JOIN (SELECT count(*) FROM remembered) AS stored
 * ```
 */
export const bookingsInsertAudited = new PreparedQuery<BookingsInsertAuditedParams,BookingsInsertAuditedResult>(bookingsInsertAuditedIR);


