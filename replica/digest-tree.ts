// The tree's shape is the protocol's: both ends of a session compare it slot by slot.
import { DIGEST_BYTES, TREE_FANOUT, TREE_LEAVES } from "../protos/gossip.js";

/**
 * The leaf an entity id falls in. An entity id is the protocol's placement id, and both ends of a
 * session must put an entity in the same leaf: the protocol's own function, not a copy of it.
 */
export { treeLeaf as leafOf } from "../protos/gossip.js";

function xorInto(target: Uint8Array, offset: number, d: Uint8Array): void {
  for (let i = 0; i < DIGEST_BYTES; i++) target[offset + i] = (target[offset + i] as number) ^ (d[i] as number);
}

/**
 * Summary of every entity digest a replica holds, for anti-entropy. Each node is the XOR of the
 * digests below it, so a change updates one leaf, its bucket and the root in O(1) and the tree
 * never needs rebuilding. XOR is not collision-resistant against an adversary, but peers are
 * authenticated and trusted (PROTOCOL.md), and the entity digests under it are SHA-256.
 *
 * The two levels under the root of protocol version 1 (TREE_DEPTH), TREE_FANOUT buckets of
 * TREE_FANOUT leaves each: 256 × 256 leaves hold ~15 entities each at a million entities.
 */
export class DigestTree {
  readonly root = new Uint8Array(DIGEST_BYTES);
  readonly buckets = new Uint8Array(TREE_FANOUT * DIGEST_BYTES);
  readonly leaves = new Uint8Array(TREE_LEAVES * DIGEST_BYTES);
  private readonly counts = new Uint32Array(TREE_LEAVES);
  private readonly scratch = new Uint8Array(DIGEST_BYTES);

  /** Replaces `before` (absent: undefined) by `after` (removed: undefined) in `leaf`. */
  update(leaf: number, before: Uint8Array | undefined, after: Uint8Array | undefined): void {
    // One combined difference applied to the three levels: half the XORs of applying each (every
    // commit on every replica comes here).
    if (!before && !after) return;
    const d = this.scratch;
    // Byte by byte with missing bytes as 0: a digest row of the wrong length (a damaged store)
    // must neither throw at start-up nor leave bytes of the previous call in the scratch.
    for (let i = 0; i < DIGEST_BYTES; i++) d[i] = (before?.[i] ?? 0) ^ (after?.[i] ?? 0);
    xorInto(this.leaves, leaf * DIGEST_BYTES, d);
    xorInto(this.buckets, Math.floor(leaf / TREE_FANOUT) * DIGEST_BYTES, d);
    xorInto(this.root, 0, d);
    if (!before && after) this.counts[leaf] = (this.counts[leaf] as number) + 1;
    if (before && !after) this.counts[leaf] = (this.counts[leaf] as number) - 1;
  }

  bucketDigest(bucket: number): Uint8Array {
    return this.buckets.subarray(bucket * DIGEST_BYTES, (bucket + 1) * DIGEST_BYTES);
  }

  /** The TREE_FANOUT leaf digests under a level-1 bucket, concatenated. */
  leavesOf(bucket: number): Uint8Array {
    return this.leaves.subarray(bucket * TREE_FANOUT * DIGEST_BYTES, (bucket + 1) * TREE_FANOUT * DIGEST_BYTES);
  }

  entityCount(): number {
    let n = 0;
    for (const c of this.counts) n += c;
    return n;
  }
}

/** Indices of the DIGEST_BYTES-sized slots that differ between two concatenations. */
export function differingSlots(a: Uint8Array, b: Uint8Array): number[] {
  const out: number[] = [];
  const n = Math.max(a.length, b.length) / DIGEST_BYTES;
  for (let s = 0; s < n; s++) {
    for (let i = s * DIGEST_BYTES; i < (s + 1) * DIGEST_BYTES; i++) {
      if (a[i] !== b[i]) {
        out.push(s);
        break;
      }
    }
  }
  return out;
}
