import { Hono } from "hono";
import type { AppEnv } from "../../app-env";

export const ingestionsRoutes = new Hono<AppEnv>();
