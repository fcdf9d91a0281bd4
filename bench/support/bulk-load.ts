/**
 * Fast loading of many new pncounters for benchmarks that need a million entities on disk.
 *
 * replica.update costs a store read per new entity (a LevelDB miss), the per-entity mutex and
 * several promise hops; for a million new entities that is minutes on a 2-core machine. This
 * loader keeps the part that matters for what is stored, the replica's own EntityStore (entity
 * creation, group commit, record and digest rows, digest tree), and skips the rest: the store it
 * hands the replica answers "absent" for entity rows without asking LevelDB (every key is new),
 * and it applies the +1 the way Replica.update does (join the delta, bump the version, bump the
 * sequence, commit) for thousands of entities per batch.
 *
 * `verifyBulkLoad` builds a sample both ways with the same replica id and checks that every
 * entity and digest row is byte-identical, so a change in the replica's write path shows up as a
 * failed check, never as silently different data.
 */
import type { ReplicaId } from "../../crdt/index.js";
import type { EntityRef } from "../../replica/entity-ref.js";
import { KEYS } from "../../replica/records.js";
import type { Change } from "../../replica/replica.js";
import { Replica } from "../../replica/replica.js";
import type { ReplicaOptions } from "../../replica/options.js";
import type { KeyValueStore } from "../../replica/storage/index.js";
import { MemoryStore } from "../../replica/storage/memory-store.js";
import { mergeInto } from "../../crdt/index.js";
import { increment, runConcurrently } from "./stats.js";

const CHUNK = 5_000;

/** `store`, except that entity rows read as absent (the loader only creates new entities). */
function newEntitiesOnly(store: KeyValueStore): KeyValueStore {
  return {
    get: (key) => (key.startsWith(KEYS.entityPrefix) ? Promise.resolve(undefined) : store.get(key)),
    getMany: (keys) => store.getMany(keys),
    batch: (ops, options) => store.batch(ops, options),
    scan: (prefix, options) => store.scan(prefix, options),
    close: () => store.close(),
  };
}

/**
 * Creates the pncounters `refOf(i)` for i in [from, to) (none of which may exist yet), each
 * holding one +1 by the store's replica (a new one for an empty store), and closes the store.
 * Returns the replica id.
 */
export async function bulkLoadCounters(
  store: KeyValueStore,
  from: number,
  to: number,
  refOf: (i: number) => EntityRef,
  options: Partial<ReplicaOptions> = {},
  onProgress?: (done: number) => void,
): Promise<ReplicaId> {
  const replica = await Replica.open({ store: newEntitiesOnly(store), options });
  const produce = increment(replica.id);
  try {
    for (let start = from; start < to; start += CHUNK) {
      const end = Math.min(to, start + CHUNK);
      const durable: Promise<void>[] = [];
      for (let i = start; i < end; i++) {
        const e = await replica.entities.get(refOf(i), "pncounter");
        if (!e || e.version.size > 0) throw new Error(`bulk load: entity ${i} is not new`);
        const change = produce(e) as Extract<Change, { kind: "causal" }>;
        // What Replica.update does with a causal change.
        if (e.state.type === "ydoc") throw new Error("unreachable");
        mergeInto(e.state, change.delta);
        e.version.set(replica.id, 1);
        ++replica.entities.seq;
        durable.push(replica.entities.commit(e));
      }
      await Promise.all(durable);
      if (onProgress && end % 100_000 === 0) onProgress(end);
    }
    return replica.id;
  } finally {
    await replica.close();
  }
}

/**
 * Builds `count` counters twice, through replica.update and through bulkLoadCounters, under the
 * same replica id, and compares every entity and digest row. Throws if any differs.
 */
export async function verifyBulkLoad(count: number, refOf: (i: number) => EntityRef): Promise<{ rowsCompared: number }> {
  const viaUpdate = new MemoryStore();
  const replica = await Replica.open({ store: viaUpdate });
  const produce = increment(replica.id);
  await runConcurrently(count, 256, (i) => replica.update(refOf(i), "pncounter", produce));
  await replica.entities.drain();
  const identity = await viaUpdate.get(KEYS.replica);
  if (!identity) throw new Error("no replica identity row");
  const viaBulk = new MemoryStore();
  await viaBulk.batch([{ type: "put", key: KEYS.replica, value: identity }]);
  const id = await bulkLoadCounters(viaBulk, 0, count, refOf);
  if (id !== replica.id) throw new Error("bulk load: the replica id was not reused");
  let rows = 0;
  const reopened = new MemoryStore(viaBulk.disk);
  try {
    for (const prefix of [KEYS.entityPrefix, KEYS.digestPrefix]) {
      const a = new Map<string, Uint8Array>();
      for await (const [k, v] of viaUpdate.scan(prefix)) a.set(k, v);
      const b = new Map<string, Uint8Array>();
      for await (const [k, v] of reopened.scan(prefix)) b.set(k, v);
      if (a.size !== b.size || a.size === 0) throw new Error(`bulk load: ${b.size} rows under ${prefix}, replica.update wrote ${a.size}`);
      for (const [k, v] of a) {
        const w = b.get(k);
        if (!w || Buffer.compare(Buffer.from(v), Buffer.from(w)) !== 0) throw new Error(`bulk load: row ${k} differs from the one replica.update wrote`);
        rows++;
      }
    }
  } finally {
    await replica.close();
    await reopened.close();
  }
  return { rowsCompared: rows };
}
