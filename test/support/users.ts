import type { Role, TrainingLevel, User, UserRow } from "../../src/auth/user";
import { presentUser } from "../../src/auth/user";
import { signToken } from "./api";
import { ownerDb } from "./db";

export interface TestUser {
  user: User;
  token: string;
}

let counter = 0;

/** Creates a user straight in the database (unique per call) and a valid token for them. */
export async function makeUser(
  role: Role,
  fields: { training_level?: TrainingLevel; timezone?: string; first_name?: string } = {},
): Promise<TestUser> {
  const tag = `${role.toLowerCase()}-${Date.now().toString(36)}-${(counter++).toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
  const [row] = await ownerDb().query<UserRow>(
    `INSERT INTO users (auth_subject, email, first_name, last_name, role, training_level, timezone)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     RETURNING *`,
    [
      `test|${tag}`,
      `${tag}@example.test`,
      fields.first_name ?? "Test",
      role.charAt(0) + role.slice(1).toLowerCase(),
      role,
      fields.training_level ?? (role === "STUDENT" ? "STUDENT_PILOT" : null),
      fields.timezone ?? "UTC",
    ],
  );
  const user = presentUser(row!);
  return { user, token: await signToken(user.auth_subject) };
}
