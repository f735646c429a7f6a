-- Resolves or escalates the RESCHEDULING bookings of the next $2 overdue preferences after the
-- key ($3, $4) the previous chunk returned (nulls: from the start); scanned < $2 means done.
-- $1 now, $2 chunk size, $3/$4 last_deadline/last_booking of the previous chunk or nulls
SELECT scanned, processed, resolved, escalated, last_deadline, last_booking
FROM reschedule_close_due($1::timestamptz, $2::int, $3::timestamptz, $4::uuid)
