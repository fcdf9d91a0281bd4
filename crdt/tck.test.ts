// Example scenarios after the Cloudstate CRDT TCK state rules (SPEC §3; research cloudstate.md §3):
// initial values, net-change deltas, no delta for no-ops, ORSet `add a, clear, add x`, ORMap keys
// added empty, flags, votes with a live set, concurrent creation, key types, delete then re-add.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CrdtError,
  addToCounter,
  addToSet,
  asReplicaId,
  castVote,
  clearMap,
  clearSet,
  cloneState,
  deleteMapKey,
  emptyState,
  enableFlag,
  isEmptyState,
  join,
  mapKeyType,
  mergeInto,
  removeFromSet,
  setRegister,
  updateMap,
  view as rawView,
} from "./index.js";
import type { Causal, CausalState, CausalType, Json, ReplicaId, ViewEnv } from "./index.js";
import { crdtErrorCode, hex, plain } from "./test-support/histories.js";

const A = asReplicaId("A");
const B = asReplicaId("B");
const C = asReplicaId("C");
/** Views as plain JSON, comparable with object literals. */
const view = (s: CausalState, env: ViewEnv): Json => plain(rawView(s, env));
const alone = (self: ReplicaId) => ({ self, live: new Set<ReplicaId>() });

/** Applies a non-null delta to `s` and returns it as a state. */
function apply<T extends CausalType>(s: CausalState<T>, d: Causal<CausalState<T>["store"]> | null): CausalState<T> {
  assert.ok(d, "expected a delta");
  const ds = { type: s.type, store: d.store, ctx: d.ctx } as CausalState<T>;
  mergeInto(s, ds);
  return ds;
}

/** Runs several operations as one command on `s`; returns the command's delta (their join) or null. */
function command<T extends CausalType>(s: CausalState<T>, ...ops: ((s: CausalState<T>) => Causal<CausalState<T>["store"]> | null)[]): CausalState<T> | null {
  let out: CausalState<T> | null = null;
  for (const op of ops) {
    const d = op(s);
    if (!d) continue;
    const ds = apply(s, d);
    out = out ? join(out, ds) : ds;
  }
  return out;
}

describe("TCK: initial state", () => {
  it("every entity starts as the empty value of its type", () => {
    assert.equal(view(emptyState("gcounter"), alone(A)), 0);
    assert.equal(view(emptyState("pncounter"), alone(A)), 0);
    assert.deepEqual(view(emptyState("gset"), alone(A)), []);
    assert.deepEqual(view(emptyState("orset"), alone(A)), []);
    assert.equal(view(emptyState("lwwregister"), alone(A)), null);
    assert.equal(view(emptyState("flag"), alone(A)), false);
    assert.deepEqual(view(emptyState("ormap"), alone(A)), {});
    assert.deepEqual(view(emptyState("vote"), alone(A)), {
      selfVote: false,
      votesFor: 0,
      totalVoters: 1,
      atLeastOne: false,
      majority: false,
      all: false,
    });
    assert.ok(isEmptyState(emptyState("ormap")));
  });

  it("two replicas creating the same entity at once keep both writes (a default is just a delta)", () => {
    // Each replica applies the service's default as an ordinary delta, then writes.
    const makeDefault = (s: CausalState<"ormap">, r: ReplicaId) => {
      apply(s, updateMap(s, r, "count", "pncounter", () => null));
      apply(s, updateMap(s, r, "tags", "orset", () => null));
    };
    const a = emptyState("ormap");
    const b = emptyState("ormap");
    makeDefault(a, A);
    makeDefault(b, B);
    apply(a, updateMap(a, A, "count", "pncounter", (n) => addToCounter(n, A, 2, "pncounter")));
    apply(b, updateMap(b, B, "count", "pncounter", (n) => addToCounter(n, B, 3, "pncounter")));
    apply(a, updateMap(a, A, "tags", "orset", (n) => addToSet(n, A, "from A")));
    apply(b, updateMap(b, B, "tags", "orset", (n) => addToSet(n, B, "from B")));
    const expected = { count: 5, tags: ["from A", "from B"] };
    assert.deepEqual(view(join(a, b), alone(A)), expected);
    assert.deepEqual(view(join(b, a), alone(B)), expected);

    const ra = emptyState("lwwregister");
    const rb = emptyState("lwwregister");
    apply(ra, setRegister(ra, A, "", { kind: "default" }, 5));
    apply(rb, setRegister(rb, B, "", { kind: "default" }, 5));
    apply(rb, setRegister(rb, B, "set by B", { kind: "default" }, 6));
    assert.equal(view(join(ra, rb), alone(A)), "set by B");
  });
});

