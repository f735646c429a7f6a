/* @name CalendarFeedsSelectEvents */
-- A calendar feed by its token's hash: its owner, and each booking they fly in (as student or
-- instructor) ending at most 30 days ago or starting in the next 180 days, with the names the
-- event shows. `modified` is the latest change the event reflects (the booking, a person's
-- name, the aircraft, an airport). No row: no such feed. One row with a null id: a feed
-- without bookings.
WITH feed AS (
  SELECT f.user_id, u.first_name, u.last_name, greatest(f.created_at, u.updated_at) AS feed_modified
  FROM calendar_feeds f
  JOIN users u ON u.id = f.user_id
  WHERE f.token_hash = :tokenHash!
)
SELECT f.user_id AS owner_id, f.first_name AS owner_first_name, f.last_name AS owner_last_name, f.feed_modified,
       b.id, b.student_id, b.status, b.scheduled_at, b.ends_at, b.sequence, b.created_at, b.lesson_type,
       b.departure_airport, b.arrival_airport, dep.name AS departure_name, arr.name AS arrival_name,
       s.first_name AS student_first_name, s.last_name AS student_last_name,
       i.first_name AS instructor_first_name, i.last_name AS instructor_last_name,
       p.tail_number, p.type_code,
       greatest(b.updated_at, s.updated_at, i.updated_at, p.updated_at, dep.updated_at, arr.updated_at) AS modified
FROM feed f
-- Two index range scans (by student, by instructor; nobody is both in one booking). A lesson
-- lasts at most 12 hours, so its start bounds the range as its end does.
LEFT JOIN LATERAL (
  SELECT * FROM bookings x
  WHERE x.student_id = f.user_id
    AND x.scheduled_at > now() - interval '30 days' - interval '12 hours' AND x.ends_at > now() - interval '30 days'
    AND x.scheduled_at < now() + interval '180 days'
  UNION ALL
  SELECT * FROM bookings x
  WHERE x.instructor_id = f.user_id
    AND x.scheduled_at > now() - interval '30 days' - interval '12 hours' AND x.ends_at > now() - interval '30 days'
    AND x.scheduled_at < now() + interval '180 days'
) b ON true
LEFT JOIN users s ON s.id = b.student_id
LEFT JOIN users i ON i.id = b.instructor_id
LEFT JOIN aircraft p ON p.id = b.aircraft_id
LEFT JOIN airports dep ON dep.icao = b.departure_airport
LEFT JOIN airports arr ON arr.icao = b.arrival_airport
ORDER BY b.scheduled_at, b.id;
