import * as v from "valibot";
import { isoTime } from "../http/present";

export const roles = ["STUDENT", "INSTRUCTOR", "ADMIN"] as const;
export type Role = (typeof roles)[number];

export const trainingLevels = ["STUDENT_PILOT", "PRIVATE_PILOT", "INSTRUMENT_RATED"] as const;
export type TrainingLevel = (typeof trainingLevels)[number];

/** A user as the API shows it (and as the cache keeps it). */
export interface User {
  id: string;
  auth_subject: string;
  email: string;
  first_name: string;
  last_name: string;
  phone_number: string | null;
  role: Role;
  training_level: TrainingLevel | null;
  timezone: string;
  created_at: string;
  updated_at: string;
}


/** Shapes a `users` row (sql/queries/users/*.sql select the same columns) for a response. */
export function presentUser(row: Record<string, unknown>): User {
  return {
    id: String(row.id),
    auth_subject: String(row.auth_subject),
    email: String(row.email),
    first_name: String(row.first_name),
    last_name: String(row.last_name),
    phone_number: row.phone_number === null ? null : String(row.phone_number),
    role: row.role as Role,
    training_level: (row.training_level ?? null) as TrainingLevel | null,
    timezone: String(row.timezone),
    created_at: isoTime(row.created_at),
    updated_at: isoTime(row.updated_at),
  };
}

/** An IANA zone the runtime knows (the same database every conversion here uses). */
export const ianaTimezone = v.pipe(
  v.string(),
  v.maxLength(64),
  v.check((zone) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "must be an IANA time zone such as America/New_York"),
);
