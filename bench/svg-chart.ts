/**
 * A horizontal bar chart as a standalone SVG document, written by hand (no chart library: the
 * report must render anywhere the repository is checked out, and a few rectangles do not need
 * one). One row per bar, grouped under optional headings; a row may have a lighter bar behind
 * its main one (p99 behind p50), tick marks (targets, ceilings) and a vertical reference line
 * across all rows (1 = as good as the ceiling). The axis is linear, or logarithmic for values
 * that span orders of magnitude (ratios from 0.002 to 1), where a linear axis would draw most
 * bars as slivers of the same size. Every text is escaped, so labels from a results file cannot
 * break the markup.
 */

export interface BarMark {
  readonly value: number;
  /** Shown as the mark's tooltip ("target 0.5"). */
  readonly title: string;
}

export interface BarRow {
  /** Heading printed above this row when it differs from the previous row's. */
  readonly group?: string;
  readonly label: string;
  /** Length of the main bar in axis units; null draws no bar (nothing measured). */
  readonly value: number | null;
  /** Printed right of the bar ("0.52", "3.1 ms"). */
  readonly valueText: string;
  /** A lighter bar drawn behind the main one, from 0 to this value. */
  readonly back?: number;
  readonly marks?: readonly BarMark[];
  /** Tooltip of the bar; the label when absent. */
  readonly title?: string;
}

export interface BarChart {
  readonly title: string;
  readonly subtitle?: string;
  /** Under the axis ("share of the ceiling reached"). */
  readonly axisLabel: string;
  readonly rows: readonly BarRow[];
  /** A dashed vertical line across every row. */
  readonly reference?: { readonly value: number; readonly label: string };
  /** Default "linear". "log": bars start at the power of ten below the smallest positive value. */
  readonly scale?: "linear" | "log";
  /** Legend entries for the main bar, the back bar and the marks, when used. */
  readonly legend?: { readonly bar: string; readonly back?: string; readonly mark?: string };
}

const WIDTH = 860;
const LABEL_W = 360;
const PLOT_X = LABEL_W + 10;
const PLOT_W = 380;
const ROW_H = 22;
const GROUP_H = 26;
const BAR_H = 14;
const MAX_LABEL_CHARS = 52;
const COLORS = { bar: "#2f6db3", back: "#a9c7e8", mark: "#1b1b1b", reference: "#c0392b", grid: "#e3e3e3", text: "#1b1b1b", muted: "#666666" };

/** Escapes text for SVG character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(3))));

/** A round axis maximum ≥ `max`: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × a power of ten. */
export function niceMax(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * p >= max * (1 - 1e-9)) return Number((step * p).toPrecision(6));
  return 10 * p;
}

function truncate(text: string): string {
  return text.length <= MAX_LABEL_CHARS ? text : `${text.slice(0, MAX_LABEL_CHARS - 1)}…`;
}

