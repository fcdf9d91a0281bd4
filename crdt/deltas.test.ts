// Delta-state properties (SPEC §3, research crdt-reliability.md §4.1): every mutator's delta is a
// state that, joined into the replica, gives the mutated state and carries only the change; a
// replica equals the join of the deltas it has seen; all deltas of a history joined in any
// order, duplicated or not, equal the join of all replicas; any subset is contained in that.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  CAUSAL_TYPES,
  canonicalJson,
  cloneState,
  counterValue,
  decodeState,
  encodeState,
  join,
  kindOf,
  mapKeyType,
  mapValue,
  mergeInto,
  view,
  voteOf,
  winner,
} from "./index.js";
import type {
  AnyStore,
  Causal,
  CausalState,
  CausalType,
  CounterStore,
  Dot,
  Json,
  MapStore,
  RegisterStore,
  ReplicaId,
  SetStore,
  VoteStore,
} from "./index.js";
import type { History, Op } from "./test-support/histories.js";
import {
  asState,
  assertSameState,
  configureProperties,
  dumpState,
  hex,
  historyAndReplica,
  historyArb,
  joinAll,
  leq,
  opArb,
  opDelta,
  showHistory,
  showOp,
} from "./test-support/histories.js";

configureProperties(process.env);

// ---------------------------------------------------------------------------------------------
// What each operation must do, stated with the read API only.

const env = (self: ReplicaId) => ({ self, live: new Set<ReplicaId>() });

function nestedOf(m: Causal<MapStore>, key: Json, type: CausalType): Causal<AnyStore> {
  return { store: mapValue(m.store, key, type) ?? kindOf(type).empty(), ctx: m.ctx };
}

/** The view of every key but `key`. */
function otherKeys(m: Causal<MapStore>, key: Json | undefined, self: ReplicaId): Json {
  const v = { ...(view(asState("ormap", m), env(self)) as Record<string, Json>) };
  if (key !== undefined) delete v[typeof key === "string" ? key : canonicalJson(key)];
  return v;
}

function registerClock(op: Extract<Op, { kind: "set" }>, s: RegisterStore): number {
  const cur = winner(s);
  switch (op.clock.kind) {
    case "default":
      return cur ? Math.max(op.now, cur.clock + 1) : op.now;
    case "reverse":
      return -op.now;
    case "custom":
      return op.clock.value;
    case "customAutoIncrement":
      return cur && op.clock.value <= cur.clock ? cur.clock + 1 : op.clock.value;
  }
}

/** Whether `op` on `before` must change nothing (and so produce no delta). */
function isNoop(type: CausalType, before: Causal<AnyStore>, replica: ReplicaId, op: Op): boolean {
  switch (op.kind) {
    case "count":
      return op.amount === 0;
    case "add":
      return (before.store as SetStore).has(canonicalJson(op.value));
    case "remove":
      return !(before.store as SetStore).has(canonicalJson(op.value));
    case "clear":
      return type === "orset"
        ? before.store.size === 0
        : Object.keys(view(asState("ormap", before), env(replica)) as object).length === 0;
    case "set": {
      const cur = winner(before.store as RegisterStore);
      if (!cur) return false;
      const clock = registerClock(op, before.store as RegisterStore);
      const beaten = cur.clock > clock || (cur.clock === clock && cur.writer < replica);
      return cur.text === canonicalJson(op.value) || beaten;
    }
    case "enable":
      return before.store.size > 0;
    case "vote":
      return voteOf(before.store as VoteStore, replica) === op.value;
    case "update": {
      const m = before as Causal<MapStore>;
      const held = mapKeyType(m.store, op.key);
      if (held !== undefined && held !== op.type) return true; // refused by the harness
      return held !== undefined && (op.op === null || isNoop(op.type, nestedOf(m, op.key, op.type), replica, op.op));
    }
    case "delete":
      return mapKeyType((before as Causal<MapStore>).store, op.key) === undefined;
  }
}

