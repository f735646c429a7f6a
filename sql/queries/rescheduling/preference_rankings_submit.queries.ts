/** Types generated for queries found in "sql/queries/rescheduling/preference_rankings_submit.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'PreferenceRankingsSubmit' parameters type */
export interface PreferenceRankingsSubmitParams {
  bookingId: string;
  rankedOptionIds: stringArray;
  unavailableOptionIds: stringArray;
  userId: string;
}

/** 'PreferenceRankingsSubmit' return type */
export interface PreferenceRankingsSubmitResult {
  result: Json | null;
}

/** 'PreferenceRankingsSubmit' query type */
export interface PreferenceRankingsSubmitQuery {
  params: PreferenceRankingsSubmitParams;
  result: PreferenceRankingsSubmitResult;
}

const preferenceRankingsSubmitIR: any = {"usedParamSet":{"bookingId":true,"userId":true,"rankedOptionIds":true,"unavailableOptionIds":true},"params":[{"name":"bookingId","required":true,"transform":{"type":"scalar"},"locs":[{"a":172,"b":182}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":191,"b":198}]},{"name":"rankedOptionIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":207,"b":223}]},{"name":"unavailableOptionIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":234,"b":255}]}],"statement":"-- One party's ranking, resolving the booking when it is the second (see reschedule_submit_preferences).\n-- :userId submitting user id\nSELECT reschedule_submit_preferences(:bookingId!::uuid, :userId!::uuid, :rankedOptionIds!::uuid[], :unavailableOptionIds!::uuid[], now()) AS result"};

/**
 * Query generated from SQL:
 * ```
 * -- One party's ranking, resolving the booking when it is the second (see reschedule_submit_preferences).
 * -- :userId submitting user id
 * SELECT reschedule_submit_preferences(:bookingId!::uuid, :userId!::uuid, :rankedOptionIds!::uuid[], :unavailableOptionIds!::uuid[], now()) AS result
 * ```
 */
export const preferenceRankingsSubmit = new PreparedQuery<PreferenceRankingsSubmitParams,PreferenceRankingsSubmitResult>(preferenceRankingsSubmitIR);


