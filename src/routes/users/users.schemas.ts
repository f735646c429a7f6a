import * as v from "valibot";
import { ianaTimezone, roles, trainingLevels } from "../../auth/user";
import { pageQuery } from "../../http/pagination";
import { date, named, pageOf, stringOrNull, timestamp, uuid } from "../../openapi/responses";

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

/** A user as they see themselves and admins see them (presentUser). */
export const userResponse = named(
  "User",
  v.object({
    id: uuid,
    auth_subject: v.string(),
    email: v.string(),
    first_name: v.string(),
    last_name: v.string(),
    phone_number: stringOrNull,
    role: v.picklist(roles),
    training_level: v.nullable(v.picklist(trainingLevels)),
    timezone: v.string(),
    active: v.boolean(),
    created_at: timestamp,
    updated_at: timestamp,
  }),
);

const publicFields = {
  id: uuid,
  first_name: v.string(),
  last_name: v.string(),
  role: v.picklist(roles),
  training_level: v.nullable(v.picklist(trainingLevels)),
};

/** What students and instructors see of other users (presentUserFor, `public`). */
export const publicUserResponse = named("PublicUser", v.strictObject(publicFields));

/** An instructor reading a student they teach also sees how to reach them (`teaching`). */
export const taughtStudentResponse = named(
  "TaughtStudent",
  v.strictObject({ ...publicFields, email: v.string(), phone_number: stringOrNull }),
);

export const anyUserResponse = v.union([userResponse, taughtStudentResponse, publicUserResponse]);
export const userPage = pageOf(v.union([userResponse, publicUserResponse]));

export const qualificationKinds = ["MEDICAL", "FLIGHT_REVIEW", "CFI_CERTIFICATE", "SOLO_ENDORSEMENT", "AIRCRAFT_CHECKOUT"] as const;

export const qualificationResponse = named(
  "Qualification",
  v.object({
    id: uuid,
    user_id: uuid,
    kind: v.picklist(qualificationKinds),
    aircraft_type_code: stringOrNull,
    issued_on: v.nullable(date),
    expires_on: v.nullable(date),
    recorded_by: v.nullable(uuid),
    created_at: timestamp,
    updated_at: timestamp,
  }),
);

/** A calendar feed's secret address (`POST /v1/users/{id}/calendar-feed`). */
export const calendarFeedResponse = v.object({ url: v.pipe(v.string(), v.url()) });
