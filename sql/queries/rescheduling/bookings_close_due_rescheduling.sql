-- Resolves or escalates a chunk of RESCHEDULING bookings whose deadline has passed.
-- $1 now, $2 chunk size
SELECT processed, resolved, escalated FROM reschedule_close_due($1::timestamptz, $2::int)
