import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { delayFigures, delayQuerySchema, groupings } from "../../flights/analytics";
import { spendExpensiveRead } from "../../flights/read-budget";
import { validate } from "../../http/validation";

export const analyticsRoutes = new Hono<AppEnv>().get("/delays", validate("query", delayQuerySchema(groupings)), async (c) => {
  const figures = await delayFigures(c.var.db, c.var.cache, c.req.valid("query"), () => spendExpensiveRead(c));
  return c.json(figures, 200);
});
