import * as v from "valibot";
import { airportCodeParam } from "../routes/airports/airports.schemas";
import { availabilityRange, userIdParam } from "../routes/users/availability.schemas";
import { cacheKeys } from "./keys";

/**
 * The cache keys a read is about to ask for, known from its path and query alone (parsed by the
 * route's own schemas, so the keys are the ones the route builds). They travel in the sign-in
 * pipeline, so a warm read costs one Redis round trip in all. Anything not listed here simply
 * reads its keys itself.
 */
export function prefetchKeys(method: string, path: string, query: Record<string, string>): string[] {
  if (method !== "GET") return [];
  const airport = /^\/v1\/airports\/([^/]+)$/.exec(path);
  if (airport) {
    const parsed = v.safeParse(airportCodeParam, { code: segment(airport[1]!) });
    if (!parsed.success) return [];
    const { code } = parsed.output;
    // An IATA code's ICAO key is known only once the first answer is in.
    return [code.length === 4 ? cacheKeys.airport(code) : cacheKeys.airportByIata(code)];
  }
  const availability = /^\/v1\/users\/([^/]+)\/availability$/.exec(path);
  if (availability) {
    const user = v.safeParse(userIdParam, { id: segment(availability[1]!) });
    const range = v.safeParse(availabilityRange, { from: query.from, to: query.to });
    if (!user.success || !range.success) return [];
    // In the order cachedAvailability asks for them: generation, writes under way, entry.
    const id = user.output.id;
    return [cacheKeys.availabilityGeneration(id), cacheKeys.availabilityWriting(id), cacheKeys.availability(id, range.output.from, range.output.to)];
  }
  // The generation every analytics answer is cached under (the answer's own key follows from it).
  if (path === "/v1/analytics/delays") return [cacheKeys.analyticsGeneration()];
  return [];
}

function segment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
