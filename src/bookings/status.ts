export const bookingStatuses = [
  "CONFIRMED", "AT_RISK", "RESCHEDULING", "DISPATCHED", "RESCHEDULED", "CANCELLED", "COMPLETED",
] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/** Statuses that hold a slot: the database's exclusion constraints count only these. */
export const activeStatuses = ["CONFIRMED", "AT_RISK", "RESCHEDULING", "DISPATCHED"] as const satisfies readonly BookingStatus[];

/** Active bookings whose time, length or aircraft may still be changed: not once dispatched. */
export const editableStatuses = ["CONFIRMED", "AT_RISK", "RESCHEDULING"] as const satisfies readonly BookingStatus[];

/** The contract's allowed moves, from → to. Everything not listed is refused with invalid_state. */
const moves: Record<BookingStatus, readonly BookingStatus[]> = {
  // Weather turns a flight at risk; options being generated start rescheduling.
  // Dispatch hands the aircraft over; from AT_RISK only with an admin's override.
  CONFIRMED: ["AT_RISK", "RESCHEDULING", "DISPATCHED", "CANCELLED", "COMPLETED"],
  AT_RISK: ["CONFIRMED", "RESCHEDULING", "DISPATCHED", "CANCELLED", "COMPLETED"],
  // Only a replacement booking ends rescheduling (besides cancelling or flying it anyway).
  RESCHEDULING: ["RESCHEDULED", "CANCELLED", "COMPLETED"],
  // Check-in completes a dispatched flight; one that never left can still be cancelled.
  DISPATCHED: ["COMPLETED", "CANCELLED"],
  RESCHEDULED: [],
  CANCELLED: [],
  COMPLETED: [],
};

export function isActive(status: BookingStatus): boolean {
  return (activeStatuses as readonly BookingStatus[]).includes(status);
}

/**
 * Whether a booking may move from one status to another. Completing also needs the flight to be
 * over: pass when it ends and the current time.
 */
export function canMove(from: BookingStatus, to: BookingStatus, timing?: { endsAt: Date; now: Date }): boolean {
  if (!moves[from].includes(to)) return false;
  if (to === "COMPLETED") return timing !== undefined && timing.endsAt.getTime() <= timing.now.getTime();
  return true;
}

/** The statuses a booking may be in to move to `to`; SQL guards its UPDATE with them. */
export function statusesMovableTo(to: BookingStatus): BookingStatus[] {
  return bookingStatuses.filter((from) => moves[from].includes(to));
}
