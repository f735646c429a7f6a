import { runWeatherCheck } from "../weather/check";
import { bookingsSelectWeatherDue as selectDue } from "../../sql/queries/weather/bookings_select_weather_due.queries";
import type { Job } from "./job";

/**
 * The weather monitor: every active booking starting within 48 h, judged on fresh TAFs fetched
 * for all their airports at once. A provider failure fails the run before anything is written,
 * so no booking moves on a forecast nobody could read.
 */
export const weatherJob: Job = async ({ now, db, cache, config, log }): Promise<Record<string, number>> => {
  const due = await db.query(selectDue, { now }, { idempotent: true });
  if (due.length === 0) return { checked: 0, provider_calls: 0 };
  const run = await runWeatherCheck({ db, cache, config, log }, due, { checkedAt: now, actorId: null, source: "monitor", fresh: true });
  const count = (status: string) => run.results.filter((r) => r.weather_status === status).length;
  const moved = (to: string) => run.applied.filter((r) => r.moved === to).length;
  return {
    checked: due.length,
    airports: run.airports,
    provider_calls: run.provider_calls,
    forecasts_stored: run.forecasts_stored,
    ok: count("OK"),
    violation: count("VIOLATION"),
    unknown: count("UNKNOWN"),
    moved_at_risk: moved("AT_RISK"),
    moved_confirmed: moved("CONFIRMED"),
  };
};
