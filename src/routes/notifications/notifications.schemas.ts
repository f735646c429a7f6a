import * as v from "valibot";
import { pageQuery } from "../../http/pagination";

export const notificationId = v.object({ id: v.pipe(v.string(), v.uuid("must be a UUID")) });

export const listNotifications = v.object({
  unread: v.optional(v.pipe(v.picklist(["true", "false"], "must be true or false"), v.transform((flag) => flag === "true")), "false"),
  ...pageQuery,
});
