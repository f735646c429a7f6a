import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../auth/guards";
import type { Row } from "../../db/client";
import { idempotent, runCreating } from "../../http/idempotency";
import { decodeCursor, toPage } from "../../http/pagination";
import { isoTime, isoTimeOrNull } from "../../http/present";
import { ApiError, notFound, validationFailed, type FieldError } from "../../http/problem";
import { validate } from "../../http/validation";
import { jsonResponse, pageOf } from "../../openapi/responses";
import {
  maintenanceBlocksInsertAudited as insertBlock, type MaintenanceBlocksInsertAuditedResult as BlockRow,
} from "../../../sql/queries/maintenance/maintenance_blocks_insert_audited.queries";
import { maintenanceBlocksListByAircraft as listBlocks } from "../../../sql/queries/maintenance/maintenance_blocks_list_by_aircraft.queries";
import { maintenanceBlocksDeleteAudited as deleteBlock } from "../../../sql/queries/maintenance/maintenance_blocks_delete_audited.queries";
import { maintenanceItemsInsertAudited as insertItem } from "../../../sql/queries/maintenance/maintenance_items_insert_audited.queries";
import { maintenanceItemsListByAircraft as listItems } from "../../../sql/queries/maintenance/maintenance_items_list_by_aircraft.queries";
import { maintenanceItemsUpdateCompleted as completeItemSql } from "../../../sql/queries/maintenance/maintenance_items_update_completed.queries";
import { squawksInsertAudited as insertSquawk } from "../../../sql/queries/squawks/squawks_insert_audited.queries";
import {
  squawksListByAircraft as listSquawksSql, type SquawksListByAircraftResult,
} from "../../../sql/queries/squawks/squawks_list_by_aircraft.queries";
import { squawksUpdateResolved as resolveSquawkSql } from "../../../sql/queries/squawks/squawks_update_resolved.queries";
import {
  aircraftParam, blockParam, completeItem, createBlock, createItem, createSquawk, itemParam, listPage, listSquawks,
  maintenanceBlockResponse, maintenanceItemResponse, resolveSquawk, squawkParam, squawkResponse,
} from "./airworthiness.schemas";

const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** A maintenance item with its due figures, from maintenance_item_state's jsonb. */
export function presentItem(item: Row) {
  return {
    id: String(item.id),
    aircraft_id: String(item.aircraft_id),
    name: String(item.name),
    interval_hours: numberOrNull(item.interval_hours),
    interval_months: numberOrNull(item.interval_months),
    last_done_tach: numberOrNull(item.last_done_tach),
    last_done_on: (item.last_done_on ?? null) as string | null,
    due_tach: numberOrNull(item.due_tach),
    due_on: (item.due_on ?? null) as string | null,
    remaining_hours: numberOrNull(item.remaining_hours),
    projected_remaining_hours: numberOrNull(item.projected_remaining_hours),
    remaining_days: numberOrNull(item.remaining_days),
    status: String(item.status) as "OK" | "DUE_SOON" | "OVERDUE",
    warn_hours: Number(item.warn_hours),
    warn_days: Number(item.warn_days),
    blocks_booking: Boolean(item.blocks_booking),
    created_at: isoTime(item.created_at),
    updated_at: isoTime(item.updated_at),
  };
}

/** A `squawks` row, as the squawk statements select it or as JSON (times as text). */
export type SquawkRow = Omit<SquawksListByAircraftResult, "cursor_at" | "found_aircraft_id">;

export function presentSquawk(row: SquawkRow) {
  return {
    id: row.id,
    aircraft_id: row.aircraft_id,
    severity: row.severity,
    description: row.description,
    status: row.status,
    reported_by: row.reported_by,
    reported_at: isoTime(row.reported_at),
    booking_id: row.booking_id,
    resolution: row.resolution,
    resolution_note: row.resolution_note,
    resolved_by: row.resolved_by,
    resolved_at: isoTimeOrNull(row.resolved_at),
  };
}

function presentBlock(row: BlockRow) {
  return {
    id: row.id,
    aircraft_id: row.aircraft_id,
    starts_at: isoTime(row.starts_at),
    ends_at: isoTime(row.ends_at),
    reason: row.reason,
    created_by: row.created_by,
    created_at: isoTime(row.created_at),
  };
}

