/* @name BookingsSelectVisible */
-- One booking, if the viewer may see it: admins all, others the ones they fly in.
SELECT b.*
FROM bookings b
WHERE b.id = :bookingId!
  AND (:viewerRole! = 'ADMIN' OR b.student_id = :viewerId! OR b.instructor_id = :viewerId);
