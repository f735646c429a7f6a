import { getPosition, getTimes } from "suncalc";
import { addDays, offsetAt, wallClockToUtc } from "./timezone";

/** Civil dawn and dusk at an airport on a local day: a civil_twilight row (sql/migrations/015). */
export interface Twilight {
  airport: string;
  /** YYYY-MM-DD in the airport's time zone. */
  day: string;
  /** Both null: the sun stays below civil twilight all day (polar night). */
  civil_dawn: string | null;
  civil_dusk: string | null;
}

/** Where the sun is reckoned from: an airport's code, coordinates and IANA zone (null = UTC). */
export interface Place {
  icao: string;
  latitude: number;
  longitude: number;
  timezone: string | null;
}

/** Civil twilight: the sun's centre 6° below the horizon. */
const CIVIL_DEPRESSION_DEG = -6;
const NOON_MINUTES = 12 * 60;

/** The calendar day an instant falls on in a zone. */
export function localDay(instant: Date, zone: string | null): string {
  const at = instant.getTime();
  return new Date(at + offsetAt(zone ?? "UTC", at)).toISOString().slice(0, 10);
}

/**
 * Civil dawn and dusk at a place on a local day, from the solar-position library. The day is
 * anchored at local noon so the library reckons the solar day the local calendar means (not the
 * UTC one, which differs far from Greenwich). Where the sun never crosses −6° that day, it is
 * civil daylight from local midnight to midnight (white nights) or not at all (polar night).
 */
export function civilTwilight(place: Place, day: string): Twilight {
  const zone = place.timezone ?? "UTC";
  const noon = new Date(wallClockToUtc(zone, day, NOON_MINUTES));
  const times = getTimes(noon, place.latitude, place.longitude);
  let dawn = times.dawn;
  let dusk = times.dusk;
  if (dawn === null || dusk === null) {
    const highest = getPosition(times.solarNoon, place.latitude, place.longitude).altitude;
    if (highest > CIVIL_DEPRESSION_DEG) {
      dawn = dawn ?? new Date(wallClockToUtc(zone, day, 0));
      dusk = dusk ?? new Date(wallClockToUtc(zone, addDays(day, 1), 0));
    } else {
      dawn = null;
      dusk = null;
    }
  }
  return { airport: place.icao, day, civil_dawn: dawn?.toISOString() ?? null, civil_dusk: dusk?.toISOString() ?? null };
}

/** The twilight of every local day a span of time touches at a place (a flight, a week of options). */
export function twilightsDuring(place: Place, from: Date, to: Date): Twilight[] {
  const zone = place.timezone ?? "UTC";
  const days: Twilight[] = [];
  for (let day = localDay(from, zone), last = localDay(to, zone); day <= last; day = addDays(day, 1)) {
    days.push(civilTwilight(place, day));
  }
  return days;
}
