// Causal contexts compact into a version vector only across contiguous counters and keep a dot
// cloud for gaps (SPEC §3; research crdt-reliability.md §1.2: the js-delta-crdts pitfall of
// compacting to the maximum makes a late dot in a gap look seen, and its add silently vanishes).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  CausalContext,
  addToSet,
  asReplicaId,
  clearSet,
  decodeState,
  dot,
  emptyState,
  encodeState,
  join,
  mergeInto,
  removeFromSet,
  view,
} from "./index.js";
import type { CausalState, Dot, ReplicaId } from "./index.js";
import { configureProperties, hex } from "./test-support/histories.js";

configureProperties(process.env);

const A = asReplicaId("A");
const B = asReplicaId("B");
const IDS = [A, B, asReplicaId("c-3")];
const MAX = 14;

const dotArb: fc.Arbitrary<Dot> = fc.record({ replica: fc.constantFrom(...IDS), counter: fc.integer({ min: 1, max: MAX - 2 }) }).map((d) => dot(d.replica, d.counter));

/** Inserts: single dots, or a whole other context merged in at once. */
const insertArb = fc.array(fc.oneof(dotArb.map((d) => ({ kind: "add" as const, dots: [d] })), fc.array(dotArb, { maxLength: 6 }).map((dots) => ({ kind: "merge" as const, dots }))), {
  maxLength: 20,
});

const key = (d: Dot): string => `${d.replica}:${d.counter}`;

function assertCanonical(ctx: CausalContext): void {
  for (const [r, n] of ctx.vv) assert.ok(n >= 1, `vv[${r}] = ${n}`);
  for (const [r, cloud] of ctx.cloud) {
    assert.ok(cloud.size > 0, `empty cloud for ${r}`);
    const v = ctx.vv.get(r) ?? 0;
    for (const c of cloud) assert.ok(c > v + 1, `cloud ${r}:${c} not beyond vv ${v} plus a gap`);
  }
}

describe("causal context", () => {
  it("compaction never changes has() answers: matches a plain set of dots for any insertion order", () => {
    fc.assert(
      fc.property(insertArb, (inserts) => {
        const ctx = new CausalContext();
        const model = new Set<string>();
        for (const ins of inserts) {
          if (ins.kind === "add") ctx.add(ins.dots[0] as Dot);
          else ctx.mergeFrom(CausalContext.of(ins.dots));
          for (const d of ins.dots) model.add(key(d));
          assertCanonical(ctx);
        }
        for (const r of IDS) {
          let max = 0;
          for (let c = 1; c <= MAX; c++) {
            assert.equal(ctx.has(dot(r, c)), model.has(`${r}:${c}`), `has(${r}:${c})`);
            if (model.has(`${r}:${c}`)) max = c;
          }
          assert.equal(ctx.max(r), max, `max(${r})`);
          assert.deepEqual(ctx.next(r), dot(r, max + 1));
        }
        assert.equal(ctx.isEmpty(), model.size === 0);
      }),
    );
  });

  it("is the same whatever the insertion order, and merging is a union", () => {
    fc.assert(
      fc.property(fc.array(dotArb, { maxLength: 20 }), fc.array(dotArb, { maxLength: 20 }), (xs, ys) => {
        const forward = CausalContext.of(xs);
        const backward = CausalContext.of([...xs].reverse());
        const canon = (c: CausalContext) => ({
          vv: [...c.vv].sort(),
          cloud: [...c.cloud].map(([r, s]) => [r, [...s].sort((a, b) => a - b)]).sort(),
        });
        assert.deepEqual(canon(forward), canon(backward));
        const merged = forward.clone();
        merged.mergeFrom(CausalContext.of(ys));
        assert.deepEqual(canon(merged), canon(CausalContext.of([...ys, ...xs])));
        // clone is independent of the original.
        const before = canon(forward);
        merged.add(dot(A, MAX + 5));
        assert.deepEqual(canon(forward), before);
      }),
    );
  });

  it("gap: a context with A1 and A3 reports A2 unseen, and folds it in when it arrives", () => {
    const ctx = CausalContext.of([dot(A, 1), dot(A, 3)]);
    assert.equal(ctx.has(dot(A, 1)), true);
    assert.equal(ctx.has(dot(A, 2)), false);
    assert.equal(ctx.has(dot(A, 3)), true);
    assert.equal(ctx.has(dot(A, 4)), false);
    assert.equal(ctx.vv.get(A), 1);
    assert.deepEqual([...(ctx.cloud.get(A) ?? [])], [3]);
    assert.equal(ctx.cloudSize(), 1);
    assert.equal(ctx.max(A), 3);
    ctx.add(dot(A, 2));
    assert.equal(ctx.vv.get(A), 3);
    assert.equal(ctx.cloud.has(A), false);
    assert.equal(ctx.cloudSize(), 0);

    // A merge that brings the vector past the cloud drops the covered cloud dots.
    const gap = CausalContext.of([dot(B, 2), dot(B, 5)]);
    gap.mergeFrom(CausalContext.of([dot(B, 1), dot(B, 2), dot(B, 3)]));
    assert.equal(gap.vv.get(B), 3);
    assert.deepEqual([...(gap.cloud.get(B) ?? [])], [5]);
    assert.equal(gap.has(dot(B, 4)), false);
  });

  it("the gap survives encoding: decoded context still reports A2 unseen", () => {
    const s = emptyState("orset");
    const d1 = addToSet(s, A, "x1");
    assert.ok(d1);
    mergeInto(s, { type: "orset", ...d1 });
    const d2 = addToSet(s, A, "x2");
    assert.ok(d2);
    mergeInto(s, { type: "orset", ...d2 });
    const d3 = addToSet(s, A, "x3");
    assert.ok(d3);
    const atB = join({ type: "orset", ...d1 }, { type: "orset", ...d3 });
    const decoded = decodeState(encodeState(atB)) as CausalState<"orset">;
    assert.equal(decoded.ctx.has(dot(A, 2)), false);
    assert.equal(decoded.ctx.has(dot(A, 3)), true);
  });
});

