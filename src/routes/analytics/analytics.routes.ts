import { Hono } from "hono";
import type { AppEnv } from "../../app-env";

export const analyticsRoutes = new Hono<AppEnv>();
