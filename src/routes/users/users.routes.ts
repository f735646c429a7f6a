import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { forgetUser, requireRole } from "../../auth/guards";
import { presentUser, presentUserFor, type Visibility } from "../../auth/user";
import { invalidateAvailability } from "./availability.cache";
import { idempotent, runCreating } from "../../http/idempotency";
import { decodeCursor, toPage } from "../../http/pagination";
import { ApiError, forbidden, notFound } from "../../http/problem";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import { usersInsertAudited as insertAudited } from "../../../sql/queries/users/users_insert_audited.queries";
import { usersListByRole as listByRole, type UsersListByRoleResult } from "../../../sql/queries/users/users_list_by_role.queries";
import { usersSelectVisible as selectVisible } from "../../../sql/queries/users/users_select_visible.queries";
import { usersUpdateAudited as updateAudited } from "../../../sql/queries/users/users_update_audited.queries";
import {
  anyUserResponse, createUser, listUsers, selfEditable, updateUser, userId, userPage, userResponse,
} from "./users.schemas";

export const usersRoutes = new Hono<AppEnv>()
  .post(
    "/",
    describeRoute({ summary: "Add a user", responses: { 201: jsonResponse(userResponse, "the user") } }),
    requireRole("ADMIN"), idempotent(presentUser), validate("json", createUser),
    async (c) => {
      const u = c.req.valid("json");
      const rows = await runCreating(c, insertAudited, {
        authSubject: u.auth_subject, email: u.email, firstName: u.first_name, lastName: u.last_name, phoneNumber: u.phone_number,
        role: u.role, trainingLevel: u.training_level, timezone: u.timezone, actorId: c.var.user.id,
      })
        .catch((error: unknown) => {
          if (error instanceof ApiError && error.code === "conflict") {
            throw new ApiError("conflict", "A user with this email or auth subject already exists.");
          }
          throw error;
        });
      return c.json(presentUser(rows[0]!), 201);
    },
  )

  .get("/me", describeRoute({ summary: "The signed-in user", responses: { 200: jsonResponse(userResponse, "the user") } }), (c) => c.json(c.var.user, 200))

  .get(
    "/",
    describeRoute({
      summary: "List users (students and instructors: instructors only, with their public fields)",
      responses: { 200: jsonResponse(userPage, "a page of users") },
    }),
    validate("query", listUsers),
    async (c) => {
      const { role, limit, cursor } = c.req.valid("query");
      const viewer = c.var.user;
      // Students and instructors may look up instructors (to book one), nobody else.
      if (viewer.role !== "ADMIN" && role !== "INSTRUCTOR") {
        throw forbidden("Only admins can list users other than instructors; add ?role=INSTRUCTOR.");
      }
      const admin = viewer.role === "ADMIN";
      const after = decodeCursor(cursor, 2);
      const rows = await c.var.db.query(
        listByRole,
        { role, cursorAt: after?.[0]?.toString(), cursorId: after?.[1]?.toString(), limit: limit + 1, includeInactive: admin },
        { idempotent: true },
      );
      // Nobody teaches an instructor, so a non-admin sees only the public fields of anyone listed.
      const present = (row: UsersListByRoleResult) => presentUserFor(presentUser(row), admin || row.id === viewer.id ? "full" : "public");
      return c.json(toPage(rows, limit, (r) => [String(r.cursor_at), r.id], present), 200);
    },
  )

  .get(
    "/:id",
    describeRoute({
      summary: "One user, as much of them as the caller may see",
      responses: { 200: jsonResponse(anyUserResponse, "the user (all fields, a taught student's, or the public ones)") },
    }),
    validate("param", userId),
    async (c) => {
      const { id } = c.req.valid("param");
      const viewer = c.var.user;
      const [row] = await c.var.db.query(selectVisible, { userId: id, viewerId: viewer.id, viewerRole: viewer.role }, { idempotent: true });
      if (!row) throw notFound("User");
      return c.json(presentUserFor(presentUser(row), row.visibility as Visibility), 200);
    },
  )

  .patch(
    "/:id",
    describeRoute({ summary: "Change a user (themselves: name, phone, zone)", responses: { 200: jsonResponse(userResponse, "the user") } }),
    validate("param", userId), validate("json", updateUser),
    async (c) => {
      const { id } = c.req.valid("param");
      const changes = c.req.valid("json");
      const viewer = c.var.user;
      if (viewer.role !== "ADMIN") {
        if (viewer.id !== id) {
          // 403 only when the caller may know this user exists (they can read them); 404 otherwise.
          const [visible] = await c.var.db.query(selectVisible, { userId: id, viewerId: viewer.id, viewerRole: viewer.role }, { idempotent: true });
          if (visible) throw forbidden("Only admins can change other users.");
          throw notFound("User");
        }
        const refused = Object.keys(changes).filter((k) => !(selfEditable as readonly string[]).includes(k));
        if (refused.length > 0) throw forbidden(`You can change only ${selfEditable.join(", ")} yourself.`);
      } else if (changes.active === false && viewer.id === id) {
        throw forbidden("You cannot deactivate yourself; ask another admin.");
      }
      const rows = await c.var.db.query(updateAudited, { userId: id, changes: JSON.stringify(changes), actorId: viewer.id }).catch((error: unknown) => {
        if (error instanceof ApiError && error.code === "conflict") {
          throw new ApiError("conflict", "A user with this email already exists.");
        }
        if (error instanceof ApiError && error.code === "validation_failed") {
          throw new ApiError("validation_failed", "Students need a training level.", {
            errors: [{ path: "training_level", message: "is required for students" }],
          });
        }
        throw error;
      });
      const row = rows[0];
      if (!row) throw notFound("User");
      const user = presentUser(row);
      // Dropped before answering, so the next request never sees the old role, name, zone or
      // active flag (availability is computed in the user's zone and shown by role).
      await Promise.all([forgetUser(c.var.cache, user), invalidateAvailability(c.var.cache, user.id)]);
      return c.json(user, 200);
    },
  );
