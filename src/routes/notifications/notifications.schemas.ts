import * as v from "valibot";
import { pageQuery } from "../../http/pagination";
import { jsonObject, named, pageOf, timestamp, timestampOrNull, uuid } from "../../openapi/responses";

export const notificationId = v.object({ id: v.pipe(v.string(), v.uuid("must be a UUID")) });

export const listNotifications = v.object({
  unread: v.optional(v.pipe(v.picklist(["true", "false"], "must be true or false"), v.transform((flag) => flag === "true")), "false"),
  ...pageQuery,
});

export const notificationResponse = named(
  "Notification",
  v.object({
    id: uuid,
    type: v.string(),
    booking_id: v.nullable(uuid),
    title: v.string(),
    body: v.string(),
    data: jsonObject,
    read_at: timestampOrNull,
    created_at: timestamp,
  }),
);

export const notificationPage = pageOf(notificationResponse);
export const readAllResponse = v.object({ updated: v.number() });
