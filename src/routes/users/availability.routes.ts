import { Hono, type Context } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import type { User } from "../../auth/user";
import { statement } from "../../db/client";
import {
  computeAvailability,
  overlappingPatterns,
  type AvailabilityOverride,
  type BusyPeriod,
  type Slot,
  type WeeklyPattern,
} from "../../domain/availability";
import { idempotent, runCreating } from "../../http/idempotency";
import { isoTime } from "../../http/present";
import { forbidden, notFound, validationFailed } from "../../http/problem";
import { validate } from "../../http/validation";
import { emptyResponse, jsonResponse } from "../../openapi/responses";
import { availabilityOverridesDeleteAudited as deleteOverride } from "../../../sql/queries/availability/availability_overrides_delete_audited.queries";
import {
  availabilityOverridesInsertAudited as insertOverride, type AvailabilityOverridesInsertAuditedResult as OverrideRow,
} from "../../../sql/queries/availability/availability_overrides_insert_audited.queries";
import { availabilityPatternsLockUser as lockUser } from "../../../sql/queries/availability/availability_patterns_lock_user.queries";
import {
  availabilityPatternsReplaceAudited as replacePatterns, type AvailabilityPatternsReplaceAuditedResult as PatternRow,
} from "../../../sql/queries/availability/availability_patterns_replace_audited.queries";
import { availabilityPatternsSelectByUser as selectPatterns } from "../../../sql/queries/availability/availability_patterns_select_by_user.queries";
import { availabilitySelectForRange as selectForRange } from "../../../sql/queries/availability/availability_select_for_range.queries";
import { cachedAvailability, changingAvailability } from "./availability.cache";
import {
  availabilityRange, createOverride, freeSlotsResponse, overrideParams, overrideResponse, patternsResponse, replacedPatternsResponse,
  userIdParam, weeklyPatterns,
} from "./availability.schemas";

/** A user's computed availability as cached; `role` stays inside, for the visibility rule. */
interface AvailabilityView {
  user_id: string;
  role: string;
  timezone: string;
  slots: Slot[];
}

/**
 * Who may read someone's availability: themselves, admins, and, for an instructor's,
 * everyone signed in (students pick an instructor's free time to book).
 */
function mayRead(viewer: User, owner: { id: string; role: string }): boolean {
  return viewer.role === "ADMIN" || viewer.id === owner.id || owner.role === "INSTRUCTOR";
}

/**
 * Only the user and admins change a user's availability. Anyone else learns nothing they
 * could not read anyway: 403 when they may see this availability, 404 when they may not.
 */
async function assertMayChange(c: Context<AppEnv>, userId: string): Promise<void> {
  const viewer = c.var.user;
  if (viewer.role === "ADMIN" || viewer.id === userId) return;
  const [owner] = await c.var.db.query(selectPatterns, { userId }, { idempotent: true });
  if (owner && mayRead(viewer, owner)) {
    throw forbidden("Only this user or an admin can change their availability.");
  }
  throw notFound("User");
}

function presentOverride(row: OverrideRow) {
  return {
    id: row.id,
    user_id: row.user_id,
    date: String(row.date),
    start_time: row.start_time,
    end_time: row.end_time,
    is_blocked: row.is_blocked,
    reason: row.reason,
    created_at: isoTime(row.created_at),
    updated_at: isoTime(row.updated_at),
  };
}

const presentPattern = (row: PatternRow) => ({
  id: row.id,
  day_of_week: row.day_of_week,
  start_time: String(row.start_time),
  end_time: String(row.end_time),
});

