-- One party's ranking, resolving the booking when it is the second (see reschedule_submit_preferences).
-- $1 booking id, $2 submitting user id, $3 ranked option ids, $4 unavailable option ids
SELECT reschedule_submit_preferences($1::uuid, $2::uuid, $3::uuid[], $4::uuid[], now()) AS result
