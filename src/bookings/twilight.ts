import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { findAirport } from "../airports/cached";
import { civilTwilight, localDay } from "../domain/daylight";
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
