import { Hono } from "hono";
import type { AppEnv } from "../../app-env";

export const aircraftRoutes = new Hono<AppEnv>();
