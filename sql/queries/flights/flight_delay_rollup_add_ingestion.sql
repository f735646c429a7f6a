/* @name FlightDelayRollupAddIngestion */
-- Adds the next chunk of an ingestion's flights (in id order) to the delay rollup and records how
-- far it got (sql/migrations/021: flight_delay_rollup_add_ingestion); `pending` says more remain.
-- Ingestions call it once their last batch is in; the command-line import in the transaction
-- that inserted the flights.
-- :ingestionId the ingestion, :chunk flights per call
SELECT flights, rollup_rows, pending FROM flight_delay_rollup_add_ingestion(:ingestionId!::uuid, :chunk::integer);
