import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { DIGEST_BYTES, TREE_FANOUT, TREE_LEAVES } from "../protos/gossip.js";
import { DigestTree } from "./digest-tree.js";

const digest = fc.uint8Array({ minLength: DIGEST_BYTES, maxLength: DIGEST_BYTES });

function xorAll(digests: Iterable<Uint8Array>): Uint8Array {
  const out = new Uint8Array(DIGEST_BYTES);
  for (const d of digests) for (let i = 0; i < DIGEST_BYTES; i++) out[i] = (out[i] as number) ^ (d[i] as number);
  return out;
}

describe("DigestTree", () => {
  it("after any sequence of puts, replacements and removals, each level is the XOR of the digests held under it", () => {
    // Entities in a few leaves (some sharing a bucket) so that levels really combine digests.
    const leaves = [0, 1, 255, 256, 4097, TREE_LEAVES - 1];
    const op = fc.record({ entity: fc.nat({ max: 11 }), digest: fc.option(digest, { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const tree = new DigestTree();
        const held = new Map<number, Uint8Array>();
        const leafOf = (entity: number): number => leaves[entity % leaves.length] as number;
        for (const { entity, digest: after } of ops) {
          tree.update(leafOf(entity), held.get(entity), after);
          if (after) held.set(entity, after);
          else held.delete(entity);
        }
        const under = (pick: (leaf: number) => boolean): Uint8Array[] => [...held].filter(([e]) => pick(leafOf(e))).map(([, d]) => d);
        assert.deepEqual(tree.root, xorAll(held.values()));
        for (const leaf of leaves) {
          assert.deepEqual(tree.leaves.subarray(leaf * DIGEST_BYTES, (leaf + 1) * DIGEST_BYTES), xorAll(under((l) => l === leaf)));
          const bucket = Math.floor(leaf / TREE_FANOUT);
          assert.deepEqual(tree.bucketDigest(bucket), xorAll(under((l) => Math.floor(l / TREE_FANOUT) === bucket)));
        }
        assert.equal(tree.entityCount(), held.size);
      }),
    );
  });
});