export const availabilityRoutes = new Hono<AppEnv>()
  .get(
    "/:id/availability/patterns",
    describeRoute({ summary: "A user's weekly availability windows", responses: { 200: jsonResponse(patternsResponse, "the weekly windows") } }),
    validate("param", userIdParam),
    async (c) => {
      const { id } = c.req.valid("param");
      const [row] = await c.var.db.query(selectPatterns, { userId: id }, { idempotent: true });
      if (!row || !mayRead(c.var.user, { id, role: row.role })) throw notFound("User");
      // The statement aggregates the user's patterns as jsonb rows of the same columns.
      return c.json({ user_id: id, timezone: row.timezone, patterns: (row.patterns as unknown as PatternRow[]).map(presentPattern) }, 200);
    },
  )

  .put(
    "/:id/availability/patterns",
    describeRoute({ summary: "Replace a user's weekly availability windows", responses: { 200: jsonResponse(replacedPatternsResponse, "the new weekly windows") } }),
    validate("param", userIdParam),
    validate("json", weeklyPatterns),
    async (c) => {
      const { id } = c.req.valid("param");
      const patterns = c.req.valid("json");
      const overlaps = overlappingPatterns(patterns);
      if (overlaps.length > 0) {
        throw validationFailed(
          overlaps.map(([earlier, later]) => ({ path: `${later}.start_time`, message: `overlaps entry ${earlier} on the same day` })),
          "Windows on the same day must not overlap.",
        );
      }
      await assertMayChange(c, id);
      const [locked, replaced] = await changingAvailability(c, [id], () =>
        c.var.db.batch([
          statement(lockUser, { userId: id }),
          statement(replacePatterns, { userId: id, patterns: JSON.stringify(patterns), actorId: c.var.user.id }),
        ]),
      );
      if (!locked.length) throw notFound("User");
      return c.json({ user_id: id, patterns: replaced.map(presentPattern) }, 200);
    },
  )

  .post(
    "/:id/availability/overrides",
    describeRoute({ summary: "Block or open time on one date", responses: { 201: jsonResponse(overrideResponse, "the override") } }),
    idempotent(presentOverride),
    validate("param", userIdParam),
    validate("json", createOverride),
    async (c) => {
      const { id } = c.req.valid("param");
      const o = c.req.valid("json");
      await assertMayChange(c, id);
      const [row] = await changingAvailability(c, [id], () =>
        runCreating(c, insertOverride, {
          userId: id, date: o.date, startTime: o.start_time, endTime: o.end_time, isBlocked: o.is_blocked, reason: o.reason,
          actorId: c.var.user.id,
        }),
      );
      if (!row) throw notFound("User");
      return c.json(presentOverride(row), 201);
    },
  )

  .delete(
    "/:id/availability/overrides/:override_id",
    describeRoute({ summary: "Remove an override", responses: { 204: emptyResponse("removed") } }),
    validate("param", overrideParams),
    async (c) => {
      const { id, override_id } = c.req.valid("param");
      await assertMayChange(c, id);
      const [row] = await changingAvailability(c, [id], () =>
        c.var.db.query(deleteOverride, { userId: id, overrideId: override_id, actorId: c.var.user.id }),
      );
      if (!row) throw notFound("Availability override");
      return c.body(null, 204);
    },
  )

  .get(
    "/:id/availability",
    describeRoute({ summary: "Free time of a user as UTC slots", responses: { 200: jsonResponse(freeSlotsResponse, "the free slots") } }),
    validate("param", userIdParam),
    validate("query", availabilityRange),
    async (c) => {
      const { id } = c.req.valid("param");
      const { from, to } = c.req.valid("query");
      const load = async (): Promise<AvailabilityView | null> => {
        const [row] = await c.var.db.query(selectForRange, { userId: id, fromDay: from, toDay: to }, { idempotent: true });
        if (!row) return null;
        const timezone = row.timezone;
        return {
          user_id: id,
          role: row.role,
          timezone,
          slots: computeAvailability({
            timezone,
            from,
            to,
            // jsonb aggregates the statement builds in these shapes.
            patterns: row.patterns as unknown as WeeklyPattern[],
            overrides: row.overrides as unknown as AvailabilityOverride[],
            busy: row.busy as unknown as BusyPeriod[],
          }),
        };
      };
      const view = await cachedAvailability(c.var.cache, id, { from, to }, load);
      if (!view || !mayRead(c.var.user, { id, role: view.role })) throw notFound("User");
      return c.json({ user_id: view.user_id, timezone: view.timezone, from, to, slots: view.slots }, 200);
    },
  );
