import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { bookingStatuses } from "../../src/bookings/status";
import { escapeText, eventStatus, foldLine, renderCalendar, utcDateTime, type CalendarEvent } from "../../src/domain/icalendar";

const octets = (text: string) => new TextEncoder().encode(text).length;

describe("iCalendar text", () => {
  it("escapes backslashes, semicolons, commas and every kind of line break", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    // Colons and quotes need no escaping in TEXT.
    expect(escapeText('O\'Neil: "Ace"')).toBe('O\'Neil: "Ace"');
  });

  it("writes UTC date-times without separators or milliseconds", () => {
    expect(utcDateTime(new Date("2026-05-01T14:03:09.250Z"))).toBe("20260501T140309Z");
  });

  it("folds at 75 octets, never inside a character, and the parser gets the line back", () => {
    for (const text of ["x".repeat(200), "✈".repeat(60), `${"a".repeat(74)}é${"😀".repeat(30)}`, "ab"]) {
      const folded = foldLine(`SUMMARY:${text}`);
      const lines = folded.split("\r\n");
      for (const [i, line] of lines.entries()) {
        expect(octets(line)).toBeLessThanOrEqual(75);
        if (i > 0) expect(line.startsWith(" ")).toBe(true);
        // Each physical line is valid UTF-8 on its own: no character was cut.
        expect(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(new TextEncoder().encode(line))).toBe(line);
      }
      expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join("")).toBe(`SUMMARY:${text}`);
    }
    expect(foldLine("SHORT:line")).toBe("SHORT:line");
  });

  it("maps every booking status onto CONFIRMED, TENTATIVE or CANCELLED as the contract says", () => {
    expect(Object.fromEntries(bookingStatuses.map((s) => [s, eventStatus(s)]))).toEqual({
      CONFIRMED: "CONFIRMED", DISPATCHED: "CONFIRMED", COMPLETED: "CONFIRMED",
      AT_RISK: "TENTATIVE", RESCHEDULING: "TENTATIVE",
      CANCELLED: "CANCELLED", RESCHEDULED: "CANCELLED",
    });
  });

  it("renders a calendar that an independent parser reads back field for field", () => {
    const tricky = "Zoë O'Neil, Jr.; \"Ace\" \\ the 2nd\nline two ✈ " + "long ".repeat(20);
    const event: CalendarEvent = {
      uid: "4b7e1c2a-0000-4000-8000-000000000001@skyslot",
      start: new Date("2026-05-01T14:00:00Z"),
      end: new Date("2026-05-01T15:30:00Z"),
      modified: new Date("2026-04-20T08:00:01Z"),
      created: new Date("2026-04-01T08:00:00Z"),
      sequence: 3,
      status: "TENTATIVE",
      summary: `Flight lesson KJFK → KBOS with ${tricky}`,
      location: "KJFK (John F Kennedy International Airport) → KBOS (General Edward Lawrence Logan International Airport)",
      description: `Student: ${tricky}\nInstructor: B; C`,
    };
    const text = renderCalendar(`skyslot flights: ${tricky}`, [event]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "").includes("\n")).toBe(false);
    for (const line of text.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);

    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    // ical.js keeps non-standard properties as written (their default type is TEXT, RFC 5545 3.8.8.2).
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe(`skyslot flights: ${escapeText(tricky)}`);
    const [vevent] = calendar.getAllSubcomponents("vevent");
    const parsed = new ICAL.Event(vevent!);
    expect(parsed.uid).toBe(event.uid);
    expect(parsed.summary).toBe(event.summary);
    expect(parsed.location).toBe(event.location);
    expect(parsed.description).toBe(event.description);
    expect(parsed.sequence).toBe(3);
    expect(parsed.startDate.zone.tzid).toBe("UTC");
    expect(parsed.startDate.toJSDate().toISOString()).toBe("2026-05-01T14:00:00.000Z");
    expect(parsed.endDate.toJSDate().toISOString()).toBe("2026-05-01T15:30:00.000Z");
    expect(vevent!.getFirstPropertyValue("status")).toBe("TENTATIVE");
    expect(String(vevent!.getFirstPropertyValue("last-modified"))).toBe("2026-04-20T08:00:01Z");
    expect(String(vevent!.getFirstPropertyValue("dtstamp"))).toBe("2026-04-20T08:00:01Z");
  });
});
