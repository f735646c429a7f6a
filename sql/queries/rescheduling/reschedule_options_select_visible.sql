/* @name RescheduleOptionsSelectVisible */
-- A booking's current options and both parties' preference rows, if the viewer may see it.
SELECT b.id AS booking_id, b.status, b.student_id, b.instructor_id,
       coalesce((SELECT jsonb_agg(jsonb_build_object(
                          'id', o.id, 'position', o.position, 'suggested_at', o.suggested_at, 'ends_at', o.ends_at,
                          'confidence', o.confidence, 'weather_status', o.weather_status, 'reasons', o.reasons,
                          'aircraft_id', o.aircraft_id)
                        ORDER BY o.position)
                 FROM reschedule_options o WHERE o.booking_id = b.id), '[]'::jsonb) AS options,
       coalesce((SELECT jsonb_agg(jsonb_build_object(
                          'party', p.party, 'deadline', p.deadline, 'submitted_at', p.submitted_at,
                          'ranked_option_ids', p.ranked_option_ids, 'unavailable_option_ids', p.unavailable_option_ids,
                          'reminder_sent_at', p.reminder_sent_at, 'escalated_at', p.escalated_at))
                 FROM preference_rankings p WHERE p.booking_id = b.id), '[]'::jsonb) AS preferences
FROM bookings b
WHERE b.id = :bookingId! AND (:viewerRole! = 'ADMIN' OR b.student_id = :viewerId! OR b.instructor_id = :viewerId);
