import * as v from "valibot";
import { pageQuery } from "../../http/pagination";
import { isoDate } from "./admin.schemas";

/** A billing period: flights scheduled from `from` to `to`, both whole UTC days included. */
export const cancellationsReportQuery = v.pipe(
  v.object({ from: isoDate, to: isoDate, ...pageQuery }),
  v.forward(
    v.check((q) => q.from <= q.to, "must not be before from"),
    ["to"],
  ),
);
