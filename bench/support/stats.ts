/**
 * Small helpers shared by the replica benchmarks (convergence, anti-entropy, store, memory):
 * percentiles, a seeded random source, memory snapshots, temporary directories and the CRDT
 * commands they write. Timing helpers live in ../harness.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CausalState, CrdtState, ReplicaId } from "../../crdt/index.js";
import { addToCounter, addToSet, cloneState, counterValue, mergeInto } from "../../crdt/index.js";
import type { Entity } from "../../replica/entity.js";
import type { Change } from "../../replica/replica.js";
import { round, settle } from "../harness.js";

export interface Distribution {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending list (q in [0, 1]). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Count, p50/p90/p99, max and mean of `values` (rounded to `digits` decimals). */
export function distribution(values: readonly number[], digits = 2): Distribution {
  const s = [...values].sort((a, b) => a - b);
  const sum = s.reduce((a, b) => a + b, 0);
  return {
    count: s.length,
    p50: round(percentile(s, 0.5), digits),
    p90: round(percentile(s, 0.9), digits),
    p99: round(percentile(s, 0.99), digits),
    max: round(s.length ? (s[s.length - 1] as number) : 0, digits),
    mean: round(s.length ? sum / s.length : 0, digits),
  };
}

/** mulberry32: a tiny seeded PRNG so that key choices are the same every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct integers in [0, n), chosen by `random` (partial Fisher–Yates over a sparse map). */
export function sampleDistinct(n: number, count: number, random: () => number): number[] {
  if (count > n) throw new Error(`cannot pick ${count} of ${n}`);
  const swapped = new Map<number, number>();
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    const vj = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    out.push(vj);
  }
  return out;
}

/** The value of a pncounter entity's state (NaN for anything else). */
export function counterOf(state: CrdtState | undefined): number {
  return state?.type === "pncounter" ? counterValue((state as CausalState<"pncounter">).store) : NaN;
}

export const MIB = 2 ** 20;
export const toMiB = (bytes: number): number => round(bytes / MIB, 1);

export interface MemorySnapshot {
  rssMiB: number;
  heapUsedMiB: number;
  externalMiB: number;
  arrayBuffersMiB: number;
}

/** process.memoryUsage() in MiB, after a full GC when --expose-gc is on. */
export function memorySnapshot(gc = true): MemorySnapshot {
  if (gc) settle();
  const m = process.memoryUsage();
  return { rssMiB: toMiB(m.rss), heapUsedMiB: toMiB(m.heapUsed), externalMiB: toMiB(m.external), arrayBuffersMiB: toMiB(m.arrayBuffers) };
}

/** Tracks the largest RSS seen by sampling it every `everyMs` until stopped. */
export function rssPeak(everyMs = 50): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      return toMiB(Math.max(peak, process.memoryUsage().rss));
    },
  };
}

/** A fresh directory under the OS temp dir; `remove` deletes it and everything in it. */
export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `lattice-bench-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The command `increment by amount` on a pncounter entity, as a replica.update producer. */
export function increment(replica: ReplicaId, amount = 1): (e: Entity) => Change | null {
  return (e) => {
    if (e.state.type !== "pncounter") throw new Error(`expected a pncounter, found ${e.state.type}`);
    const d = addToCounter(e.state as CausalState<"pncounter">, replica, amount, "pncounter");
    return d && { kind: "causal", delta: { type: "pncounter", store: d.store, ctx: d.ctx } };
  };
}

/** The command `add every value` on an orset entity, in one change (the joined deltas). */
export function addMembers(replica: ReplicaId, values: readonly unknown[]): (e: Entity) => Change | null {
  return (e) => {
    if (e.state.type !== "orset") throw new Error(`expected an orset, found ${e.state.type}`);
    const next = cloneState(e.state as CausalState<"orset">);
    let changed = false;
    for (const v of values) {
      const d = addToSet(next, replica, v);
      if (!d) continue;
      const ds: CausalState<"orset"> = { type: "orset", store: d.store, ctx: d.ctx };
      mergeInto(next, ds);
      changed = true;
    }
    // The new state is a valid delta of itself: joining it is idempotent with what is there.
    return changed ? { kind: "causal", delta: next } : null;
  };
}

/**
 * Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; resolves when all are
 * done (rejects on the first failure). `onProgress` is called every `progressEvery` completions.
 */
export async function runConcurrently(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<unknown>,
  onProgress?: (done: number) => void,
  progressEvery = 100_000,
): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      await task(i);
      done++;
      if (onProgress && done % progressEvery === 0) onProgress(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
