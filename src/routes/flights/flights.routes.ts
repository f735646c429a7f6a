import { Hono } from "hono";
import type { AppEnv } from "../../app-env";

export const flightsRoutes = new Hono<AppEnv>();
