import * as v from "valibot";
import { pageQuery } from "../../http/pagination";
import { named, numberOrNull, pageOf, timestamp, timestampOrNull, uuid } from "../../openapi/responses";

export const ingestionId = v.object({ id: v.pipe(v.string(), v.uuid("must be a UUID")) });

export const ingestFlightsQuery = v.object({
  source: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"), v.maxLength(200)), "api"),
});

export const listIngestions = v.object({ ...pageQuery });

export const ingestionResponse = named(
  "Ingestion",
  v.object({
    id: uuid,
    source: v.string(),
    format: v.string(),
    status: v.string(),
    rows_received: v.number(),
    rows_inserted: v.number(),
    rows_rejected: v.number(),
    rows_duplicate: v.number(),
    quality_score: numberOrNull,
    errors: v.array(v.object({ row: v.number(), message: v.string() })),
    started_at: timestamp,
    finished_at: timestampOrNull,
    created_by: v.nullable(uuid),
    created_at: timestamp,
  }),
);

export const ingestionPage = pageOf(ingestionResponse);
