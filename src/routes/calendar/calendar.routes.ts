import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import type { BookingStatus } from "../../bookings/status";
import { eventStatus, renderCalendar, type CalendarEvent } from "../../domain/icalendar";
import { notModified } from "../../http/conditional";
import { isoTime } from "../../http/present";
import { sha256 } from "../../http/idempotency";
import { ApiError } from "../../http/problem";
import { rateLimitByIp } from "../../http/rate-limit";
import { emptyResponse } from "../../openapi/responses";
import {
  calendarFeedsSelectEvents as selectEvents, type CalendarFeedsSelectEventsResult,
} from "../../../sql/queries/calendar/calendar_feeds_select_events.queries";
import { tokenOfFeedFile } from "./calendar.token";

/** The same answer for a malformed, unknown, tampered or revoked token: nothing about anyone. */
const noSuchFeed = () => new ApiError("not_found", "No calendar feed has this address.");

const time = (value: unknown) => new Date(isoTime(value));
const fullName = (first: string, last: string) => `${first} ${last}`;
const place = (code: string | null, name: string | null) => (name ? `${code} (${name})` : `${code}`);

/** A booking as an event of its owner's feed, naming the other person of the flight. */
function toEvent(row: CalendarFeedsSelectEventsResult, ownerIsStudent: boolean): CalendarEvent {
  const solo = row.lesson_type === "SOLO";
  const student = fullName(row.student_first_name, row.student_last_name);
  const instructor = fullName(row.instructor_first_name, row.instructor_last_name);
  const route = row.departure_airport === row.arrival_airport
    ? `${row.departure_airport}`
    : `${row.departure_airport} → ${row.arrival_airport}`;
  const other = ownerIsStudent ? (solo ? "" : ` with ${instructor}`) : ` with ${student}`;
  return {
    uid: `${row.id}@skyslot`,
    start: time(row.scheduled_at),
    end: time(row.ends_at),
    modified: time(row.modified),
    created: time(row.created_at),
    sequence: Number(row.sequence),
    status: eventStatus(row.status as BookingStatus),
    summary: `${solo ? "Solo flight" : "Flight lesson"} ${route}${other}`,
    location: row.departure_airport === row.arrival_airport
      ? place(row.departure_airport, row.departure_name)
      : `${place(row.departure_airport, row.departure_name)} → ${place(row.arrival_airport, row.arrival_name)}`,
    description: [
      `Student: ${student}`,
      `${solo ? "Supervising instructor" : "Instructor"}: ${instructor}`,
      `Aircraft: ${row.tail_number ? `${row.tail_number} (${row.type_code})` : "none"}`,
      `Booking status: ${row.status}`,
    ].join("\n"),
  };
}

export const calendarRoutes = new Hono<AppEnv>().get(
  "/:token",
  describeRoute({
    summary: "A user's flights as an iCalendar feed (`<token>.ics`); the token is the credential",
    description:
      "No Authorization: subscribe to the URL from `POST /v1/users/{id}/calendar-feed`. `text/calendar` (RFC 5545), one " +
      "event per booking from 30 days back to 180 days ahead. Answers 304 to `If-None-Match` / `If-Modified-Since`. " +
      "An unknown or revoked token is 404. Rate-limited by IP.",
    responses: {
      200: { description: "the feed", content: { "text/calendar": { schema: { type: "string" } } } },
      304: emptyResponse("not modified"),
    },
  }),
  rateLimitByIp,
  async (c) => {
    const token = tokenOfFeedFile(c.req.param("token"));
    if (!token) throw noSuchFeed();
    const rows = await c.var.db.query(selectEvents, { tokenHash: await sha256(token) }, { idempotent: true });
    const owner = rows[0];
    if (!owner) throw noSuchFeed();
    const bookings = rows.filter((r) => r.id !== null);
    const events = bookings.map((r) => toEvent(r, r.student_id === owner.owner_id));
    const body = renderCalendar(`skyslot flights: ${fullName(owner.owner_first_name, owner.owner_last_name)}`, events);
    const lastModified = new Date(
      Math.max(time(owner.feed_modified).getTime(), ...events.map((e) => e.modified.getTime())),
    );
    const etag = `"${(await sha256(body)).slice(0, 32)}"`;
    c.header("etag", etag);
    c.header("last-modified", lastModified.toUTCString());
    // Private data behind a secret URL: no shared caches, and revalidate each time.
    c.header("cache-control", "private, no-cache");
    if (notModified(c.req.raw.headers, etag, lastModified)) return c.body(null, 304);
    return c.body(body, 200, { "content-type": "text/calendar; charset=utf-8" });
  },
);
