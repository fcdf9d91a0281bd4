// Join is a semilattice join for every causal type (SPEC §3): commutative, associative,
// idempotent, with the empty state as identity, inflationary, and pure. States come from random
// histories over a few replicas (crdt/test-support/histories.ts); bytes are compared canonically.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { CAUSAL_TYPES, cloneState, emptyState, join, mergeInto } from "./index.js";
import type { CausalState, CausalType } from "./index.js";
import { OUTSIDER, applyOp, assertSameState, configureProperties, hex, opArb, statesArb } from "./test-support/histories.js";

configureProperties(process.env);

function two(ss: CausalState[]): [CausalState, CausalState] {
  return [ss[0] as CausalState, ss[1] as CausalState];
}

for (const type of CAUSAL_TYPES) {
  describe(`join laws: ${type}`, () => {
    it("is commutative", () => {
      fc.assert(
        fc.property(statesArb(type, 2), (ss) => {
          const [a, b] = two(ss);
          assertSameState(join(a, b), join(b, a));
        }),
      );
    });

    it("is associative", () => {
      fc.assert(
        fc.property(statesArb(type, 3), ([a, b, c]) => {
          assert.ok(a && b && c);
          assertSameState(join(join(a, b), c), join(a, join(b, c)));
        }),
      );
    });

    it("is idempotent", () => {
      fc.assert(
        fc.property(statesArb(type, 1), ([a]) => {
          assert.ok(a);
          assertSameState(join(a, a), a);
          // Joining a copy (no shared containers) is idempotent too.
          assertSameState(join(a, cloneState(a)), a);
        }),
      );
    });

    it("has the empty state as identity", () => {
      fc.assert(
        fc.property(statesArb(type, 1), ([a]) => {
          assert.ok(a);
          const empty = emptyState<CausalType>(type);
          assertSameState(join(a, empty), a);
          assertSameState(join(empty, a), a);
        }),
      );
    });

    it("inflates: a ⊔ b contains a and b", () => {
      fc.assert(
        fc.property(statesArb(type, 2), (ss) => {
          const [a, b] = two(ss);
          const ab = join(a, b);
          assertSameState(join(ab, a), ab, "a ⋢ a ⊔ b");
          assertSameState(join(ab, b), ab, "b ⋢ a ⊔ b");
          assertSameState(join(a, ab), ab, "a ⊔ (a ⊔ b) ≠ a ⊔ b");
        }),
      );
    });

    it("never mutates its arguments, and its result shares nothing mutable with them", () => {
      fc.assert(
        fc.property(statesArb(type, 2), opArb(type), opArb(type), (ss, op1, op2) => {
          const [a, b] = two(ss);
          const before = [hex(a), hex(b)];
          const ab = join(a, b);
          assert.deepEqual([hex(a), hex(b)], before, "join changed an argument");

          // mergeInto changes only its target.
          const target = cloneState(a);
          mergeInto(target, b);
          assertSameState(target, ab, "mergeInto differs from join");
          assert.deepEqual([hex(a), hex(b)], before, "mergeInto changed its source");

          // Writing to the results afterwards leaves the inputs alone.
          applyOp(ab, OUTSIDER, op1);
          applyOp(ab, OUTSIDER, op2);
          applyOp(target, OUTSIDER, op2);
          mergeInto(target, ab);
          assert.deepEqual([hex(a), hex(b)], before, "a later write to the join result changed an input");
        }),
      );
    });
  });
}
