/* @name BookingsListVisible */
-- A page of the bookings the viewer may see, by start time, with optional filters. Students
-- only ever get their own, instructors the ones they teach, admins all.
-- :status or null, :from/:to start time from (inclusive) / to (exclusive)
-- or nulls, :studentId or null, :instructorId or null, :aircraftId or null,
-- :cursorAt/:cursorId the cursor (scheduled_at as text, id) or nulls, :limit page size + 1
SELECT b.*, b.scheduled_at::text AS cursor_at
FROM bookings b
WHERE (:viewerRole! = 'ADMIN' OR b.student_id = :viewerId!::uuid OR b.instructor_id = :viewerId::uuid)
  AND (:status::text IS NULL OR b.status = :status)
  AND (:from::timestamptz IS NULL OR b.scheduled_at >= :from::timestamptz)
  AND (:to::timestamptz IS NULL OR b.scheduled_at < :to::timestamptz)
  AND (:studentId::uuid IS NULL OR b.student_id = :studentId::uuid)
  AND (:instructorId::uuid IS NULL OR b.instructor_id = :instructorId::uuid)
  AND (:aircraftId::uuid IS NULL OR b.aircraft_id = :aircraftId::uuid)
  AND (:cursorAt::timestamptz IS NULL OR (b.scheduled_at, b.id) > (:cursorAt::timestamptz, :cursorId::uuid))
ORDER BY b.scheduled_at, b.id
LIMIT :limit!;
