import * as v from "valibot";
import { airportCode } from "../../airports/resolve";
import { pageQuery } from "../../http/pagination";
import { named, numberOrNull, pageOf, stringOrNull } from "../../openapi/responses";

export const airportCodeParam = v.object({ code: airportCode });

export const listAirports = v.object({
  q: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"), v.maxLength(100))),
  country: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"), v.maxLength(100))),
  ...pageQuery,
});

/** One runway end: "04", "22L"; its TRUE heading (TAF winds are true, not magnetic). */
const runwayEnd = v.strictObject({
  name: v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(/^[0-9]{1,2}[LCRW]?$/, "must be a runway designator such as 04 or 22L")),
  heading_deg: v.pipe(v.number("must be a number of degrees"), v.minValue(0, "must be at least 0"), v.maxValue(360, "must be at most 360")),
});

/** PUT /v1/airports/:code/runways: every runway end of the airport, each name once. */
export const runwaysBody = v.pipe(
  v.array(runwayEnd),
  v.maxLength(40, "must list at most 40 runway ends"),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Set<string>();
    dataset.value.forEach((end, i) => {
      if (seen.has(end.name)) {
        addIssue({ message: "names a runway end already listed", path: [{ type: "array", origin: "value", input: dataset.value, key: i, value: end }, { type: "object", origin: "value", input: end, key: "name", value: end.name }] });
      }
      seen.add(end.name);
    });
  }),
);

/** An airport (presentAirport); a single airport's reads add its runway ends. */
export const airportResponse = named(
  "Airport",
  v.object({
    icao: v.string(),
    iata: stringOrNull,
    name: v.string(),
    city: stringOrNull,
    country: stringOrNull,
    latitude: v.number(),
    longitude: v.number(),
    timezone: stringOrNull,
    elevation_ft: numberOrNull,
    runways: v.optional(v.array(v.object({ name: v.string(), heading_deg: v.number() }))),
  }),
);

export const airportPage = pageOf(airportResponse);
