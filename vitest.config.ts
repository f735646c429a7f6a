import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

const timeouts = { testTimeout: 30_000, hookTimeout: 60_000 };

const workers = () =>
  cloudflareTest(({ inject }) => ({
    wrangler: { configPath: "./wrangler.toml" },
    // The local stack hands its addresses to the Worker as bindings.
    miniflare: { bindings: inject("bindings") },
  }));

/** Test files that run a cron job (or the admin endpoint that runs one) over the whole database. */
const wholeDatabaseJobs = ["test/jobs/**/*.test.ts", "test/e2e/**/*.test.ts", "test/routes/admin/admin.test.ts"];

export default defineConfig({
  test: {
    // One local stack (embedded Postgres + gateway) for the whole run; see test/setup/global.ts.
    globalSetup: ["./test/setup/global.ts"],
    ...timeouts,
    // Request log lines are for operators, not for reading test output.
    onConsoleLog: (line) => !line.includes('"event":"request"'),
    projects: [
      {
        // Not `extends: true`: the root's global setup must run once, in Node, not per project.
        plugins: [workers()],
        test: { name: "worker", include: ["test/**/*.test.ts"], exclude: ["test/node/**", ...wholeDatabaseJobs], ...timeouts },
      },
      {
        // Cron jobs sweep the whole database at the real current time: run beside other files they
        // would complete, flag or resolve those files' rows. So these files run after every other
        // worker file has finished, one at a time.
        plugins: [workers()],
        test: {
          name: "worker-jobs",
          include: wholeDatabaseJobs,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          ...timeouts,
        },
      },
      {
        // Tooling that runs on Node, never in the Worker: migrations, the CLI, the dev stack.
        test: { name: "node", include: ["test/node/**/*.test.ts"], environment: "node", ...timeouts },
      },
    ],
  },
});
