import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { aircraftRoutes } from "./aircraft.routes";
import { airworthinessRoutes } from "./airworthiness.routes";

/** Everything under /v1/aircraft: the fleet and each aircraft's maintenance, squawks and blocks. */
export const aircraftRouter = new Hono<AppEnv>().route("/", aircraftRoutes).route("/", airworthinessRoutes);
