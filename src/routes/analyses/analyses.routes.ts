import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../auth/guards";
import { idempotent, runCreating } from "../../http/idempotency";
import { decodeCursor, toPage } from "../../http/pagination";
import { isoTime } from "../../http/present";
import { notFound, validationFailed } from "../../http/problem";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import { analysisResultsInsertCongestion as insertCongestion } from "../../../sql/queries/analyses/analysis_results_insert_congestion.queries";
import { analysisResultsInsertDelaySummary as insertDelaySummary } from "../../../sql/queries/analyses/analysis_results_insert_delay_summary.queries";
import { analysisResultsListPage as listPage } from "../../../sql/queries/analyses/analysis_results_list_page.queries";
import { analysisResultsSelectOne as selectOne, type AnalysisResultsSelectOneResult } from "../../../sql/queries/analyses/analysis_results_select_one.queries";
import { analysisId, analysisPage, analysisResponse, createAnalysis, listAnalyses } from "./analyses.schemas";

export function presentAnalysis(row: AnalysisResultsSelectOneResult) {
  return {
    id: row.id,
    type: row.type,
    params: row.params,
    metrics: row.metrics,
    recommendations: row.recommendations,
    confidence: row.confidence,
    created_by: row.created_by,
    created_at: isoTime(row.created_at),
  };
}

export const analysesRoutes = new Hono<AppEnv>()
  .use(requireRole("ADMIN"))

  .post(
    "/",
    describeRoute({ summary: "Run and store a delay or congestion analysis", responses: { 201: jsonResponse(analysisResponse, "the analysis") } }),
    idempotent(presentAnalysis), validate("json", createAnalysis),
    async (c) => {
      const body = c.req.valid("json");
      const p = body.params as { from?: string; to?: string; airport?: string };
      const statement = body.type === "congestion" ? insertCongestion : insertDelaySummary;
      const rows = await runCreating(c, statement, {
        params: JSON.stringify(p), fromDay: p.from, toDay: p.to, airport: p.airport, actorId: c.var.user.id,
      });
      const row = rows[0];
      if (!row) throw validationFailed([{ path: "params.airport", message: "is not a known airport" }]);
      return c.json(presentAnalysis(row), 201);
    },
  )

  .get(
    "/",
    describeRoute({ summary: "Stored analyses, newest first", responses: { 200: jsonResponse(analysisPage, "a page of analyses") } }),
    validate("query", listAnalyses),
    async (c) => {
      const { type, limit, cursor } = c.req.valid("query");
      const after = decodeCursor(cursor, 2);
      const rows = await c.var.db.query(
        listPage,
        { type, cursorAt: after?.[0]?.toString(), cursorId: after?.[1]?.toString(), limit: limit + 1 },
        { idempotent: true },
      );
      return c.json(toPage(rows, limit, (r) => [String(r.cursor_at), r.id], presentAnalysis), 200);
    },
  )

  .get(
    "/:id",
    describeRoute({ summary: "One stored analysis", responses: { 200: jsonResponse(analysisResponse, "the analysis") } }),
    validate("param", analysisId),
    async (c) => {
      const { id } = c.req.valid("param");
      const [row] = await c.var.db.query(selectOne, { analysisId: id }, { idempotent: true });
      if (!row) throw notFound("Analysis");
      return c.json(presentAnalysis(row), 200);
    },
  );
