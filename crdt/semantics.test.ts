// The meaning of each type (SPEC §3) checked against simple models over random histories:
// add-wins sets and map keys, counters as sums of the changes (also inside maps, where a removal
// takes away exactly what the remover had observed), votes as the latest vote of each live
// replica, LWW by clock then replica id, flags that stay on.
//
// Models speak of events (recorded deltas) and their causal past (`past`: the deltas the origin
// had seen). Where a model needs causal delivery it is checked only on replicas whose known set
// is causally closed, and always on the join of everything (which trivially is).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  addToCounter,
  addToSet,
  asReplicaId,
  canonicalJson,
  castVote,
  cloneState,
  counterValue,
  deleteMapKey,
  emptyState,
  enableFlag,
  join,
  kindOf,
  mapKeyType,
  mapValue,
  mergeInto,
  removeFromSet,
  setRegister,
  updateMap,
  view as rawView,
  voteOf,
  winner,
} from "./index.js";
import type { CausalState, CausalType, CounterStore, Json, RegisterStore, ReplicaId, SetStore, ViewEnv, VoteStore } from "./index.js";
import type { History, Op, RecordedDelta } from "./test-support/histories.js";
import {
  MAP_SLOTS,
  OUTSIDER,
  REPLICA_IDS,
  VALUE_POOL,
  applyOp,
  configureProperties,
  dumpState,
  historyAndReplica,
  historyArb,
  joinAll,
  plain,
  showHistory,
} from "./test-support/histories.js";

configureProperties(process.env);

/** Views as plain JSON, comparable with object literals. */
const view = (s: CausalState, env: ViewEnv): Json => plain(rawView(s, env));

const A = asReplicaId("A");
const B = asReplicaId("B");
const C = asReplicaId("C");

function apply<T extends CausalType>(s: CausalState<T>, d: { store: unknown; ctx: unknown } | null): void {
  assert.ok(d, "expected a delta");
  mergeInto(s, { type: s.type, ...d } as CausalState<T>);
}

/** The replicas' known sets that are causally closed, plus the set of all deltas. */
function closedViews(h: History): { state: CausalState; known: ReadonlySet<number>; self: ReplicaId; label: string }[] {
  const out = [];
  for (let i = 0; i < h.ids.length; i++) {
    const known = h.known[i] as ReadonlySet<number>;
    const closed = [...known].every((k) => [...(h.deltas[k]?.past ?? [])].every((p) => known.has(p)));
    if (closed) out.push({ state: h.states[i] as CausalState, known, self: h.ids[i] as ReplicaId, label: `replica ${h.ids[i]}` });
  }
  out.push({ state: joinAll(h.type, h.states), known: new Set(h.deltas.map((d) => d.index)), self: h.ids[0] as ReplicaId, label: "join of all" });
  return out;
}

function knownDeltas(h: History, known: ReadonlySet<number>): RecordedDelta[] {
  return h.deltas.filter((d) => known.has(d.index));
}

/** Whether event `e` was observed by (is in the causal past of) some known event matching `removes`. */
function observedByRemoval(h: History, known: ReadonlySet<number>, e: RecordedDelta, removes: (op: Op) => boolean): boolean {
  return knownDeltas(h, known).some((d) => removes(d.op) && d.past.has(e.index));
}

describe("orset and gset: add wins over concurrent removal", () => {
  it("matches the add-wins model: a member is present iff an add of it was not observed by a removal", () => {
    fc.assert(
      fc.property(historyArb("orset"), (h) => {
        for (const { state, known, label } of closedViews(h)) {
          const expected = new Set<string>();
          for (const d of knownDeltas(h, known)) {
            if (d.op.kind !== "add") continue;
            const text = canonicalJson(d.op.value);
            const removes = (op: Op): boolean => op.kind === "clear" || (op.kind === "remove" && canonicalJson(op.value) === text);
            if (!observedByRemoval(h, known, d, removes)) expected.add(text);
          }
          assert.deepEqual(new Set((state.store as SetStore).keys()), expected, `${label} of ${showHistory(h)}`);
        }
      }),
    );
  });

  it("a concurrent remove does not remove a fresh add of the same member", () => {
    fc.assert(
      fc.property(historyAndReplica("orset"), fc.constantFrom(...VALUE_POOL), ({ h, i }, x) => {
        const base = cloneState(h.states[i] as CausalState<"orset">);
        const a = h.ids[i] as ReplicaId;
        if (!base.store.has(canonicalJson(x))) apply(base, addToSet(base, a, x));
        const atA = cloneState(base);
        const atB = cloneState(base);
        apply(atA, removeFromSet(atA, x));
        apply(atA, addToSet(atA, a, x));
        apply(atB, removeFromSet(atB, x));
        for (const joined of [join(atA, atB), join(atB, atA)]) {
          assert.deepEqual(view(joined, { self: a, live: new Set() }), view(base, { self: a, live: new Set() }));
          assert.equal(joined.store.get(canonicalJson(x))?.dots.length, 1, "only the fresh add survives");
        }
      }),
    );
  });

  it("gset holds every value ever added that the replica knows of", () => {
    fc.assert(
      fc.property(historyArb("gset"), (h) => {
        h.states.forEach((s, i) => {
          const expected = new Set(knownDeltas(h, h.known[i] as ReadonlySet<number>).map((d) => canonicalJson((d.op as { value: Json }).value)));
          assert.deepEqual(new Set((s.store as SetStore).keys()), expected);
        });
      }),
    );
  });
});

