/** Types generated for queries found in "sql/queries/flights/flight_delay_rollup_add_ingestion.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'FlightDelayRollupAddIngestion' parameters type */
export interface FlightDelayRollupAddIngestionParams {
  chunk?: number | null | void;
  ingestionId: string;
}

/** 'FlightDelayRollupAddIngestion' return type */
export interface FlightDelayRollupAddIngestionResult {
  flights: number | null;
  pending: boolean | null;
  rollup_rows: number | null;
}

/** 'FlightDelayRollupAddIngestion' query type */
export interface FlightDelayRollupAddIngestionQuery {
  params: FlightDelayRollupAddIngestionParams;
  result: FlightDelayRollupAddIngestionResult;
}

const flightDelayRollupAddIngestionIR: any = {"usedParamSet":{"ingestionId":true,"chunk":true},"params":[{"name":"ingestionId","required":true,"transform":{"type":"scalar"},"locs":[{"a":453,"b":465}]},{"name":"chunk","required":false,"transform":{"type":"scalar"},"locs":[{"a":474,"b":479}]}],"statement":"-- Adds the next chunk of an ingestion's flights (in id order) to the delay rollup and records how\n-- far it got (sql/migrations/021: flight_delay_rollup_add_ingestion); `pending` says more remain.\n-- Ingestions call it once their last batch is in; the command-line import in the transaction\n-- that inserted the flights.\n-- :ingestionId the ingestion, :chunk flights per call\nSELECT flights, rollup_rows, pending FROM flight_delay_rollup_add_ingestion(:ingestionId!::uuid, :chunk::integer)"};

/**
 * Query generated from SQL:
 * ```
 * -- Adds the next chunk of an ingestion's flights (in id order) to the delay rollup and records how
 * -- far it got (sql/migrations/021: flight_delay_rollup_add_ingestion); `pending` says more remain.
 * -- Ingestions call it once their last batch is in; the command-line import in the transaction
 * -- that inserted the flights.
 * -- :ingestionId the ingestion, :chunk flights per call
 * SELECT flights, rollup_rows, pending FROM flight_delay_rollup_add_ingestion(:ingestionId!::uuid, :chunk::integer)
 * ```
 */
export const flightDelayRollupAddIngestion = new PreparedQuery<FlightDelayRollupAddIngestionParams,FlightDelayRollupAddIngestionResult>(flightDelayRollupAddIngestionIR);


