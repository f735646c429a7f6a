import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { adminRoutes } from "./admin.routes";
import { reportsRoutes } from "./reports.routes";

/** Everything under /v1/admin: reports, then operations (stats, integrity, metrics, jobs). */
export const adminRouter = new Hono<AppEnv>().route("/reports", reportsRoutes).route("/", adminRoutes);
