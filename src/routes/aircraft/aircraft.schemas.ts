import * as v from "valibot";
import { airportCode } from "../../airports/resolve";
import { pageQuery } from "../../http/pagination";
import { named, numberOrNull, pageOf, timestamp, uuid } from "../../openapi/responses";

export const aircraftStatuses = ["AVAILABLE", "MAINTENANCE", "RETIRED"] as const;

/** Registrations such as N172SP or G-ABCD, any case, stored upper-cased. */
const tailNumber = v.pipe(
  v.string(),
  v.trim(),
  v.toUpperCase(),
  v.regex(/^[A-Z0-9][A-Z0-9-]{1,9}$/, "must be a registration of 2 to 10 letters, digits or dashes, such as N172SP"),
);
/** ICAO aircraft type designators such as C172 or DA40. */
const typeCode = v.pipe(
  v.string(),
  v.trim(),
  v.toUpperCase(),
  v.regex(/^[A-Z][A-Z0-9]{1,3}$/, "must be an ICAO type designator such as C172"),
);
const crosswindLimit = v.nullable(v.pipe(v.number(), v.integer("must be a whole number"), v.minValue(1), v.maxValue(60)));

export const aircraftId = v.object({ id: v.pipe(v.string(), v.uuid("must be a UUID")) });

/** A meter reading or a number of hours: tenths, as hobbs and tach meters show them. */
export const hours = (max: number, min = 0) =>
  v.pipe(
    v.number("must be a number"),
    v.minValue(min, min === 0 ? "must not be negative" : `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
    v.check((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-6, "must be in tenths of an hour, such as 1234.5"),
  );
export const meterReading = hours(99_999.9);

export const createAircraft = v.strictObject({
  tail_number: tailNumber,
  type_code: typeCode,
  home_airport: airportCode,
  crosswind_limit_kt: v.optional(crosswindLimit, null),
  hobbs_hours: v.optional(meterReading, 0),
  tach_hours: v.optional(meterReading, 0),
});

export const updateAircraft = v.pipe(
  v.strictObject({
    tail_number: v.optional(tailNumber),
    type_code: v.optional(typeCode),
    home_airport: v.optional(airportCode),
    crosswind_limit_kt: v.optional(crosswindLimit),
    status: v.optional(v.picklist(aircraftStatuses)),
  }),
  v.check((a) => Object.keys(a).length > 0, "send at least one field to change"),
);

export const listAircraft = v.object({
  status: v.optional(v.picklist(aircraftStatuses)),
  ...pageQuery,
});

/** An aircraft as the fleet routes show it, with whether it may fly now and why not. */
export const aircraftResponse = named(
  "Aircraft",
  v.object({
    id: uuid,
    tail_number: v.string(),
    type_code: v.string(),
    home_airport: v.string(),
    crosswind_limit_kt: numberOrNull,
    status: v.picklist(aircraftStatuses),
    hobbs_hours: v.number(),
    tach_hours: v.number(),
    airworthy: v.boolean(),
    grounded_reasons: v.array(v.object({ kind: v.string(), id: v.optional(v.string()), detail: v.string() })),
    created_at: timestamp,
    updated_at: timestamp,
  }),
);

export const aircraftPage = pageOf(aircraftResponse);
