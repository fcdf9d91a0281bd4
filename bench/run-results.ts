/**
 * The shape of bench/results/latest.json, written by bench/run.ts and read by bench/report.ts
 * (which may run on a file written by an older or newer run, so it checks what it reads).
 */
import type { Machine } from "./machine.js";

/** The 15-minute budget of a full run on 2 cores (issue 6 §5). */
export const RUN_BUDGET_MS = 15 * 60 * 1000;

export interface BenchmarkRun {
  /** Wall time of the benchmark's process, ms (0 when skipped). */
  readonly durationMs: number;
  /**
   * run.ts writes "ok" or "failed". "skipped" (a listed benchmark whose module did not exist yet)
   * is no longer written, but results files of early runs hold it and the report still renders them.
   */
  readonly outcome: "ok" | "failed" | "skipped";
  /** Why it failed or was skipped. */
  readonly detail?: string;
}

export interface RunResults {
  /** When the run ended (ISO). */
  readonly date: string;
  /** Wall time of the whole run (every benchmark, and the report), ms. */
  readonly durationMs: number;
  readonly budgetMs: number;
  /** LATTICE_BENCH_QUICK=1: smoke-sized, not to be quoted. */
  readonly quick: boolean;
  /** How the run was started ("node dist/bench/run.js" or from source). */
  readonly runFrom: "dist" | "source";
  readonly machine: Machine;
  readonly runs: Readonly<Record<string, BenchmarkRun>>;
  /** Each benchmark's JSON result, by name (only the ones that succeeded). */
  readonly benchmarks: Readonly<Record<string, unknown>>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `json` as RunResults, or an error naming the first field that is missing or wrong. */
export function parseRunResults(json: unknown): RunResults {
  if (!isObject(json)) throw new Error("results: not a JSON object");
  const need = (k: string, ok: (v: unknown) => boolean, what: string): void => {
    if (!ok(json[k])) throw new Error(`results: ${k} is not ${what} (written by an older bench/run.ts? run the benchmarks again)`);
  };
  need("date", (v) => typeof v === "string", "a date string");
  need("durationMs", (v) => typeof v === "number", "a number");
  need("budgetMs", (v) => typeof v === "number", "a number");
  need("quick", (v) => typeof v === "boolean", "a boolean");
  need("runFrom", (v) => v === "dist" || v === "source", '"dist" or "source"');
  need("machine", (v) => isObject(v) && typeof v["cpu"] === "string" && typeof v["cores"] === "number" && Array.isArray(v["loadAverageAtStart"]), "a machine description");
  need("runs", isObject, "an object");
  need("benchmarks", isObject, "an object");
  for (const [name, run] of Object.entries(json["runs"] as Record<string, unknown>)) {
    if (!isObject(run) || typeof run["durationMs"] !== "number" || !["ok", "failed", "skipped"].includes(run["outcome"] as string)) {
      throw new Error(`results: runs.${name} is not {durationMs, outcome}`);
    }
  }
  return json as unknown as RunResults;
}
