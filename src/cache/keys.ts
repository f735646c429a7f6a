/** Every cache key the service uses, with its time to live. One place, so invalidation can't miss one. */
const PREFIX = "skyslot:v1";

export const cacheKeys = {
  /** The user a token's subject maps to; dropped when the user changes. */
  userBySubject: (subject: string) => `${PREFIX}:user:sub:${subject}`,
  /**
   * When the user last changed (their row's updated_at): a cached copy older than this is stale
   * and is not used, even one written after the change by a load that read the old row.
   */
  userChangedAt: (subject: string) => `${PREFIX}:user:changed:${subject}`,
  /**
   * One airport by ICAO code, with its runways; reference data, dropped when the airports table
   * is reseeded or its runways change. (`airport2`: the shape that carries runways.)
   */
  airport: (icao: string) => `${PREFIX}:airport2:${icao}`,
  /** IATA → ICAO resolution. */
  airportByIata: (iata: string) => `${PREFIX}:airport:iata:${iata}`,
  /**
   * Computed availability of one user for one date range, stored with the generation it was
   * computed under. Each user has a generation number, so one INCR makes all their entries
   * stale when patterns, overrides or bookings change; both keys are known from the path, so
   * they are read together.
   */
  availabilityGeneration: (userId: string) => `${PREFIX}:availability:gen:${userId}`,
  /** How many changes to a user's availability are being written now (readers skip the cache meanwhile). */
  availabilityWriting: (userId: string) => `${PREFIX}:availability:writing:${userId}`,
  availability: (userId: string, from: string, to: string) => `${PREFIX}:availability:${userId}:${from}:${to}`,
  /** The latest TAF per airport, as fetched from the weather provider. */
  taf: (icao: string) => `${PREFIX}:weather:taf:${icao}`,
  /** Delay analytics answers, under a generation that ingestion bumps. */
  analyticsGeneration: () => `${PREFIX}:analytics:gen`,
  analytics: (generation: number, queryHash: string) => `${PREFIX}:analytics:${generation}:${queryHash}`,
} as const;

export const cacheTtl = {
  // Short, because a change made while Redis was unreachable cannot drop the cached copy, and
  // the copy carries the role.
  userBySubject: 60,
  // Outlives every copy loaded before the change (60 s, plus a load's own time).
  userChangedAt: 120,
  airport: 86_400,
  availability: 600,
  // Outlives any write (the statement timeout is 10 s), so a mark left by a Worker stopped
  // mid-write clears itself.
  availabilityWriting: 60,
  taf: 1_800,
  analytics: 3_600,
} as const;
