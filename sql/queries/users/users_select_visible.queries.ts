/** Types generated for queries found in "sql/queries/users/users_select_visible.sql" */
import { PreparedQuery } from '../../../src/db/typed';

/** 'UsersSelectVisible' parameters type */
export interface UsersSelectVisibleParams {
  userId: string;
  viewerId: string;
  viewerRole: string;
}

/** 'UsersSelectVisible' return type */
export interface UsersSelectVisibleResult {
  /** false: every token of this user is refused (set by an admin; takes effect at once). */
  active: boolean;
  auth_subject: string;
  created_at: Date;
  email: string;
  first_name: string;
  id: string;
  last_name: string;
  phone_number: string | null;
  role: string;
  timezone: string;
  training_level: string | null;
  updated_at: Date;
  visibility: string | null;
}

/** 'UsersSelectVisible' query type */
export interface UsersSelectVisibleQuery {
  params: UsersSelectVisibleParams;
  result: UsersSelectVisibleResult;
}

const usersSelectVisibleIR: any = {"usedParamSet":{"viewerRole":true,"viewerId":true,"userId":true},"params":[{"name":"viewerRole","required":true,"transform":{"type":"scalar"},"locs":[{"a":576,"b":587},{"a":641,"b":651}]},{"name":"viewerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":609,"b":618},{"a":789,"b":797}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":971,"b":978}]}],"statement":"-- One user, if the viewer may see them, and how much of them (`visibility`): everything for\n-- themselves and admins; for an instructor, a student they share an active booking with (name,\n-- level, email, phone); the public fields of any instructor, for everyone. The right to read a\n-- student lasts only while such a booking is active.\nSELECT u.id, u.auth_subject, u.email, u.first_name, u.last_name, u.phone_number, u.role, u.training_level,\n       u.timezone, u.active, u.created_at, u.updated_at, seen.visibility\nFROM users u\nCROSS JOIN LATERAL (\n  SELECT CASE\n    WHEN :viewerRole! = 'ADMIN' OR u.id = :viewerId! THEN 'full'\n    WHEN :viewerRole = 'INSTRUCTOR' AND u.role = 'STUDENT' AND EXISTS (\n      SELECT 1 FROM bookings b\n      WHERE b.student_id = u.id AND b.instructor_id = :viewerId\n        AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING')\n    ) THEN 'teaching'\n    WHEN u.role = 'INSTRUCTOR' THEN 'public'\n  END AS visibility\n) seen\nWHERE u.id = :userId! AND seen.visibility IS NOT NULL"};

/**
 * Query generated from SQL:
 * ```
 * -- One user, if the viewer may see them, and how much of them (`visibility`): everything for
 * -- themselves and admins; for an instructor, a student they share an active booking with (name,
 * -- level, email, phone); the public fields of any instructor, for everyone. The right to read a
 * -- student lasts only while such a booking is active.
 * SELECT u.id, u.auth_subject, u.email, u.first_name, u.last_name, u.phone_number, u.role, u.training_level,
 *        u.timezone, u.active, u.created_at, u.updated_at, seen.visibility
 * FROM users u
 * CROSS JOIN LATERAL (
 *   SELECT CASE
 *     WHEN :viewerRole! = 'ADMIN' OR u.id = :viewerId! THEN 'full'
 *     WHEN :viewerRole = 'INSTRUCTOR' AND u.role = 'STUDENT' AND EXISTS (
 *       SELECT 1 FROM bookings b
 *       WHERE b.student_id = u.id AND b.instructor_id = :viewerId
 *         AND b.status IN ('CONFIRMED', 'AT_RISK', 'RESCHEDULING')
 *     ) THEN 'teaching'
 *     WHEN u.role = 'INSTRUCTOR' THEN 'public'
 *   END AS visibility
 * ) seen
 * WHERE u.id = :userId! AND seen.visibility IS NOT NULL
 * ```
 */
export const usersSelectVisible = new PreparedQuery<UsersSelectVisibleParams,UsersSelectVisibleResult>(usersSelectVisibleIR);


