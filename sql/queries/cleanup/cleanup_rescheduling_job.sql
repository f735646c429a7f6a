/* @name CleanupReschedulingJob */
-- Deletes reschedule options and preferences older than the cutoff whose booking is resolved
-- (RESCHEDULED, CANCELLED or COMPLETED); a booking still RESCHEDULING keeps them.
WITH options_deleted AS (
  DELETE FROM reschedule_options o
  USING bookings b
  WHERE b.id = o.booking_id AND b.status IN ('RESCHEDULED', 'CANCELLED', 'COMPLETED') AND o.created_at < :cutoff!::timestamptz
  RETURNING 1
), preferences_deleted AS (
  DELETE FROM preference_rankings p
  USING bookings b
  WHERE b.id = p.booking_id AND b.status IN ('RESCHEDULED', 'CANCELLED', 'COMPLETED') AND p.created_at < :cutoff::timestamptz
  RETURNING 1
)
SELECT (SELECT count(*) FROM options_deleted)::int AS options_deleted,
       (SELECT count(*) FROM preferences_deleted)::int AS preferences_deleted;