/** Asserts that `after` (= before ⊔ delta) shows exactly the effect of `op`. */
function checkEffect(type: CausalType, before: Causal<AnyStore>, after: Causal<AnyStore>, replica: ReplicaId, op: Op | null): void {
  const kind = kindOf(type);
  if (op === null) {
    assert.deepEqual(kind.view(after.store, env(replica)), kind.view(before.store, env(replica)), "touching a key changed its value");
    return;
  }
  switch (op.kind) {
    case "count": {
      const a = after.store as CounterStore;
      assert.equal(counterValue(a), counterValue(before.store as CounterStore) + op.amount);
      // The new running totals supersede the replica's previous entry and absorb floors capping it.
      const mine = [...a.values()].filter((e) => (e.floor ? e.target === replica : e.dot.replica === replica));
      assert.equal(mine.length, 1, `replica ${replica} holds ${mine.length} counter entries after ${showOp(op)}`);
      return;
    }
    case "add":
    case "remove": {
      const keys = new Set((before.store as SetStore).keys());
      if (op.kind === "add") keys.add(canonicalJson(op.value));
      else keys.delete(canonicalJson(op.value));
      assert.deepEqual(new Set((after.store as SetStore).keys()), keys, `members after ${showOp(op)}`);
      return;
    }
    case "clear":
      if (type === "orset") assert.equal(after.store.size, 0);
      else assert.deepEqual(Object.keys(view(asState("ormap", after), env(replica)) as object), []);
      return;
    case "set": {
      const s = after.store as RegisterStore;
      const w = winner(s);
      assert.ok(w, "no value after a write");
      assert.equal(w.text, canonicalJson(op.value));
      assert.equal(w.writer, replica);
      assert.equal(w.clock, registerClock(op, before.store as RegisterStore));
      assert.equal(s.size, 1, "a write must replace every write it observed");
      return;
    }
    case "enable":
      assert.equal(kind.view(after.store, env(replica)), true);
      return;
    case "vote": {
      const b = before.store as VoteStore;
      const a = after.store as VoteStore;
      assert.equal(voteOf(a, replica), op.value);
      assert.equal([...a.values()].filter((e) => e.dot.replica === replica).length, 1, "a new vote must replace the replica's previous one");
      for (const e of b.values()) {
        if (e.dot.replica !== replica) assert.equal(voteOf(a, e.dot.replica), voteOf(b, e.dot.replica), "another replica's vote changed");
      }
      return;
    }
    case "update": {
      const m0 = before as Causal<MapStore>;
      const m1 = after as Causal<MapStore>;
      assert.equal(mapKeyType(m1.store, op.key), op.type, `key not visible after ${showOp(op)}`);
      // A nested no-op on a key that was not visible just adds the key (a touch).
      const n0 = nestedOf(m0, op.key, op.type);
      const nestedOp = op.op !== null && isNoop(op.type, n0, replica, op.op) ? null : op.op;
      checkEffect(op.type, n0, nestedOf(m1, op.key, op.type), replica, nestedOp);
      assert.deepEqual(otherKeys(m1, op.key, replica), otherKeys(m0, op.key, replica), "another key changed");
      return;
    }
    case "delete": {
      const m0 = before as Causal<MapStore>;
      const m1 = after as Causal<MapStore>;
      assert.equal(mapKeyType(m1.store, op.key), undefined, "key still visible after delete");
      assert.deepEqual(otherKeys(m1, op.key, replica), otherKeys(m0, op.key, replica), "another key changed");
      return;
    }
  }
}

function storeDots(type: CausalType, store: AnyStore): Dot[] {
  const out: Dot[] = [];
  kindOf(type).collectDots(store, out);
  return out;
}

function contextDots(s: CausalState): Dot[] {
  const out: Dot[] = [];
  for (const [replica, n] of s.ctx.vv) for (let c = 1; c <= n; c++) out.push({ replica, counter: c });
  for (const [replica, cs] of s.ctx.cloud) for (const counter of cs) out.push({ replica, counter });
  return out;
}

// ---------------------------------------------------------------------------------------------

/** A random permutation of `items`, with some of them repeated. */
function shuffledWithDuplicates<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc
    .tuple(fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length }), fc.array(fc.nat(), { maxLength: 4 }))
    .chain(([perm, dupPicks]) => {
      const dups = items.length === 0 ? [] : dupPicks.map((p) => items[p % items.length] as T);
      return fc.shuffledSubarray([...perm, ...dups], { minLength: perm.length + dups.length, maxLength: perm.length + dups.length });
    });
}

