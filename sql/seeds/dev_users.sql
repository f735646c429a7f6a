-- Development users, their weekly availability and two aircraft with their maintenance items.
-- Needs the reference data (aircraft_types, airports) loaded first. Safe to re-run: existing users and aircraft are
-- left as they are, and patterns are only added for users who have none (so edits made
-- through the API survive).

INSERT INTO users (auth_subject, email, first_name, last_name, phone_number, role, training_level, timezone) VALUES
  ('dev-admin',        'admin@skyslot.dev',          'Margaret', 'Chen',       '+1-212-555-0100', 'ADMIN',      NULL,               'America/New_York'),
  ('dev-instructor-1', 'david.okafor@skyslot.dev',   'David',    'Okafor',     '+1-212-555-0111', 'INSTRUCTOR', NULL,               'America/New_York'),
  ('dev-instructor-2', 'sarah.lindqvist@skyslot.dev','Sarah',    'Lindqvist',  '+1-212-555-0112', 'INSTRUCTOR', NULL,               'America/New_York'),
  ('dev-student-1',    'emily.rodriguez@skyslot.dev','Emily',    'Rodriguez',  '+1-718-555-0121', 'STUDENT',    'STUDENT_PILOT',    'America/New_York'),
  ('dev-student-2',    'james.patel@skyslot.dev',    'James',    'Patel',      '+1-516-555-0122', 'STUDENT',    'PRIVATE_PILOT',    'America/New_York'),
  ('dev-student-3',    'hannah.brooks@skyslot.dev',  'Hannah',   'Brooks',     '+1-303-555-0123', 'STUDENT',    'INSTRUMENT_RATED', 'America/Denver')
ON CONFLICT (auth_subject) DO NOTHING;

-- Weekly patterns (0 = Sunday), wall-clock in each user's own timezone. Student windows
-- overlap the instructors' hours so bookings and reschedule options have room.
INSERT INTO availability_patterns (user_id, day_of_week, start_time, end_time)
SELECT u.id, p.day_of_week, p.start_time::time, p.end_time::time
FROM (VALUES
  -- Instructors: Monday to Friday 08:00-17:00, Saturday mornings.
  ('dev-instructor-1', 1, '08:00', '17:00'),
  ('dev-instructor-1', 2, '08:00', '17:00'),
  ('dev-instructor-1', 3, '08:00', '17:00'),
  ('dev-instructor-1', 4, '08:00', '17:00'),
  ('dev-instructor-1', 5, '08:00', '17:00'),
  ('dev-instructor-1', 6, '08:00', '12:00'),
  ('dev-instructor-2', 1, '08:00', '17:00'),
  ('dev-instructor-2', 2, '08:00', '17:00'),
  ('dev-instructor-2', 3, '08:00', '17:00'),
  ('dev-instructor-2', 4, '08:00', '17:00'),
  ('dev-instructor-2', 5, '08:00', '17:00'),
  ('dev-instructor-2', 6, '08:00', '12:00'),
  -- Students: a few afternoons/evenings and weekend slots.
  ('dev-student-1',    2, '13:00', '20:00'),
  ('dev-student-1',    4, '13:00', '20:00'),
  ('dev-student-1',    6, '08:00', '14:00'),
  ('dev-student-2',    1, '12:00', '19:00'),
  ('dev-student-2',    3, '12:00', '19:00'),
  ('dev-student-2',    5, '12:00', '19:00'),
  ('dev-student-2',    6, '09:00', '13:00'),
  ('dev-student-3',    2, '10:00', '16:00'),
  ('dev-student-3',    3, '10:00', '16:00'),
  ('dev-student-3',    4, '10:00', '16:00'),
  ('dev-student-3',    6, '07:00', '11:00'),
  ('dev-student-3',    0, '08:00', '12:00')
) AS p (auth_subject, day_of_week, start_time, end_time)
JOIN users u ON u.auth_subject = p.auth_subject
WHERE NOT EXISTS (SELECT 1 FROM availability_patterns ap WHERE ap.user_id = u.id);

-- Two trainers based at KJFK, with the hours a school's trainers typically show.
INSERT INTO aircraft (tail_number, type_code, home_airport, crosswind_limit_kt, status, hobbs_hours, tach_hours) VALUES
  ('N172SK', 'C172', 'KJFK', 15, 'AVAILABLE', 8432.6, 7015.3),
  ('N28SK',  'P28A', 'KJFK', 17, 'AVAILABLE', 5120.4, 4288.9)
ON CONFLICT (tail_number) DO NOTHING;

-- Each with a 100-hour inspection (done 62.4 and 31.0 tach hours ago) and an annual (done 5 and
-- 9 months ago), so the dev fleet shows items at different stages.
INSERT INTO maintenance_items (aircraft_id, name, interval_hours, interval_months, last_done_tach, last_done_on)
SELECT a.id, i.name, i.interval_hours, i.interval_months,
       CASE WHEN i.interval_hours IS NOT NULL THEN a.tach_hours - i.hours_ago END,
       CASE WHEN i.interval_months IS NOT NULL THEN (current_date - make_interval(months => i.months_ago))::date END
FROM (VALUES
  ('N172SK', '100-hour inspection', 100.0, NULL::int, 62.4, NULL::int),
  ('N172SK', 'Annual inspection',   NULL,  12,        NULL, 5),
  ('N28SK',  '100-hour inspection', 100.0, NULL,      31.0, NULL),
  ('N28SK',  'Annual inspection',   NULL,  12,        NULL, 9)
) AS i (tail_number, name, interval_hours, interval_months, hours_ago, months_ago)
JOIN aircraft a ON a.tail_number = i.tail_number
WHERE NOT EXISTS (SELECT 1 FROM maintenance_items m WHERE m.aircraft_id = a.id AND m.name = i.name);
