import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { bookingsRoutes } from "./bookings.routes";
import { dispatchRoutes } from "./dispatch.routes";
import { reschedulingRoutes } from "./rescheduling.routes";

/** Everything under /v1/bookings: the bookings, their dispatch and check-in, their rescheduling. */
export const bookingsRouter = new Hono<AppEnv>()
  .route("/", bookingsRoutes)
  .route("/", dispatchRoutes)
  .route("/", reschedulingRoutes);
