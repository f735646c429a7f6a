import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as v from "valibot";
import type { AppEnv } from "../../app-env";
import { assertSelfOrAdmin } from "../../auth/guards";
import { sha256 } from "../../http/idempotency";
import { notFound } from "../../http/problem";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import { calendarFeedsUpsertAudited as upsertFeed } from "../../../sql/queries/calendar/calendar_feeds_upsert_audited.queries";
import { newFeedToken } from "../calendar/calendar.token";
import { calendarFeedResponse } from "./users.schemas";

const userIdParam = v.object({ id: v.pipe(v.string(), v.uuid("must be a UUID")) });

/**
 * A user's secret calendar feed URL. No Idempotency-Key: the answer is a secret that is never
 * stored, so it cannot be replayed; sending the request again simply issues another URL.
 */
export const calendarFeedRoutes = new Hono<AppEnv>().post(
  "/:id/calendar-feed",
  describeRoute({
    summary: "A new secret calendar feed URL for a user (the previous one stops working)",
    description: "Self or admin. Subscribe to the URL in any calendar app; it needs no Authorization.",
    responses: { 201: jsonResponse(calendarFeedResponse, "the feed URL") },
  }),
  validate("param", userIdParam),
  async (c) => {
    const { id } = c.req.valid("param");
    assertSelfOrAdmin(c.var.user, id);
    const token = newFeedToken();
    const [row] = await c.var.db.query(upsertFeed, { userId: id, tokenHash: await sha256(token), actorId: c.var.user.id });
    if (!row) throw notFound("User");
    return c.json({ url: `${new URL(c.req.url).origin}/v1/calendar/${token}.ics` }, 201);
  },
);
