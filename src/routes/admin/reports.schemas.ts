import * as v from "valibot";
import { pageQuery } from "../../http/pagination";
import { uuid } from "../../openapi/responses";
import { isoDate } from "./admin.schemas";

/** A billing period: flights scheduled from `from` to `to`, both whole UTC days included. */
export const cancellationsReportQuery = v.pipe(
  v.object({ from: isoDate, to: isoDate, ...pageQuery }),
  v.forward(
    v.check((q) => q.from <= q.to, "must not be before from"),
    ["to"],
  ),
);

const counts = { cancelled: v.number(), late: v.number(), no_fault: v.number() };
const withCategories = { ...counts, by_category: v.record(v.string(), v.object(counts)) };

export const cancellationsReportResponse = v.object({
  from: v.string(),
  to: v.string(),
  totals: v.object(withCategories),
  data: v.array(v.object({ student_id: uuid, first_name: v.string(), last_name: v.string(), ...withCategories })),
  next_cursor: v.nullable(v.string()),
});
