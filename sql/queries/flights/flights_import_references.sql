/* @name FlightsImportReferences */
-- For the command-line import, which inserts its batches without the foreign keys' per-row checks
-- (session_replication_role = replica, dev/import-flights.ts): locks every airport and airline and
-- the ingestion's log against deletion (FOR KEY SHARE, the lock those checks take on each row
-- they find) until the transaction ends, and counts the ingestion's flights whose airport,
-- airline or log is not among the rows locked. Locked rows cannot go before the commit, so 0 at
-- the end means every reference holds; run before the first batch too, so that a deletion waits
-- for the import instead of failing it at the end.
-- :ingestionId the ingestion
WITH airport AS (
  SELECT icao FROM airports FOR KEY SHARE
), airline AS (
  SELECT code FROM airlines FOR KEY SHARE
), log AS (
  SELECT id FROM ingestion_logs WHERE id = :ingestionId!::uuid FOR KEY SHARE
)
SELECT (SELECT count(*) FROM log)::integer AS logs,
       (SELECT count(*)
        FROM flights f
        WHERE f.ingestion_id = :ingestionId!::uuid
          AND (f.origin NOT IN (SELECT icao FROM airport)
               OR f.destination NOT IN (SELECT icao FROM airport)
               OR f.airline_code NOT IN (SELECT code FROM airline)))::integer AS missing;
