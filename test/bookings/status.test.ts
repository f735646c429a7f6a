import { describe, expect, it } from "vitest";
import { activeStatuses, bookingStatuses, canMove, isActive, statusesMovableTo, type BookingStatus } from "../../src/bookings/status";

const now = new Date("2030-06-01T12:00:00Z");
const over = { endsAt: new Date("2030-06-01T11:00:00Z"), now };
const notOver = { endsAt: new Date("2030-06-01T13:00:00Z"), now };

describe("booking status moves", () => {
  it("allows exactly the contract's moves", () => {
    const allowed: [BookingStatus, BookingStatus][] = [
      ["CONFIRMED", "AT_RISK"],
      ["AT_RISK", "CONFIRMED"],
      ["CONFIRMED", "RESCHEDULING"],
      ["AT_RISK", "RESCHEDULING"],
      ["RESCHEDULING", "RESCHEDULED"],
      ["CONFIRMED", "CANCELLED"],
      ["AT_RISK", "CANCELLED"],
      ["RESCHEDULING", "CANCELLED"],
      ["CONFIRMED", "COMPLETED"],
      ["AT_RISK", "COMPLETED"],
      ["RESCHEDULING", "COMPLETED"],
      // v1.1: dispatch (from AT_RISK only with an admin's override, which the route checks),
      // check-in, and a dispatched flight that never left.
      ["CONFIRMED", "DISPATCHED"],
      ["AT_RISK", "DISPATCHED"],
      ["DISPATCHED", "COMPLETED"],
      ["DISPATCHED", "CANCELLED"],
    ];
    const key = ([from, to]: [string, string]) => `${from}→${to}`;
    const expected = new Set(allowed.map(key));
    for (const from of bookingStatuses) {
      for (const to of bookingStatuses) {
        expect({ move: key([from, to]), allowed: canMove(from, to, over) }).toEqual({
          move: key([from, to]),
          allowed: expected.has(key([from, to])),
        });
      }
    }
  });

  it("completes a flight only once it has ended", () => {
    expect(canMove("CONFIRMED", "COMPLETED", over)).toBe(true);
    expect(canMove("CONFIRMED", "COMPLETED", notOver)).toBe(false);
    expect(canMove("CONFIRMED", "COMPLETED")).toBe(false);
    expect(canMove("CONFIRMED", "COMPLETED", { endsAt: now, now })).toBe(true);
  });

  it("never moves a finished booking again", () => {
    for (const from of ["RESCHEDULED", "CANCELLED", "COMPLETED"] as const) {
      expect(bookingStatuses.filter((to) => canMove(from, to, over))).toEqual([]);
      expect(isActive(from)).toBe(false);
    }
  });

  it("never skips rescheduling to become RESCHEDULED", () => {
    expect(canMove("CONFIRMED", "RESCHEDULED")).toBe(false);
    expect(canMove("AT_RISK", "RESCHEDULED")).toBe(false);
    expect(canMove("RESCHEDULING", "AT_RISK")).toBe(false);
    expect(canMove("RESCHEDULING", "CONFIRMED")).toBe(false);
  });

  it("lists the statuses an SQL guard must accept for a move", () => {
    expect(statusesMovableTo("CANCELLED")).toEqual([...activeStatuses]);
    expect(statusesMovableTo("RESCHEDULED")).toEqual(["RESCHEDULING"]);
    expect(statusesMovableTo("CONFIRMED")).toEqual(["AT_RISK"]);
    expect(statusesMovableTo("AT_RISK")).toEqual(["CONFIRMED"]);
    expect(statusesMovableTo("RESCHEDULING")).toEqual(["CONFIRMED", "AT_RISK"]);
  });
});