describe("TCK: the delta of a command is its net change", () => {
  it("pncounter +1 −2 +3 in one command: one delta worth +2", () => {
    const s = emptyState("pncounter");
    apply(s, addToCounter(s, B, 10, "pncounter"));
    const other = cloneState(s);
    const d = command(
      s,
      (x) => addToCounter(x, A, 1, "pncounter"),
      (x) => addToCounter(x, A, -2, "pncounter"),
      (x) => addToCounter(x, A, 3, "pncounter"),
    );
    assert.ok(d);
    assert.equal(d.store.size, 1, "the joined delta holds one entry, not three");
    mergeInto(other, d);
    assert.equal(view(other, alone(B)), 12);
    assert.equal(hex(other), hex(s));
  });

  it("an ormap command touching several keys: one delta with the net change of each", () => {
    const s = emptyState("ormap");
    const other = cloneState(s);
    const d = command(
      s,
      (x) => updateMap(x, A, "n", "pncounter", (n) => addToCounter(n, A, 4, "pncounter")),
      (x) => updateMap(x, A, "n", "pncounter", (n) => addToCounter(n, A, -1, "pncounter")),
      (x) => updateMap(x, A, "s", "orset", (n) => addToSet(n, A, "a")),
      (x) => updateMap(x, A, "s", "orset", (n) => removeFromSet(n, "a")),
      (x) => updateMap(x, A, "s", "orset", (n) => addToSet(n, A, "b")),
    );
    assert.ok(d);
    mergeInto(other, d);
    assert.deepEqual(view(other, alone(B)), { n: 3, s: ["b"] });
  });

  it("orset `add a, clear, add x`: applied to a replica that had `a`, the delta leaves [x]", () => {
    const s = emptyState("orset");
    apply(s, addToSet(s, A, "a"));
    const replica = cloneState(s); // had `a`
    const d = command(
      s,
      (x) => addToSet(x, A, "a"), // no-op: already there
      (x) => clearSet(x),
      (x) => addToSet(x, A, "x"),
    );
    assert.ok(d);
    assert.deepEqual([...d.store.keys()], ['"x"'], "the delta adds only x");
    mergeInto(replica, d);
    assert.deepEqual(view(replica, alone(B)), ["x"]);

    // From an empty entity, the command's delta alone gives [x] too.
    const fresh = emptyState("orset");
    const d2 = command(
      fresh,
      (x) => addToSet(x, A, "a"),
      (x) => clearSet(x),
      (x) => addToSet(x, A, "x"),
    );
    assert.ok(d2);
    assert.deepEqual(view(d2, alone(B)), ["x"]);
  });
});