export function barChartSvg(chart: BarChart): string {
  const values: number[] = [];
  for (const r of chart.rows) {
    if (r.value !== null && Number.isFinite(r.value)) values.push(r.value);
    if (r.back !== undefined && Number.isFinite(r.back)) values.push(r.back);
    for (const m of r.marks ?? []) if (Number.isFinite(m.value)) values.push(m.value);
  }
  if (chart.reference) values.push(chart.reference.value);
  const max = niceMax(Math.max(0, ...values));
  const log = chart.scale === "log";
  const positive = values.filter((v) => v > 0);
  // At most six decades, so one near-zero value cannot squash every other bar.
  const min = log ? Math.max(10 ** Math.floor(Math.log10(Math.min(max, ...positive))), max / 1e6) : 0;
  const share = (v: number): number => {
    const c = Math.min(v, max);
    if (!log) return Math.max(0, c) / max;
    return c <= min ? 0 : Math.log10(c / min) / Math.log10(max / min);
  };
  const x = (v: number): number => PLOT_X + share(v) * PLOT_W;
  const px = (n: number): string => String(Math.round(n * 10) / 10);

  const body: string[] = [];
  let y = chart.subtitle ? 62 : 44;
  const plotTop = y;
  let group: string | undefined;
  for (const row of chart.rows) {
    if (row.group !== undefined && row.group !== group) {
      group = row.group;
      body.push(`<text class="group" x="8" y="${px(y + 18)}" font-weight="bold">${escapeXml(group)}</text>`);
      y += GROUP_H;
    }
    const mid = y + ROW_H / 2;
    const barY = mid - BAR_H / 2;
    const title = escapeXml(row.title ?? row.label);
    body.push(`<text class="label" x="${LABEL_W}" y="${px(mid + 4)}" text-anchor="end"><title>${escapeXml(row.label)}</title>${escapeXml(truncate(row.label))}</text>`);
    if (row.back !== undefined && row.back > 0) {
      body.push(`<rect class="back" x="${PLOT_X}" y="${px(barY)}" width="${px(x(row.back) - PLOT_X)}" height="${BAR_H}" fill="${COLORS.back}"><title>${title}</title></rect>`);
    }
    let textX = PLOT_X + 4;
    if (row.value !== null && Number.isFinite(row.value)) {
      const w = Math.max(1, x(row.value) - PLOT_X);
      body.push(`<rect class="bar" x="${PLOT_X}" y="${px(barY + 2)}" width="${px(w)}" height="${BAR_H - 4}" fill="${COLORS.bar}"><title>${title}: ${escapeXml(row.valueText)}</title></rect>`);
      textX = Math.max(x(row.value), row.back !== undefined ? x(row.back) : 0) + 6;
    }
    for (const m of row.marks ?? []) {
      const mx = px(x(m.value));
      body.push(`<line class="mark" x1="${mx}" x2="${mx}" y1="${px(barY - 2)}" y2="${px(barY + BAR_H + 2)}" stroke="${COLORS.mark}" stroke-width="2"><title>${escapeXml(m.title)}</title></line>`);
    }
    const clipped = row.value !== null && row.value > max;
    body.push(`<text class="value" x="${px(Math.min(textX, PLOT_X + PLOT_W + 6))}" y="${px(mid + 4)}" fill="${COLORS.muted}">${escapeXml(row.valueText)}${clipped ? " →" : ""}</text>`);
    y += ROW_H;
  }
  const plotBottom = y + 4;

  const grid: string[] = [];
  const ticks: number[] = [];
  if (log) {
    for (let t = min; t <= max * (1 + 1e-9); t *= 10) ticks.push(Number(t.toPrecision(6)));
    const last = ticks[ticks.length - 1] ?? min;
    // The axis end gets a tick of its own unless it would print over the last power of ten.
    if (last !== max && (x(max) - x(last)) >= 28) ticks.push(max);
  } else {
    // Round steps (0.25, 3, 50, …) rather than quarters of the maximum (3.75, 11.25).
    const step = niceMax(max / 5);
    for (let i = 0; i * step <= max * (1 + 1e-9); i++) ticks.push(Number((i * step).toPrecision(6)));
  }
  for (const v of ticks) {
    const gx = px(x(v));
    grid.push(`<line x1="${gx}" x2="${gx}" y1="${px(plotTop)}" y2="${px(plotBottom)}" stroke="${COLORS.grid}"/>`);
    grid.push(`<text class="tick" x="${gx}" y="${px(plotBottom + 14)}" text-anchor="middle" fill="${COLORS.muted}">${fmt(v)}</text>`);
  }
  if (chart.reference) {
    const rx = px(x(chart.reference.value));
    grid.push(`<line class="reference" x1="${rx}" x2="${rx}" y1="${px(plotTop - 6)}" y2="${px(plotBottom)}" stroke="${COLORS.reference}" stroke-dasharray="4 3" stroke-width="1.5"/>`);
    grid.push(`<text x="${rx}" y="${px(plotTop - 9)}" text-anchor="middle" fill="${COLORS.reference}">${escapeXml(chart.reference.label)}</text>`);
  }

  let footY = plotBottom + 34;
  const foot: string[] = [`<text x="${px(PLOT_X + PLOT_W / 2)}" y="${px(footY)}" text-anchor="middle" fill="${COLORS.muted}">${escapeXml(chart.axisLabel)}</text>`];
  if (chart.legend) {
    footY += 22;
    let lx = PLOT_X;
    const item = (swatch: string, text: string): void => {
      foot.push(swatch.replace("{x}", px(lx)).replace("{y}", px(footY - 9)));
      foot.push(`<text x="${px(lx + 18)}" y="${px(footY)}" fill="${COLORS.muted}">${escapeXml(text)}</text>`);
      lx += 30 + text.length * 6.5;
    };
    item(`<rect x="{x}" y="{y}" width="12" height="10" fill="${COLORS.bar}"/>`, chart.legend.bar);
    if (chart.legend.back) item(`<rect x="{x}" y="{y}" width="12" height="10" fill="${COLORS.back}"/>`, chart.legend.back);
    if (chart.legend.mark) item(`<rect x="{x}" y="{y}" width="3" height="12" fill="${COLORS.mark}"/>`, chart.legend.mark);
  }
  const height = Math.ceil(footY + 14);

  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12" fill="${COLORS.text}">`,
    `<title>${escapeXml(chart.title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="8" y="22" font-size="16" font-weight="bold">${escapeXml(chart.title)}</text>`,
    ...(chart.subtitle ? [`<text x="8" y="40" fill="${COLORS.muted}">${escapeXml(chart.subtitle)}</text>`] : []),
    ...grid,
    ...body,
    ...foot,
    `</svg>`,
    ``,
  ].join("\n");
}
