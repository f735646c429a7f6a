import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../auth/guards";
import { isoTime } from "../../http/present";
import { notFound } from "../../http/problem";
import { validate } from "../../http/validation";
import selectMinimums from "../../../sql/queries/weather/settings_select_weather_minimums.sql";
import updateMinimums from "../../../sql/queries/weather/settings_update_weather_minimums_audited.sql";
import { weatherMinimums } from "./settings.schemas";

const present = (row: Record<string, unknown>) => ({
  minimums: row.value,
  updated_at: isoTime(row.updated_at),
  updated_by: row.updated_by ?? null,
});

export const settingsRoutes = new Hono<AppEnv>()
  // Everyone signed in may read the minimums their flights are judged by.
  .get("/weather-minimums", async (c) => {
    const [row] = await c.var.db.query(selectMinimums, [], { idempotent: true });
    if (!row) throw notFound("The weather minimums setting");
    return c.json(present(row), 200);
  })

  .put("/weather-minimums", requireRole("ADMIN"), validate("json", weatherMinimums), async (c) => {
    const minimums = c.req.valid("json");
    const [row] = await c.var.db.query(updateMinimums, [JSON.stringify(minimums), c.var.user.id]);
    return c.json(present(row!), 200);
  });