describe("TCK: no delta when nothing changed", () => {
  it("re-adding, removing a missing element, clearing an empty set", () => {
    for (const type of ["gset", "orset"] as const) {
      const s = emptyState(type);
      apply(s, addToSet(s, A, { a: 1, b: 2 }));
      assert.equal(addToSet(s, B, { b: 2, a: 1 }), null, `${type}: re-add (same canonical JSON)`);
    }
    const s = emptyState("orset");
    assert.equal(removeFromSet(s, "missing"), null);
    assert.equal(clearSet(s), null);
    apply(s, addToSet(s, A, "a"));
    assert.equal(removeFromSet(s, "b"), null);
  });

  it("incrementing by 0, voting the same way, enabling an enabled flag", () => {
    assert.equal(addToCounter(emptyState("gcounter"), A, 0, "gcounter"), null);
    assert.equal(addToCounter(emptyState("pncounter"), A, 0, "pncounter"), null);
    const v = emptyState("vote");
    assert.equal(castVote(v, A, false), null, "the initial vote is false");
    apply(v, castVote(v, A, true));
    assert.equal(castVote(v, A, true), null);
    const f = emptyState("flag");
    apply(f, enableFlag(f, A));
    assert.equal(enableFlag(f, A), null);
    assert.equal(enableFlag(f, B), null);
  });

  it("setting a register to the value it already shows, with any clock", () => {
    const r = emptyState("lwwregister");
    apply(r, setRegister(r, A, { v: 1 }, { kind: "default" }, 100));
    for (const clock of [{ kind: "default" }, { kind: "reverse" }, { kind: "custom", value: 999 }, { kind: "customAutoIncrement", value: 1 }] as const) {
      assert.equal(setRegister(r, B, { v: 1 }, clock, 200), null, clock.kind);
    }
    // A write an observed write beats changes nothing either.
    assert.equal(setRegister(r, B, "older", { kind: "custom", value: 5 }, 0), null);
  });

  it("ormap: touching a present key, deleting a missing key, clearing an empty map", () => {
    const m = emptyState("ormap");
    assert.equal(deleteMapKey(m, A, "k"), null);
    assert.equal(clearMap(m, A), null);
    apply(m, updateMap(m, A, "k", "pncounter", () => null));
    assert.equal(updateMap(m, A, "k", "pncounter", () => null), null);
    assert.equal(updateMap(m, A, "k", "pncounter", (n) => addToCounter(n, A, 0, "pncounter")), null);
    assert.equal(deleteMapKey(m, A, "other"), null);
  });
});

