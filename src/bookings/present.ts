import { isoTime, isoTimeOrNull } from "../http/present";
import type { BookingsSelectVisibleResult } from "../../sql/queries/bookings/bookings_select_visible.queries";
import type { WeatherStatus } from "../domain/weather";
import type { BookingStatus } from "./status";

export const lessonTypes = ["DUAL", "SOLO"] as const;
export type LessonType = (typeof lessonTypes)[number];

export const riskReasons = ["weather", "aircraft"] as const;
export type RiskReason = (typeof riskReasons)[number];

/** A rule in warn mode that the booking broke when it was made or moved. */
export interface RuleWarning {
  rule: string;
  detail: string;
}

export interface Cancellation {
  category: string;
  late: boolean;
  no_fault: boolean;
}

/** A booking as the contract shows it. */
export interface Booking {
  id: string;
  student_id: string;
  instructor_id: string;
  aircraft_id: string | null;
  departure_airport: string;
  arrival_airport: string;
  departure_latitude: number;
  departure_longitude: number;
  arrival_latitude: number;
  arrival_longitude: number;
  scheduled_at: string;
  ends_at: string;
  duration_minutes: number;
  status: BookingStatus;
  training_level: string;
  original_booking_id: string | null;
  rescheduled_to: string | null;
  weather_status: WeatherStatus | null;
  weather_checked_at: string | null;
  lesson_type: LessonType;
  risk_reasons: RiskReason[];
  warnings: RuleWarning[];
  dispatched_at: string | null;
  checked_in_at: string | null;
  hobbs_out: number | null;
  hobbs_in: number | null;
  tach_out: number | null;
  tach_in: number | null;
  flight_hours: number | null;
  cancellation: Cancellation | null;
  created_at: string;
  updated_at: string;
}

/** numeric columns arrive as text from the driver and as numbers from a jsonb copy. */
const numberOrNull = (value: string | number | null) => (value === null ? null : Number(value));

/**
 * A `bookings` row as the booking statements select it (`bookings.*`), or the jsonb copy of one
 * that an idempotency key or a rescheduling outcome keeps (times as text, numerics as numbers).
 */
export type BookingRow = BookingsSelectVisibleResult;

/**
 * Shapes a `bookings` row for a response: from a driver row or from the jsonb copy an
 * idempotency key keeps, so both render the same. The text columns holding enums are checked
 * by the table's constraints.
 */
export function presentBooking(row: BookingRow): Booking {
  return {
    id: row.id,
    student_id: row.student_id,
    instructor_id: row.instructor_id,
    aircraft_id: row.aircraft_id,
    departure_airport: row.departure_airport,
    arrival_airport: row.arrival_airport,
    departure_latitude: row.departure_latitude,
    departure_longitude: row.departure_longitude,
    arrival_latitude: row.arrival_latitude,
    arrival_longitude: row.arrival_longitude,
    scheduled_at: isoTime(row.scheduled_at),
    ends_at: isoTime(row.ends_at),
    duration_minutes: row.duration_minutes,
    status: row.status as BookingStatus,
    training_level: row.training_level,
    original_booking_id: row.original_booking_id,
    rescheduled_to: row.rescheduled_to,
    weather_status: row.weather_status as WeatherStatus | null,
    weather_checked_at: isoTimeOrNull(row.weather_checked_at),
    lesson_type: row.lesson_type as LessonType,
    risk_reasons: row.risk_reasons as RiskReason[],
    warnings: row.warnings as unknown as RuleWarning[],
    dispatched_at: isoTimeOrNull(row.dispatched_at),
    checked_in_at: isoTimeOrNull(row.checked_in_at),
    hobbs_out: numberOrNull(row.hobbs_out),
    hobbs_in: numberOrNull(row.hobbs_in),
    tach_out: numberOrNull(row.tach_out),
    tach_in: numberOrNull(row.tach_in),
    flight_hours: numberOrNull(row.flight_hours),
    cancellation:
      row.cancellation_category === null || row.cancellation_category === undefined
        ? null
        : {
            category: row.cancellation_category,
            late: row.cancellation_late === true,
            no_fault: row.cancellation_no_fault === true,
          },
    created_at: isoTime(row.created_at),
    updated_at: isoTime(row.updated_at),
  };
}
