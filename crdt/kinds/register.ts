import { dotFunKind } from "../dot-fun.js";
import type { StoreKind } from "./kind.js";
import type { RegisterEntry, RegisterStore } from "./stores.js";

/**
 * Last-writer-wins order: the higher clock wins; on equal clocks the lower replica id wins (as in
 * Cloudstate, whose proxy preferred the lowest node address); between two writes of one replica
 * with equal clocks, the later dot wins. Negative when `a` wins over `b`.
 */
export function compareWrites(a: RegisterEntry, b: RegisterEntry): number {
  if (a.clock !== b.clock) return b.clock - a.clock;
  if (a.writer !== b.writer) return a.writer < b.writer ? -1 : 1;
  return b.dot.counter - a.dot.counter;
}

export function winner(s: RegisterStore): RegisterEntry | undefined {
  let best: RegisterEntry | undefined;
  for (const e of s.values()) if (!best || compareWrites(e, best) < 0) best = e;
  return best;
}

/**
 * A register whose writes are dots: a write removes the writes it beats, so the store holds the
 * winner plus, at most, concurrent writes; an ormap key removal removes what it observed.
 */
export const registerKind: StoreKind<RegisterStore> = dotFunKind((s) => winner(s)?.value ?? null);
