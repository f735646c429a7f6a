// Flight data benchmark against the local stack: API ingestion rows/s, command-line import rows/s
// for flights-3m.parquet against a plain COPY of the same rows, and analytics latency at 3 M rows.
// Standalone: `npx tsx bench/flights.ts`; bench/run.ts calls runFlightsBench().
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { importFlights, openFlightFile } from "../dev/import-flights.ts";
import { REPO_ROOT } from "../dev/migrate.ts";
import { startStack, withClient, type Stack } from "../dev/stack.ts";
import { signDevToken } from "../dev/tokens.ts";
import { startWorker, type RunningWorker } from "./harness.ts";

const DATA = join(REPO_ROOT, "node_modules", "vega-datasets", "data");
const PARQUET = join(DATA, "flights-3m.parquet");

export interface FlightsBenchResult {
  api_ingestion: { rows: number; seconds: number; rows_per_second: number; round_trips: number; inserted: number };
  cli_import: { rows: number; seconds: number; rows_per_second: number; inserted: number; duplicate: number; rejected: number };
  plain_copy: { rows: number; seconds: number; rows_per_second: number };
  cli_vs_copy_time_ratio: number;
  flights_in_table: number;
  analytics_ms: { query: string; source: string; cold_ms: number; warm_ms: number; groups: number }[];
}

/** The first row group of the 3 M file (272,727 rows) as NDJSON, in the vega shape the API takes. */
async function ndjsonSlice(): Promise<string> {
  const source = await openFlightFile(PARQUET, "parquet");
  for await (const records of source.records()) {
    return records.map((r) => ("fields" in r ? JSON.stringify(r.fields) : "")).join("\n") + "\n";
  }
  return "";
}

/** The same rows, raw, into a scratch table: the floor any loader is measured against. */
export async function plainCopy(ownerUrl: string): Promise<{ rows: number; seconds: number }> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("DROP TABLE IF EXISTS bench_flights_copy");
    await client.query("CREATE TABLE bench_flights_copy (date text, delay integer, distance integer, origin text, destination text)");
    const started = performance.now();
    const source = await openFlightFile(PARQUET, "parquet", 250_000);
    let rows = 0;
    for await (const records of source.records()) {
      const lines = records.map((r) => {
        const f = ("fields" in r ? r.fields : {}) as Record<string, unknown>;
        return `${f.date}\t${f.delay}\t${f.distance}\t${f.origin}\t${f.destination}\n`;
      });
      const stream = client.query(copyFrom("COPY bench_flights_copy FROM STDIN"));
      await new Promise<void>((resolve, reject) => {
        stream.on("finish", resolve);
        stream.on("error", reject);
        for (let i = 0; i < lines.length; i += 10_000) stream.write(lines.slice(i, i + 10_000).join(""));
        stream.end();
      });
      rows += lines.length;
    }
    const seconds = (performance.now() - started) / 1000;
    await client.query("DROP TABLE bench_flights_copy");
    return { rows, seconds };
  } finally {
    await client.end();
  }
}