describe("counters equal the sum of the changes", () => {
  for (const type of ["gcounter", "pncounter"] as const) {
    it(`${type}: each replica shows, per writer, the sum of that writer's changes up to the latest it knows`, () => {
      fc.assert(
        fc.property(historyArb(type), (h) => {
          const amount = (d: RecordedDelta): number => (d.op.kind === "count" ? d.op.amount : Number.NaN);
          h.states.forEach((s, i) => {
            const known = h.known[i] as ReadonlySet<number>;
            let expected = 0;
            for (const writer of h.ids) {
              const mine = h.deltas.filter((d) => d.replica === writer);
              const latest = Math.max(-1, ...mine.filter((d) => known.has(d.index)).map((d) => d.index));
              for (const d of mine) if (d.index <= latest) expected += amount(d);
            }
            assert.equal(counterValue(s.store as CounterStore), expected, `replica ${h.ids[i]} of ${showHistory(h)}`);
            assert.equal(view(s, { self: h.ids[i] as ReplicaId, live: new Set() }), expected);
          });
          const total = h.deltas.reduce((sum, d) => sum + amount(d), 0);
          assert.equal(counterValue(joinAll(type, h.states).store as CounterStore), total);
        }),
      );
    });
  }

  // Histories of one pncounter key "c" in an ormap, with deletes and clears of it.
  const counterKeyOps: fc.Arbitrary<Op> = fc.oneof(
    { arbitrary: fc.integer({ min: -5, max: 5 }).map((amount): Op => ({ kind: "update", key: "c", type: "pncounter", op: { kind: "count", amount } })), weight: 5 },
    { arbitrary: fc.constant<Op>({ kind: "update", key: "c", type: "pncounter", op: null }), weight: 1 },
    { arbitrary: fc.constant<Op>({ kind: "delete", key: "c" }), weight: 3 },
    { arbitrary: fc.constant<Op>({ kind: "clear" }), weight: 1 },
  );

  it("pncounter in an ormap: a removal takes away exactly the changes the remover had observed", () => {
    fc.assert(
      fc.property(historyArb("ormap", { ops: counterKeyOps, minReplicas: 3, maxSteps: 24, delivery: "causal" }), (h) => {
        const isRemoval = (op: Op): boolean => op.kind === "delete" || op.kind === "clear";
        const views = closedViews(h);
        assert.equal(views.length, h.ids.length + 1, "causal delivery must keep every replica causally closed");
        for (const { state, known, self, label } of views) {
          let expected = 0;
          let visible = false;
          for (const d of knownDeltas(h, known)) {
            if (d.op.kind !== "update" || observedByRemoval(h, known, d, isRemoval)) continue;
            visible = true;
            if (d.op.op?.kind === "count") expected += d.op.op.amount;
          }
          const m = state as CausalState<"ormap">;
          const counter = mapValue(m.store, "c", "pncounter");
          assert.equal(counter ? counterValue(counter) : 0, expected, `${label} of ${showHistory(h)}\n  ${dumpState(state)}`);
          assert.deepEqual(view(m, { self, live: new Set() }), visible ? { c: expected } : {}, `${label} of ${showHistory(h)}`);
        }
      }),
    );
  });

  it("TCK floors: A: apple=5; B observes and deletes; A concurrently +1 → 1; then A +2 → 3", () => {
    const a = emptyState("ormap");
    apply(a, updateMap(a, A, "apple", "pncounter", (n) => addToCounter(n, A, 5, "pncounter")));
    const b = cloneState(a);
    apply(b, deleteMapKey(b, B, "apple"));
    assert.deepEqual(view(b, { self: B, live: new Set() }), {});
    apply(a, updateMap(a, A, "apple", "pncounter", (n) => addToCounter(n, A, 1, "pncounter")));
    assert.deepEqual(view(a, { self: A, live: new Set() }), { apple: 6 });
    mergeInto(a, b);
    mergeInto(b, a);
    assert.deepEqual(view(a, { self: A, live: new Set() }), { apple: 1 });
    assert.deepEqual(view(b, { self: B, live: new Set() }), { apple: 1 });
    apply(a, updateMap(a, A, "apple", "pncounter", (n) => addToCounter(n, A, 2, "pncounter")));
    assert.deepEqual(view(a, { self: A, live: new Set() }), { apple: 3 });
    mergeInto(b, a);
    assert.deepEqual(view(b, { self: B, live: new Set() }), { apple: 3 });
  });

  it("TCK floors with decrements and a third replica: only unobserved changes survive", () => {
    const a = emptyState("ormap");
    apply(a, updateMap(a, A, "k", "pncounter", (n) => addToCounter(n, A, 5, "pncounter")));
    apply(a, updateMap(a, A, "k", "pncounter", (n) => addToCounter(n, A, -2, "pncounter")));
    const c = cloneState(a);
    apply(c, updateMap(c, C, "k", "pncounter", (n) => addToCounter(n, C, 10, "pncounter")));
    const b = cloneState(c); // B observed A's +5 −2 and C's +10
    apply(b, deleteMapKey(b, B, "k"));
    apply(a, updateMap(a, A, "k", "pncounter", (n) => addToCounter(n, A, -4, "pncounter"))); // concurrent
    apply(c, updateMap(c, C, "k", "pncounter", (n) => addToCounter(n, C, 7, "pncounter"))); // concurrent
    const all = join(join(a, b), c);
    assert.deepEqual(view(all, { self: A, live: new Set() }), { k: 3 });
  });

  it("a second removal keeps what the first one took away", () => {
    const a = emptyState("ormap");
    apply(a, updateMap(a, A, "k", "pncounter", (n) => addToCounter(n, A, 5, "pncounter")));
    const b = cloneState(a);
    apply(b, deleteMapKey(b, B, "k")); // takes A's 5
    const c = cloneState(b);
    apply(c, updateMap(c, C, "k", "pncounter", (n) => addToCounter(n, C, 2, "pncounter")));
    mergeInto(b, c);
    assert.deepEqual(view(b, { self: B, live: new Set() }), { k: 2 });
    apply(b, deleteMapKey(b, B, "k")); // takes C's 2; A's 5 stays taken
    apply(a, updateMap(a, A, "k", "pncounter", (n) => addToCounter(n, A, 1, "pncounter"))); // concurrent with both
    const all = join(join(a, b), c);
    assert.deepEqual(view(all, { self: A, live: new Set() }), { k: 1 });
  });

  it("a sequential delete then re-add starts from 0", () => {
    const s = emptyState("ormap");
    apply(s, updateMap(s, A, "k", "pncounter", (n) => addToCounter(n, A, 5, "pncounter")));
    apply(s, deleteMapKey(s, A, "k"));
    assert.deepEqual(view(s, { self: A, live: new Set() }), {});
    apply(s, updateMap(s, A, "k", "pncounter", () => null));
    assert.deepEqual(view(s, { self: A, live: new Set() }), { k: 0 });
    apply(s, updateMap(s, A, "k", "pncounter", (n) => addToCounter(n, A, 2, "pncounter")));
    assert.deepEqual(view(s, { self: A, live: new Set() }), { k: 2 });
    // Another replica that saw the delete and increments from there also starts from 0.
    const other = cloneState(s);
    apply(other, deleteMapKey(other, B, "k"));
    apply(other, updateMap(other, B, "k", "pncounter", (n) => addToCounter(n, B, -1, "pncounter")));
    mergeInto(s, other);
    assert.deepEqual(view(s, { self: A, live: new Set() }), { k: -1 });
  });
});

