import * as v from "valibot";
import { airportCode } from "../../airports/resolve";
import { pageQuery } from "../../http/pagination";

export const airportCodeParam = v.object({ code: airportCode });

export const listAirports = v.object({
  q: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"), v.maxLength(100))),
  country: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"), v.maxLength(100))),
  ...pageQuery,
});
