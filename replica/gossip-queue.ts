import * as Y from "yjs";
import { cloneState, join, mergeInto } from "../crdt/index.js";
import type { EntityId, EntityRef } from "./entity-ref.js";
import type { AckTracker, Change, OutboundChange } from "./replica.js";
import type { Version } from "./version.js";
import { mergeVersion } from "./version.js";

/** Pending acknowledgements of one change, shared by the per-peer queues it sits in. */
export class ChangeAcks implements AckTracker {
  private readonly peers = new Set<string>();
  private waiters: { peers: number; resolve: (ok: boolean) => void }[] = [];

  constructor(private readonly after: (ms: number, fn: () => void) => { cancel(): void }) {}

  ack(peer: string): void {
    this.peers.add(peer);
    this.waiters = this.waiters.filter((w) => {
      if (this.peers.size < w.peers) return true;
      w.resolve(true);
      return false;
    });
  }

  wait(peers: number, timeoutMs: number): Promise<boolean> {
    if (this.peers.size >= peers) return Promise.resolve(true);
    return new Promise((resolve) => {
      const w = { peers, resolve };
      this.waiters.push(w);
      const timer = this.after(timeoutMs, () => {
        this.waiters = this.waiters.filter((x) => x !== w);
        resolve(false);
      });
      w.resolve = (ok) => {
        timer.cancel();
        resolve(ok);
      };
    });
  }
}

/** One entity's pending changes for one peer, joined into one delta. */
export interface QueuedChange {
  readonly id: EntityId;
  readonly ref: EntityRef;
  change: Change;
  version: Version;
  readonly origin: string;
  firstSeq: number;
  seq: number;
  originTimeMs: number;
  acks: ChangeAcks[];
  /**
   * True once the item absorbed a second change: `change` is then this queue's own (a causal one
   * joins later changes in place) and the item no longer equals what other peers' queues hold,
   * so the cluster may not reuse another peer's encoding of it.
   */
  owned: boolean;
  /**
   * Yjs updates queued after `change`, merged into it when the item is taken, or earlier once
   * they outweigh it (a peer that stays away must not hold every update): merging on every push
   * re-merged the whole pending update each time (a hot document's cost grew with the square of
   * the updates per push interval); merging when the backlog is as large as the merged update
   * keeps both the memory and the merging work within a constant factor of the merged update.
   */
  laterYUpdates?: Uint8Array[];
  laterYBytes?: number;
}

/** Below this backlog a document's updates wait for the push (one merge per push interval). */
const EARLY_MERGE_BYTES = 16 * 1024;

/** Folds the item's later Yjs updates into its change. */
function mergeLater(item: QueuedChange): void {
  if (!item.laterYUpdates || item.change.kind !== "ydoc") return;
  item.change = { kind: "ydoc", update: Y.mergeUpdates([item.change.update, ...item.laterYUpdates]) };
  item.owned = true;
  delete item.laterYUpdates;
  delete item.laterYBytes;
}

function coalesce(a: Change, b: Change): Change {
  if (a.kind === "delete" || b.kind === "delete") return { kind: "delete" };
  if (a.kind === "causal" && b.kind === "causal") return { kind: "causal", delta: join(a.delta, b.delta) };
  // Unreachable for one entity (its type never changes; Yjs updates queue in push); a copy all the
  // same, since the item that gets it owns it.
  return b.kind === "causal" ? { kind: "causal", delta: cloneState(b.delta) } : { ...b };
}

/**
 * Changes waiting to be pushed to one peer, coalesced per entity: while the peer is slow, a hot
 * entity costs one joined delta, not one per command. Bounded: past `maxEntities` the queue is
 * dropped and the peer marked for anti-entropy, which repairs whatever the queue held.
 */
export class GossipQueue {
  private readonly items = new Map<EntityId, QueuedChange>();
  overflowed = false;

  constructor(private readonly maxEntities: number) {}

  get size(): number {
    return this.items.size;
  }

  push(c: OutboundChange, acks: ChangeAcks): void {
    const prev = this.items.get(c.id);
    if (prev) {
      const a = prev.change;
      const b = c.change;
      if (a.kind === "causal" && b.kind === "causal") {
        // The first change is shared with the other peers' queues: copy it once, then join in
        // place. Joining into a fresh copy each time made a hot entity's batch quadratic.
        let target = a.delta;
        if (!prev.owned) {
          target = cloneState(a.delta);
          prev.change = { kind: "causal", delta: target };
          prev.owned = true;
        }
        mergeInto(target, b.delta);
      } else if (a.kind === "ydoc" && b.kind === "ydoc") {
        (prev.laterYUpdates ??= []).push(b.update);
        prev.laterYBytes = (prev.laterYBytes ?? 0) + b.update.length;
        prev.owned = true;
        if (prev.laterYBytes >= Math.max(a.update.length, EARLY_MERGE_BYTES)) mergeLater(prev);
      } else {
        prev.change = coalesce(a, b);
        prev.owned = true;
        if (prev.change.kind === "delete") {
          delete prev.laterYUpdates;
          delete prev.laterYBytes;
        }
      }
      mergeVersion(prev.version, c.version);
      prev.seq = c.seq;
      prev.acks.push(acks);
      return;
    }
    if (this.items.size >= this.maxEntities) {
      this.items.clear();
      this.overflowed = true;
      return;
    }
    this.items.set(c.id, {
      id: c.id,
      ref: c.ref,
      change: c.change,
      version: new Map(c.version),
      origin: c.origin,
      firstSeq: c.seq,
      seq: c.seq,
      originTimeMs: c.originTimeMs,
      acks: [acks],
      owned: false,
    });
  }

  /** Removes and returns up to `max` queued changes, oldest first. */
  take(max: number): QueuedChange[] {
    const out: QueuedChange[] = [];
    for (const [id, item] of this.items) {
      if (out.length >= max) break;
      mergeLater(item);
      out.push(item);
      this.items.delete(id);
    }
    return out;
  }

  clear(): void {
    this.items.clear();
  }
}
