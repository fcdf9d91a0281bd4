/**
 * The charts of docs/benchmarks.md, built from a run's results:
 *
 * - `ratios.svg`: every figure of every benchmark as one bar, its share of the peer or ceiling
 *   measured in the same run (1 = as good as it), with its target as a mark;
 * - `convergence-lag.svg` (when the convergence benchmark ran): replication lag p50 and p99 per
 *   origin → receiver region pair, with the raw WebSocket one-way time between the same
 *   processes as a mark.
 */
import type { Figure } from "./figures.js";
import { formatRatio, formatValue } from "./report-format.js";
import type { BarChart, BarRow } from "./svg-chart.js";
import { barChartSvg } from "./svg-chart.js";

export interface Chart {
  /** File name under docs/benchmarks/. */
  readonly file: string;
  /** Alt text of the image in the markdown. */
  readonly alt: string;
  readonly svg: string;
}

/** Every chart file the report may write: a chart not produced by a run is removed, not left stale. */
export const CHART_FILES = ["ratios.svg", "convergence-lag.svg"] as const;

export function ratiosChart(byBenchmark: ReadonlyArray<{ name: string; figures: readonly Figure[] }>): Chart {
  const rows: BarRow[] = [];
  for (const { name, figures } of byBenchmark) {
    for (const f of figures) {
      rows.push({
        group: name,
        label: f.label,
        value: f.ratio,
        valueText: f.ratio === null ? "n/a" : `${formatRatio(f.ratio)}${f.target !== undefined ? (f.ratio >= f.target ? " ✓" : " ✗") : ""}`,
        title: `${f.label}: ${formatValue(f.value)} ${f.unit} against ${f.against.label}: ${formatValue(f.against.value)} ${f.unit}`,
        ...(f.target !== undefined ? { marks: [{ value: f.target, title: `target ${f.target}` }] } : {}),
      });
    }
  }
  const chart: BarChart = {
    title: "Lattice against its peers and ceilings",
    subtitle: "share of a peer or ceiling measured in the same run: ours ÷ theirs for throughput, theirs ÷ ours for time and bytes",
    axisLabel: "share of the peer or ceiling, logarithmic (1 = as good as it)",
    rows,
    scale: "log",
    reference: { value: 1, label: "peer / ceiling" },
    legend: { bar: "share reached", mark: "target" },
  };
  return { file: "ratios.svg", alt: "Bar chart: each figure's share of its peer or ceiling", svg: barChartSvg(chart) };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

export interface PairLag {
  readonly pair: string;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Raw ws one-way time between the same two processes (RTT / 2), when measured. */
  readonly rawP50?: number;
  readonly rawP99?: number;
}

/** Lag per region pair from a convergence result (`lagMs`, and `transportFloor.pairs` when present). */
export function pairLags(convergence: unknown): PairLag[] {
  if (!isObject(convergence) || !isObject(convergence["lagMs"])) return [];
  const floor = isObject(convergence["transportFloor"]) && isObject(convergence["transportFloor"]["pairs"]) ? convergence["transportFloor"]["pairs"] : {};
  const out: PairLag[] = [];
  for (const [pair, d] of Object.entries(convergence["lagMs"])) {
    if (!isObject(d)) continue;
    const p50 = num(d["p50"]);
    const p99 = num(d["p99"]);
    const max = num(d["max"]);
    if (p50 === undefined || p99 === undefined || max === undefined) continue;
    const raw = floor[pair];
    const oneWay = isObject(raw) && isObject(raw["oneWayMs"]) ? raw["oneWayMs"] : undefined;
    const rawP50 = num(oneWay?.["p50"]);
    const rawP99 = num(oneWay?.["p99"]);
    out.push({ pair, p50, p99, max, ...(rawP50 !== undefined ? { rawP50 } : {}), ...(rawP99 !== undefined ? { rawP99 } : {}) });
  }
  return out.sort((a, b) => a.pair.localeCompare(b.pair));
}

export function convergenceChart(lags: readonly PairLag[]): Chart | null {
  if (lags.length === 0) return null;
  const chart: BarChart = {
    title: "Convergence lag per region pair",
    subtitle: "three replica processes on one machine: time from a write's commit at the origin to its arrival at the receiver",
    axisLabel: "milliseconds",
    rows: lags.map((l) => ({
      label: l.pair.replace(" -> ", " → "),
      value: l.p50,
      back: l.p99,
      valueText: `p50 ${formatValue(l.p50)} · p99 ${formatValue(l.p99)} ms`,
      ...(l.rawP50 !== undefined ? { marks: [{ value: l.rawP50, title: `raw ws one-way p50 ${formatValue(l.rawP50)} ms` }] } : {}),
    })),
    legend: { bar: "p50", back: "p99", mark: "raw ws one-way p50 (same processes)" },
  };
  return { file: "convergence-lag.svg", alt: "Bar chart: convergence lag p50 and p99 per region pair", svg: barChartSvg(chart) };
}
