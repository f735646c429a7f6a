/* @name PreferenceRankingsSubmit */
-- One party's ranking, resolving the booking when it is the second (see reschedule_submit_preferences).
-- :userId submitting user id
SELECT reschedule_submit_preferences(:bookingId!::uuid, :userId!::uuid, :rankedOptionIds!::uuid[], :unavailableOptionIds!::uuid[], now()) AS result;
