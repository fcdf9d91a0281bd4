/**
 * Timing helpers shared by the benchmarks. A benchmark module builds one JSON-serialisable result
 * object and hands it to `printJson`, which is the only thing allowed on stdout (bench/run.ts
 * parses it); progress goes to stderr through `progress`.
 *
 * Clocks: `process.hrtime.bigint()` (monotonic, ns) times the measured code; `performance.now()`
 * is used for coarse wall-clock spans such as a benchmark's total duration.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";

/**
 * LATTICE_BENCH_QUICK=1 shrinks every benchmark to a smoke run of seconds (fewer iterations,
 * shorter windows, smaller stores): for developing benchmarks and the report on a busy machine.
 * Its figures show that everything runs, and are not to be quoted.
 */
export const QUICK = process.env["LATTICE_BENCH_QUICK"] === "1";

/** `full`, or `quick` under LATTICE_BENCH_QUICK=1. */
export function sized<T>(full: T, quick: T): T {
  return QUICK ? quick : full;
}

export interface MeasureOptions {
  /** Timed calls, split evenly over `batches`; fixed per benchmark so runs stay comparable. */
  iterations: number;
  /** Untimed calls before the timed ones (JIT warm-up). Default: iterations / 10. */
  warmup?: number;
  /** Timed batches; the median is taken over their per-op times. Default 10. */
  batches?: number;
}

export interface MeasureResult {
  name: string;
  iterations: number;
  batches: number;
  totalMs: number;
  /** iterations / total timed duration. */
  opsPerSec: number;
  /** Median over batches of the batch's mean time per call. */
  medianNsPerOp: number;
  minNsPerOp: number;
  maxNsPerOp: number;
}

export interface RepeatOptions<T> {
  runs: number;
  /** Untimed runs first (they also call setup). Default 1. */
  warmup?: number;
  /** Builds the input of one run outside the timed region. */
  setup?: (run: number) => T;
}

export interface RepeatResult {
  name: string;
  runs: number;
  medianNs: number;
  minNs: number;
  maxNs: number;
}

/** Median of a non-empty list (mean of the middle two for an even length). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of an empty list");
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Rounds to `digits` decimals, for stable and readable JSON. */
export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Nanoseconds taken by one call of `fn`. */
export function timeNs(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0);
}

/** Runs a full GC when node was started with --expose-gc (bench/run.ts does), so one measurement's garbage is not billed to the next. */
export function settle(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/**
 * Throughput of `fn`: `warmup` untimed calls, then `iterations` timed calls in `batches`. `fn`
 * receives a running call index (warm-up calls included) so stateful workloads can continue
 * where the warm-up left off.
 */
export function measure(name: string, fn: (i: number) => void, opts: MeasureOptions): MeasureResult {
  const batches = Math.max(1, opts.batches ?? 10);
  const perBatch = Math.max(1, Math.floor(opts.iterations / batches));
  const iterations = perBatch * batches;
  const warmup = opts.warmup ?? Math.floor(iterations / 10);
  let i = 0;
  for (; i < warmup; i++) fn(i);
  settle();
  const perOp: number[] = [];
  let total = 0n;
  for (let b = 0; b < batches; b++) {
    const end = i + perBatch;
    const t0 = process.hrtime.bigint();
    for (; i < end; i++) fn(i);
    const dt = process.hrtime.bigint() - t0;
    total += dt;
    perOp.push(Number(dt) / perBatch);
  }
  const totalNs = Number(total);
  return {
    name,
    iterations,
    batches,
    totalMs: round(totalNs / 1e6),
    opsPerSec: Math.round((iterations * 1e9) / totalNs),
    medianNsPerOp: round(median(perOp), 1),
    minNsPerOp: round(Math.min(...perOp), 1),
    maxNsPerOp: round(Math.max(...perOp), 1),
  };
}

/**
 * Times `fn` once per run (after `warmup` untimed runs); `setup` prepares each run's input
 * outside the timed region. For operations too slow or too stateful to batch.
 */
export function repeat<T = undefined>(name: string, fn: (input: T, run: number) => void, opts: RepeatOptions<T>): RepeatResult {
  const warmup = opts.warmup ?? 1;
  const times: number[] = [];
  for (let run = 0; run < warmup + opts.runs; run++) {
    const input = opts.setup ? opts.setup(run) : (undefined as T);
    const ns = timeNs(() => fn(input, run));
    if (run >= warmup) times.push(ns);
  }
  return {
    name,
    runs: opts.runs,
    medianNs: round(median(times), 0),
    minNs: Math.min(...times),
    maxNs: Math.max(...times),
  };
}

export const nsToUs = (ns: number): number => round(ns / 1e3, 3);
export const nsToMs = (ns: number): number => round(ns / 1e6, 3);

export interface Environment {
  node: string;
  v8: string;
  platform: string;
  arch: string;
  cpu: string;
  cores: number;
  availableParallelism: number;
  totalMemGiB: number;
  date: string;
  /** BENCH_MACHINE if set (e.g. "ci runner" or "dev laptop"), else a description built from os. */
  machine: string;
  gcExposed: boolean;
}

/** Where the numbers came from: recorded with every result so results files can be compared. */
export function environment(): Environment {
  const cpus = os.cpus();
  const cpu = cpus[0]?.model.trim() ?? "unknown";
  const totalMemGiB = round(os.totalmem() / 2 ** 30, 1);
  const auto = `${os.type()} ${os.release()} ${os.arch()}, ${cpus.length} x ${cpu}, ${totalMemGiB} GiB RAM`;
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: process.platform,
    arch: process.arch,
    cpu,
    cores: cpus.length,
    availableParallelism: os.availableParallelism(),
    totalMemGiB,
    date: new Date().toISOString(),
    machine: process.env["BENCH_MACHINE"]?.trim() || auto,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === "function",
  };
}

/** Now in µs of CLOCK_MONOTONIC: the clock of V8 CPU profiles, the same in every process here. */
export const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

/** A stopwatch on performance.now(), for whole-benchmark durations. */
export function stopwatch(): () => number {
  const t0 = performance.now();
  return () => round(performance.now() - t0, 1);
}

/** A progress line on stderr (stdout is reserved for the JSON result). */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Formats a result the way results files are stored: 2-space indentation, trailing newline. */
export function formatJson(result: unknown): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/**
 * Runs a benchmark's `main`. A failure goes to stderr with its stack and ends the process at once
 * with exit code 1 (bench/run.ts records the benchmark as failed): whatever the failed run left
 * open (a store, a socket, a timer) must not keep it alive, and the children forked through
 * ./support/child.ts are killed on the way out.
 */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}

/** Writes the benchmark's result to stdout: the one thing a benchmark prints there. */
export function printJson(result: unknown): void {
  process.stdout.write(formatJson(result));
}
