import type { Dot } from "./dot.js";
import { dot } from "./dot.js";
import type { ReplicaId } from "./replica-id.js";

/**
 * The set of dots a state has seen: a compact version vector (every counter 1..vv[r] seen) plus
 * a dot cloud for dots seen out of order. Compaction folds a cloud dot into the vector only when
 * it is exactly the next counter, so a gap is never skipped: a late dot that falls into a gap is
 * still "unseen" and survives a join (the pitfall of compacting to the maximum).
 */
export class CausalContext {
  readonly vv = new Map<ReplicaId, number>();
  readonly cloud = new Map<ReplicaId, Set<number>>();

  static of(dots: Iterable<Dot>): CausalContext {
    const ctx = new CausalContext();
    for (const d of dots) ctx.add(d);
    return ctx;
  }

  has(d: Dot): boolean {
    if (d.counter <= (this.vv.get(d.replica) ?? 0)) return true;
    return this.cloud.get(d.replica)?.has(d.counter) ?? false;
  }

  /** Highest counter seen for `replica`, contiguous or not. */
  max(replica: ReplicaId): number {
    let m = this.vv.get(replica) ?? 0;
    const c = this.cloud.get(replica);
    if (c) for (const n of c) if (n > m) m = n;
    return m;
  }

  /** The dot `replica` mints next. Its own dots are always contiguous in its own state. */
  next(replica: ReplicaId): Dot {
    return dot(replica, this.max(replica) + 1);
  }

  add(d: Dot): void {
    const v = this.vv.get(d.replica) ?? 0;
    if (d.counter <= v) return;
    if (d.counter === v + 1) {
      this.vv.set(d.replica, d.counter);
      this.compactReplica(d.replica);
      return;
    }
    let c = this.cloud.get(d.replica);
    if (!c) this.cloud.set(d.replica, (c = new Set()));
    c.add(d.counter);
  }

  mergeFrom(other: CausalContext): void {
    for (const [r, n] of other.vv) {
      if (n > (this.vv.get(r) ?? 0)) {
        this.vv.set(r, n);
        this.compactReplica(r);
      }
    }
    for (const [r, counters] of other.cloud) {
      for (const n of counters) this.add({ replica: r, counter: n });
    }
  }

  clone(): CausalContext {
    const c = new CausalContext();
    for (const [r, n] of this.vv) c.vv.set(r, n);
    for (const [r, s] of this.cloud) c.cloud.set(r, new Set(s));
    return c;
  }

  isEmpty(): boolean {
    return this.vv.size === 0 && this.cloud.size === 0;
  }

  /** Number of dots held in the cloud: a persistently large cloud means deltas arrive out of causal order. */
  cloudSize(): number {
    let n = 0;
    for (const s of this.cloud.values()) n += s.size;
    return n;
  }

  private compactReplica(r: ReplicaId): void {
    const c = this.cloud.get(r);
    if (!c) return;
    let v = this.vv.get(r) ?? 0;
    for (const n of c) if (n <= v) c.delete(n);
    while (c.has(v + 1)) {
      c.delete(v + 1);
      v++;
    }
    if (v > 0) this.vv.set(r, v);
    if (c.size === 0) this.cloud.delete(r);
  }
}