describe("ormap: an update wins over a concurrent delete of its key", () => {
  /** An update on `slot` that adds content whatever the key holds (null when none exists). */
  function contentOp(type: CausalType, nested: CausalState, a: ReplicaId): Op | null {
    switch (type) {
      case "gcounter":
      case "pncounter":
        return { kind: "count", amount: 1 };
      case "gset":
      case "orset":
        return { kind: "add", value: "fresh" };
      case "lwwregister":
        return { kind: "set", value: "fresh", clock: { kind: "default" }, now: 1000 };
      case "flag":
        return (nested.store as Map<string, unknown>).size > 0 ? null : { kind: "enable" };
      case "vote":
        return { kind: "vote", value: !voteOf(nested.store as VoteStore, a) };
      case "ormap":
        return { kind: "update", key: "fresh", type: "pncounter", op: { kind: "count", amount: 1 } };
    }
  }

  it("after delete ∥ update the key shows exactly the concurrent update; after delete → update, the same", () => {
    fc.assert(
      fc.property(historyAndReplica("ormap"), fc.nat(), ({ h, i }, pick) => {
        const a = h.ids[i] as ReplicaId;
        const base = cloneState(h.states[i] as CausalState<"ormap">);
        const nestedIn = (s: CausalState<"ormap">, key: Json, type: CausalType): CausalState =>
          ({ type, store: mapValue(s.store, key, type) ?? kindOf(type).empty(), ctx: s.ctx });
        const candidates = MAP_SLOTS.filter(
          (slot) => mapKeyType(base.store, slot.key) === slot.type && contentOp(slot.type, nestedIn(base, slot.key, slot.type), a) !== null,
        );
        if (candidates.length === 0) {
          applyOp(base, a, { kind: "update", key: "n", type: "pncounter", op: { kind: "count", amount: 3 } });
          candidates.push({ key: "n", type: "pncounter" });
        }
        const slot = candidates[pick % candidates.length] as (typeof candidates)[number];
        const op = contentOp(slot.type, nestedIn(base, slot.key, slot.type), a) as Op;
        const update: Op = { kind: "update", key: slot.key, type: slot.type, op };

        // What the update alone does to an empty value: the expected nested view.
        const fresh = emptyState("ormap");
        applyOp(fresh, a, update);
        const env = { self: a, live: new Set<ReplicaId>() };
        const expected = view(fresh, env);

        const atA = cloneState(base);
        const atB = cloneState(base);
        assert.ok(applyOp(atA, a, update), "update must produce a delta");
        assert.ok(applyOp(atB, OUTSIDER, { kind: "delete", key: slot.key }));
        const viewKey = typeof slot.key === "string" ? slot.key : canonicalJson(slot.key);
        for (const joined of [join(atA, atB), join(atB, atA)]) {
          const v = view(joined, env) as Record<string, Json>;
          assert.deepEqual(v[viewKey], (expected as Record<string, Json>)[viewKey], `key ${viewKey} after delete ∥ ${JSON.stringify(op)}`);
        }

        const seq = cloneState(base);
        applyOp(seq, a, { kind: "delete", key: slot.key });
        assert.equal(mapKeyType(seq.store, slot.key), undefined);
        applyOp(seq, a, update);
        assert.deepEqual((view(seq, env) as Record<string, Json>)[viewKey], (expected as Record<string, Json>)[viewKey], "re-added key did not start empty");
      }),
    );
  });
});