describe("TCK: ormap", () => {
  it("an entry added empty shows as the empty value, also on a fresh replica from the delta alone", () => {
    const s = emptyState("ormap");
    const d = apply(s, updateMap(s, A, "k", "pncounter", () => null));
    assert.deepEqual(view(s, alone(A)), { k: 0 });
    const fresh = emptyState("ormap");
    mergeInto(fresh, d);
    assert.deepEqual(view(fresh, alone(B)), { k: 0 });
    assert.equal(mapKeyType(fresh.store, "k"), "pncounter");

    const all = emptyState("ormap");
    for (const [key, type] of [["c", "gcounter"], ["s", "orset"], ["g", "gset"], ["r", "lwwregister"], ["f", "flag"], ["m", "ormap"], ["v", "vote"]] as const) {
      apply(all, updateMap(all, A, key, type, () => null));
    }
    assert.deepEqual(view(all, alone(A)), {
      c: 0,
      f: false,
      g: [],
      m: {},
      r: null,
      s: [],
      v: { selfVote: false, votesFor: 0, totalVoters: 1, atLeastOne: false, majority: false, all: false },
    });
  });

  it("a key's type never changes: writing another type is type_mismatch and changes nothing", () => {
    const s = emptyState("ormap");
    apply(s, updateMap(s, A, "k", "pncounter", (n) => addToCounter(n, A, 1, "pncounter")));
    const before = hex(s);
    assert.equal(crdtErrorCode(() => updateMap(s, A, "k", "orset", (n) => addToSet(n, A, "x"))), "type_mismatch");
    assert.equal(crdtErrorCode(() => updateMap(s, B, "k", "gcounter", () => null)), "type_mismatch");
    assert.equal(hex(s), before);
    assert.equal(mapKeyType(s.store, "k"), "pncounter");
    // Joining states of two different types is refused the same way.
    assert.throws(() => mergeInto(emptyState("orset") as CausalState, emptyState("gset") as CausalState), (e: unknown) => e instanceof CrdtError && e.code === "type_mismatch");
  });

  it("concurrent writers giving one key two types: both kept, one deterministic view", () => {
    const a = emptyState("ormap");
    const b = emptyState("ormap");
    apply(a, updateMap(a, A, "k", "orset", (n) => addToSet(n, A, "x")));
    apply(b, updateMap(b, B, "k", "pncounter", (n) => addToCounter(n, B, 2, "pncounter")));
    const ab = join(a, b);
    assert.equal(hex(ab), hex(join(b, a)));
    assert.deepEqual(view(ab, alone(A)), { k: 2 }, "pncounter comes before orset in CAUSAL_TYPES");
    assert.deepEqual(view(join(b, a), alone(A)), { k: 2 }, "whichever side joins");
    // The key's type for writers is the one the view shows, whatever the join order.
    for (const s of [ab, join(b, a)]) {
      assert.equal(mapKeyType(s.store, "k"), "pncounter");
      assert.ok(updateMap(s, A, "k", "pncounter", (n) => addToCounter(n, A, 1, "pncounter")));
      assert.equal(crdtErrorCode(() => updateMap(s, A, "k", "orset", (n) => addToSet(n, A, "y"))), "type_mismatch");
    }
    // Deleting the key removes both.
    apply(ab, deleteMapKey(ab, A, "k"));
    assert.deepEqual(view(ab, alone(A)), {});
  });

  it("a key named __proto__ is an ordinary own key of the view", () => {
    const s = emptyState("ormap");
    apply(s, updateMap(s, A, "__proto__", "pncounter", (n) => addToCounter(n, A, 1, "pncounter")));
    const v = rawView(s, alone(A)) as Record<string, Json>;
    assert.ok(Object.hasOwn(v, "__proto__"));
    assert.equal(v["__proto__"], 1);
    assert.deepEqual(Object.keys(v), ["__proto__"]);
    assert.equal(({} as Record<string, unknown>)["polluted"], undefined);
  });

  it("delete then re-add starts from the empty value", () => {
    const s = emptyState("ormap");
    apply(s, updateMap(s, A, "k", "orset", (n) => addToSet(n, A, "a")));
    apply(s, updateMap(s, A, "k", "orset", (n) => addToSet(n, A, "b")));
    apply(s, updateMap(s, A, "r", "lwwregister", (n) => setRegister(n, A, "old", { kind: "default" }, 1)));
    apply(s, deleteMapKey(s, A, "k"));
    apply(s, deleteMapKey(s, B, "r"));
    assert.deepEqual(view(s, alone(A)), {});
    apply(s, updateMap(s, A, "k", "orset", () => null));
    apply(s, updateMap(s, A, "r", "lwwregister", () => null));
    assert.deepEqual(view(s, alone(A)), { k: [], r: null });
    apply(s, updateMap(s, A, "k", "orset", (n) => addToSet(n, A, "c")));
    assert.deepEqual(view(s, alone(A)), { k: ["c"], r: null });
    // After a delete the key may be written with another type; nothing of the old value comes back.
    apply(s, deleteMapKey(s, A, "k"));
    apply(s, updateMap(s, A, "k", "pncounter", (n) => addToCounter(n, A, 1, "pncounter")));
    assert.deepEqual(view(s, alone(A)), { k: 1, r: null });
  });

  it("clear removes every observed key; a concurrent write to a key survives", () => {
    const s = emptyState("ormap");
    apply(s, updateMap(s, A, "a", "flag", (n) => enableFlag(n, A)));
    apply(s, updateMap(s, A, "b", "vote", (n) => castVote(n, A, true)));
    const other = cloneState(s);
    apply(s, clearMap(s, A));
    assert.deepEqual(view(s, alone(A)), {});
    apply(other, updateMap(other, B, "b", "vote", (n) => castVote(n, B, true)));
    mergeInto(s, other);
    assert.deepEqual(view(s, { self: A, live: new Set([B]) }), {
      b: { selfVote: false, votesFor: 1, totalVoters: 2, atLeastOne: true, majority: false, all: false },
    });
  });
});

