/** Number formatting shared by the report's markdown and charts. */

/** Readable figure: thousands separated, about 3 significant digits below 100. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 100) return Math.round(v).toLocaleString("en-US");
  if (a >= 10) return String(Math.round(v * 10) / 10);
  if (a === 0) return "0";
  return String(Number(v.toPrecision(3)));
}

/** A ratio with 3 significant digits ("0.523", "1.02", "0.00412"); "n/a" when null. */
export function formatRatio(r: number | null): string {
  return r === null ? "n/a" : String(Number(r.toPrecision(3)));
}

/** A duration in ms as "8.5 s" or "2 min 05 s". */
export function formatDuration(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${Math.round(s * 10) / 10} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(Math.round(s - m * 60)).padStart(2, "0")} s`;
}

/** `v unit`, except units that read as a suffix ("×"). */
export function withUnit(v: number, unit: string): string {
  return `${formatValue(v)} ${unit}`;
}
