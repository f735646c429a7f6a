/* @name IntegrityChecksSelect */
-- Integrity checks, one row per check: (name, count of offending rows); 0 = healthy.
-- Shared by `npm run db -- validate` and GET /v1/admin/integrity, so both always agree.
-- Each check looks for a state the schema cannot forbid by itself (references kept in arrays,
-- two-sided links, time-dependent states) or must never see (overlaps the exclusion
-- constraints forbid, so a non-zero count means a constraint was dropped or bypassed).
WITH active AS (
  SELECT id, student_id, instructor_id, aircraft_id, lesson_type, tstzrange(scheduled_at, ends_at, '[)') AS span
  FROM bookings
  WHERE status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')
)
SELECT name, count::int AS count
FROM (
  SELECT 1 AS position, 'overlapping_active_bookings' AS name, (
    SELECT count(*) FROM active a JOIN active b
      ON a.id < b.id AND a.span && b.span
     AND (a.student_id = b.student_id OR a.aircraft_id = b.aircraft_id
          OR (a.instructor_id = b.instructor_id AND a.lesson_type = 'DUAL' AND b.lesson_type = 'DUAL'))
  ) AS count
  UNION ALL
  -- ends_at is kept by a trigger; a mismatch means rows were written around it.
  SELECT 2, 'bookings_with_wrong_end_time', (
    SELECT count(*) FROM bookings WHERE ends_at <> scheduled_at + make_interval(mins => duration_minutes)
  )
  UNION ALL
  -- The deadlines job runs every 5 minutes: 15 minutes past the deadline a booking should have
  -- been resolved or escalated; with no preferences at all it can never be resolved.
  SELECT 3, 'bookings_stuck_in_rescheduling', (
    SELECT count(*) FROM bookings b
    WHERE b.status = 'RESCHEDULING'
      AND coalesce((SELECT max(p.deadline) FROM preference_rankings p WHERE p.booking_id = b.id), '-infinity')
          < now() - interval '15 minutes'
      AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.booking_id = b.id AND n.type = 'ESCALATION')
  )
  UNION ALL
  SELECT 4, 'rescheduled_bookings_without_replacement', (
    SELECT count(*) FROM bookings b
    LEFT JOIN bookings r ON r.id = b.rescheduled_to
    WHERE b.status = 'RESCHEDULED' AND (r.id IS NULL OR r.original_booking_id IS DISTINCT FROM b.id)
  )
  UNION ALL
  SELECT 5, 'preferences_without_options', (
    SELECT count(*) FROM preference_rankings p
    WHERE NOT EXISTS (SELECT 1 FROM reschedule_options o WHERE o.booking_id = p.booking_id)
  )
  UNION ALL
  -- Option ids live in arrays (no foreign key): each must be an option of the same booking.
  SELECT 6, 'preferences_naming_unknown_options', (
    SELECT count(*) FROM preference_rankings p
    WHERE EXISTS (
      SELECT 1 FROM unnest(p.ranked_option_ids || p.unavailable_option_ids) AS x(option_id)
      WHERE NOT EXISTS (SELECT 1 FROM reschedule_options o WHERE o.id = x.option_id AND o.booking_id = p.booking_id)
    )
  )
  UNION ALL
  -- The cleanup job removes them 30 days after the booking is resolved; one day of slack.
  SELECT 7, 'options_of_resolved_bookings', (
    SELECT count(*) FROM reschedule_options o JOIN bookings b ON b.id = o.booking_id
    WHERE b.status NOT IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED') AND b.updated_at < now() - interval '31 days'
  )
  UNION ALL
  SELECT 8, 'bookings_with_wrong_roles', (
    SELECT count(*) FROM bookings b
    JOIN users s ON s.id = b.student_id
    JOIN users i ON i.id = b.instructor_id
    WHERE b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED')
      AND (s.role <> 'STUDENT' OR i.role NOT IN ('INSTRUCTOR', 'ADMIN') OR b.student_id = b.instructor_id)
  )
  UNION ALL
  -- Active bookings on an aircraft that cannot fly them.
  SELECT 9, 'active_bookings_on_unavailable_aircraft', (
    SELECT count(*) FROM bookings b JOIN aircraft a ON a.id = b.aircraft_id
    WHERE b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING', 'DISPATCHED') AND b.ends_at > now() AND a.status <> 'AVAILABLE'
  )
  UNION ALL
  -- A crashed run stays RUNNING; no job legitimately runs for an hour.
  SELECT 10, 'job_runs_stuck_running', (
    SELECT count(*) FROM job_runs WHERE status = 'RUNNING' AND started_at < now() - interval '1 hour'
  )
  UNION ALL
  -- An ingestion that failed is closed as FAILED; one still RUNNING long after the largest file
  -- (50 MiB, about a minute) could have been read died with its Worker.
  SELECT 11, 'ingestions_stuck_running', (
    SELECT count(*) FROM ingestion_logs WHERE status = 'RUNNING' AND started_at < now() - interval '15 minutes'
  )
  UNION ALL
  -- Check-in advances the aircraft to the flight's readings; meters never run backwards.
  SELECT 12, 'aircraft_totals_below_completed_flights', (
    SELECT count(DISTINCT a.id) FROM aircraft a JOIN bookings b ON b.aircraft_id = a.id
    WHERE b.status = 'COMPLETED' AND (b.hobbs_in > a.hobbs_hours OR b.tach_in > a.tach_hours)
  )
  UNION ALL
  -- A flight dispatched and not checked in half a day after it should have landed.
  SELECT 13, 'dispatched_bookings_long_past_end', (
    SELECT count(*) FROM bookings WHERE status = 'DISPATCHED' AND ends_at < now() - interval '12 hours'
  )
  UNION ALL
  -- A grounding flags every active future booking of the aircraft in the same transaction.
  SELECT 14, 'grounded_aircraft_with_unflagged_bookings', (
    SELECT count(*) FROM bookings b
    WHERE b.status = 'CONFIRMED' AND b.ends_at > now()
      AND EXISTS (SELECT 1 FROM squawks s WHERE s.aircraft_id = b.aircraft_id AND s.status = 'OPEN' AND s.severity = 'GROUNDING')
  )
) AS checks
ORDER BY position;
