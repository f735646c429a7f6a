import * as v from "valibot";
import { cacheKeys, cacheTtl } from "../cache/keys";
import type { Cache } from "../cache/store";
import { statement, type Statement } from "../db/client";
import type { AppConfig } from "../env";
import type { Logger } from "../http/log";
import type { Taf } from "../domain/weather";
import { weatherForecastsUpsertLatest as upsertForecasts } from "../../sql/queries/weather/weather_forecasts_upsert_latest.queries";

/** The provider down, slow, or answering with something that is not a TAF list. */
export class WeatherUnavailable extends Error {
  override name = "WeatherUnavailable";
}

export const USER_AGENT = "skyslot/0.1 (flight school scheduling; weather monitor)";
/** A slow provider must not hold a request or a job run longer than this per call. */
export const FETCH_TIMEOUT_MS = 5_000;
/** Airports per provider call; the API takes comma-separated ids and long URLs get refused. */
export const IDS_PER_CALL = 40;

const ICAO = /^[A-Z0-9]{4}$/;
const ZONELESS = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d(\.\d+)?)?$/;

const epochSeconds = v.pipe(
  v.union([v.number(), v.string()]),
  // The API writes some times without a zone ("2026-05-01 11:20:00"); they are UTC.
  v.transform((t) => (typeof t === "number" ? t : Date.parse(ZONELESS.test(t) ? `${t.replace(" ", "T")}Z` : t) / 1000)),
  v.check((t) => Number.isFinite(t), "not a time"),
);
const maybeNumber = v.nullish(v.number());

const PeriodSchema = v.object({
  timeFrom: epochSeconds,
  timeTo: epochSeconds,
  fcstChange: v.nullish(v.string()),
  probability: maybeNumber,
  // Degrees true, or "VRB"; any other text reads as no direction rather than refusing the TAF.
  wdir: v.pipe(
    v.nullish(v.union([v.number(), v.string()])),
    v.transform((d): number | "VRB" | null =>
      typeof d === "number" ? d : d === "VRB" ? "VRB" : d !== null && d !== undefined && /^\d{1,3}$/.test(d) ? Number(d) : null),
  ),
  wspd: maybeNumber,
  wgst: maybeNumber,
  visib: v.nullish(v.union([v.number(), v.string()])),
  wxString: v.nullish(v.string()),
  clouds: v.nullish(v.array(v.object({ cover: v.string(), base: maybeNumber, type: v.nullish(v.string()) }))),
  vertVis: maybeNumber,
  icgTurb: v.nullish(v.array(v.object({ var: v.nullish(v.string()) }))),
});

const TafSchema = v.pipe(
  v.object({
    icaoId: v.pipe(v.string(), v.regex(ICAO)),
    issueTime: v.pipe(epochSeconds, v.transform((t) => new Date(t * 1000).toISOString())),
    validTimeFrom: epochSeconds,
    validTimeTo: epochSeconds,
    rawTAF: v.nullish(v.string()),
    fcsts: v.array(PeriodSchema),
  }),
  v.check((t) => t.validTimeTo > t.validTimeFrom, "valid time runs backwards"),
);

export interface ProviderContext {
  config: Pick<AppConfig, "WEATHER_API_URL">;
  cache: Cache;
  log: Logger;
}

export interface LoadOptions {
  /** Skip cached copies (the monitor wants the newest forecast every run). */
  fresh?: boolean;
  timeoutMs?: number;
}

export interface LoadedTafs {
  /** The newest TAF per airport; airports the provider has no TAF for are absent. */
  tafs: Map<string, Taf>;
  /** TAFs that came from the provider on this call, to keep in Postgres. */
  fetched: Taf[];
  /** Provider calls made (0 when everything came from the cache). */
  calls: number;
}

/**
 * The newest TAFs for some airports: from the cache, else from the provider in as few calls as
 * the id limit allows. Throws WeatherUnavailable when the provider fails; no partial answer is
 * mistaken for "no forecast".
 */
export async function loadTafs(ctx: ProviderContext, airports: readonly string[], options: LoadOptions = {}): Promise<LoadedTafs> {
  const ids = [...new Set(airports.map((a) => a.toUpperCase()).filter((a) => ICAO.test(a)))].sort();
  const tafs = new Map<string, Taf>();
  if (!options.fresh) {
    const hits = await Promise.all(ids.map((id) => ctx.cache.get<Taf>(cacheKeys.taf(id))));
    hits.forEach((hit, i) => {
      if (hit) tafs.set(ids[i]!, hit);
    });
  }
  const missing = ids.filter((id) => !tafs.has(id));
  const fetched: Taf[] = [];
  let calls = 0;
  for (let i = 0; i < missing.length; i += IDS_PER_CALL) {
    calls++;
    for (const taf of await fetchChunk(ctx, missing.slice(i, i + IDS_PER_CALL), options.timeoutMs ?? FETCH_TIMEOUT_MS)) {
      const held = tafs.get(taf.icaoId);
      if (held && Date.parse(held.issueTime) >= Date.parse(taf.issueTime)) continue;
      tafs.set(taf.icaoId, taf);
    }
  }
  for (const id of missing) {
    const taf = tafs.get(id);
    if (taf) fetched.push(taf);
  }
  await Promise.all(fetched.map((taf) => ctx.cache.set(cacheKeys.taf(taf.icaoId), taf, cacheTtl.taf)));
  return { tafs, fetched, calls };
}

async function fetchChunk(ctx: ProviderContext, ids: string[], timeoutMs: number): Promise<Taf[]> {
  const url = `${ctx.config.WEATHER_API_URL.replace(/\/+$/, "")}/taf?ids=${ids.join(",")}&format=json`;
  let body: unknown;
  try {
    const response = await fetch(url, {
      headers: { "user-agent": USER_AGENT, accept: "application/json" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new WeatherUnavailable(`the weather provider answered HTTP ${response.status}`);
    const text = await response.text();
    // The provider answers an id list it has nothing for with an empty body.
    body = text.trim() === "" ? [] : JSON.parse(text);
  } catch (error) {
    if (error instanceof WeatherUnavailable) throw error;
    const slow = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw new WeatherUnavailable(
      slow ? `the weather provider did not answer within ${timeoutMs} ms` : "the weather provider sent something that is not JSON",
      { cause: error },
    );
  }
  const tafs = parseTafList(body);
  ctx.log.info("weather_fetched", { airports: ids.length, tafs: tafs.length });
  return tafs;
}

/**
 * Reads the provider's answer: a list of TAFs in aviationweather.gov's JSON shape. A TAF that
 * cannot be read is skipped (its airport stays without a forecast); an answer of which nothing
 * can be read is garbage.
 */
export function parseTafList(body: unknown): Taf[] {
  if (!Array.isArray(body)) throw new WeatherUnavailable("the weather provider did not send a list of TAFs");
  const tafs: Taf[] = [];
  for (const item of body) {
    const parsed = v.safeParse(TafSchema, item);
    if (parsed.success) tafs.push(parsed.output);
  }
  if (body.length > 0 && tafs.length === 0) throw new WeatherUnavailable("none of the weather provider's TAFs could be read");
  return tafs;
}

/** Keeps the newest TAF per airport in Postgres (for GET /v1/weather/:airport), to run in a batch. */
export function storeForecasts(fetched: readonly Taf[]): Statement[] {
  return fetched.length === 0 ? [] : [statement(upsertForecasts, { tafs: JSON.stringify(fetched) })];
}
