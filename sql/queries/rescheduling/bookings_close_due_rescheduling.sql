/* @name BookingsCloseDueRescheduling */
-- Resolves or escalates the RESCHEDULING bookings of the next :chunk overdue preferences after
-- the key (:lastDeadline, :lastBooking) the previous chunk returned as last_deadline/last_booking
-- (nulls: from the start); scanned < :chunk means done.
SELECT scanned, processed, resolved, escalated, last_deadline, last_booking
FROM reschedule_close_due(:now!::timestamptz, :chunk!::int, :lastDeadline::timestamptz, :lastBooking::uuid);
