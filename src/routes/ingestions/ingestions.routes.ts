import { Hono, type Context } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../auth/guards";
import { cacheKeys } from "../../cache/keys";
import { ingestStream } from "../../flights/ingest";
import { addIngestionToRollup } from "../../flights/rollup";
import { encodeBatch } from "../../flights/rows";
import { ingestionStatus, MAX_LOGGED_ERRORS, qualityScore, type RowError } from "../../flights/quality";
import { UnreadableFile, type FlightFileFormat } from "../../flights/records";
import { decodeCursor, toPage } from "../../http/pagination";
import { isoTime, isoTimeOrNull } from "../../http/present";
import { ApiError, notFound } from "../../http/problem";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import { flightsInsertBatch as insertBatch } from "../../../sql/queries/flights/flights_insert_batch.queries";
import { ingestionLogsInsertRunning as insertRunning } from "../../../sql/queries/ingestions/ingestion_logs_insert_running.queries";
import { ingestionLogsListPage as listPage } from "../../../sql/queries/ingestions/ingestion_logs_list_page.queries";
import { ingestionLogsSelectOne as selectOne, type IngestionLogsSelectOneResult } from "../../../sql/queries/ingestions/ingestion_logs_select_one.queries";
import { ingestionLogsUpdateFinished as updateFinished } from "../../../sql/queries/ingestions/ingestion_logs_update_finished.queries";
import { ingestFlightsQuery, ingestionId, ingestionPage, ingestionResponse, listIngestions } from "./ingestions.schemas";

/** Ingestion takes files of up to 50 MiB (the app's 1 MiB limit does not apply here). */
export const MAX_INGESTION_BYTES = 50 * 1024 * 1024;
/**
 * Rows per statement: one HTTP round trip each, a second or two of work, and at most half of
 * Neon's 10 MiB request limit for the widest rows (test/db/request-size.test.ts).
 */
export const INGESTION_BATCH_ROWS = 20_000;

const FORMATS: Record<string, FlightFileFormat> = {
  "application/x-ndjson": "ndjson",
  "application/ndjson": "ndjson",
  "text/csv": "csv",
};

export function presentIngestion(row: IngestionLogsSelectOneResult) {
  return {
    id: row.id,
    source: row.source,
    format: row.format,
    status: row.status,
    rows_received: row.rows_received,
    rows_inserted: row.rows_inserted,
    rows_rejected: row.rows_rejected,
    rows_duplicate: row.rows_duplicate,
    quality_score: row.quality_score,
    errors: row.errors,
    started_at: isoTime(row.started_at),
    finished_at: isoTimeOrNull(row.finished_at),
    created_by: row.created_by,
    created_at: isoTime(row.created_at),
  };
}

/** Drops every cached analytics answer at once: new flights change them all. */
async function bumpAnalyticsGeneration(c: Context<AppEnv>): Promise<void> {
  const redis = c.var.cache.redis;
  if (!redis) return;
  try {
    await redis.incr(cacheKeys.analyticsGeneration());
  } catch (error) {
    c.var.log.warn("analytics_cache_not_invalidated", { error: error instanceof Error ? error.message : String(error) });
  }
}

