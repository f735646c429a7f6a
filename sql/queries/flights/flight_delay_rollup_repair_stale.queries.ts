/** Types generated for queries found in "sql/queries/flights/flight_delay_rollup_repair_stale.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'FlightDelayRollupRepairStale' parameters type */
export interface FlightDelayRollupRepairStaleParams {
  chunk: number;
  staleBefore: DateOrString;
}

/** 'FlightDelayRollupRepairStale' return type */
export interface FlightDelayRollupRepairStaleResult {
  flights: number | null;
}

/** 'FlightDelayRollupRepairStale' query type */
export interface FlightDelayRollupRepairStaleQuery {
  params: FlightDelayRollupRepairStaleParams;
  result: FlightDelayRollupRepairStaleResult;
}

const flightDelayRollupRepairStaleIR: any = {"usedParamSet":{"staleBefore":true,"chunk":true},"params":[{"name":"staleBefore","required":true,"transform":{"type":"scalar"},"locs":[{"a":412,"b":424}]},{"name":"chunk","required":true,"transform":{"type":"scalar"},"locs":[{"a":440,"b":446}]}],"statement":"-- Completes the delay rollup of ingestions whose request ended before it did (no longer RUNNING,\n-- or RUNNING since before :staleBefore), at most about :chunk flights per call (sql/migrations/021:\n-- flight_delay_rollup_repair). Returns the flights added; 0 when nothing is left.\n-- :staleBefore RUNNING ingestions started before this are given up on, :chunk flights per call\nSELECT flight_delay_rollup_repair(:staleBefore!::timestamptz, :chunk!::integer) AS flights"};

/**
 * Query generated from SQL:
 * ```
 * -- Completes the delay rollup of ingestions whose request ended before it did (no longer RUNNING,
 * -- or RUNNING since before :staleBefore), at most about :chunk flights per call (sql/migrations/021:
 * -- flight_delay_rollup_repair). Returns the flights added; 0 when nothing is left.
 * -- :staleBefore RUNNING ingestions started before this are given up on, :chunk flights per call
 * SELECT flight_delay_rollup_repair(:staleBefore!::timestamptz, :chunk!::integer) AS flights
 * ```
 */
export const flightDelayRollupRepairStale = new PreparedQuery<FlightDelayRollupRepairStaleParams,FlightDelayRollupRepairStaleResult>(flightDelayRollupRepairStaleIR);


