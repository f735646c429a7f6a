import type { TrainingLevel } from "../auth/user";
import { checkWeather, crosswindContextFrom, minimumsFrom } from "../domain/weather";
import { loadTafs, storeForecasts } from "../weather/provider";
import { lastRows, statement } from "../db/client";
import { bookingsSelectWeatherDue as selectDue } from "../../sql/queries/weather/bookings_select_weather_due.queries";
import { bookingsUpdateWeatherChecked as applyWeather } from "../../sql/queries/weather/bookings_update_weather_checked.queries";
import type { Job } from "./registry";

/**
 * The weather monitor: every active booking starting within 48 h, judged on fresh TAFs fetched
 * for all their airports at once. A provider failure fails the run before anything is written,
 * so no booking moves on a forecast nobody could read.
 */
export const weatherJob: Job = async ({ now, db, cache, config, log }): Promise<Record<string, number>> => {
  const due = await db.query(selectDue, { now }, { idempotent: true });
  if (due.length === 0) return { checked: 0, provider_calls: 0 };
  const airports = due.flatMap((b) => [b.departure_airport, b.arrival_airport]);
  const { tafs, fetched, calls } = await loadTafs({ config, cache, log }, airports, { fresh: true });

  const results = due.map((b) => {
    const check = checkWeather(
      { startsAt: b.scheduled_at, endsAt: b.ends_at, airports: [b.departure_airport, b.arrival_airport] },
      tafs,
      minimumsFrom(b.minimums, b.training_level as TrainingLevel),
      crosswindContextFrom(b.runways, b.aircraft_crosswind_limit_kt),
    );
    return { id: b.id, weather_status: check.weather_status, violations: check.violations };
  });
  const written = await db.batch([
    ...storeForecasts(fetched),
    statement(applyWeather, { checks: JSON.stringify(results), checkedAt: now, source: "monitor" }),
  ]);
  const moved = lastRows(written);
  const count = (status: string) => results.filter((r) => r.weather_status === status).length;
  return {
    checked: due.length,
    airports: new Set(airports).size,
    provider_calls: calls,
    forecasts_stored: fetched.length,
    ok: count("OK"),
    violation: count("VIOLATION"),
    unknown: count("UNKNOWN"),
    moved_at_risk: moved.filter((r) => r.moved === "AT_RISK").length,
    moved_confirmed: moved.filter((r) => r.moved === "CONFIRMED").length,
  };
};
