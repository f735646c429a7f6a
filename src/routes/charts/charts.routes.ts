import { Hono } from "hono";
import type { AppEnv } from "../../app-env";

export const chartsRoutes = new Hono<AppEnv>();
