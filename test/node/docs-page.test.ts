import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { SCALAR_SCRIPT, SCALAR_VERSION } from "../../src/routes/docs";
import packageJson from "../../package.json" with { type: "json" };

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
const SCALAR_BUNDLE = fileURLToPath(
  new URL("../../node_modules/@scalar/api-reference/dist/browser/standalone.js", import.meta.url),
);

if (!haveChromium) {
  if (process.env.CI === "true") throw new Error(`Chromium is required in CI (${CHROMIUM}); .ci/run installs it`);
  console.warn(`\n*** SKIPPED: no Chromium at ${CHROMIUM}; the /docs rendering test did not run ***\n`);
}

it("pins the reference page script to the installed version", () => {
  expect(packageJson.devDependencies["@scalar/api-reference"]).toBe(SCALAR_VERSION);
});

describe.skipIf(!haveChromium)("GET /docs in a real browser", () => {
  let server: Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    // The docs page needs configuration but no database, so the app is served from Node here.
    const app = createApp();
    const bindings = { ENVIRONMENT: "development", DATABASE_URL: "postgres://docs@127.0.0.1:9/docs", JWT_SECRET: "x".repeat(32) };
    const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} };
    server = createServer(async (req, res) => {
      const response = await app.fetch(new Request(`http://${req.headers.host}${req.url}`, { method: req.method }), bindings, ctx as never);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it("renders the endpoints from /openapi.json", async () => {
    const page = await browser.newPage();
    // The page loads Scalar from its CDN; this machine is offline, so the same version is
    // served from node_modules, and every other outside request is refused.
    await page.route(SCALAR_SCRIPT, (route) => route.fulfill({ path: SCALAR_BUNDLE, contentType: "text/javascript" }));
    await page.route((url) => !url.href.startsWith(base) && url.href !== SCALAR_SCRIPT, (route) => route.abort());
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${base}/docs`);
    await page.getByText("/v1/users/me").first().waitFor({ timeout: 20_000 });
    const text = await page.locator("body").innerText();
    expect(text).toContain("skyslot API");
    expect(text).toContain("/v1/users/me");
    expect(errors).toEqual([]);
    await page.screenshot({ path: fileURLToPath(new URL("../../.data/docs-page.png", import.meta.url)) });
  }, 60_000);
});
