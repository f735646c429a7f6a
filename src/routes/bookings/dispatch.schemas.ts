import * as v from "valibot";
import { meterReading } from "../aircraft/aircraft.schemas";
import { squawkResponse, squawkSeverities } from "../aircraft/airworthiness.schemas";
import { bookingResponse } from "./bookings.schemas";

export const dispatchBooking = v.strictObject({
  hobbs_out: meterReading,
  tach_out: meterReading,
  override_rules: v.optional(v.boolean("must be true or false"), false),
});

export const checkInBooking = v.strictObject({
  hobbs_in: meterReading,
  tach_in: meterReading,
  squawks: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          severity: v.picklist(squawkSeverities, `must be one of ${squawkSeverities.join(", ")}`),
          description: v.pipe(
            v.string("must be a string"),
            v.check((t) => t.trim().length > 0, "must not be empty"),
            v.check((t) => !t.includes("\u0000"), "must not contain NUL characters"),
            v.maxLength(4000, "must be at most 4000 characters"),
          ),
        }),
      ),
      v.maxLength(20, "at most 20 squawks per flight"),
    ),
    [],
  ),
});

/** A checked-in booking, with the squawks filed at check-in. */
export const checkedInResponse = v.object({ ...bookingResponse.entries, squawks: v.array(squawkResponse) });
