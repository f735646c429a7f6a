import * as v from "valibot";
import { isCalendarDate } from "../../domain/timezone";
import { pageQuery } from "../../http/pagination";
import { date as calendarDate, named, numberOrNull, stringOrNull, timestamp, timestampOrNull, uuidOrNull } from "../../openapi/responses";
import { instant } from "../bookings/bookings.schemas";
import { hours, meterReading } from "./aircraft.schemas";

const uuid = v.pipe(v.string(), v.uuid("must be a UUID"));
const date = v.pipe(v.string(), v.check(isCalendarDate, "must be a calendar date written YYYY-MM-DD"));
/** Free text people write: not blank, no NUL (Postgres text cannot hold it), bounded. */
const text = (max: number) =>
  v.pipe(
    v.string("must be a string"),
    v.check((t) => t.trim().length > 0, "must not be empty"),
    v.check((t) => !t.includes("\u0000"), "must not contain NUL characters"),
    v.maxLength(max, `must be at most ${max} characters`),
  );

export const squawkSeverities = ["INFO", "DISCREPANCY", "GROUNDING"] as const;
export const squawkStatuses = ["OPEN", "DEFERRED", "RESOLVED"] as const;
export const squawkResolutions = ["REPAIRED", "NOT_REPRODUCED", "NO_ACTION", "DEFERRED"] as const;

export const aircraftParam = v.object({ id: uuid });
export const itemParam = v.object({ id: uuid, item_id: uuid });
export const squawkParam = v.object({ id: uuid, squawk_id: uuid });
export const blockParam = v.object({ id: uuid, block_id: uuid });

export const createItem = v.pipe(
  v.strictObject({
    name: text(200),
    interval_hours: v.optional(v.nullable(hours(10_000, 0.1)), null),
    interval_months: v.optional(
      v.nullable(v.pipe(v.number("must be a number"), v.integer("must be a whole number of months"), v.minValue(1), v.maxValue(240))),
      null,
    ),
    last_done_tach: v.optional(v.nullable(meterReading), null),
    last_done_on: v.optional(v.nullable(date), null),
    warn_hours: v.optional(hours(10_000), 10),
    warn_days: v.optional(v.pipe(v.number("must be a number"), v.integer("must be a whole number of days"), v.minValue(0), v.maxValue(3650)), 30),
    blocks_booking: v.optional(v.boolean("must be true or false"), true),
  }),
  v.forward(
    v.check((i) => i.interval_hours !== null || i.interval_months !== null, "give interval_hours, interval_months or both"),
    ["interval_hours"],
  ),
);

export const completeItem = v.strictObject({ done_on: date, tach: meterReading });

export const createSquawk = v.strictObject({
  severity: v.picklist(squawkSeverities, `must be one of ${squawkSeverities.join(", ")}`),
  description: text(4000),
  booking_id: v.optional(v.nullable(uuid), null),
});

export const listSquawks = v.object({
  status: v.optional(v.picklist(squawkStatuses, `must be one of ${squawkStatuses.join(", ")}`)),
  ...pageQuery,
});

export const resolveSquawk = v.strictObject({
  resolution: v.picklist(squawkResolutions, `must be one of ${squawkResolutions.join(", ")}`),
  note: text(2000),
});

export const createBlock = v.pipe(
  v.strictObject({ starts_at: instant, ends_at: instant, reason: text(1000) }),
  v.forward(
    // Only once both are instants; a malformed one has its own error.
    v.check((b) => !(Date.parse(b.starts_at) >= Date.parse(b.ends_at)), "must be after starts_at"),
    ["ends_at"],
  ),
);

export const listPage = v.object({ ...pageQuery });

/** A maintenance item with its due figures (presentItem). */
export const maintenanceItemResponse = named(
  "MaintenanceItem",
  v.object({
    id: uuid,
    aircraft_id: uuid,
    name: v.string(),
    interval_hours: numberOrNull,
    interval_months: numberOrNull,
    last_done_tach: numberOrNull,
    last_done_on: v.nullable(calendarDate),
    due_tach: numberOrNull,
    due_on: v.nullable(calendarDate),
    remaining_hours: numberOrNull,
    projected_remaining_hours: numberOrNull,
    remaining_days: numberOrNull,
    status: v.picklist(["OK", "DUE_SOON", "OVERDUE"]),
    warn_hours: v.number(),
    warn_days: v.number(),
    blocks_booking: v.boolean(),
    created_at: timestamp,
    updated_at: timestamp,
  }),
);

export const squawkResponse = named(
  "Squawk",
  v.object({
    id: uuid,
    aircraft_id: uuid,
    severity: v.picklist(squawkSeverities),
    description: v.string(),
    status: v.picklist(squawkStatuses),
    reported_by: uuidOrNull,
    reported_at: timestamp,
    booking_id: uuidOrNull,
    resolution: v.nullable(v.picklist(squawkResolutions)),
    resolution_note: stringOrNull,
    resolved_by: uuidOrNull,
    resolved_at: timestampOrNull,
  }),
);

export const maintenanceBlockResponse = named(
  "MaintenanceBlock",
  v.object({
    id: uuid,
    aircraft_id: uuid,
    starts_at: timestamp,
    ends_at: timestamp,
    reason: v.string(),
    created_by: uuidOrNull,
    created_at: timestamp,
  }),
);
