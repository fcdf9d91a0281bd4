import { randomBytes } from "node:crypto";

/**
 * Everything nondeterministic a replica touches, injected so that a seeded simulation can run the
 * real replica code in virtual time (FoundationDB / TigerBeetle VOPR style). Production code in
 * replica/ never calls Date.now, Math.random, setTimeout or crypto.randomBytes directly.
 */
export interface Clock {
  /** Wall-clock time in Unix milliseconds (register clocks, origin commit times, lag). */
  now(): number;
  /** Monotonic milliseconds for measuring intervals (failure detection, latency). */
  monotonic(): number;
}

export interface TimerHandle {
  cancel(): void;
}

export interface Timers {
  /** Runs `fn` after `ms` milliseconds unless cancelled. */
  after(ms: number, fn: () => void): TimerHandle;
  /** Runs `fn` once the current turn of the event loop is done (group commit). */
  defer(fn: () => void): void;
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Fresh random bytes: handshake nonces, replica ids. */
  bytes(n: number): Uint8Array;
}

export interface Env {
  readonly clock: Clock;
  readonly timers: Timers;
  readonly random: Random;
}

/** The real world: wall clock, Node timers, cryptographic randomness. */
export function realEnv(): Env {
  return {
    clock: { now: () => Date.now(), monotonic: () => performance.now() },
    timers: {
      after(ms, fn) {
        const t = setTimeout(fn, ms);
        return { cancel: () => clearTimeout(t) };
      },
      defer(fn) {
        setImmediate(fn);
      },
    },
    random: {
      next: () => Math.random(),
      bytes: (n) => new Uint8Array(randomBytes(n)),
    },
  };
}
