/**
 * The figures of the benchmark report: a benchmark adds a `figures` array of {@link Figure} to
 * the one JSON object it prints, and bench/report.ts shows every figure of every benchmark in
 * docs/benchmarks.md and its chart, without knowing the benchmark. A figure is one measured
 * number beside a peer (another system doing the same job, e.g. bare fastify) or a ceiling (the
 * same job without what Lattice adds, e.g. raw `level` batch writes), measured in the same run,
 * so the ratio means something on any machine even when the absolute numbers do not.
 */

export type Better = "higher" | "lower";

export interface Against {
  /** What the figure is compared with, in words ("bare fastify POST echo, own process"). */
  readonly label: string;
  /** "peer": another system doing the same job; "ceiling": the same job without Lattice's work. */
  readonly kind: "peer" | "ceiling";
  /** In the figure's unit. */
  readonly value: number;
}

export interface Figure {
  /** Unique within its benchmark, stable across runs ("commands-spread-fsync-off"). */
  readonly id: string;
  /** What was measured, in words ("commands/s, 10,000 entities, fsync off"). */
  readonly label: string;
  readonly value: number;
  /** Unit of value and against.value ("commands/s", "ms", "bytes"). */
  readonly unit: string;
  /** Whether more (throughput) or less (latency, bytes, time) is better. */
  readonly better: Better;
  readonly against: Against;
  /**
   * Share of the peer or ceiling reached: value / against when higher is better, against / value
   * when lower is better; 1 = as good as it, above 1 = better. Null when either side is not a
   * positive number (nothing measured).
   */
  readonly ratio: number | null;
  /** The ratio the project aims for (the figure passes when ratio ≥ target), if there is one. */
  readonly target?: number;
  /** One sentence a reader needs to interpret the figure, if any. */
  readonly note?: string;
}

export type FigureInput = Omit<Figure, "ratio">;

/** Share of `against` that `value` reaches (see {@link Figure.ratio}), rounded to 4 significant digits. */
export function shareOf(value: number, against: number, better: Better): number | null {
  if (!(value > 0) || !(against > 0) || !Number.isFinite(value) || !Number.isFinite(against)) return null;
  const r = better === "higher" ? value / against : against / value;
  return Number(r.toPrecision(4));
}

/** A figure with its ratio computed. */
export function figure(input: FigureInput): Figure {
  return { ...input, ratio: shareOf(input.value, input.against.value, input.better) };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.length > 0;

/**
 * Why `v` is not a figure, or null if it is one. The report reads figures from a JSON file
 * another program wrote; a malformed entry is reported and skipped, not rendered half.
 */
export function figureProblem(v: unknown): string | null {
  if (!isObject(v)) return "not an object";
  for (const k of ["id", "label", "unit"] as const) if (!isText(v[k])) return `${k} is not a non-empty string`;
  if (!isNumber(v["value"])) return "value is not a finite number";
  if (v["better"] !== "higher" && v["better"] !== "lower") return 'better is neither "higher" nor "lower"';
  const a = v["against"];
  if (!isObject(a) || !isText(a["label"]) || !isNumber(a["value"]) || (a["kind"] !== "peer" && a["kind"] !== "ceiling")) {
    return "against is not {label, kind: peer|ceiling, value}";
  }
  if (v["ratio"] !== null && !isNumber(v["ratio"])) return "ratio is neither a number nor null";
  if (v["target"] !== undefined && !isNumber(v["target"])) return "target is not a number";
  if (v["note"] !== undefined && typeof v["note"] !== "string") return "note is not a string";
  return null;
}

/** The valid figures of one benchmark's result, and a problem line for each invalid one. */
export function readFigures(result: unknown): { figures: Figure[]; problems: string[] } {
  const raw = isObject(result) ? result["figures"] : undefined;
  if (raw === undefined) return { figures: [], problems: [] };
  if (!Array.isArray(raw)) return { figures: [], problems: ["figures is not an array"] };
  const figures: Figure[] = [];
  const problems: string[] = [];
  raw.forEach((f: unknown, i) => {
    const p = figureProblem(f);
    if (p === null) figures.push(f as Figure);
    else problems.push(`figure ${i}${isObject(f) && isText(f["id"]) ? ` (${f["id"]})` : ""}: ${p}`);
  });
  return { figures, problems };
}