export async function runFlightsBench(log: (line: string) => void = (l) => console.error(`[bench:flights] ${l}`)): Promise<FlightsBenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), "skyslot-bench-flights-"));
  let stack: Stack | undefined;
  let worker: RunningWorker | undefined;
  try {
    stack = await startStack({ dataDir, persistent: false, seedDevUsers: false, log: () => {} });
    const subject = `bench|${Date.now()}`;
    // Short-lived owner connections: an idle one held across the minutes of loading could be cut
    // off and end the run before its figures print.
    await withClient(stack.ownerDatabaseUrl, (owner) =>
      owner.query(
        "INSERT INTO users (auth_subject, email, first_name, last_name, role) VALUES ($1, $2, 'Bench', 'Admin', 'ADMIN')",
        [subject, `bench-${Date.now()}@example.test`],
      ),
    );
    const token = await signDevToken({ secret: stack.jwt.secret, subject, issuer: stack.jwt.issuer, audience: stack.jwt.audience });

    // Rate limits would throttle the latency loop; the bench measures the work, not the limiter.
    worker = await startWorker({ ...stack.workerBindings(), RATE_LIMIT_PER_MINUTE: "100000" });
    const url = worker.url;
    log(`stack and Worker up at ${url}`);

    const body = await ndjsonSlice();
    // Round trips as the gateway counts them: the log, the batches, the rollup chunks, the close.
    stack.gateway.resetStats();
    const apiStarted = performance.now();
    const res = await fetch(`${url}/v1/ingestions/flights?source=bench-api`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/x-ndjson" },
      body,
    });
    const ingestion = (await res.json()) as { rows_received: number; rows_inserted: number };
    const apiSeconds = (performance.now() - apiStarted) / 1000;
    const gateway = stack.gateway.stats();
    const apiRoundTrips = gateway.sqlQueries + gateway.sqlBatches + gateway.wsTunnels;
    if (res.status !== 201) throw new Error(`API ingestion answered ${res.status}`);
    log(`API: ${ingestion.rows_received} rows in ${apiSeconds.toFixed(1)} s`);

    const cli = await importFlights(PARQUET, {
      databaseUrl: stack.ownerDatabaseUrl,
      source: "bench-cli",
      cache: { redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" },
      progress: (line, done) => done && log(line),
    });
    log(`CLI: ${cli.counts.received} rows in ${cli.seconds.toFixed(1)} s`);
    const copy = await plainCopy(stack.ownerDatabaseUrl);
    log(`plain COPY: ${copy.rows} rows in ${copy.seconds.toFixed(1)} s`);
    const flightsInTable = await withClient(stack.ownerDatabaseUrl, async (owner) => {
      await owner.query("ANALYZE flights; ANALYZE flight_delay_rollup");
      return Number((await owner.query("SELECT count(*) FROM flights")).rows[0].count);
    });

    const queries = [
      ...["origin", "destination", "airline", "hour", "dow", "route", "day"].map((g) => `group_by=${g}`),
      "group_by=hour&from=2001-01-01&to=2001-03-31",
      "group_by=origin&from=2001-02-10&to=2001-02-20",
      "group_by=hour&airport=ATL",
      "group_by=dow&airport=ORD&from=2001-01-01&to=2001-06-30",
      "group_by=route&airport=ATL",
      "group_by=day&airport=ORD&from=2001-02-10&to=2001-02-20",
      // Part of a month at one airport by hour: the rollup keeps no such rows; the flights answer.
      "group_by=hour&airport=ATL&from=2001-02-10&to=2001-02-20",
    ];
    const analytics: FlightsBenchResult["analytics_ms"] = [];
    for (const query of queries) {
      const time = async () => {
        const t0 = performance.now();
        const r = await fetch(`${url}/v1/analytics/delays?${query}`, { headers: { authorization: `Bearer ${token}` } });
        const json = (await r.json()) as { rows: unknown[]; source: string };
        return { ms: performance.now() - t0, json };
      };
      const cold = await time();
      const warm = await time();
      analytics.push({ query, source: cold.json.source, cold_ms: Math.round(cold.ms), warm_ms: Math.round(warm.ms), groups: cold.json.rows.length });
    }

    return {
      api_ingestion: {
        rows: ingestion.rows_received,
        seconds: apiSeconds,
        rows_per_second: ingestion.rows_received / apiSeconds,
        round_trips: apiRoundTrips,
        inserted: ingestion.rows_inserted,
      },
      cli_import: {
        rows: cli.counts.received,
        seconds: cli.seconds,
        rows_per_second: cli.rows_per_second,
        inserted: cli.counts.inserted,
        duplicate: cli.counts.duplicate,
        rejected: cli.counts.rejected,
      },
      plain_copy: { rows: copy.rows, seconds: copy.seconds, rows_per_second: copy.rows / copy.seconds },
      cli_vs_copy_time_ratio: cli.seconds / copy.seconds,
      flights_in_table: flightsInTable,
      analytics_ms: analytics,
    };
  } finally {
    await worker?.stop();
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function printTable(r: FlightsBenchResult): void {
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  const ratio = (rowsPerSecond: number) => `${(rowsPerSecond / r.plain_copy.rows_per_second).toFixed(3)}×`;
  console.log("\nFlight data benchmark (local stack, the Worker on workerd)\n");
  console.log("| measurement | rows | seconds | rows/s | vs plain COPY |");
  console.log("|---|---:|---:|---:|---:|");
  console.log(`| API ingestion (NDJSON, ${r.api_ingestion.round_trips} round trips) | ${n(r.api_ingestion.rows)} | ${r.api_ingestion.seconds.toFixed(1)} | ${n(r.api_ingestion.rows_per_second)} | ${ratio(r.api_ingestion.rows_per_second)} (target ≥ 0.2×) |`);
  console.log(`| CLI import flights-3m.parquet | ${n(r.cli_import.rows)} | ${r.cli_import.seconds.toFixed(1)} | ${n(r.cli_import.rows_per_second)} | ${ratio(r.cli_import.rows_per_second)} (target ≥ 0.5×) |`);
  console.log(`| plain COPY, same rows, scratch table | ${n(r.plain_copy.rows)} | ${r.plain_copy.seconds.toFixed(1)} | ${n(r.plain_copy.rows_per_second)} | 1× |`);
  console.log(`\nflights in table: ${n(r.flights_in_table)}\n`);
  console.log("| analytics query | answered from | groups | cold ms (target < 100) | warm (cached) ms |");
  console.log("|---|---|---:|---:|---:|");
  for (const a of r.analytics_ms) console.log(`| ${a.query} | ${a.source} | ${a.groups} | ${a.cold_ms} | ${a.warm_ms} |`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  printTable(await runFlightsBench());
  process.exit(0);
}
