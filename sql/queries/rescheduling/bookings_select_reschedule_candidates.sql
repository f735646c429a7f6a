/* @name BookingsSelectRescheduleCandidates */
-- A booking a viewer may see, the minimums of its training level, and every candidate slot for
-- it: starts on the half hour, at least 2 h ahead and within 7 days, with the student, the
-- instructor and the aircraft all free (no other active booking overlaps) and both people
-- available. Slots are only searched for someone who may generate options. The aircraft of a
-- slot is the booking's own when it is free and airworthy then (booking_aircraft_findings),
-- else another AVAILABLE one of the same type that is; a slot with neither is no candidate.
-- Each slot is then judged by the people and sky rules as the booking moved there (and onto that
-- aircraft: booking_rule_findings): a slot a `block` rule refuses is left out, and each slot says
-- how close it came (duty minutes, civil dusk for the daylight rule) and which `warn` rules it
-- breaks. Daylight reads civil_twilight, which the caller fills for the slots' days first.
WITH target AS (
  SELECT b.*, (SELECT s.value -> b.training_level FROM settings s WHERE s.key = 'weather_minimums') AS minimums,
         airport_runway_ends(ARRAY[b.departure_airport, b.arrival_airport]) AS runways,
         (SELECT p.crosswind_limit_kt FROM aircraft p WHERE p.id = b.aircraft_id) AS aircraft_crosswind_limit_kt
  FROM bookings b
  WHERE b.id = :bookingId! AND (:viewerRole! = 'ADMIN' OR b.student_id = :viewerId! OR b.instructor_id = :viewerId)
), slots AS (
  SELECT s.starts_at, s.starts_at + make_interval(mins => t.duration_minutes) AS ends_at
  FROM target t
  CROSS JOIN LATERAL generate_series(
    date_bin('30 minutes', :now!::timestamptz + interval '2 hours' - interval '1 microsecond', timestamptz '2000-01-01')
      + interval '30 minutes',
    :now::timestamptz + interval '7 days',
    interval '30 minutes') AS s (starts_at)
  WHERE (:viewerRole = 'ADMIN' OR t.instructor_id = :viewerId)
), busy AS (
  SELECT tstzrange(o.scheduled_at, o.ends_at, '[)') AS span
  FROM target t
  JOIN bookings o ON o.student_id = t.student_id
    OR (o.instructor_id = t.instructor_id AND o.lesson_type = 'DUAL' AND t.lesson_type = 'DUAL')
  WHERE o.id <> t.id
    AND o.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')
    AND o.ends_at > :now::timestamptz
    AND o.scheduled_at < :now::timestamptz + interval '8 days'
), free AS (
  SELECT s.starts_at, s.ends_at
  FROM slots s, target t
  WHERE NOT EXISTS (SELECT 1 FROM busy WHERE busy.span && tstzrange(s.starts_at, s.ends_at, '[)'))
    AND user_available_during(t.student_id, s.starts_at, s.ends_at)
    AND user_available_during(t.instructor_id, s.starts_at, s.ends_at)
), planned AS (
  SELECT f.starts_at, f.ends_at, plane.aircraft_id
  FROM free f
  CROSS JOIN target t
  CROSS JOIN LATERAL (
    -- Another aircraft is only searched for when the booking's own cannot take the slot: the
    -- fleet of its type in tail order (OFFSET 0 keeps the dear check out of that listing), up to
    -- the first that can.
    SELECT coalesce(
      (SELECT p.id FROM aircraft p WHERE p.id = t.aircraft_id AND aircraft_can_take(t.id, p.id, f.starts_at, f.ends_at)),
      (SELECT c.id
       FROM (SELECT p.id FROM aircraft own JOIN aircraft p ON p.type_code = own.type_code
             WHERE own.id = t.aircraft_id AND p.id <> own.id AND p.status = 'AVAILABLE'
             ORDER BY p.tail_number OFFSET 0) AS c
       WHERE aircraft_can_take(t.id, c.id, f.starts_at, f.ends_at)
       LIMIT 1)) AS aircraft_id
  ) AS plane
  WHERE t.aircraft_id IS NULL OR plane.aircraft_id IS NOT NULL
), judged AS (
  SELECT p.starts_at, p.ends_at, p.aircraft_id, r.findings,
         CASE WHEN t.lesson_type = 'DUAL' THEN (instructor_duty_peak(m.moved)).minutes END AS duty_minutes,
         (SELECT c.civil_dusk FROM civil_twilight c
          WHERE t.lesson_type = 'SOLO' AND c.airport = t.departure_airport AND c.day = booking_local_day(m.moved)) AS civil_dusk
  FROM planned p
  CROSS JOIN target t
  -- The booking as it would be at the slot, on the slot's aircraft; its own row is left out of every sum.
  CROSS JOIN LATERAL (SELECT jsonb_populate_record(NULL::bookings, to_jsonb(t)
                        || jsonb_build_object('scheduled_at', p.starts_at, 'ends_at', p.ends_at,
                                              'aircraft_id', p.aircraft_id)) AS moved) m
  CROSS JOIN LATERAL (SELECT booking_rule_findings(m.moved) AS findings) r
  WHERE NOT jsonb_path_exists(r.findings, '$[*] ? (@.mode == "block")')
)
SELECT t.id, t.student_id, t.instructor_id, t.status, t.scheduled_at, t.ends_at, t.duration_minutes,
       t.departure_airport, t.arrival_airport, t.training_level, t.minimums, t.lesson_type,
       t.runways, t.aircraft_crosswind_limit_kt,
       (booking_rules() -> 'rules' -> 'instructor_duty' ->> 'max_minutes')::int AS duty_limit_minutes,
       coalesce((SELECT jsonb_agg(jsonb_build_object('starts_at', j.starts_at, 'ends_at', j.ends_at,
                                                     'aircraft_id', j.aircraft_id,
                                                     'findings', j.findings, 'duty_minutes', j.duty_minutes,
                                                     'civil_dusk', j.civil_dusk) ORDER BY j.starts_at)
                 FROM judged j), '[]'::jsonb) AS slots
FROM target t;
