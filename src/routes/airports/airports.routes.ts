import { Hono } from "hono";
import type { AppEnv } from "../../app-env";

export const airportsRoutes = new Hono<AppEnv>();
