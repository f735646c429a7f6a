import * as v from "valibot";
import { isoDate } from "../../flights/analytics";
import { pageQuery } from "../../http/pagination";
import { jsonObject, named, numberOrNull, pageOf, timestamp, uuid } from "../../openapi/responses";

const airport = v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(/^[A-Z0-9]{3,4}$/, "must be an IATA or ICAO airport code"));
const summaryParams = v.pipe(
  v.strictObject({ from: v.optional(isoDate), to: v.optional(isoDate), airport: v.optional(airport) }),
  v.check((p) => !p.from || !p.to || p.from <= p.to, "from must not be after to"),
);
const congestionParams = v.pipe(
  v.strictObject({ from: v.optional(isoDate), to: v.optional(isoDate), airport }),
  v.check((p) => !p.from || !p.to || p.from <= p.to, "from must not be after to"),
);

export const createAnalysis = v.variant("type", [
  v.strictObject({ type: v.literal("delay_summary"), params: v.optional(summaryParams, {}) }),
  v.strictObject({ type: v.literal("congestion"), params: congestionParams }),
]);

export const analysisId = v.object({ id: v.pipe(v.string(), v.uuid("must be a UUID")) });

export const listAnalyses = v.object({
  type: v.optional(v.picklist(["delay_summary", "congestion"])),
  ...pageQuery,
});

export const analysisResponse = named(
  "Analysis",
  v.object({
    id: uuid,
    type: v.picklist(["delay_summary", "congestion"]),
    params: jsonObject,
    metrics: jsonObject,
    recommendations: v.array(v.unknown()),
    confidence: numberOrNull,
    created_by: v.nullable(uuid),
    created_at: timestamp,
  }),
);

export const analysisPage = pageOf(analysisResponse);