export const airworthinessRoutes = new Hono<AppEnv>()
  .post(
    "/:id/maintenance-items",
    describeRoute({ summary: "Track a maintenance item (by hours and/or months) of an aircraft", responses: { 201: jsonResponse(maintenanceItemResponse, "the item with its due figures") } }),
    requireRole("ADMIN"),
    idempotent(presentItem),
    validate("param", aircraftParam),
    validate("json", createItem),
    async (c) => {
      const { id } = c.req.valid("param");
      const i = c.req.valid("json");
      const [row] = await runCreating(c, insertItem, {
        aircraftId: id, name: i.name, intervalHours: i.interval_hours, intervalMonths: i.interval_months,
        lastDoneTach: i.last_done_tach, lastDoneOn: i.last_done_on, warnHours: i.warn_hours, warnDays: i.warn_days,
        blocksBooking: i.blocks_booking, actorId: c.var.user.id,
      });
      if (!row?.aircraft_found) throw notFound("Aircraft");
      if (!row.item) {
        const errors: FieldError[] = [];
        if (!row.tach_known) errors.push({ path: "last_done_tach", message: `is above the aircraft's tach (${Number(row.tach_hours)})` });
        if (!row.date_past) errors.push({ path: "last_done_on", message: "is in the future" });
        throw validationFailed(errors);
      }
      return c.json(presentItem(row.item as Row), 201);
    },
  )

  .get(
    "/:id/maintenance-items",
    describeRoute({ summary: "An aircraft's maintenance items with remaining and projected hours", responses: { 200: jsonResponse(pageOf(maintenanceItemResponse), "a page of items") } }),
    validate("param", aircraftParam),
    validate("query", listPage),
    async (c) => {
      const { id } = c.req.valid("param");
      const { limit, cursor } = c.req.valid("query");
      const after = decodeCursor(cursor, 2);
      const rows = await c.var.db.query(
        listItems,
        { aircraftId: id, cursorAt: after?.[0]?.toString(), cursorId: after?.[1]?.toString(), limit: limit + 1 },
        { idempotent: true },
      );
      if (rows.length === 0) throw notFound("Aircraft");
      const items = rows.filter((r) => r.item !== null);
      return c.json(toPage(items, limit, (r) => [String(r.cursor_at), r.id], (r) => presentItem(r.item as Row)), 200);
    },
  )

  .post(
    "/:id/maintenance-items/:item_id/complete",
    describeRoute({ summary: "Record a maintenance item as done: its interval restarts", responses: { 200: jsonResponse(maintenanceItemResponse, "the item") } }),
    requireRole("ADMIN"),
    validate("param", itemParam),
    validate("json", completeItem),
    async (c) => {
      const { id, item_id } = c.req.valid("param");
      const { done_on, tach } = c.req.valid("json");
      const [row] = await c.var.db.query(completeItemSql, { aircraftId: id, itemId: item_id, doneOn: done_on, tach, actorId: c.var.user.id });
      if (!row?.found) throw notFound("Maintenance item");
      if (!row.item) {
        const errors: FieldError[] = [];
        if (!row.tach_known) errors.push({ path: "tach", message: `is above the aircraft's tach (${Number(row.aircraft_tach)})` });
        if (!row.tach_forward) errors.push({ path: "tach", message: `is below the last completion's tach (${Number(row.last_done_tach)})` });
        if (!row.date_past) errors.push({ path: "done_on", message: "is in the future" });
        if (!row.date_forward) errors.push({ path: "done_on", message: `is before the last completion (${String(row.last_done_on)})` });
        throw validationFailed(errors);
      }
      return c.json(presentItem(row.item as Row), 200);
    },
  )

  .post(
    "/:id/squawks",
    describeRoute({
      summary: "Report a defect on an aircraft",
      description: "A GROUNDING squawk grounds the aircraft at once: its active future bookings become AT_RISK and their people get AIRCRAFT_GROUNDED.",
      responses: { 201: jsonResponse(squawkResponse, "the squawk") },
    }),
    idempotent(presentSquawk),
    validate("param", aircraftParam),
    validate("json", createSquawk),
    async (c) => {
      const { id } = c.req.valid("param");
      const s = c.req.valid("json");
      const [row] = await runCreating(c, insertSquawk, {
        aircraftId: id, severity: s.severity, description: s.description, bookingId: s.booking_id, actorId: c.var.user.id,
      });
      if (!row?.aircraft_found) throw notFound("Aircraft");
      if (!row.booking_found) throw validationFailed([{ path: "booking_id", message: "is not a booking of this aircraft" }]);
      return c.json(presentSquawk(row), 201);
    },
  )

  .get(
    "/:id/squawks",
    describeRoute({ summary: "An aircraft's squawk history, newest first", responses: { 200: jsonResponse(pageOf(squawkResponse), "a page of squawks") } }),
    validate("param", aircraftParam),
    validate("query", listSquawks),
    async (c) => {
      const { id } = c.req.valid("param");
      const { status, limit, cursor } = c.req.valid("query");
      const after = decodeCursor(cursor, 2);
      const rows = await c.var.db.query(
        listSquawksSql,
        { aircraftId: id, status, cursorAt: after?.[0]?.toString(), cursorId: after?.[1]?.toString(), limit: limit + 1 },
        { idempotent: true },
      );
      if (rows.length === 0) throw notFound("Aircraft");
      const squawks = rows.filter((r) => r.id !== null);
      return c.json(toPage(squawks, limit, (r) => [String(r.cursor_at), r.id], presentSquawk), 200);
    },
  )

  .post(
    "/:id/squawks/:squawk_id/resolve",
    describeRoute({
      summary: "Resolve or defer a squawk",
      description: "DEFERRED keeps the squawk open but not grounding and is refused for GROUNDING squawks.",
      responses: { 200: jsonResponse(squawkResponse, "the squawk") },
    }),
    requireRole("ADMIN"),
    validate("param", squawkParam),
    validate("json", resolveSquawk),
    async (c) => {
      const { id, squawk_id } = c.req.valid("param");
      const { resolution, note } = c.req.valid("json");
      const [row] = await c.var.db.query(resolveSquawkSql, { aircraftId: id, squawkId: squawk_id, resolution, note, actorId: c.var.user.id });
      if (!row) throw notFound("Squawk");
      if (row.id === null) {
        if (row.seen_status === "RESOLVED") throw new ApiError("invalid_state", "The squawk is already resolved.");
        if (row.seen_severity === "GROUNDING") {
          throw new ApiError("invalid_state", "A GROUNDING squawk cannot be deferred: the aircraft may not fly with it.");
        }
        throw new ApiError("invalid_state", "The squawk is already deferred.");
      }
      return c.json(presentSquawk(row), 200);
    },
  )

  .post(
    "/:id/maintenance-blocks",
    describeRoute({
      summary: "Take an aircraft out of service for a window",
      description: "Active bookings overlapping the window become AT_RISK and their people get AIRCRAFT_GROUNDED; new ones are refused.",
      responses: { 201: jsonResponse(maintenanceBlockResponse, "the block") },
    }),
    requireRole("ADMIN"),
    idempotent(presentBlock),
    validate("param", aircraftParam),
    validate("json", createBlock),
    async (c) => {
      const { id } = c.req.valid("param");
      const b = c.req.valid("json");
      const [row] = await runCreating(c, insertBlock, { aircraftId: id, startsAt: b.starts_at, endsAt: b.ends_at, reason: b.reason, actorId: c.var.user.id });
      if (!row) throw notFound("Aircraft");
      return c.json(presentBlock(row), 201);
    },
  )

  .get(
    "/:id/maintenance-blocks",
    describeRoute({ summary: "An aircraft's maintenance blocks by start time", responses: { 200: jsonResponse(pageOf(maintenanceBlockResponse), "a page of blocks") } }),
    validate("param", aircraftParam),
    validate("query", listPage),
    async (c) => {
      const { id } = c.req.valid("param");
      const { limit, cursor } = c.req.valid("query");
      const after = decodeCursor(cursor, 2);
      const rows = await c.var.db.query(
        listBlocks,
        { aircraftId: id, cursorAt: after?.[0]?.toString(), cursorId: after?.[1]?.toString(), limit: limit + 1 },
        { idempotent: true },
      );
      if (rows.length === 0) throw notFound("Aircraft");
      const blocks = rows.filter((r) => r.id !== null);
      return c.json(toPage(blocks, limit, (r) => [String(r.cursor_at), r.id], presentBlock), 200);
    },
  )

  .delete(
    "/:id/maintenance-blocks/:block_id",
    describeRoute({ summary: "Remove a maintenance block: the bookings it held at risk are freed", responses: { 200: jsonResponse(maintenanceBlockResponse, "the removed block") } }),
    requireRole("ADMIN"),
    validate("param", blockParam),
    async (c) => {
      const { id, block_id } = c.req.valid("param");
      const [row] = await c.var.db.query(deleteBlock, { aircraftId: id, blockId: block_id, actorId: c.var.user.id });
      if (!row) throw notFound("Maintenance block");
      return c.json(presentBlock(row), 200);
    },
  );
