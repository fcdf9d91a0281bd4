/**
 * A seeded, virtual-time {@link Env} for deterministic simulation (FoundationDB / TigerBeetle
 * VOPR style): one priority queue of timers ordered by (virtual time, insertion sequence), a
 * hand-written PRNG, and a wall clock that only moves when the simulator advances it.
 *
 * Between two timer callbacks the simulator lets pending promise chains settle by yielding to the
 * event loop once (`setImmediate`): Node drains the whole microtask queue (promise reactions and
 * `process.nextTick`) before it runs an immediate, so every chain started by the callback runs to
 * its next `await` on a timer — of which there are none but ours, since all replica code takes
 * time and chance from the injected Env and the in-memory store settles its promises at once.
 * No real time is ever read, so a run depends on the seed alone.
 *
 * ```ts
 * const world = VirtualEnv.create(42);
 * const a = world.child("a", { clockOffsetMs: 150 });   // a process with its own RNG stream
 * a.timers.after(100, () => console.log("tick", a.clock.now()));
 * await world.runFor(1000);
 * a.kill();                                              // its pending timers never fire
 * ```
 *
 * @module
 */
import type { Clock, Env, Random, TimerHandle, Timers } from "../env.js";

/** 2023-11-14T22:13:20Z: every virtual wall clock starts here (plus its node's offset). */
export const DEFAULT_EPOCH_MS = 1_700_000_000_000;

// -------------------------------------------------------------------------------------------
// PRNG

/** splitmix32 step: spreads a 32-bit seed over the state of the main generator. */
function splitmix32(x: number): [number, number] {
  const next = (x + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next, z >>> 0];
}

/** FNV-1a of a label, to derive independent streams by name. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, as in PractRand): 128 bits of
 * state, period at least 2^32, passes BigCrush. Not cryptographic; it need not be.
 */
export class Prng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  /** `seed` may be any finite number; both 32-bit halves of a safe integer are used. */
  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`a seed must be a finite number, got ${seed}`);
    const lo = seed >>> 0;
    const hi = Math.floor(Math.abs(seed) / 2 ** 32) >>> 0;
    let s = lo ^ Math.imul(hi, 0x9e3779b1) ^ (seed < 0 ? 0x5bd1e995 : 0);
    let out: number;
    [s, out] = splitmix32(s);
    this.a = out;
    [s, out] = splitmix32(s);
    this.b = out;
    [s, out] = splitmix32(s);
    this.c = out;
    [s, out] = splitmix32(s ^ hi);
    this.d = out;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 0x1_0000_0000;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi] (both inclusive). */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[this.int(items.length)] as T;
  }

  /** Picks a key of `weights` with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((n, [, w]) => n + Math.max(0, w), 0);
    let r = this.next() * total;
    for (const [k, w] of entries) {
      r -= Math.max(0, w);
      if (r < 0) return k;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new RangeError("weighted pick from no choices");
    return last[0];
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      let x = this.u32();
      for (let j = i; j < Math.min(n, i + 4); j++) {
        out[j] = x & 0xff;
        x >>>= 8;
      }
    }
    return out;
  }

  /** An independent generator named `label`, derived from this one's next output. */
  fork(label: string): Prng {
    return new Prng((this.u32() ^ hashLabel(label)) + 0x1_0000_0000 * (this.u32() & 0x1fffff));
  }
}

// -------------------------------------------------------------------------------------------
// Scheduler

interface TimerEntry {
  readonly time: number;
  readonly seq: number;
  readonly fn: () => void;
  readonly owner: VirtualEnv | undefined;
  cancelled: boolean;
}

function before(x: TimerEntry, y: TimerEntry): boolean {
  return x.time < y.time || (x.time === y.time && x.seq < y.seq);
}

/** What a timer callback threw: in a real process it would have been an uncaught exception. */
export interface TimerFault {
  readonly atMs: number;
  readonly owner: string;
  readonly error: unknown;
}

/**
 * The virtual event loop shared by every process of a simulation: a binary min-heap of timers.
 * Cancelled timers stay in the heap until they reach the top (lazy deletion).
 */
