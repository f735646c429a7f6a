import type { BookingStatus } from "../bookings/status";

/** RFC 5545 3.1: a content line is at most 75 octets before its line break. */
const MAX_OCTETS = 75;
const CRLF = "\r\n";

/** One event of a calendar feed, already in the product's words. */
export interface CalendarEvent {
  uid: string;
  start: Date;
  end: Date;
  /** When the information last changed (DTSTAMP and LAST-MODIFIED of a published calendar). */
  modified: Date;
  created: Date;
  sequence: number;
  status: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
  summary: string;
  location: string;
  description: string;
}

/** The contract's STATUS of a booking's event: flying, in doubt, or not happening. */
export function eventStatus(status: BookingStatus): CalendarEvent["status"] {
  switch (status) {
    case "CONFIRMED":
    case "DISPATCHED":
    case "COMPLETED":
      return "CONFIRMED";
    case "AT_RISK":
    case "RESCHEDULING":
      return "TENTATIVE";
    case "CANCELLED":
    case "RESCHEDULED":
      return "CANCELLED";
  }
}

/** RFC 5545 3.3.11 TEXT: backslash, semicolon and comma escaped, line breaks as `\n`. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (ch) => `\\${ch}`).replace(/\r\n|\r|\n/g, "\\n");
}

/** A UTC DATE-TIME, e.g. 20260501T140000Z (RFC 5545 3.3.5, form #2). */
export function utcDateTime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}/, "").replace(/[-:]/g, "");
}

/** UTF-8 octets of one code point. */
const octetsOf = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Folds a content line into lines of at most 75 octets, each continuation starting with one
 * space (RFC 5545 3.1). It cuts between characters, never inside one's UTF-8 bytes.
 */
export function foldLine(line: string): string {
  // Most lines are short ASCII: one char is one octet, so the length says it all.
  if (line.length <= MAX_OCTETS && !/[^\x00-\x7f]/.test(line)) return line;
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = octetsOf(ch.codePointAt(0)!);
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      // The continuation's leading space counts towards its 75 octets.
      current = " ";
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

function eventLines(event: CalendarEvent): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcDateTime(event.modified)}`,
    `DTSTART:${utcDateTime(event.start)}`,
    `DTEND:${utcDateTime(event.end)}`,
    `CREATED:${utcDateTime(event.created)}`,
    `LAST-MODIFIED:${utcDateTime(event.modified)}`,
    `SEQUENCE:${event.sequence}`,
    `STATUS:${event.status}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `LOCATION:${escapeText(event.location)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ];
}

/** A whole iCalendar object (RFC 5545) of a person's flights, lines folded and CRLF-terminated. */
export function renderCalendar(name: string, events: readonly CalendarEvent[]): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//skyslot//Flight schedule//EN",
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeText(name)}`,
    // How often subscribers should poll (RFC 7986 and the de facto Outlook/Apple property).
    "REFRESH-INTERVAL;VALUE=DURATION:PT15M",
    "X-PUBLISHED-TTL:PT15M",
    ...events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
