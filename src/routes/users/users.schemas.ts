import * as v from "valibot";
import { ianaTimezone, roles, trainingLevels } from "../../auth/user";
import { pageQuery } from "../../http/pagination";

const name = v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"), v.maxLength(100));
const email = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254), v.email("must be an email address"));
const phone = v.nullable(
  v.pipe(v.string(), v.trim(), v.regex(/^\+?[0-9 ().-]{5,32}$/, "must be a phone number such as +1 555 010 0100")),
);

export const userId = v.object({ id: v.pipe(v.string(), v.uuid("must be a UUID")) });

export const createUser = v.pipe(
  v.strictObject({
    auth_subject: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(255)),
    email,
    first_name: name,
    last_name: name,
    phone_number: v.optional(phone, null),
    role: v.picklist(roles),
    training_level: v.optional(v.nullable(v.picklist(trainingLevels)), null),
    timezone: v.optional(ianaTimezone, "UTC"),
  }),
  v.forward(
    v.check((u) => u.role !== "STUDENT" || u.training_level !== null, "is required for students"),
    ["training_level"],
  ),
);

/** The fields anyone may change about themselves. */
export const selfEditable = ["first_name", "last_name", "phone_number", "timezone"] as const;

export const updateUser = v.pipe(
  v.strictObject({
    email: v.optional(email),
    first_name: v.optional(name),
    last_name: v.optional(name),
    phone_number: v.optional(phone),
    role: v.optional(v.picklist(roles)),
    training_level: v.optional(v.nullable(v.picklist(trainingLevels))),
    timezone: v.optional(ianaTimezone),
    active: v.optional(v.boolean()),
  }),
  v.check((u) => Object.keys(u).length > 0, "send at least one field to change"),
);

export const listUsers = v.object({
  role: v.optional(v.picklist(roles)),
  ...pageQuery,
});
