-- Up Migration

-- The deadlines job walks both of its queues in keyset chunks: each statement starts where the
-- previous one of the same run stopped, so no chunk rereads the rows earlier chunks handled
-- (reminded preferences stay in their index, escalated bookings stay RESCHEDULING), and every
-- lookup goes through an index instead of hashing whole tables.

-- Reminders: unsubmitted preferences in (deadline, id) order.
CREATE INDEX preference_rankings_pending_deadline_id_idx ON preference_rankings (deadline, id)
  WHERE submitted_at IS NULL;
DROP INDEX preference_rankings_pending_deadline_idx;

-- Closing: unescalated rounds in (deadline, booking) order.
CREATE INDEX preference_rankings_open_deadline_booking_idx ON preference_rankings (deadline, booking_id)
  WHERE escalated_at IS NULL;
DROP INDEX preference_rankings_open_deadline_idx;

-- Closes the next p_limit unescalated preferences whose deadline has passed, after the key
-- (p_after_deadline, p_after_booking) of the previous chunk (nulls: from the start). Their
-- RESCHEDULING bookings are locked at once (SKIP LOCKED: a concurrent run has those); the rare one
-- both parties ranked goes through reschedule_resolve (a replacement booking, option by option),
-- every other one is escalated by one statement for the whole chunk: escalated once per round
-- (escalated_at), the admins told once (dedupe key, as reschedule_resolve keys it), audited.
-- `scanned` below p_limit means the queue is empty; `last_*` is the key to pass next.
CREATE FUNCTION reschedule_close_due(p_now timestamptz, p_limit integer, p_after_deadline timestamptz, p_after_booking uuid)
RETURNS TABLE (scanned integer, processed integer, resolved integer, escalated integer, last_deadline text, last_booking uuid)
LANGUAGE plpgsql AS $$
DECLARE
  candidate_ids uuid[];
  due_ids       uuid[];
  both_ranked   uuid[];
  one           uuid;
  outcome       text;