function withShuffledDeltas(type: CausalType): fc.Arbitrary<{ h: History; order: number[] }> {
  return historyArb(type).chain((h) =>
    shuffledWithDuplicates(h.deltas.map((d) => d.index)).map((order) => ({ h, order })),
  );
}

for (const type of CAUSAL_TYPES) {
  describe(`deltas: ${type}`, () => {
    it("a mutator's delta joined into the state gives the mutated state, and carries only the change", () => {
      fc.assert(
        fc.property(historyAndReplica(type), opArb(type), ({ h, i }, op) => {
          const s = h.states[i] as CausalState;
          const replica = h.ids[i] as ReplicaId;
          const before = hex(s);
          const d = opDelta(type, s, replica, op);
          assert.equal(hex(s), before, "computing a delta changed the state");
          assert.equal(d === null, isNoop(type, s, replica, op), `${showOp(op)} on ${dumpState(s)}: delta ${d === null ? "missing" : "for a no-op"}`);
          if (d === null) return;
          const ds = asState(type, d);

          const mutated = cloneState(s);
          mergeInto(mutated, ds);
          assertSameState(join(s, ds), mutated, "in-place and pure join differ");
          assert.notEqual(hex(mutated), before, "a delta that changes nothing");
          checkEffect(type, s, mutated, replica, op);

          // The delta is a state in canonical form (it is what gets gossiped).
          assert.equal(hex(decodeState(encodeState(ds)) as CausalState), hex(ds), "delta does not round-trip through the codec");
          // It holds only new events, all minted by the acting replica, contiguously after what it had.
          for (const dd of storeDots(type, ds.store)) assert.ok(!s.ctx.has(dd), `delta re-sends ${dd.replica}:${dd.counter}`);
          for (const dd of contextDots(ds)) {
            if (!s.ctx.has(dd)) {
              assert.equal(dd.replica, replica, "delta covers a dot the replica never saw");
            }
          }
          assert.ok(!mutated.ctx.cloud.has(replica), "a replica's own dots must stay contiguous in its state");
        }),
      );
    });

    it("each replica equals the join of the deltas it has included, in any order", () => {
      fc.assert(
        fc.property(
          historyArb(type).chain((h) =>
            fc.nat({ max: h.ids.length - 1 }).chain((i) =>
              shuffledWithDuplicates([...(h.known[i] ?? [])]).map((order) => ({ h, i, order })),
            ),
          ),
          ({ h, i, order }) => {
            const joined = joinAll(type, order.map((k) => h.deltas[k]?.delta as CausalState));
            assertSameState(h.states[i] as CausalState, joined, `replica ${h.ids[i]} ≠ join of its deltas ${order.join(",")}`);
          },
        ),
      );
    });

    it("all deltas of a history, in any order and with duplicates, join to the join of all replicas", () => {
      fc.assert(
        fc.property(withShuffledDeltas(type), ({ h, order }) => {
          const all = joinAll(type, h.states);
          const fromDeltas = joinAll(type, order.map((k) => h.deltas[k]?.delta as CausalState));
          assertSameState(fromDeltas, all, `${showHistory(h)}\n  order ${order.join(",")}`);
        }),
      );
    });

    it("any subset of deltas joins to a state the full state contains", () => {
      fc.assert(
        fc.property(
          historyArb(type).chain((h) => fc.shuffledSubarray(h.deltas.map((d) => d.index)).map((subset) => ({ h, subset }))),
          ({ h, subset }) => {
            const all = joinAll(type, h.states);
            const part = joinAll(type, subset.map((k) => h.deltas[k]?.delta as CausalState));
            assert.ok(leq(part, all), `subset ${subset.join(",")} ⋢ full state\n  part: ${dumpState(part)}\n  full: ${dumpState(all)}`);
            // And every replica's state is contained in the full state as well.
            for (const s of h.states) assert.ok(leq(s, all));
          },
        ),
      );
    });
  });
}
