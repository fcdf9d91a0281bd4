import type { CausalContext } from "../causal-context.js";
import { anyEntryIn, mergeDotFun } from "../dot-fun.js";
import type { Dot } from "../dot.js";
import { dotKey } from "../dot.js";
import { compareText } from "../json.js";
import type { ReplicaId } from "../replica-id.js";
import type { Mint, StoreKind } from "./kind.js";
import type { CountEntry, CounterStore, FloorEntry } from "./stores.js";

/** Per replica: its latest running totals and the highest floors capping them. */
export interface ReplicaTotals {
  latest?: CountEntry;
  floorP: number;
  floorN: number;
}

export function totalsByReplica(s: CounterStore): Map<ReplicaId, ReplicaTotals> {
  const out = new Map<ReplicaId, ReplicaTotals>();
  const of = (r: ReplicaId): ReplicaTotals => {
    let t = out.get(r);
    if (!t) out.set(r, (t = { floorP: 0, floorN: 0 }));
    return t;
  };
  for (const e of s.values()) {
    if (e.floor) {
      const t = of(e.target);
      t.floorP = Math.max(t.floorP, e.p);
      t.floorN = Math.max(t.floorN, e.n);
    } else {
      const t = of(e.dot.replica);
      if (!t.latest || e.dot.counter > t.latest.dot.counter) t.latest = e;
    }
  }
  return out;
}

/** A replica's share of the value: what it added and subtracted that no removal has taken away. */
export function contribution(t: ReplicaTotals): number {
  const e = t.latest;
  if (!e) return 0;
  const p = Math.max(0, e.p - Math.max(e.baseP, t.floorP));
  const n = Math.max(0, e.n - Math.max(e.baseN, t.floorN));
  return p - n;
}

export function counterValue(s: CounterStore): number {
  let sum = 0;
  for (const t of totalsByReplica(s).values()) sum += contribution(t);
  return sum;
}

export const counterKind: StoreKind<CounterStore> = {
  empty: () => new Map(),
  isBottom: (s) => s.size === 0,
  hasContent(s) {
    for (const e of s.values()) if (!e.floor) return true;
    return false;
  },
  clone: (s) => new Map(s),
  mergeInto(target: CounterStore, tctx: CausalContext, src: CounterStore, sctx: CausalContext) {
    mergeDotFun(target, tctx, src, sctx);
  },
  anyDotIn: (s, ctx) => anyEntryIn(s, ctx),
  collectDots(s, out: Dot[]) {
    for (const e of s.values()) out.push(e.dot);
  },
  removal(s, mint: Mint) {
    const out: CounterStore = new Map();
    // Mint in replica order, so equal states give equal deltas whatever their insertion order.
    const totals = [...totalsByReplica(s)].sort((x, y) => compareText(x[0], y[0]));
    for (const [target, t] of totals) {
      const floor: FloorEntry = Object.freeze({
        dot: mint(),
        floor: true,
        target,
        p: Math.max(t.floorP, t.latest?.p ?? 0),
        n: Math.max(t.floorN, t.latest?.n ?? 0),
      });
      out.set(dotKey(floor.dot), floor);
    }
    return out;
  },
  view: (s) => counterValue(s),
};
