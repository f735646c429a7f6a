import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../auth/guards";
import { violatedConstraint } from "../../db/errors";
import { idempotent, runCreating } from "../../http/idempotency";
import { decodeCursor, toPage } from "../../http/pagination";
import { isoTime } from "../../http/present";
import { ApiError, type FieldError, notFound, validationFailed } from "../../http/problem";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import { aircraftInsertAudited as insertAudited } from "../../../sql/queries/aircraft/aircraft_insert_audited.queries";
import { aircraftListByStatus as listByStatus } from "../../../sql/queries/aircraft/aircraft_list_by_status.queries";
import { aircraftSelectOne as selectOne, type AircraftSelectOneResult } from "../../../sql/queries/aircraft/aircraft_select_one.queries";
import { aircraftUpdateAudited as updateAudited } from "../../../sql/queries/aircraft/aircraft_update_audited.queries";
import { aircraftId, aircraftPage, aircraftResponse, createAircraft, listAircraft, updateAircraft } from "./aircraft.schemas";

/** One of the reasons an aircraft cannot fly now, as aircraft_grounded_reasons reports it. */
interface GroundedReason {
  kind: string;
  id?: string;
  detail: string;
}

/** Every aircraft statement answers these columns; a stored Idempotency-Key response holds them as JSON. */
function presentAircraft(row: AircraftSelectOneResult) {
  const groundedReasons = (row.grounded_reasons ?? []) as unknown as GroundedReason[];
  return {
    id: row.id,
    tail_number: row.tail_number,
    type_code: row.type_code,
    home_airport: row.home_airport,
    crosswind_limit_kt: row.crosswind_limit_kt ?? null,
    status: row.status,
    // numeric arrives as text (as number from a stored response).
    hobbs_hours: Number(row.hobbs_hours),
    tach_hours: Number(row.tach_hours),
    airworthy: groundedReasons.length === 0,
    grounded_reasons: groundedReasons,
    created_at: isoTime(row.created_at),
    updated_at: isoTime(row.updated_at),
  };
}

/** The fields the statement could not resolve, as the contract's field errors. */
function unknownReferences(row: { type_known: boolean | null; airport_known: boolean | null }): FieldError[] {
  const errors: FieldError[] = [];
  if (row.type_known === false) errors.push({ path: "type_code", message: "is not a known aircraft type" });
  if (row.airport_known === false) errors.push({ path: "home_airport", message: "is not a known airport" });
  return errors;
}

/** A duplicate registration is the one unique value a client can collide with here. */
function duplicateTail(error: unknown): never {
  if (error instanceof ApiError && error.code === "conflict" && violatedConstraint(error) === "aircraft_tail_number_key") {
    throw new ApiError("conflict", "An aircraft with this tail number already exists.", {
      errors: [{ path: "tail_number", message: "is already in the fleet" }],
    });
  }
  throw error;
}

export const aircraftRoutes = new Hono<AppEnv>()
  .post(
    "/",
    describeRoute({ summary: "Add an aircraft to the fleet", responses: { 201: jsonResponse(aircraftResponse, "the aircraft") } }),
    requireRole("ADMIN"),
    idempotent(presentAircraft),
    validate("json", createAircraft),
    async (c) => {
      const a = c.req.valid("json");
      const [row] = await runCreating(c, insertAudited, {
        tailNumber: a.tail_number, typeCode: a.type_code, homeAirport: a.home_airport, crosswindLimitKt: a.crosswind_limit_kt,
        actorId: c.var.user.id, hobbsHours: a.hobbs_hours, tachHours: a.tach_hours,
      }).catch(duplicateTail);
      if (!row?.id) throw validationFailed(row ? unknownReferences(row) : []);
      return c.json(presentAircraft(row), 201);
    },
  )

  .get(
    "/",
    describeRoute({ summary: "List the fleet", responses: { 200: jsonResponse(aircraftPage, "a page of aircraft") } }),
    validate("query", listAircraft),
    async (c) => {
      const { status, limit, cursor } = c.req.valid("query");
      const after = decodeCursor(cursor, 2);
      const rows = await c.var.db.query(
        listByStatus,
        { status, cursorAt: after?.[0]?.toString(), cursorId: after?.[1]?.toString(), limit: limit + 1 },
        { idempotent: true },
      );
      return c.json(toPage(rows, limit, (r) => [String(r.cursor_at), r.id], presentAircraft), 200);
    },
  )

  .get(
    "/:id",
    describeRoute({ summary: "One aircraft, its meters and whether it may fly now", responses: { 200: jsonResponse(aircraftResponse, "the aircraft") } }),
    validate("param", aircraftId),
    async (c) => {
      const { id } = c.req.valid("param");
      const [row] = await c.var.db.query(selectOne, { aircraftId: id }, { idempotent: true });
      if (!row) throw notFound("Aircraft");
      return c.json(presentAircraft(row), 200);
    },
  )

  .patch(
    "/:id",
    describeRoute({ summary: "Change an aircraft, e.g. its status", responses: { 200: jsonResponse(aircraftResponse, "the aircraft") } }),
    requireRole("ADMIN"),
    validate("param", aircraftId),
    validate("json", updateAircraft),
    async (c) => {
      const { id } = c.req.valid("param");
      const changes = c.req.valid("json");
      const [row] = await c.var.db.query(updateAudited, { aircraftId: id, changes: JSON.stringify(changes), actorId: c.var.user.id }).catch(duplicateTail);
      if (!row?.found) throw notFound("Aircraft");
      if (!row.id) throw validationFailed(unknownReferences(row));
      return c.json(presentAircraft(row), 200);
    },
  );