describe("vote: the latest vote of each live replica counts", () => {
  it("tallies match the model for any live set (non-live votes never count)", () => {
    const liveArb = fc.subarray([...REPLICA_IDS, OUTSIDER]);
    fc.assert(
      fc.property(historyArb("vote"), liveArb, (h, liveList) => {
        h.states.forEach((s, i) => {
          const self = h.ids[i] as ReplicaId;
          const known = h.known[i] as ReadonlySet<number>;
          const latest = (r: ReplicaId): boolean => {
            const mine = h.deltas.filter((d) => d.replica === r && known.has(d.index));
            const last = mine[mine.length - 1];
            return last?.op.kind === "vote" ? last.op.value : false;
          };
          const voters = new Set([...liveList, self]);
          const votesFor = [...voters].filter(latest).length;
          const expected = {
            selfVote: latest(self),
            votesFor,
            totalVoters: voters.size,
            atLeastOne: votesFor > 0,
            majority: votesFor * 2 > voters.size,
            all: votesFor === voters.size,
          };
          assert.deepEqual(view(s, { self, live: new Set(liveList) }), expected, `replica ${self} of ${showHistory(h)}`);
          for (const r of REPLICA_IDS) assert.equal(voteOf(s.store as VoteStore, r), latest(r));
        });
      }),
    );
  });
});

