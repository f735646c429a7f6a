import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { delayFigures, delayQuerySchema } from "../../flights/analytics";
import { delayChartSvg } from "../../flights/chart";
import { spendExpensiveRead } from "../../flights/read-budget";
import { validate } from "../../http/validation";

export const chartsRoutes = new Hono<AppEnv>().get(
  "/delays.svg",
  describeRoute({
    summary: "Arrival delays by hour or weekday as an SVG chart",
    responses: { 200: { description: "the chart", content: { "image/svg+xml": { schema: { type: "string" } } } } },
  }),
  validate("query", delayQuerySchema(["hour", "dow"] as const)), async (c) => {
  const q = c.req.valid("query");
  const figures = await delayFigures(c.var.db, c.var.cache, q, () => spendExpensiveRead(c));
  const svg = delayChartSvg(figures.rows, { groupBy: q.group_by, airport: q.airport, from: q.from, to: q.to });
  return c.body(svg, 200, { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "private, max-age=60" });
});