export class VirtualScheduler {
  private readonly heap: TimerEntry[] = [];
  private seq = 0;
  private live = 0;
  private nowMs = 0;
  /** Timer callbacks run so far. */
  eventsRun = 0;
  /** Exceptions thrown by timer callbacks; the simulation reports them as failures. */
  readonly faults: TimerFault[] = [];

  /** Virtual milliseconds since the start of the simulation (fractional: link delays are). */
  get now(): number {
    return this.nowMs;
  }

  /** Timers scheduled and neither run nor cancelled. */
  get pending(): number {
    return this.live;
  }

  schedule(delayMs: number, fn: () => void, owner?: VirtualEnv): TimerEntry {
    const delay = Number.isFinite(delayMs) && delayMs > 0 ? delayMs : 0;
    const entry: TimerEntry = { time: this.nowMs + delay, seq: this.seq++, fn, owner, cancelled: false };
    this.push(entry);
    this.live++;
    return entry;
  }

  cancel(entry: TimerEntry): void {
    if (entry.cancelled) return;
    entry.cancelled = true;
    this.live--;
  }

  /** Virtual time of the next live timer, or undefined when none is pending. */
  nextTime(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.time;
  }

  /**
   * Runs the next timer (advancing virtual time to it), then lets the promise chains it started
   * settle. Returns false when no timer was pending.
   */
  async step(): Promise<boolean> {
    // Promise chains the caller started since the last timer (the simulation driver's commands)
    // run first, as they would in a real process before the next timer fires.
    await settle();
    return this.runNext();
  }

  private async runNext(): Promise<boolean> {
    this.dropCancelled();
    const entry = this.pop();
    if (!entry) return false;
    entry.cancelled = true;
    this.live--;
    this.nowMs = entry.time;
    entry.owner?.forget(entry);
    this.eventsRun++;
    try {
      entry.fn();
    } catch (error) {
      this.faults.push({ atMs: this.nowMs, owner: entry.owner?.name ?? "?", error });
    }
    await settle();
    return true;
  }

  /** Runs every timer due within `ms` virtual milliseconds, then sets the clock to the end. */
  async runFor(ms: number): Promise<void> {
    const end = this.nowMs + Math.max(0, ms);
    await settle();
    for (;;) {
      const t = this.nextTime();
      if (t === undefined || t > end) break;
      await this.runNext();
    }
    this.nowMs = end;
    await settle();
  }

  /**
   * Runs timers until `done()` holds (checked after each one) or `maxMs` virtual milliseconds
   * passed; returns whether `done()` held.
   */
  async runUntil(done: () => boolean, maxMs: number): Promise<boolean> {
    const end = this.nowMs + Math.max(0, maxMs);
    await settle();
    while (!done()) {
      const t = this.nextTime();
      if (t === undefined || t > end) {
        if (t !== undefined) this.nowMs = end;
        return done();
      }
      await this.runNext();
    }
    return true;
  }

  /** Runs until no timer is pending (true) or `maxMs` virtual milliseconds passed (false). */
  async runUntilIdle(maxMs = 600_000): Promise<boolean> {
    return this.runUntil(() => this.live === 0, maxMs);
  }

  private dropCancelled(): void {
    while (this.heap[0]?.cancelled === true) this.pop();
  }

  private push(e: TimerEntry): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p] as TimerEntry;
      if (!before(e, parent)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = e;
  }

  private pop(): TimerEntry | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const child = r < h.length && before(h[r] as TimerEntry, h[l] as TimerEntry) ? r : l;
      const c = h[child] as TimerEntry;
      if (!before(c, last)) break;
      h[i] = c;
      i = child;
    }
    h[i] = last;
    return top;
  }
}

/**
 * Lets every promise chain that is ready run: Node drains the microtask queue completely before
 * it runs an immediate. Only our own code is pending there, so this is deterministic.
 */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

// -------------------------------------------------------------------------------------------
// Env

