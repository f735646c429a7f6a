import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { availabilityRoutes } from "./availability.routes";
import { calendarFeedRoutes } from "./calendar-feed.routes";
import { qualificationsRoutes } from "./qualifications.routes";
import { usersRoutes } from "./users.routes";

/** Everything under /v1/users: the users, their availability, calendar feed URLs and qualifications. */
export const usersRouter = new Hono<AppEnv>()
  .route("/", usersRoutes)
  .route("/", availabilityRoutes)
  .route("/", calendarFeedRoutes)
  .route("/", qualificationsRoutes);
