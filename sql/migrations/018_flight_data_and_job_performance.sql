-- Up Migration

-- ---------------------------------------------------------------- deadlines job
-- The same outcomes as before, set-based: a chunk of due bookings is locked at once, the rare
-- booking whose two parties both ranked goes through reschedule_resolve (a replacement booking,
-- tried option by option), and every other one is escalated by three statements for the whole
-- chunk instead of three per booking.
CREATE OR REPLACE FUNCTION reschedule_close_due(p_now timestamptz, p_limit integer)
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

  -- Both parties ranked: the full resolution, one booking at a time.
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

  -- Everyone else: the deadline passed before both ranked. Escalated once per round (escalated_at),
  -- the admins told once (dedupe key), audited: what reschedule_resolve does for one booking.
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

-- Reminders and escalations rewrite every due preference row once: room on each page lets those
-- be heap-only updates (no index entry rewritten) for rows inserted from now on.
ALTER TABLE preference_rankings SET (fillfactor = 80);

-- ---------------------------------------------------------------- cleanup job
-- The cleanup job deletes old read notifications in keyset chunks over (read_at, id).
CREATE INDEX notifications_read_at_id_idx ON notifications (read_at, id) WHERE read_at IS NOT NULL;
DROP INDEX notifications_read_at_idx;

-- Down Migration

CREATE INDEX notifications_read_at_idx ON notifications (read_at) WHERE read_at IS NOT NULL;
DROP INDEX IF EXISTS notifications_read_at_id_idx;
ALTER TABLE preference_rankings RESET (fillfactor);

CREATE OR REPLACE FUNCTION reschedule_close_due(p_now timestamptz, p_limit integer)
RETURNS TABLE (processed integer, resolved integer, escalated integer)
LANGUAGE plpgsql AS $$
DECLARE
  due     record;
  outcome text;
BEGIN
  processed := 0;
  resolved := 0;
  escalated := 0;
  FOR due IN
    SELECT b.id
    FROM bookings b
    WHERE b.status = 'RESCHEDULING'
      AND EXISTS (SELECT 1 FROM preference_rankings p
                  WHERE p.booking_id = b.id AND p.deadline <= p_now AND p.escalated_at IS NULL)
    ORDER BY b.scheduled_at, b.id
    LIMIT p_limit
    FOR UPDATE OF b SKIP LOCKED
  LOOP
    outcome := reschedule_resolve(due.id, NULL, p_now) ->> 'outcome';
    processed := processed + 1;
    IF outcome = 'RESCHEDULED' THEN resolved := resolved + 1; END IF;
    IF outcome = 'ESCALATED' THEN escalated := escalated + 1; END IF;
  END LOOP;
  RETURN NEXT;
END
$$;
