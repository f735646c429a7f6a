import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { delayFigures, delayQuerySchema, groupings } from "../../flights/analytics";
import { spendExpensiveRead } from "../../flights/read-budget";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import { delayFiguresResponse } from "./analytics.schemas";

export const analyticsRoutes = new Hono<AppEnv>().get(
  "/delays",
  describeRoute({ summary: "Arrival delays grouped by origin, destination, airline, hour, weekday, route or day", responses: { 200: jsonResponse(delayFiguresResponse, "the figures per group") } }),
  validate("query", delayQuerySchema(groupings)),
  async (c) => {
    const figures = await delayFigures(c.var.db, c.var.cache, c.req.valid("query"), () => spendExpensiveRead(c));
    return c.json(figures, 200);
  },
);
