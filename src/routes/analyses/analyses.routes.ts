import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../auth/guards";
import type { Row } from "../../db/client";
import { idempotent, runCreating } from "../../http/idempotency";
import { decodeCursor, toPage } from "../../http/pagination";
import { isoTime } from "../../http/present";
import { notFound, validationFailed } from "../../http/problem";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import insertCongestion from "../../../sql/queries/analyses/analysis_results_insert_congestion.sql";
import insertDelaySummary from "../../../sql/queries/analyses/analysis_results_insert_delay_summary.sql";
import listPage from "../../../sql/queries/analyses/analysis_results_list_page.sql";
import selectOne from "../../../sql/queries/analyses/analysis_results_select_one.sql";
import { analysisId, analysisPage, analysisResponse, createAnalysis, listAnalyses } from "./analyses.schemas";

export function presentAnalysis(row: Row) {
  return {
    id: row.id,
    type: row.type,
    params: row.params,
    metrics: row.metrics,
    recommendations: row.recommendations,
    confidence: row.confidence === null ? null : Number(row.confidence),
    created_by: row.created_by ?? null,
    created_at: isoTime(row.created_at),
  };
}

export const analysesRoutes = new Hono<AppEnv>()
  .use(requireRole("ADMIN"))

  .post(
    "/",
    describeRoute({ summary: "Run and store a delay or congestion analysis", responses: { 201: jsonResponse(analysisResponse, "the analysis") } }),
    idempotent(presentAnalysis), validate("json", createAnalysis), async (c) => {
    const body = c.req.valid("json");
    const p = body.params as { from?: string; to?: string; airport?: string };
    const statement = body.type === "congestion" ? insertCongestion : insertDelaySummary;
    const rows = await runCreating(c, statement, [
      JSON.stringify(p), p.from ?? null, p.to ?? null, p.airport ?? null, c.var.user.id,
    ]);
    const row = rows[0];
    if (!row) throw validationFailed([{ path: "params.airport", message: "is not a known airport" }]);
    return c.json(presentAnalysis(row), 201);
  })

  .get(
    "/",
    describeRoute({ summary: "Stored analyses, newest first", responses: { 200: jsonResponse(analysisPage, "a page of analyses") } }),
    validate("query", listAnalyses), async (c) => {
    const { type, limit, cursor } = c.req.valid("query");
    const after = decodeCursor(cursor, 2);
    const rows = await c.var.db.query(listPage, [type ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1], { idempotent: true });
    return c.json(toPage(rows, limit, (r) => [String(r.cursor_at), String(r.id)], presentAnalysis), 200);
  })

  .get(
    "/:id",
    describeRoute({ summary: "One stored analysis", responses: { 200: jsonResponse(analysisResponse, "the analysis") } }),
    validate("param", analysisId), async (c) => {
    const { id } = c.req.valid("param");
    const [row] = await c.var.db.query(selectOne, [id], { idempotent: true });
    if (!row) throw notFound("Analysis");
    return c.json(presentAnalysis(row), 200);
  });
