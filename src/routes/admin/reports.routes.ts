import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../auth/guards";
import { decodeCursor, toPage } from "../../http/pagination";
import { validate } from "../../http/validation";
import { jsonResponse } from "../../openapi/responses";
import {
  bookingsReportCancellations as reportCancellations, type BookingsReportCancellationsResult as ReportRow,
} from "../../../sql/queries/reports/bookings_report_cancellations.queries";
import { cancellationsReportQuery, cancellationsReportResponse } from "./reports.schemas";

interface Counts {
  cancelled: number;
  late: number;
  no_fault: number;
}

const counts = (row: ReportRow): Counts => ({ cancelled: row.cancelled ?? 0, late: row.late ?? 0, no_fault: row.no_fault ?? 0 });
// jsonb the statement builds: category -> counts.
const withCategories = (row: ReportRow) => ({ ...counts(row), by_category: row.by_category as unknown as Record<string, Counts> });

export const reportsRoutes = new Hono<AppEnv>().get(
  "/cancellations",
  describeRoute({
    summary: "Cancellations to bill: per category, late and no-fault, overall and per student",
    description:
      "Counts the cancelled flights scheduled from `from` to `to` (UTC days, both included). `late` ones were cancelled " +
      "less than the booking rules' `late_cancel_hours` before the flight; `no_fault` ones (weather or maintenance the " +
      "school could not fly in) are never late. `data` is a page of students in id order.",
    responses: { 200: jsonResponse(cancellationsReportResponse, "the totals and a page of students") },
  }),
  requireRole("ADMIN"),
  validate("query", cancellationsReportQuery),
  async (c) => {
    const q = c.req.valid("query");
    const after = decodeCursor(q.cursor, 1);
    const [totals, ...students] = await c.var.db.query(
      reportCancellations,
      { fromDay: q.from, toDay: q.to, afterStudentId: after?.[0]?.toString(), limit: q.limit + 1 },
      { idempotent: true },
    );
    const page = toPage(students, q.limit, (r) => [String(r.student_id)], (r) => ({
      student_id: r.student_id,
      first_name: r.first_name,
      last_name: r.last_name,
      ...withCategories(r),
    }));
    return c.json({ from: q.from, to: q.to, totals: withCategories(totals!), ...page }, 200);
  },
);