describe("orset with a gap in the context", () => {
  /** Replica A adds x1, x2, x3 (dots A1, A2, A3); returns A's state and the three deltas. */
  function threeAdds(): { atA: CausalState<"orset">; deltas: CausalState<"orset">[] } {
    const atA = emptyState("orset");
    const deltas: CausalState<"orset">[] = [];
    for (const x of ["x1", "x2", "x3"]) {
      const d = addToSet(atA, A, x);
      assert.ok(d);
      const ds = { type: "orset" as const, ...d };
      mergeInto(atA, ds);
      deltas.push(ds);
    }
    deltas.forEach((d, k) => assert.deepEqual([...d.store.values()][0]?.dots, [dot(A, k + 1)], "the test assumes dots A1, A2, A3"));
    return { atA, deltas };
  }
  const env = { self: B, live: new Set<ReplicaId>() };

  it("a late add whose dot falls in the gap survives the join", () => {
    const { atA, deltas } = threeAdds();
    const [d1, d2, d3] = deltas as [CausalState<"orset">, CausalState<"orset">, CausalState<"orset">];
    const atB = emptyState("orset");
    mergeInto(atB, d1);
    mergeInto(atB, d3);
    assert.deepEqual(view(atB, env), ["x1", "x3"]);
    assert.equal(atB.ctx.has(dot(A, 2)), false, "B must not claim A2 before it arrives");
    mergeInto(atB, d2);
    assert.deepEqual(view(atB, env), ["x1", "x2", "x3"]);
    assert.equal(hex(atB), hex(atA), "B converged to A's state");
  });

  it("a late add in the gap also survives a full-state join in either direction", () => {
    const { atA, deltas } = threeAdds();
    const [d1, d2, d3] = deltas as [CausalState<"orset">, CausalState<"orset">, CausalState<"orset">];
    const atB = join(d1, d3);
    assert.deepEqual(view(join(atB, d2), env), ["x1", "x2", "x3"]);
    assert.deepEqual(view(join(d2, atB), env), ["x1", "x2", "x3"]);
    assert.deepEqual(view(join(atB, atA), env), ["x1", "x2", "x3"]);
    assert.deepEqual(view(join(atA, atB), env), ["x1", "x2", "x3"]);
  });

  it("B removing what it saw does not remove the member whose dot is in the gap", () => {
    const { atA, deltas } = threeAdds();
    const [d1, d2, d3] = deltas as [CausalState<"orset">, CausalState<"orset">, CausalState<"orset">];
    const atB = join(d1, d3);
    const clear = clearSet(atB);
    assert.ok(clear);
    const clearState = { type: "orset" as const, ...clear };
    assert.equal(clearState.ctx.has(dot(A, 2)), false, "the clear covers only what B observed");
    mergeInto(atB, clearState);
    assert.deepEqual(view(atB, env), []);
    // x2 arrives late at B; A learns of B's clear.
    mergeInto(atB, d2);
    assert.deepEqual(view(atB, env), ["x2"]);
    mergeInto(atA, clearState);
    assert.deepEqual(view(atA, env), ["x2"]);
    assert.equal(hex(atA), hex(atB));

    // Same with a single remove: removing x3 leaves x2 (and x1) alone.
    const fresh = threeAdds();
    const atC = join(fresh.deltas[0] as CausalState<"orset">, fresh.deltas[2] as CausalState<"orset">);
    const rm = removeFromSet(atC, "x3");
    assert.ok(rm);
    mergeInto(fresh.atA, { type: "orset", ...rm });
    assert.deepEqual(view(fresh.atA, env), ["x1", "x2"]);
  });
});