export const ingestionsRoutes = new Hono<AppEnv>()
  .use(requireRole("ADMIN"))

  .post(
    "/flights",
    describeRoute({
      summary: "Load a file of flights (NDJSON or CSV, up to 50 MiB)",
      requestBody: {
        required: true,
        content: { "application/x-ndjson": { schema: { type: "string" } }, "text/csv": { schema: { type: "string" } } },
      },
      responses: { 201: jsonResponse(ingestionResponse, "the ingestion with its counts and rejected rows") },
    }),
    validate("query", ingestFlightsQuery),
    async (c) => {
      const mediaType = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
      const format = FORMATS[mediaType];
      if (!format) throw new ApiError("unsupported_media_type", "Send flights as application/x-ndjson or text/csv.");
      const declared = Number(c.req.header("content-length") ?? "0");
      if (declared > MAX_INGESTION_BYTES) throw new ApiError("payload_too_large", "Flight files are limited to 50 MiB.");

      const { source } = c.req.valid("query");
      const db = c.var.db;
      const [started] = await db.query(insertRunning, { source, format, actorId: c.var.user.id });
      const id = started!.id;

      // The stored flights join the delay rollup before the log closes; if that fails, the repair
      // in the nightly cleanup completes it.
      const finish = async (status: string, quality: number | null, errors: RowError[]) => {
        await addIngestionToRollup(db, id).catch((error: unknown) =>
          c.var.log.warn("ingestion_rollup_deferred", { ingestion_id: id, error: error instanceof Error ? error.message : String(error) }),
        );
        return db.query(updateFinished, { ingestionId: id, status, qualityScore: quality, errors: JSON.stringify(errors) });
      };

      let result: Awaited<ReturnType<typeof ingestStream>>;
      try {
        result = await ingestStream(c.req.raw.body, format, {
          maxBytes: MAX_INGESTION_BYTES,
          batchSize: INGESTION_BATCH_ROWS,
          store: async (rows, received, refused, file) => {
            const [outcome] = await db.query(insertBatch, { rows: encodeBatch(rows), ingestionId: id, received, refused, fileKey: file });
            // One row always: the statement's counts are never null.
            return { inserted: outcome!.inserted!, valid: outcome!.valid!, errors: outcome!.errors as unknown as RowError[] };
          },
        });
      } catch (error) {
        const unreadable = error instanceof UnreadableFile;
        await finish("FAILED", null, unreadable ? [{ row: 0, message: error.message }] : []).catch(() => undefined);
        // Batches before the failure are committed: cached figures may already be out of date.
        await bumpAnalyticsGeneration(c);
        if (unreadable) throw new ApiError("validation_failed", error.message, { extra: { ingestion_id: id } });
        throw error;
      }
      c.var.log.info("flights_ingested", { ingestion_id: id, batches: result.batches, ...result.counts });

      if (result.tooLarge) {
        const errors = [
          ...result.errors.slice(0, MAX_LOGGED_ERRORS - 1),
          { row: result.nextRow, message: "the file is larger than 50 MiB; this row and the rest were not read" },
        ];
        await finish("FAILED", qualityScore(result.counts), errors);
        await bumpAnalyticsGeneration(c);
        throw new ApiError("payload_too_large", "Flight files are limited to 50 MiB; the rows before the limit were stored.", {
          extra: { ingestion_id: id },
        });
      }
      const [finished] = await finish(ingestionStatus(result.counts), qualityScore(result.counts), result.errors);
      if (result.counts.inserted > 0) await bumpAnalyticsGeneration(c);
      return c.json(presentIngestion(finished!), 201);
    },
  )

  .get(
    "/",
    describeRoute({ summary: "Ingestions, newest first", responses: { 200: jsonResponse(ingestionPage, "a page of ingestions") } }),
    validate("query", listIngestions),
    async (c) => {
      const { limit, cursor } = c.req.valid("query");
      const after = decodeCursor(cursor, 2);
      const rows = await c.var.db.query(listPage, { afterAt: after?.[0]?.toString(), afterId: after?.[1]?.toString(), limit: limit + 1 }, { idempotent: true });
      return c.json(toPage(rows, limit, (r) => [String(r.cursor_at), r.id], presentIngestion), 200);
    },
  )

  .get(
    "/:id",
    describeRoute({ summary: "One ingestion", responses: { 200: jsonResponse(ingestionResponse, "the ingestion") } }),
    validate("param", ingestionId),
    async (c) => {
      const { id } = c.req.valid("param");
      const [row] = await c.var.db.query(selectOne, { ingestionId: id }, { idempotent: true });
      if (!row) throw notFound("Ingestion");
      return c.json(presentIngestion(row), 200);
    },
  );
