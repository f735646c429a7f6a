import * as v from "valibot";
import { isoTime } from "../http/present";
import type { UsersSelectBySubjectResult } from "../../sql/queries/users/users_select_by_subject.queries";

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
  /** false: an admin switched the user off, and every token of theirs is refused. */
  active: boolean;
  created_at: string;
  updated_at: string;
}

/** What students and instructors see of other users (docs/contract.md, Users and tokens). */
export type PublicUser = Pick<User, "id" | "first_name" | "last_name" | "role" | "training_level">;

/** An instructor reading a student they teach also sees how to reach them. */
export type TaughtStudent = PublicUser & Pick<User, "email" | "phone_number">;

/**
 * How much of a user a viewer may see: `full` (themselves, admins), `teaching` (an instructor
 * with an active booking with this student), `public` (everyone else who may see them at all).
 */
export type Visibility = "full" | "teaching" | "public";

export function presentUserFor(user: User, visibility: Visibility): User | PublicUser | TaughtStudent {
  if (visibility === "full") return user;
  const shown: PublicUser = {
    id: user.id,
    first_name: user.first_name,
    last_name: user.last_name,
    role: user.role,
    training_level: user.training_level,
  };
  return visibility === "teaching" ? { ...shown, email: user.email, phone_number: user.phone_number } : shown;
}

/**
 * A `users` row as sql/queries/users/*.sql select it (the same columns), or as a stored
 * Idempotency-Key response holds it (times as text).
 */
export type UserRow = Omit<UsersSelectBySubjectResult, "created_at" | "updated_at"> & {
  created_at: Date | string;
  updated_at: Date | string;
};

/** Shapes a `users` row for a response; the role and level columns are checked by the schema. */
export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    auth_subject: row.auth_subject,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    phone_number: row.phone_number,
    role: row.role as Role,
    training_level: row.training_level as TrainingLevel | null,
    timezone: row.timezone,
    active: row.active,
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
