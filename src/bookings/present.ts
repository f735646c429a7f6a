import { isoTime, isoTimeOrNull } from "../http/present";

export const bookingStatuses = ["CONFIRMED", "AT_RISK", "RESCHEDULING", "RESCHEDULED", "CANCELLED", "COMPLETED"] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

export type WeatherStatus = "OK" | "VIOLATION" | "UNKNOWN";

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
  created_at: string;
  updated_at: string;
}

const idOrNull = (value: unknown) => (value === null || value === undefined ? null : String(value));

/**
 * Shapes a `bookings` row for a response: from a driver row or from the jsonb copy an
 * idempotency key keeps, so both render the same.
 */
export function presentBooking(row: Record<string, unknown>): Booking {
  return {
    id: String(row.id),
    student_id: String(row.student_id),
    instructor_id: String(row.instructor_id),
    aircraft_id: idOrNull(row.aircraft_id),
    departure_airport: String(row.departure_airport),
    arrival_airport: String(row.arrival_airport),
    departure_latitude: Number(row.departure_latitude),
    departure_longitude: Number(row.departure_longitude),
    arrival_latitude: Number(row.arrival_latitude),
    arrival_longitude: Number(row.arrival_longitude),
    scheduled_at: isoTime(row.scheduled_at),
    ends_at: isoTime(row.ends_at),
    duration_minutes: Number(row.duration_minutes),
    status: row.status as BookingStatus,
    training_level: String(row.training_level),
    original_booking_id: idOrNull(row.original_booking_id),
    rescheduled_to: idOrNull(row.rescheduled_to),
    weather_status: (row.weather_status ?? null) as WeatherStatus | null,
    weather_checked_at: isoTimeOrNull(row.weather_checked_at),
    created_at: isoTime(row.created_at),
    updated_at: isoTime(row.updated_at),
  };
}
