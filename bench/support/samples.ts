/**
 * Latency samples for the client-API benchmarks: a growable, capped Float64Array (millions of
 * samples without millions of boxed numbers), and its percentiles.
 */
import { round } from "../harness.js";
import type { Distribution } from "./stats.js";

/** Growable list of doubles, capped (a run at 300k/s for 15 s stays well under the cap). */
export class Samples {
  private data = new Float64Array(1 << 20);
  length = 0;
  constructor(private readonly cap = 1 << 25) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      if (this.length >= this.cap) return;
      const next = new Float64Array(Math.min(this.cap, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** Count, p50/p90/p99, max and mean of `samples` (sorted in place), rounded to `digits` decimals. */
export function sampleDistribution(samples: Samples, digits = 3): Distribution {
  const s = samples.values().sort();
  let sum = 0;
  for (const v of s) sum += v;
  // Nearest rank, as stats.ts percentile().
  const p = (q: number): number => round(s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? 0, digits);
  return {
    count: s.length,
    p50: p(0.5),
    p90: p(0.9),
    p99: p(0.99),
    max: round(s[s.length - 1] ?? 0, digits),
    mean: round(s.length ? sum / s.length : 0, digits),
  };
}
