import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../auth/guards";
import { isoTime } from "../../http/present";
import { notFound } from "../../http/problem";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import {
  settingsSelectBookingRules as selectBookingRules, type SettingsSelectBookingRulesResult,
} from "../../../sql/queries/settings/settings_select_booking_rules.queries";
import { settingsUpdateBookingRulesAudited as updateBookingRules } from "../../../sql/queries/settings/settings_update_booking_rules_audited.queries";
import {
  settingsSelectWeatherMinimums as selectMinimums, type SettingsSelectWeatherMinimumsResult,
} from "../../../sql/queries/weather/settings_select_weather_minimums.queries";
import { settingsUpdateWeatherMinimumsAudited as updateMinimums } from "../../../sql/queries/weather/settings_update_weather_minimums_audited.queries";
import { bookingRules, bookingRulesResponse, weatherMinimums, weatherMinimumsResponse } from "./settings.schemas";

const present = (row: SettingsSelectWeatherMinimumsResult) => ({
  minimums: row.value,
  updated_at: isoTime(row.updated_at),
  updated_by: row.updated_by,
});

const presentRules = (row: SettingsSelectBookingRulesResult) => {
  // The statements merge the stored rules over the defaults, so both keys are always there.
  const value = row.value as { rules: unknown; late_cancel_hours: unknown };
  return {
    rules: value.rules,
    late_cancel_hours: value.late_cancel_hours,
    updated_at: row.updated_at ? isoTime(row.updated_at) : null,
    updated_by: row.updated_by,
  };
};

export const settingsRoutes = new Hono<AppEnv>()
  // Everyone signed in may read the minimums their flights are judged by.
  .get(
    "/weather-minimums",
    describeRoute({ summary: "The weather minimums of each training level", responses: { 200: jsonResponse(weatherMinimumsResponse, "the minimums") } }),
    async (c) => {
      const [row] = await c.var.db.query(selectMinimums, undefined, { idempotent: true });
      if (!row) throw notFound("The weather minimums setting");
      return c.json(present(row), 200);
    },
  )

  .put(
    "/weather-minimums",
    describeRoute({ summary: "Replace the weather minimums", responses: { 200: jsonResponse(weatherMinimumsResponse, "the minimums now in force") } }),
    requireRole("ADMIN"), validate("json", weatherMinimums),
    async (c) => {
      const minimums = c.req.valid("json");
      const [row] = await c.var.db.query(updateMinimums, { minimums: JSON.stringify(minimums), actorId: c.var.user.id });
      return c.json(present(row!), 200);
    },
  )

  .get(
    "/booking-rules",
    describeRoute({ summary: "The booking rules in force: each rule's mode (block, warn, off) and parameters", responses: { 200: jsonResponse(bookingRulesResponse, "the rules") } }),
    requireRole("ADMIN"),
    async (c) => {
      const [row] = await c.var.db.query(selectBookingRules, undefined, { idempotent: true });
      return c.json(presentRules(row!), 200);
    },
  )

  .put(
    "/booking-rules",
    describeRoute({
      summary: "Change booking rules",
      description: "Each rule sent replaces the fields it names (mode, parameters); rules and fields left out keep their values. Audited.",
      responses: { 200: jsonResponse(bookingRulesResponse, "the rules now in force") },
    }),
    requireRole("ADMIN"),
    validate("json", bookingRules),
    async (c) => {
      const changes = c.req.valid("json");
      const [row] = await c.var.db.query(updateBookingRules, { changes: JSON.stringify(changes), actorId: c.var.user.id });
      return c.json(presentRules(row!), 200);
    },
  );
