/** Types generated for queries found in "sql/queries/flights/flights_insert_batch.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'FlightsInsertBatch' parameters type */
export interface FlightsInsertBatchParams {
  fileKey: string;
  ingestionId: string;
  received: number;
  refused: number;
  rows: Json;
}

/** 'FlightsInsertBatch' return type */
export interface FlightsInsertBatchResult {
  errors: Json | null;
  inserted: number | null;
  valid: number | null;
}

/** 'FlightsInsertBatch' query type */
export interface FlightsInsertBatchQuery {
  params: FlightsInsertBatchParams;
  result: FlightsInsertBatchResult;
}

const flightsInsertBatchIR: any = {"usedParamSet":{"rows":true,"fileKey":true,"ingestionId":true,"received":true,"refused":true},"params":[{"name":"rows","required":true,"transform":{"type":"scalar"},"locs":[{"a":1424,"b":1429}]},{"name":"fileKey","required":true,"transform":{"type":"scalar"},"locs":[{"a":5136,"b":5144}]},{"name":"ingestionId","required":true,"transform":{"type":"scalar"},"locs":[{"a":6646,"b":6658},{"a":7230,"b":7241}]},{"name":"received","required":true,"transform":{"type":"scalar"},"locs":[{"a":6885,"b":6894}]},{"name":"refused","required":true,"transform":{"type":"scalar"},"locs":[{"a":7013,"b":7021}]}],"statement":"-- Stores one batch of validated flight rows, in one statement: resolves airports (ICAO or IATA)\n-- and timezones, converts local times at their airport, rejects what the database would refuse\n-- (with the reason), inserts the rest once by natural key and counts the batch in the ingestion's\n-- log. The delay rollup takes an ingestion's flights once its last batch is in\n-- (flight_delay_rollup_add_ingestion.sql).\n-- :rows (JSON array of arrays, src/flights/rows.ts encodeBatch: StagedFlight fields in\n-- STAGED_COLUMNS order), :ingestionId the ingestion, :received rows received in this batch (including those refused\n-- before reaching SQL), :refused rows refused before SQL, :fileKey the file's key (src/flights/ingest.ts\n-- fileKey: a digest of its first 64 KiB)\nWITH input AS (\n  SELECT (e->>0)::integer AS \"row\", e->>1 AS flight_number, e->>2 AS airline_code, e->>3 AS origin, e->>4 AS destination,\n         e->>5 AS scheduled_departure, (e->>6)::boolean AS scheduled_departure_local,\n         e->>7 AS scheduled_arrival, (e->>8)::boolean AS scheduled_arrival_local,\n         e->>9 AS actual_departure, (e->>10)::boolean AS actual_departure_local,\n         e->>11 AS actual_arrival, (e->>12)::boolean AS actual_arrival_local,\n         (e->>13)::integer AS departure_delay_minutes, (e->>14)::integer AS arrival_delay_minutes,\n         (e->>15)::integer AS distance_miles, e->>16 AS status\n  FROM jsonb_array_elements(:rows!::jsonb) AS e\n), resolved AS (\n  SELECT i.*,\n         coalesce(oc.icao, oa.icao) AS origin_icao, coalesce(oc.timezone, oa.timezone) AS origin_tz,\n         coalesce(dc.icao, da.icao) AS destination_icao, coalesce(dc.timezone, da.timezone) AS destination_tz,\n         al.code AS known_airline\n  FROM input i\n  LEFT JOIN airports oc ON oc.icao = i.origin\n  LEFT JOIN airports oa ON oa.iata = i.origin\n  LEFT JOIN airports dc ON dc.icao = i.destination\n  LEFT JOIN airports da ON da.iata = i.destination\n  LEFT JOIN airlines al ON al.code = i.airline_code\n), timed AS MATERIALIZED (\n  -- A time without offset is local at its airport: departures at the origin, arrivals at the destination.\n  -- Materialized: each time is converted once, not again wherever the steps below use it.\n  SELECT r.*,\n         CASE WHEN scheduled_departure_local THEN scheduled_departure::timestamp AT TIME ZONE origin_tz\n              ELSE scheduled_departure::timestamptz END AS sd,\n         CASE WHEN scheduled_arrival_local THEN scheduled_arrival::timestamp AT TIME ZONE destination_tz\n              ELSE scheduled_arrival::timestamptz END AS sa,\n         CASE WHEN actual_departure_local THEN actual_departure::timestamp AT TIME ZONE origin_tz\n              ELSE actual_departure::timestamptz END AS ad,\n         CASE WHEN actual_arrival_local THEN actual_arrival::timestamp AT TIME ZONE destination_tz\n              ELSE actual_arrival::timestamptz END AS aa\n  FROM resolved r\n), delayed AS (\n  -- Delays not given are derived from the times when both are known.\n  SELECT t.*,\n         coalesce(departure_delay_minutes, round(extract(epoch FROM ad - sd) / 60)::integer) AS dep_delay,\n         coalesce(arrival_delay_minutes, round(extract(epoch FROM aa - sa) / 60)::integer) AS arr_delay\n  FROM timed t\n), checked AS (\n  SELECT d.*,\n         CASE\n           WHEN origin_icao IS NULL THEN format('origin: unknown airport %s', origin)\n           WHEN destination_icao IS NULL THEN format('destination: unknown airport %s', destination)\n           WHEN airline_code IS NOT NULL AND known_airline IS NULL THEN format('airline_code: unknown airline %s', airline_code)\n           WHEN origin_tz IS NULL AND (scheduled_departure_local OR actual_departure_local)\n             THEN format('origin: airport %s has no known timezone; send departure times with a UTC offset', origin_icao)\n           WHEN destination_tz IS NULL AND (scheduled_arrival_local OR actual_arrival_local)\n             THEN format('destination: airport %s has no known timezone; send arrival times with a UTC offset', destination_icao)\n           WHEN sa < sd THEN 'scheduled_arrival: is before the scheduled departure'\n           WHEN aa < ad THEN 'actual_arrival: is before the actual departure'\n           WHEN abs(dep_delay) > 2880 THEN 'departure_delay_minutes: must be within ±2880 minutes (48 hours)'\n           WHEN abs(arr_delay) > 2880 THEN 'arrival_delay_minutes: must be within ±2880 minutes (48 hours)'\n         END AS problem,\n         -- Natural key: a carrier's flight number on its departure minute when known. Otherwise\n         -- (vega rows carry no flight number) the file, the row's position in it and a digest of its\n         -- content: re-sending a file (or a longer export starting with it) inserts nothing again,\n         -- while two identical rows of one file are two flights. The zero-padded position keeps\n         -- one file's keys ascending, so the unique index grows at its right edge.\n         CASE WHEN flight_number IS NOT NULL AND airline_code IS NOT NULL\n              THEN format('f:%s%s:%s:%s', airline_code, flight_number, coalesce(origin_icao, ''), extract(epoch FROM sd)::bigint)\n              ELSE format('r:%s:%s:', :fileKey!::text, lpad(\"row\"::text, 10, '0'))\n                   || md5(concat_ws('|', origin_icao, destination_icao, extract(epoch FROM sd)::bigint,\n                                    extract(epoch FROM ad)::bigint, arr_delay, distance_miles))\n         END AS natural_key\n  FROM delayed d\n), stamp AS (\n  -- Time-ordered ids (UUID version 7, RFC 9562): the statement's millisecond, the version, 26\n  -- random bits, then a 48-bit counter from a random start (its \"dedicated counter\" layout), so a\n  -- large load appends to the primary key's right edge instead of touching random pages of a big\n  -- index, and drawing one random value per statement instead of per row.\n  SELECT lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7'\n           || substr(u, 14, 3) || substr(u, 17, 4) AS prefix,\n         (random() * 2 ^ 46)::bigint AS start\n  FROM (SELECT replace(gen_random_uuid()::text, '-', '') AS u) g\n), inserted AS (\n  INSERT INTO flights (id, natural_key, flight_number, airline_code, origin, destination, scheduled_departure,\n                       scheduled_arrival, actual_departure, actual_arrival, departure_delay_minutes,\n                       arrival_delay_minutes, distance_miles, status, ingestion_id)\n  SELECT (s.prefix || lpad(to_hex(s.start + row_number() OVER (ORDER BY c.natural_key)), 12, '0'))::uuid,\n         natural_key, flight_number, airline_code, origin_icao, destination_icao, sd, sa, ad, aa, dep_delay,\n         arr_delay, distance_miles, status, :ingestionId!::uuid\n  FROM checked c\n  CROSS JOIN stamp s\n  WHERE problem IS NULL\n  ORDER BY natural_key\n  ON CONFLICT (natural_key) DO NOTHING\n  RETURNING 1\n), counted AS (\n  UPDATE ingestion_logs SET\n    rows_received  = rows_received + :received!::integer,\n    rows_inserted  = rows_inserted + (SELECT count(*) FROM inserted),\n    rows_rejected  = rows_rejected + :refused!::integer + (SELECT count(*) FROM checked WHERE problem IS NOT NULL),\n    rows_duplicate = rows_duplicate + (SELECT count(*) FROM checked WHERE problem IS NULL) - (SELECT count(*) FROM inserted)\n  WHERE id = :ingestionId::uuid\n)\nSELECT (SELECT count(*) FROM inserted)::integer AS inserted,\n       (SELECT count(*) FROM checked WHERE problem IS NULL)::integer AS valid,\n       coalesce((SELECT json_agg(json_build_object('row', p.\"row\", 'message', p.problem) ORDER BY p.\"row\")\n                 FROM (SELECT \"row\", problem FROM checked WHERE problem IS NOT NULL ORDER BY \"row\" LIMIT 100) p),\n                '[]'::json) AS errors"};

