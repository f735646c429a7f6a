import * as v from "valibot";
import { pageQuery } from "../../http/pagination";

export const ingestionId = v.object({ id: v.pipe(v.string(), v.uuid("must be a UUID")) });

export const ingestFlightsQuery = v.object({
  source: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"), v.maxLength(200)), "api"),
});

export const listIngestions = v.object({ ...pageQuery });
