import type { Causal } from "../causal.js";
import { delta } from "../causal.js";
import type { Dot } from "../dot.js";
import { dotKey } from "../dot.js";
import { CrdtError, checkSafeInteger } from "../errors.js";
import { counterValue, totalsByReplica } from "../kinds/counter.js";
import type { CountEntry, CounterStore } from "../kinds/stores.js";
import type { ReplicaId } from "../replica-id.js";

/**
 * Adds `amount` (negative to subtract; gcounter allows only amount >= 0) on behalf of `replica`.
 * The delta holds the replica's new running totals and covers its previous entry and any floors
 * capping it, which the new entry's base absorbs. Returns null for amount 0 (nothing changes).
 */
export function addToCounter(
  s: Causal<CounterStore>,
  replica: ReplicaId,
  amount: number,
  grow: "gcounter" | "pncounter",
): Causal<CounterStore> | null {
  checkSafeInteger(amount, "amount");
  if (grow === "gcounter" && amount < 0) throw new CrdtError("invalid_value", "a gcounter cannot be decremented");
  if (amount === 0) return null;
  checkSafeInteger(counterValue(s.store) + amount, "counter value");

  const mine = totalsByReplica(s.store).get(replica) ?? { floorP: 0, floorN: 0 };
  const covered: Dot[] = [];
  for (const e of s.store.values()) {
    if ((e.floor && e.target === replica) || (!e.floor && e.dot.replica === replica)) covered.push(e.dot);
  }
  const prev = mine.latest;
  // Without a live entry the replica restarts from the totals the last removal observed.
  const p = prev ? prev.p : mine.floorP;
  const n = prev ? prev.n : mine.floorN;
  const entry: CountEntry = Object.freeze({
    dot: s.ctx.next(replica),
    floor: false,
    p: amount > 0 ? p + amount : p,
    n: amount < 0 ? n - amount : n,
    baseP: Math.max(prev?.baseP ?? 0, mine.floorP),
    baseN: Math.max(prev?.baseN ?? 0, mine.floorN),
  });
  checkSafeInteger(entry.p, "increment total");
  checkSafeInteger(entry.n, "decrement total");
  const store: CounterStore = new Map([[dotKey(entry.dot), entry]]);
  return delta(store, [...covered, entry.dot]);
}

