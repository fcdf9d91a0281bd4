import type { ReplicaId } from "./replica-id.js";

/** A unique event: the `counter`-th dot minted by `replica` for one entity. Counters start at 1. */
export interface Dot {
  readonly replica: ReplicaId;
  readonly counter: number;
}

export function dot(replica: ReplicaId, counter: number): Dot {
  return Object.freeze({ replica, counter });
}

/** Map key of a dot. Replica ids never contain ':' (see replica-id.ts), so keys are unambiguous. */
export function dotKey(d: Dot): string {
  return `${d.replica}:${d.counter}`;
}

export function compareDots(a: Dot, b: Dot): number {
  if (a.replica !== b.replica) return a.replica < b.replica ? -1 : 1;
  return a.counter - b.counter;
}
