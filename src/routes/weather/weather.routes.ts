import { Hono } from "hono";
import type { AppEnv } from "../../app-env";

export const weatherRoutes = new Hono<AppEnv>();
