import type { DelayRow } from "./analytics";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export interface ChartOptions {
  groupBy: "hour" | "dow";
  airport?: string;
  from?: string;
  to?: string;
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[ch]!);

/** A round step giving about five gridlines over the range. */
function tickStep(span: number): number {
  const raw = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / magnitude;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * magnitude;
}

/**
 * Average arrival delay per local hour or weekday as an SVG bar chart: a bar per slot (empty
 * slots stay empty), a zero line, a labelled y axis in minutes, and each bar's full figures in
 * its tooltip and under it (flights, on-time share).
 */
export function delayChartSvg(rows: readonly DelayRow[], options: ChartOptions): string {
  const slots = options.groupBy === "hour" ? 24 : 7;
  const byKey = new Map(rows.map((r) => [Number(r.key), r]));
  const label = (slot: number) => (options.groupBy === "hour" ? String(slot).padStart(2, "0") : DAYS[slot]!);

  const width = 880;
  const height = 440;
  const margin = { top: 56, right: 24, bottom: 84, left: 72 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;

  const values = rows.map((r) => r.avg_delay_minutes);
  const step = tickStep(Math.max(Math.max(0, ...values) - Math.min(0, ...values), 1));
  const top = Math.ceil(Math.max(0, ...values) / step) * step || step;
  const bottom = Math.floor(Math.min(0, ...values) / step) * step;
  const y = (value: number) => margin.top + ((top - value) / (top - bottom)) * plotH;
  const band = plotW / slots;

  const scope = [options.airport ? `at ${options.airport}` : "all airports", options.from || options.to ? `${options.from ?? "…"} to ${options.to ?? "…"}` : "all dates"].join(", ");
  const title = `Average arrival delay by ${options.groupBy === "hour" ? "hour of departure" : "day of week"} (${scope})`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title" font-family="system-ui, sans-serif" font-size="12">`,
    `<title id="chart-title">${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="28" text-anchor="middle" font-size="16" font-weight="600">${escapeXml(title)}</text>`,
  ];
  for (let tick = bottom; tick <= top + step / 2; tick += step) {
    const ty = y(tick).toFixed(1);
    parts.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${ty}" y2="${ty}" stroke="${tick === 0 ? "#333" : "#e3e3e3"}"/>`,
      `<text x="${margin.left - 8}" y="${ty}" text-anchor="end" dominant-baseline="middle">${Number(tick.toFixed(2))}</text>`,
    );
  }
  parts.push(
    `<line x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#333"/>`,
    `<text transform="translate(20 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">Average arrival delay (minutes)</text>`,
    `<text x="${margin.left + plotW / 2}" y="${height - 16}" text-anchor="middle">${options.groupBy === "hour" ? "Local hour of scheduled departure (origin airport)" : "Day of week (origin airport local time)"}</text>`,
  );
  for (let slot = 0; slot < slots; slot++) {
    const x = margin.left + slot * band;
    const cx = (x + band / 2).toFixed(1);
    parts.push(`<text x="${cx}" y="${margin.top + plotH + 18}" text-anchor="middle">${label(slot)}</text>`);
    const row = byKey.get(slot);
    if (!row) continue;
    const y0 = y(0);
    const y1 = y(row.avg_delay_minutes);
    const barTop = Math.min(y0, y1).toFixed(1);
    const barHeight = Math.max(Math.abs(y1 - y0), 1).toFixed(1);
    const tip = `${label(slot)}: ${row.flights} flights, on time ${row.on_time_pct}%, average ${row.avg_delay_minutes} min, median ${row.median_delay_minutes} min, p90 ${row.p90_delay_minutes} min`;
    parts.push(
      `<rect x="${(x + band * 0.15).toFixed(1)}" y="${barTop}" width="${(band * 0.7).toFixed(1)}" height="${barHeight}" fill="${row.avg_delay_minutes > 15 ? "#c0392b" : "#2e86c1"}"><title>${escapeXml(tip)}</title></rect>`,
      `<text x="${cx}" y="${margin.top + plotH + 34}" text-anchor="middle" font-size="10" fill="#555">${row.flights}</text>`,
    );
  }
  parts.push(
    `<text x="${margin.left}" y="${height - 40}" font-size="10" fill="#555">Numbers under the bars: flights. Red: average delay above 15 minutes.</text>`,
  );
  if (rows.length === 0) {
    parts.push(`<text x="${margin.left + plotW / 2}" y="${margin.top + plotH / 2}" text-anchor="middle" fill="#777">No flights match.</text>`);
  }
  parts.push("</svg>");
  return parts.join("\n");
}
