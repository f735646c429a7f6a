import { Hono } from "hono";
import type { AppEnv } from "../../app-env";

export const reschedulingRoutes = new Hono<AppEnv>();
