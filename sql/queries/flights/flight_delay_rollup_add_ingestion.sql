-- Adds every flight an ingestion inserted to the delay rollup, a month of departures per call (so
-- months never merge into each other's rows); the command-line import runs it once, in the
-- transaction that inserted them, instead of once per batch.
-- $1 ingestion id
SELECT coalesce(sum(written), 0)::integer AS rollup_rows
FROM (SELECT flight_delay_rollup_add(array_agg(origin), array_agg(destination), array_agg(airline_code),
                                     array_agg(scheduled_departure), array_agg(arrival_delay_minutes)) AS written
      FROM flights
      WHERE ingestion_id = $1::uuid
      GROUP BY date_trunc('month', scheduled_departure)) m
