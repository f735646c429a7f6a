import { Hono } from "hono";
import type { AppEnv } from "../../app-env";

export const analysesRoutes = new Hono<AppEnv>();