describe("TCK: flag, vote, register clocks, mixed local and replicated changes", () => {
  it("a replicated older (false) flag never resets a true flag", () => {
    const older = emptyState("flag");
    const s = cloneState(older);
    const d = apply(s, enableFlag(s, A));
    mergeInto(s, older);
    assert.equal(view(s, alone(A)), true);
    const b = cloneState(older);
    mergeInto(b, d);
    mergeInto(b, older);
    assert.equal(view(join(older, b), alone(B)), true);
  });

  it("vote totals follow the live set", () => {
    const s = emptyState("vote");
    apply(s, castVote(s, A, true));
    apply(s, castVote(s, B, true));
    assert.deepEqual(view(s, alone(A)), { selfVote: true, votesFor: 1, totalVoters: 1, atLeastOne: true, majority: true, all: true });
    assert.deepEqual(view(s, { self: A, live: new Set([B, C]) }), {
      selfVote: true,
      votesFor: 2,
      totalVoters: 3,
      atLeastOne: true,
      majority: true,
      all: false,
    });
    assert.deepEqual(view(s, { self: C, live: new Set([A]) }), {
      selfVote: false,
      votesFor: 1,
      totalVoters: 2,
      atLeastOne: true,
      majority: false,
      all: false,
    });
    apply(s, castVote(s, A, false));
    assert.deepEqual(view(s, { self: A, live: new Set([B]) }), {
      selfVote: false,
      votesFor: 1,
      totalVoters: 2,
      atLeastOne: true,
      majority: false,
      all: false,
    });
  });

  it("register clocks: reverse keeps the first write, custom and customAutoIncrement as given", () => {
    const a = emptyState("lwwregister");
    const b = emptyState("lwwregister");
    apply(a, setRegister(a, A, "first", { kind: "reverse" }, 10));
    apply(b, setRegister(b, B, "second", { kind: "reverse" }, 20));
    assert.equal(view(join(a, b), alone(A)), "first");
    assert.equal(view(join(b, a), alone(A)), "first");

    const r = emptyState("lwwregister");
    apply(r, setRegister(r, A, "custom", { kind: "custom", value: 123 }, 0));
    assert.equal(setRegister(r, A, "lower", { kind: "custom", value: 122 }, 0), null);
    apply(r, setRegister(r, B, "auto", { kind: "customAutoIncrement", value: 456 }, 0));
    apply(r, setRegister(r, A, "auto again", { kind: "customAutoIncrement", value: 456 }, 0));
    const [entry] = [...r.store.values()];
    assert.equal(r.store.size, 1);
    assert.equal(entry?.clock, 457, "raised above the winner's clock");
    assert.equal(view(r, alone(A)), "auto again");

    // The default clock advances past the winner even when the wall clock does not.
    const d = emptyState("lwwregister");
    apply(d, setRegister(d, A, "one", { kind: "default" }, 50));
    apply(d, setRegister(d, A, "two", { kind: "default" }, 50));
    assert.equal(view(d, alone(A)), "two");
    assert.equal([...d.store.values()][0]?.clock, 51);
  });

  it("a mix of local and replicated changes converges", () => {
    const a = emptyState("pncounter");
    const b = emptyState("pncounter");
    apply(a, addToCounter(a, A, 5, "pncounter"));
    const fromB = apply(b, addToCounter(b, B, 3, "pncounter"));
    mergeInto(a, fromB);
    const fromA = apply(a, addToCounter(a, A, -1, "pncounter"));
    assert.equal(view(a, alone(A)), 7);
    mergeInto(b, fromA); // B missed A's first delta: the running total carries it
    assert.equal(view(b, alone(B)), 7);
    assert.equal(hex(a), hex(b));
    assert.equal(crdtErrorCode(() => addToCounter(emptyState("gcounter"), A, -1, "gcounter")), "invalid_value");
  });
});