BEGIN
  SELECT count(*)::integer, (array_agg(c.deadline::text ORDER BY c.deadline DESC, c.booking_id DESC))[1],
         (array_agg(c.booking_id ORDER BY c.deadline DESC, c.booking_id DESC))[1], coalesce(array_agg(DISTINCT c.booking_id), '{}')
  INTO scanned, last_deadline, last_booking, candidate_ids
  FROM (SELECT p.deadline, p.booking_id
        FROM preference_rankings p
        WHERE p.escalated_at IS NULL AND p.deadline <= p_now
          AND (p_after_deadline IS NULL OR (p.deadline, p.booking_id) > (p_after_deadline, p_after_booking))
        ORDER BY p.deadline, p.booking_id
        LIMIT p_limit) c;

  SELECT coalesce(array_agg(d.id ORDER BY d.scheduled_at, d.id), '{}') INTO due_ids
  FROM (SELECT b.id, b.scheduled_at
        FROM bookings b
        WHERE b.id = ANY (candidate_ids) AND b.status = 'RESCHEDULING'
        FOR UPDATE OF b SKIP LOCKED) d;
  processed := cardinality(due_ids);

  SELECT coalesce(array_agg(u.id ORDER BY u.n), '{}') INTO both_ranked
  FROM unnest(due_ids) WITH ORDINALITY AS u (id, n)
  WHERE (SELECT count(*) FROM preference_rankings p WHERE p.booking_id = u.id AND p.submitted_at IS NOT NULL) = 2;

  resolved := 0;
  escalated := 0;
  FOREACH one IN ARRAY both_ranked LOOP
    outcome := reschedule_resolve(one, NULL, p_now) ->> 'outcome';
    IF outcome = 'RESCHEDULED' THEN resolved := resolved + 1; END IF;
    IF outcome = 'ESCALATED' THEN escalated := escalated + 1; END IF;
  END LOOP;

  -- Everyone else: the deadline passed before both ranked.
  WITH marked AS (
    UPDATE preference_rankings p SET escalated_at = p_now
    WHERE p.booking_id = ANY (due_ids) AND NOT p.booking_id = ANY (both_ranked) AND p.escalated_at IS NULL
    RETURNING p.booking_id
  ), escalating AS (
    SELECT b.id, b.departure_airport, b.arrival_airport, b.scheduled_at, s.id AS student_pref,
           s.submitted_at IS NOT NULL AS student_submitted, i.submitted_at IS NOT NULL AS instructor_submitted
    FROM (SELECT DISTINCT booking_id FROM marked) m
    JOIN bookings b ON b.id = m.booking_id
    LEFT JOIN LATERAL (SELECT id, submitted_at FROM preference_rankings WHERE booking_id = b.id AND party = 'STUDENT') s ON true
    LEFT JOIN LATERAL (SELECT submitted_at FROM preference_rankings WHERE booking_id = b.id AND party = 'INSTRUCTOR') i ON true
  ), notified AS (
    INSERT INTO notifications (user_id, type, booking_id, title, body, data, dedupe_key)
    SELECT u.id, 'ESCALATION', e.id, 'Rescheduling needs an admin',
           'The deadline passed before both parties ranked the options'
             || ' for the flight from ' || e.departure_airport || ' to ' || e.arrival_airport
             || ' on ' || to_char(e.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',
           jsonb_build_object('reason', 'deadline_passed', 'student_submitted', e.student_submitted,
                              'instructor_submitted', e.instructor_submitted),
           'escalation:' || e.id || ':' || e.student_pref || ':' || u.id
    FROM escalating e CROSS JOIN users u
    WHERE u.role = 'ADMIN'
    ON CONFLICT (dedupe_key) DO NOTHING
  ), audited AS (
    INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
    SELECT 'booking', e.id::text, 'booking.escalated', NULL,
           jsonb_build_object('reason', 'deadline_passed', 'student_submitted', e.student_submitted,
                              'instructor_submitted', e.instructor_submitted)
    FROM escalating e
  )
  SELECT escalated + count(*)::integer INTO escalated FROM escalating;
  RETURN NEXT;
END
$$;
COMMENT ON FUNCTION reschedule_close_due(timestamptz, integer, timestamptz, uuid) IS
  'Deadlines job: resolves or escalates the RESCHEDULING bookings of the next chunk of overdue preferences (keyset over deadline, booking).';
REVOKE ALL ON FUNCTION reschedule_close_due(timestamptz, integer, timestamptz, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reschedule_close_due(timestamptz, integer, timestamptz, uuid) TO skyslot_app;
DROP FUNCTION reschedule_close_due(timestamptz, integer);

-- Down Migration

CREATE INDEX preference_rankings_pending_deadline_idx ON preference_rankings (deadline) WHERE submitted_at IS NULL;
DROP INDEX IF EXISTS preference_rankings_pending_deadline_id_idx;
CREATE INDEX preference_rankings_open_deadline_idx ON preference_rankings (deadline) WHERE escalated_at IS NULL;
DROP INDEX IF EXISTS preference_rankings_open_deadline_booking_idx;
DROP FUNCTION IF EXISTS reschedule_close_due(timestamptz, integer, timestamptz, uuid);

-- As 018 left it.
CREATE FUNCTION reschedule_close_due(p_now timestamptz, p_limit integer)
RETURNS TABLE (processed integer, resolved integer, escalated integer)
LANGUAGE plpgsql AS $$
DECLARE
  due_ids uuid[];
  one     uuid;
  outcome text;
BEGIN
  resolved := 0;
  SELECT coalesce(array_agg(d.id ORDER BY d.scheduled_at, d.id), '{}') INTO due_ids
  FROM (SELECT b.id, b.scheduled_at
        FROM bookings b
        WHERE b.status = 'RESCHEDULING'
          AND EXISTS (SELECT 1 FROM preference_rankings p
                      WHERE p.booking_id = b.id AND p.deadline <= p_now AND p.escalated_at IS NULL)
        ORDER BY b.scheduled_at, b.id
        LIMIT p_limit
        FOR UPDATE OF b SKIP LOCKED) d;
  processed := cardinality(due_ids);

  escalated := 0;
  FOR one IN
    SELECT u.id FROM unnest(due_ids) WITH ORDINALITY AS u (id, n)
    WHERE (SELECT count(*) FROM preference_rankings p WHERE p.booking_id = u.id AND p.submitted_at IS NOT NULL) = 2
    ORDER BY u.n
  LOOP
    outcome := reschedule_resolve(one, NULL, p_now) ->> 'outcome';
    IF outcome = 'RESCHEDULED' THEN resolved := resolved + 1; END IF;
    IF outcome = 'ESCALATED' THEN escalated := escalated + 1; END IF;
  END LOOP;

  WITH pending AS (
    SELECT b.id, b.departure_airport, b.arrival_airport, b.scheduled_at, s.id AS student_pref,
           s.submitted_at IS NOT NULL AS student_submitted, i.submitted_at IS NOT NULL AS instructor_submitted
    FROM bookings b
    LEFT JOIN preference_rankings s ON s.booking_id = b.id AND s.party = 'STUDENT'
    LEFT JOIN preference_rankings i ON i.booking_id = b.id AND i.party = 'INSTRUCTOR'
    WHERE b.id = ANY (due_ids) AND b.status = 'RESCHEDULING'
      AND NOT (s.submitted_at IS NOT NULL AND i.submitted_at IS NOT NULL)
  ), marked AS (
    UPDATE preference_rankings p SET escalated_at = p_now
    FROM pending
    WHERE p.booking_id = pending.id AND p.escalated_at IS NULL
    RETURNING p.booking_id
  ), escalating AS (
    SELECT * FROM pending WHERE id IN (SELECT booking_id FROM marked)
  ), notified AS (
    INSERT INTO notifications (user_id, type, booking_id, title, body, data, dedupe_key)
    SELECT u.id, 'ESCALATION', e.id, 'Rescheduling needs an admin',
           'The deadline passed before both parties ranked the options'
             || ' for the flight from ' || e.departure_airport || ' to ' || e.arrival_airport
             || ' on ' || to_char(e.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',
           jsonb_build_object('reason', 'deadline_passed', 'student_submitted', e.student_submitted,
                              'instructor_submitted', e.instructor_submitted),
           'escalation:' || e.id || ':' || e.student_pref || ':' || u.id
    FROM escalating e CROSS JOIN users u
    WHERE u.role = 'ADMIN'
    ON CONFLICT (dedupe_key) DO NOTHING
  ), audited AS (
    INSERT INTO audit_log (entity_type, entity_id, action, user_id, metadata)
    SELECT 'booking', e.id::text, 'booking.escalated', NULL,
           jsonb_build_object('reason', 'deadline_passed', 'student_submitted', e.student_submitted,
                              'instructor_submitted', e.instructor_submitted)
    FROM escalating e
  )
  SELECT escalated + count(*)::integer INTO escalated FROM escalating;
  RETURN NEXT;
END
$$;
REVOKE ALL ON FUNCTION reschedule_close_due(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reschedule_close_due(timestamptz, integer) TO skyslot_app;
