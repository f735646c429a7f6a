/** Types generated for queries found in "sql/queries/flights/flights_import_references.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'FlightsImportReferences' parameters type */
export interface FlightsImportReferencesParams {
  ingestionId: string;
}

/** 'FlightsImportReferences' return type */
export interface FlightsImportReferencesResult {
  logs: number | null;
  missing: number | null;
}

/** 'FlightsImportReferences' query type */
export interface FlightsImportReferencesQuery {
  params: FlightsImportReferencesParams;
  result: FlightsImportReferencesResult;
}

const flightsImportReferencesIR: any = {"usedParamSet":{"ingestionId":true},"params":[{"name":"ingestionId","required":true,"transform":{"type":"scalar"},"locs":[{"a":835,"b":847},{"a":1001,"b":1013}]}],"statement":"-- For the command-line import, which inserts its batches without the foreign keys' per-row checks\n-- (session_replication_role = replica, dev/import-flights.ts): locks every airport and airline and\n-- the ingestion's log against deletion (FOR KEY SHARE, the lock those checks take on each row\n-- they find) until the transaction ends, and counts the ingestion's flights whose airport,\n-- airline or log is not among the rows locked. Locked rows cannot go before the commit, so 0 at\n-- the end means every reference holds; run before the first batch too, so that a deletion waits\n-- for the import instead of failing it at the end.\n-- :ingestionId the ingestion\nWITH airport AS (\n  SELECT icao FROM airports FOR KEY SHARE\n), airline AS (\n  SELECT code FROM airlines FOR KEY SHARE\n), log AS (\n  SELECT id FROM ingestion_logs WHERE id = :ingestionId!::uuid FOR KEY SHARE\n)\nSELECT (SELECT count(*) FROM log)::integer AS logs,\n       (SELECT count(*)\n        FROM flights f\n        WHERE f.ingestion_id = :ingestionId!::uuid\n          AND (f.origin NOT IN (SELECT icao FROM airport)\n               OR f.destination NOT IN (SELECT icao FROM airport)\n               OR f.airline_code NOT IN (SELECT code FROM airline)))::integer AS missing"};

/**
 * Query generated from SQL:
 * ```
 * -- For the command-line import, which inserts its batches without the foreign keys' per-row checks
 * -- (session_replication_role = replica, dev/import-flights.ts): locks every airport and airline and
 * -- the ingestion's log against deletion (FOR KEY SHARE, the lock those checks take on each row
 * -- they find) until the transaction ends, and counts the ingestion's flights whose airport,
 * -- airline or log is not among the rows locked. Locked rows cannot go before the commit, so 0 at
 * -- the end means every reference holds; run before the first batch too, so that a deletion waits
 * -- for the import instead of failing it at the end.
 * -- :ingestionId the ingestion
 * WITH airport AS (
 *   SELECT icao FROM airports FOR KEY SHARE
 * ), airline AS (
 *   SELECT code FROM airlines FOR KEY SHARE
 * ), log AS (
 *   SELECT id FROM ingestion_logs WHERE id = :ingestionId!::uuid FOR KEY SHARE
 * )
 * SELECT (SELECT count(*) FROM log)::integer AS logs,
 *        (SELECT count(*)
 *         FROM flights f
 *         WHERE f.ingestion_id = :ingestionId!::uuid
 *           AND (f.origin NOT IN (SELECT icao FROM airport)
 *                OR f.destination NOT IN (SELECT icao FROM airport)
 *                OR f.airline_code NOT IN (SELECT code FROM airline)))::integer AS missing
 * ```
 */
export const flightsImportReferences = new PreparedQuery<FlightsImportReferencesParams,FlightsImportReferencesResult>(flightsImportReferencesIR);