describe("lwwregister: the highest clock wins, then the lowest replica id", () => {
  interface Write {
    readonly clock: number;
    readonly writer: ReplicaId;
    readonly index: number;
    readonly text: string;
  }
  /** Negative when `a` wins: clock descending, writer ascending, later write of one writer. */
  const order = (a: Write, b: Write): number =>
    a.clock !== b.clock ? b.clock - a.clock : a.writer !== b.writer ? (a.writer < b.writer ? -1 : 1) : b.index - a.index;
  const best = (ws: Write[]): Write | undefined => [...ws].sort(order)[0];

  it("matches a model of clocks, ties and no-op writes on every replica", () => {
    fc.assert(
      fc.property(historyArb("lwwregister", { maxReplicas: 4 }), (h) => {
        const writes = new Map<number, Write>();
        for (const at of h.attempts) {
          const op = at.op;
          assert.ok(op.kind === "set");
          const cur = best([...at.past].map((k) => writes.get(k) as Write));
          const clock =
            op.clock.kind === "default"
              ? cur ? Math.max(op.now, cur.clock + 1) : op.now
              : op.clock.kind === "reverse"
                ? -op.now
                : op.clock.kind === "custom" || !cur || op.clock.value > cur.clock
                  ? op.clock.value
                  : cur.clock + 1;
          const writer = h.ids[at.origin] as ReplicaId;
          const text = canonicalJson(op.value);
          const candidate: Write = { clock, writer, index: at.delta ?? Infinity, text };
          const noop = cur !== undefined && (cur.text === text || order(cur, candidate) < 0);
          assert.equal(at.delta === null, noop, `write ${JSON.stringify(op)} by ${writer} over ${JSON.stringify(cur)} in ${showHistory(h)}`);
          if (at.delta !== null) writes.set(at.delta, candidate);
        }
        h.states.forEach((s, i) => {
          const expected = best([...(h.known[i] ?? [])].map((k) => writes.get(k) as Write));
          const w = winner(s.store as RegisterStore);
          assert.deepEqual(
            w && { clock: w.clock, writer: w.writer, text: w.text },
            expected && { clock: expected.clock, writer: expected.writer, text: expected.text },
            `replica ${h.ids[i]} of ${showHistory(h)}`,
          );
          assert.deepEqual(view(s, { self: h.ids[i] as ReplicaId, live: new Set() }), w ? JSON.parse(expected?.text ?? "null") : null);
        });
      }),
    );
  });

  it("equal custom clocks: the lower replica id wins, whichever side joins", () => {
    const a = emptyState("lwwregister");
    const b = emptyState("lwwregister");
    apply(a, setRegister(a, B, "from B", { kind: "custom", value: 7 }, 0));
    apply(b, setRegister(b, A, "from A", { kind: "custom", value: 7 }, 0));
    assert.equal(view(join(a, b), { self: A, live: new Set() }), "from A");
    assert.equal(view(join(b, a), { self: A, live: new Set() }), "from A");
    // A higher clock beats the lower id.
    apply(a, setRegister(a, B, "B again", { kind: "custom", value: 8 }, 0));
    assert.equal(view(join(b, a), { self: A, live: new Set() }), "B again");
  });
});

describe("flag: once true, stays true", () => {
  it("a replica's flag is on iff it knows an enable, and never turns off again", () => {
    fc.assert(
      fc.property(historyArb("flag"), (h) => {
        const wasOn = new Set<number>();
        for (const snap of h.snapshots) {
          const on = view(snap.state, { self: A, live: new Set() });
          assert.equal(on, snap.known.size > 0);
          if (wasOn.has(snap.replica)) assert.equal(on, true, "a flag turned off");
          if (on === true) wasOn.add(snap.replica);
          // Joining any earlier state never turns it off.
          for (const older of h.snapshots) if (on === true) assert.equal(view(join(snap.state, older.state), { self: A, live: new Set() }), true);
        }
      }),
    );
  });

  it("enable on an enabled flag is no delta, and joining an empty or older state keeps it on", () => {
    const s = emptyState("flag");
    const older = cloneState(s);
    apply(s, enableFlag(s, A));
    assert.equal(enableFlag(s, B), null);
    mergeInto(s, older);
    mergeInto(s, emptyState("flag"));
    assert.equal(view(s, { self: A, live: new Set() }), true);
  });
});

describe("vote: a vote from a replica that is not live does not count", () => {
  it("example", () => {
    const s = emptyState("vote");
    apply(s, castVote(s, A, true));
    apply(s, castVote(s, B, true));
    assert.equal(castVote(s, C, false), null, "everyone starts voting false");
    assert.deepEqual(view(s, { self: A, live: new Set([C]) }), {
      selfVote: true,
      votesFor: 1,
      totalVoters: 2,
      atLeastOne: true,
      majority: false,
      all: false,
    });
    assert.equal(voteOf(s.store, B), true);
    apply(s, castVote(s, C, true));
    assert.deepEqual(view(s, { self: C, live: new Set([A, B]) }), {
      selfVote: true,
      votesFor: 3,
      totalVoters: 3,
      atLeastOne: true,
      majority: true,
      all: true,
    });
  });
});
