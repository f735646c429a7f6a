import type { TrainingLevel } from "../auth/user";
import { lastRows, statement, type Db } from "../db/client";
import { checkWeather, crosswindContextFrom, minimumsFrom, type WeatherCheck } from "../domain/weather";
import { loadTafs, storeForecasts, type LoadOptions, type ProviderContext } from "./provider";
import {
  bookingsUpdateWeatherChecked as applyWeather, type BookingsUpdateWeatherCheckedResult,
} from "../../sql/queries/weather/bookings_update_weather_checked.queries";

/** A booking as the weather check reads it (bookings_select_weather_due.sql, bookings_select_for_weather_check.sql). */
export interface BookingForWeather {
  id: string;
  scheduled_at: Date;
  ends_at: Date;
  departure_airport: string;
  arrival_airport: string;
  training_level: string;
  minimums: unknown;
  runways: unknown;
  aircraft_crosswind_limit_kt: number | null;
}

export interface WeatherCheckRun {
  /** Each booking's verdict, in the order given. */
  results: (WeatherCheck & { id: string })[];
  /** What bookings_update_weather_checked.sql returned: each active booking checked, with its move. */
  applied: BookingsUpdateWeatherCheckedResult[];
  airports: number;
  provider_calls: number;
  forecasts_stored: number;
}

export interface WeatherCheckOptions extends Pick<LoadOptions, "fresh"> {
  checkedAt: Date;
  /** Who asked (null for the monitor) and how, for the audit log. */
  actorId: string | null;
  source: "monitor" | "check";
}

/**
 * The weather check, for the monitor job and the on-demand check alike: the forecasts of all the
 * bookings' airports loaded at once, each booking judged against its training level's minimums,
 * then the fetched forecasts stored and the verdicts applied in one batch. A provider failure
 * throws WeatherUnavailable before anything is written.
 */
export async function runWeatherCheck(
  services: ProviderContext & { db: Db },
  bookings: readonly BookingForWeather[],
  options: WeatherCheckOptions,
): Promise<WeatherCheckRun> {
  const airports = bookings.flatMap((b) => [b.departure_airport, b.arrival_airport]);
  const { tafs, fetched, calls } = await loadTafs(services, airports, { fresh: options.fresh });
  const results = bookings.map((b) => ({
    id: b.id,
    ...checkWeather(
      { startsAt: b.scheduled_at, endsAt: b.ends_at, airports: [b.departure_airport, b.arrival_airport] },
      tafs,
      minimumsFrom(b.minimums, b.training_level as TrainingLevel),
      crosswindContextFrom(b.runways, b.aircraft_crosswind_limit_kt),
    ),
  }));
  const written = await services.db.batch([
    ...storeForecasts(fetched),
    statement(applyWeather, { checks: JSON.stringify(results), checkedAt: options.checkedAt, actorId: options.actorId, source: options.source }),
  ]);
  return { results, applied: lastRows(written), airports: new Set(airports).size, provider_calls: calls, forecasts_stored: fetched.length };
}
