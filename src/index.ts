import { createApp } from "./app";
import type { Bindings } from "./env";
import { runScheduled } from "./jobs/registry";

const app = createApp();

export type { AppType } from "./app";

export default {
  fetch: app.fetch,
  scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(controller.cron, new Date(controller.scheduledTime), env));
  },
} satisfies ExportedHandler<Bindings>;
