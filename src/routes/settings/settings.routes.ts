import { Hono } from "hono";
import type { AppEnv } from "../../app-env";

export const settingsRoutes = new Hono<AppEnv>();
