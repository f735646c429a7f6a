import { Hono } from "hono";
import type { AppEnv } from "../../app-env";

export const availabilityRoutes = new Hono<AppEnv>();
