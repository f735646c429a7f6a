/* @name PreferenceRankingsSubmit */
-- One party's ranking, resolving the booking when it is the second (see reschedule_submit_preferences).
-- :bookingId booking id, :userId submitting user id, :rankedOptionIds ranked option ids, :unavailableOptionIds unavailable option ids
SELECT reschedule_submit_preferences(:bookingId::uuid, :userId::uuid, :rankedOptionIds::uuid[], :unavailableOptionIds::uuid[], now()) AS result;
