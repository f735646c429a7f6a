/** One runway end: its name ("04", "22L") and TRUE heading in degrees (0–360). */
export interface RunwayEnd {
  name: string;
  heading_deg: number;
}

/** The wind of one forecast period: direction in degrees true, or VRB; speeds in knots. */
export interface Wind {
  direction: number | "VRB" | null | undefined;
  speed_kt: number | null | undefined;
  gust_kt?: number | null;
}

export interface Crosswind {
  /** Knots across the runway the pilot would choose. */
  crosswind_kt: number;
  /** That runway end; null when no runway end helps (variable wind, or all with a tailwind). */
  runway: string | null;
}

const RAD = Math.PI / 180;

/**
 * The crosswind a pilot faces on the best runway end: the smallest
 * round(speed × |sin(wind − heading)|) over the ends whose headwind component is ≥ 0, with the
 * gust as the speed when one is forecast. A variable wind (VRB) can blow across any runway, so
 * its whole speed counts; so does a wind no runway end faces into. null when nothing can be
 * said: no runways, or a period without a wind.
 */
export function crosswindOf(wind: Wind, runways: readonly RunwayEnd[]): Crosswind | null {
  if (runways.length === 0) return null;
  const speed = typeof wind.gust_kt === "number" && wind.gust_kt > 0 ? wind.gust_kt : wind.speed_kt;
  if (typeof speed !== "number" || !Number.isFinite(speed)) return null;
  if (speed === 0) return { crosswind_kt: 0, runway: null };
  if (wind.direction === "VRB") return { crosswind_kt: Math.round(speed), runway: null };
  if (typeof wind.direction !== "number" || !Number.isFinite(wind.direction)) return null;
  let best: Crosswind | null = null;
  for (const end of runways) {
    const angle = (wind.direction - end.heading_deg) * RAD;
    // A tiny negative cosine from rounding (wind exactly across) still counts as no tailwind.
    if (speed * Math.cos(angle) < -1e-9) continue;
    const across = Math.round(speed * Math.abs(Math.sin(angle)));
    if (best === null || across < best.crosswind_kt) best = { crosswind_kt: across, runway: end.name };
  }
  return best ?? { crosswind_kt: Math.round(speed), runway: null };
}

/** The crosswind limit for a flight: the stricter of the level's and the aircraft's; null = none. */
export function crosswindLimit(levelMaxKt: number | null | undefined, aircraftLimitKt: number | null | undefined): number | null {
  const limits = [levelMaxKt, aircraftLimitKt].filter((l): l is number => typeof l === "number");
  return limits.length === 0 ? null : Math.min(...limits);
}
