/** Types generated for queries found in "sql/queries/rescheduling/bookings_close_due_rescheduling.sql" */
import { PreparedQuery } from '../../../src/db/typed';

export type DateOrString = Date | string;

/** 'BookingsCloseDueRescheduling' parameters type */
export interface BookingsCloseDueReschedulingParams {
  chunk: number;
  lastBooking?: string | null | void;
  lastDeadline?: DateOrString | null | void;
  now: DateOrString;
}

/** 'BookingsCloseDueRescheduling' return type */
export interface BookingsCloseDueReschedulingResult {
  escalated: number | null;
  last_booking: string | null;
  last_deadline: string | null;
  processed: number | null;
  resolved: number | null;
  scanned: number | null;
}

/** 'BookingsCloseDueRescheduling' query type */
export interface BookingsCloseDueReschedulingQuery {
  params: BookingsCloseDueReschedulingParams;
  result: BookingsCloseDueReschedulingResult;
}

const bookingsCloseDueReschedulingIR: any = {"usedParamSet":{"now":true,"chunk":true,"lastDeadline":true,"lastBooking":true},"params":[{"name":"now","required":true,"transform":{"type":"scalar"},"locs":[{"a":354,"b":358}]},{"name":"chunk","required":true,"transform":{"type":"scalar"},"locs":[{"a":374,"b":380}]},{"name":"lastDeadline","required":false,"transform":{"type":"scalar"},"locs":[{"a":388,"b":400}]},{"name":"lastBooking","required":false,"transform":{"type":"scalar"},"locs":[{"a":416,"b":427}]}],"statement":"-- Resolves or escalates the RESCHEDULING bookings of the next :chunk overdue preferences after\n-- the key (:lastDeadline, :lastBooking) the previous chunk returned as last_deadline/last_booking\n-- (nulls: from the start); scanned < :chunk means done.\nSELECT scanned, processed, resolved, escalated, last_deadline, last_booking\nFROM reschedule_close_due(:now!::timestamptz, :chunk!::int, :lastDeadline::timestamptz, :lastBooking::uuid)"};

/**
 * Query generated from SQL:
 * ```
 * -- Resolves or escalates the RESCHEDULING bookings of the next :chunk overdue preferences after
 * -- the key (:lastDeadline, :lastBooking) the previous chunk returned as last_deadline/last_booking
 * -- (nulls: from the start); scanned < :chunk means done.
 * SELECT scanned, processed, resolved, escalated, last_deadline, last_booking
 * FROM reschedule_close_due(:now!::timestamptz, :chunk!::int, :lastDeadline::timestamptz, :lastBooking::uuid)
 * ```
 */
export const bookingsCloseDueRescheduling = new PreparedQuery<BookingsCloseDueReschedulingParams,BookingsCloseDueReschedulingResult>(bookingsCloseDueReschedulingIR);