export interface VirtualEnvOptions {
  /** Wall-clock milliseconds at virtual time 0, before the offset. Default {@link DEFAULT_EPOCH_MS}. */
  readonly epochMs?: number;
  /** This process's wall-clock error (skew), in milliseconds. Default 0. */
  readonly clockOffsetMs?: number;
  /** For fault reports and traces. */
  readonly name?: string;
}

/**
 * An {@link Env} on a {@link VirtualScheduler}. The root (from {@link VirtualEnv.create}) owns the
 * scheduler and the seed; {@link child} gives each simulated process its own env with its own RNG
 * stream and clock offset, whose timers can all be cancelled at once by {@link kill} (SIGKILL:
 * the process's pending callbacks never run, and it schedules nothing more).
 */
export class VirtualEnv implements Env {
  readonly clock: Clock;
  readonly timers: Timers;
  readonly random: Random;
  readonly name: string;
  private alive = true;
  private readonly owned = new Set<TimerEntry>();
  private readonly epochMs: number;
  private clockOffsetMs: number;

  private constructor(
    readonly scheduler: VirtualScheduler,
    readonly rng: Prng,
    opts: VirtualEnvOptions,
  ) {
    this.name = opts.name ?? "root";
    this.epochMs = opts.epochMs ?? DEFAULT_EPOCH_MS;
    this.clockOffsetMs = opts.clockOffsetMs ?? 0;
    this.clock = {
      // Wall clocks tick in whole milliseconds, like Date.now() (register clocks require integers).
      now: () => Math.floor(this.epochMs + this.scheduler.now + this.clockOffsetMs),
      monotonic: () => this.scheduler.now,
    };
    this.timers = {
      after: (ms, fn) => this.after(ms, fn),
      defer: (fn) => {
        this.after(0, fn);
      },
    };
    this.random = {
      next: () => this.rng.next(),
      bytes: (n) => this.rng.bytes(n),
    };
  }

  /** A new simulation world: a fresh scheduler at virtual time 0 and a PRNG seeded with `seed`. */
  static create(seed: number, opts: VirtualEnvOptions = {}): VirtualEnv {
    return new VirtualEnv(new VirtualScheduler(), new Prng(seed), opts);
  }

  /** A process on the same scheduler, with an RNG stream forked from this one's. */
  child(name: string, opts: Omit<VirtualEnvOptions, "name"> = {}): VirtualEnv {
    return new VirtualEnv(this.scheduler, this.rng.fork(name), { epochMs: this.epochMs, ...opts, name });
  }

  get isAlive(): boolean {
    return this.alive;
  }

  /** Virtual milliseconds since the start of the simulation. */
  get now(): number {
    return this.scheduler.now;
  }

  /** Steps this process's wall clock (an NTP correction); monotonic time is unaffected. */
  adjustClock(deltaMs: number): void {
    this.clockOffsetMs += deltaMs;
  }

  /** Cancels every pending timer of this process and ignores the ones it asks for later. */
  kill(): void {
    this.alive = false;
    for (const e of this.owned) this.scheduler.cancel(e);
    this.owned.clear();
  }

  /** Called by the scheduler when one of this env's timers runs. */
  forget(entry: TimerEntry): void {
    this.owned.delete(entry);
  }

  private after(ms: number, fn: () => void): TimerHandle {
    if (!this.alive) return { cancel() {} };
    const entry = this.scheduler.schedule(ms, fn, this);
    this.owned.add(entry);
    return {
      cancel: () => {
        this.scheduler.cancel(entry);
        this.owned.delete(entry);
      },
    };
  }

  step(): Promise<boolean> {
    return this.scheduler.step();
  }

  runFor(ms: number): Promise<void> {
    return this.scheduler.runFor(ms);
  }

  runUntil(done: () => boolean, maxMs: number): Promise<boolean> {
    return this.scheduler.runUntil(done, maxMs);
  }

  runUntilIdle(maxMs?: number): Promise<boolean> {
    return this.scheduler.runUntilIdle(maxMs);
  }
}
