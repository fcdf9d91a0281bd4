/**
 * Reconnect delays: exponential backoff with jitter. When a replica restarts, every client it
 * had comes back at once; the random part spreads them out, the exponential part stops a client
 * from hammering a replica that stays away.
 *
 * @example
 * const o = reconnectOptions({ initialDelayMs: 100 });
 * backoffDelay(0, o); // 50..100 ms
 * backoffDelay(3, o); // 400..800 ms
 */
import { MAX_TIMER_MS, numberIn } from "./check.js";

export interface ReconnectOptions {
  /** Delay before the first retry. Default 250 ms: most drops are a blip or a replica restart, worth retrying soon. */
  readonly initialDelayMs?: number;
  /** Cap on the delay. Default 10 000 ms: a client notices a replica that came back within about 10 s. */
  readonly maxDelayMs?: number;
  /** Growth per failed attempt. Default 2: the usual doubling. */
  readonly factor?: number;
  /** Fraction of each delay that is random, 0 to 1. Default 0.5: spreads a reconnect storm over half the window while keeping a floor. */
  readonly jitter?: number;
  /** Consecutive failed attempts before giving up (state `closed`, error `disconnected`). Default Infinity: a page should come back whenever the replica does. */
  readonly maxAttempts?: number;
  /** A connection that stayed open this long was healthy, so the next drop starts the backoff over. Default 5 000 ms: a replica that accepts and drops at once is not hammered. */
  readonly resetAfterMs?: number;
}

export type ResolvedReconnect = Required<ReconnectOptions>;

export const DEFAULT_RECONNECT: ResolvedReconnect = Object.freeze({
  initialDelayMs: 250,
  maxDelayMs: 10_000,
  factor: 2,
  jitter: 0.5,
  maxAttempts: Number.POSITIVE_INFINITY,
  resetAfterMs: 5_000,
});

function check(name: string, value: number, min: number, max = Number.POSITIVE_INFINITY): void {
  numberIn(`reconnect.${name}`, value, min, max);
}

/** Fills in the defaults and checks the values; `false` means never reconnect. */
export function reconnectOptions(opts?: ReconnectOptions | false): ResolvedReconnect {
  if (opts === false) return { ...DEFAULT_RECONNECT, maxAttempts: 0 };
  const o: ResolvedReconnect = { ...DEFAULT_RECONNECT, ...stripUndefined(opts ?? {}) };
  check("initialDelayMs", o.initialDelayMs, 0, MAX_TIMER_MS);
  check("maxDelayMs", o.maxDelayMs, o.initialDelayMs, MAX_TIMER_MS);
  check("factor", o.factor, 1);
  check("jitter", o.jitter, 0, 1);
  check("maxAttempts", o.maxAttempts, 0);
  check("resetAfterMs", o.resetAfterMs, 0);
  return o;
}

function stripUndefined(o: ReconnectOptions): ReconnectOptions {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/**
 * The delay before retry number `attempt` (0 for the first retry): `initialDelayMs × factor^attempt`
 * capped at `maxDelayMs`, of which the fraction `jitter` is random. `random` returns [0, 1).
 */
export function backoffDelay(attempt: number, o: ResolvedReconnect, random: () => number = Math.random): number {
  const base = Math.min(o.maxDelayMs, o.initialDelayMs * o.factor ** attempt);
  return base * (1 - o.jitter * random());
}
