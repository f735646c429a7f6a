import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { findAirport } from "../airports/cached";
import { civilTwilight, localDay, twilightsDuring } from "../domain/daylight";
import { statement } from "../db/client";
import { civilTwilightInsertMissing as insertTwilight } from "../../sql/queries/rules/civil_twilight_insert_missing.queries";
import type { LessonType } from "./present";

/**
 * The civil_twilight rows the daylight rule will read for a flight, as the JSON parameter the
 * booking statements store before they write (sql/queries/bookings/*_audited.sql). Only SOLO
 * flights are judged on daylight; the airport's coordinates come from the cached airport, so a
 * booking stays one statement. An unknown airport yields none (the statement refuses it anyway).
 */
export async function daylightFigures(c: Context<AppEnv>, lessonType: LessonType, departure: string, startsAt: Date): Promise<string> {
  if (lessonType !== "SOLO") return "[]";
  const airport = await findAirport(c.var.db, c.var.cache, departure);
  return JSON.stringify(airport ? [civilTwilight(airport, localDay(startsAt, airport.timezone))] : []);
}

/**
 * The statement that stores the civil twilight of every day of a window at an airport, for SOLO
 * flights Postgres books or judges on its own later (reschedule options, a standby promotion that
 * runs inside whatever statement frees a slot), where no application code can compute them. Rows
 * already stored are kept; an unknown airport stores none.
 */
export async function twilightsDuringStatement(c: Context<AppEnv>, departure: string, from: Date, to: Date) {
  const airport = await findAirport(c.var.db, c.var.cache, departure);
  return statement(insertTwilight, { twilight: JSON.stringify(airport ? twilightsDuring(airport, from, to) : []) });
}