/**
 * Query generated from SQL:
 * ```
 * -- Stores one batch of validated flight rows, in one statement: resolves airports (ICAO or IATA)
 * -- and timezones, converts local times at their airport, rejects what the database would refuse
 * -- (with the reason), inserts the rest once by natural key and counts the batch in the ingestion's
 * -- log. The delay rollup takes an ingestion's flights once its last batch is in
 * -- (flight_delay_rollup_add_ingestion.sql).
 * -- :rows (JSON array of arrays, src/flights/rows.ts encodeBatch: StagedFlight fields in
 * -- STAGED_COLUMNS order), :ingestionId the ingestion, :received rows received in this batch (including those refused
 * -- before reaching SQL), :refused rows refused before SQL, :fileKey the file's key (src/flights/ingest.ts
 * -- fileKey: a digest of its first 64 KiB)
 * WITH input AS (
 *   SELECT (e->>0)::integer AS "row", e->>1 AS flight_number, e->>2 AS airline_code, e->>3 AS origin, e->>4 AS destination,
 *          e->>5 AS scheduled_departure, (e->>6)::boolean AS scheduled_departure_local,
 *          e->>7 AS scheduled_arrival, (e->>8)::boolean AS scheduled_arrival_local,
 *          e->>9 AS actual_departure, (e->>10)::boolean AS actual_departure_local,
 *          e->>11 AS actual_arrival, (e->>12)::boolean AS actual_arrival_local,
 *          (e->>13)::integer AS departure_delay_minutes, (e->>14)::integer AS arrival_delay_minutes,
 *          (e->>15)::integer AS distance_miles, e->>16 AS status
 *   FROM jsonb_array_elements(:rows!::jsonb) AS e
 * ), resolved AS (
 *   SELECT i.*,
 *          coalesce(oc.icao, oa.icao) AS origin_icao, coalesce(oc.timezone, oa.timezone) AS origin_tz,
 *          coalesce(dc.icao, da.icao) AS destination_icao, coalesce(dc.timezone, da.timezone) AS destination_tz,
 *          al.code AS known_airline
 *   FROM input i
 *   LEFT JOIN airports oc ON oc.icao = i.origin
 *   LEFT JOIN airports oa ON oa.iata = i.origin
 *   LEFT JOIN airports dc ON dc.icao = i.destination
 *   LEFT JOIN airports da ON da.iata = i.destination
 *   LEFT JOIN airlines al ON al.code = i.airline_code
 * ), timed AS MATERIALIZED (
 *   -- A time without offset is local at its airport: departures at the origin, arrivals at the destination.
 *   -- Materialized: each time is converted once, not again wherever the steps below use it.
 *   SELECT r.*,
 *          CASE WHEN scheduled_departure_local THEN scheduled_departure::timestamp AT TIME ZONE origin_tz
 *               ELSE scheduled_departure::timestamptz END AS sd,
 *          CASE WHEN scheduled_arrival_local THEN scheduled_arrival::timestamp AT TIME ZONE destination_tz
 *               ELSE scheduled_arrival::timestamptz END AS sa,
 *          CASE WHEN actual_departure_local THEN actual_departure::timestamp AT TIME ZONE origin_tz
 *               ELSE actual_departure::timestamptz END AS ad,
 *          CASE WHEN actual_arrival_local THEN actual_arrival::timestamp AT TIME ZONE destination_tz
 *               ELSE actual_arrival::timestamptz END AS aa
 *   FROM resolved r
 * ), delayed AS (
 *   -- Delays not given are derived from the times when both are known.
 *   SELECT t.*,
 *          coalesce(departure_delay_minutes, round(extract(epoch FROM ad - sd) / 60)::integer) AS dep_delay,
 *          coalesce(arrival_delay_minutes, round(extract(epoch FROM aa - sa) / 60)::integer) AS arr_delay
 *   FROM timed t
 * ), checked AS (
 *   SELECT d.*,
 *          CASE
 *            WHEN origin_icao IS NULL THEN format('origin: unknown airport %s', origin)
 *            WHEN destination_icao IS NULL THEN format('destination: unknown airport %s', destination)
 *            WHEN airline_code IS NOT NULL AND known_airline IS NULL THEN format('airline_code: unknown airline %s', airline_code)
 *            WHEN origin_tz IS NULL AND (scheduled_departure_local OR actual_departure_local)
 *              THEN format('origin: airport %s has no known timezone; send departure times with a UTC offset', origin_icao)
 *            WHEN destination_tz IS NULL AND (scheduled_arrival_local OR actual_arrival_local)
 *              THEN format('destination: airport %s has no known timezone; send arrival times with a UTC offset', destination_icao)
 *            WHEN sa < sd THEN 'scheduled_arrival: is before the scheduled departure'
 *            WHEN aa < ad THEN 'actual_arrival: is before the actual departure'
 *            WHEN abs(dep_delay) > 2880 THEN 'departure_delay_minutes: must be within ±2880 minutes (48 hours)'
 *            WHEN abs(arr_delay) > 2880 THEN 'arrival_delay_minutes: must be within ±2880 minutes (48 hours)'
 *          END AS problem,
 *          -- Natural key: a carrier's flight number on its departure minute when known. Otherwise
 *          -- (vega rows carry no flight number) the file, the row's position in it and a digest of its
 *          -- content: re-sending a file (or a longer export starting with it) inserts nothing again,
 *          -- while two identical rows of one file are two flights. The zero-padded position keeps
 *          -- one file's keys ascending, so the unique index grows at its right edge.
 *          CASE WHEN flight_number IS NOT NULL AND airline_code IS NOT NULL
 *               THEN format('f:%s%s:%s:%s', airline_code, flight_number, coalesce(origin_icao, ''), extract(epoch FROM sd)::bigint)
 *               ELSE format('r:%s:%s:', :fileKey!::text, lpad("row"::text, 10, '0'))
 *                    || md5(concat_ws('|', origin_icao, destination_icao, extract(epoch FROM sd)::bigint,
 *                                     extract(epoch FROM ad)::bigint, arr_delay, distance_miles))
 *          END AS natural_key
 *   FROM delayed d
 * ), stamp AS (
 *   -- Time-ordered ids (UUID version 7, RFC 9562): the statement's millisecond, the version, 26
 *   -- random bits, then a 48-bit counter from a random start (its "dedicated counter" layout), so a
 *   -- large load appends to the primary key's right edge instead of touching random pages of a big
 *   -- index, and drawing one random value per statement instead of per row.
 *   SELECT lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7'
 *            || substr(u, 14, 3) || substr(u, 17, 4) AS prefix,
 *          (random() * 2 ^ 46)::bigint AS start
 *   FROM (SELECT replace(gen_random_uuid()::text, '-', '') AS u) g
 * ), inserted AS (
 *   INSERT INTO flights (id, natural_key, flight_number, airline_code, origin, destination, scheduled_departure,
 *                        scheduled_arrival, actual_departure, actual_arrival, departure_delay_minutes,
 *                        arrival_delay_minutes, distance_miles, status, ingestion_id)
 *   SELECT (s.prefix || lpad(to_hex(s.start + row_number() OVER (ORDER BY c.natural_key)), 12, '0'))::uuid,
 *          natural_key, flight_number, airline_code, origin_icao, destination_icao, sd, sa, ad, aa, dep_delay,
 *          arr_delay, distance_miles, status, :ingestionId!::uuid
 *   FROM checked c
 *   CROSS JOIN stamp s
 *   WHERE problem IS NULL
 *   ORDER BY natural_key
 *   ON CONFLICT (natural_key) DO NOTHING
 *   RETURNING 1
 * ), counted AS (
 *   UPDATE ingestion_logs SET
 *     rows_received  = rows_received + :received!::integer,
 *     rows_inserted  = rows_inserted + (SELECT count(*) FROM inserted),
 *     rows_rejected  = rows_rejected + :refused!::integer + (SELECT count(*) FROM checked WHERE problem IS NOT NULL),
 *     rows_duplicate = rows_duplicate + (SELECT count(*) FROM checked WHERE problem IS NULL) - (SELECT count(*) FROM inserted)
 *   WHERE id = :ingestionId::uuid
 * )
 * SELECT (SELECT count(*) FROM inserted)::integer AS inserted,
 *        (SELECT count(*) FROM checked WHERE problem IS NULL)::integer AS valid,
 *        coalesce((SELECT json_agg(json_build_object('row', p."row", 'message', p.problem) ORDER BY p."row")
 *                  FROM (SELECT "row", problem FROM checked WHERE problem IS NOT NULL ORDER BY "row" LIMIT 100) p),
 *                 '[]'::json) AS errors
 * ```
 */
export const flightsInsertBatch = new PreparedQuery<FlightsInsertBatchParams,FlightsInsertBatchResult>(flightsInsertBatchIR);


