import { hash } from "node:crypto";
import type { CrdtState, TypeName, YDocState } from "../crdt/index.js";
import * as Y from "yjs";
import { CrdtError, decodeState, emptyState, emptyYDoc, encodeState, digest as stateDigest, yFullUpdate } from "../crdt/index.js";
import { entityDigest } from "../protos/gossip.js";
import type { DigestTree } from "./digest-tree.js";
import { leafOf } from "./digest-tree.js";
import { EntityCache } from "./entity-cache.js";
import type { EntityId, EntityRef } from "./entity-ref.js";
import { entityId } from "./entity-ref.js";
import type { Entity } from "./entity.js";
import type { Env } from "./env.js";
import type { ReplicaOptions } from "./options.js";
import { KEYS, decodeRecord, encodeRecord, encodeSeq } from "./records.js";
import type { BatchOp, KeyValueStore } from "./storage/index.js";
import type { Version } from "./version.js";
import { versionEntries } from "./version.js";

/**
 * Heap an entity costs, estimated from its encoded size: a fixed part (the entity record, maps,
 * context) plus a multiple of the encoding, since JS objects are far larger than protobuf.
 * Fitted to bench/memory.ts: a pncounter (40 encoded bytes) measured 2,050 heap bytes, an orset
 * of 10 members (244 bytes) 4,409.
 */
const ENTITY_BASE_BYTES = 1536;
const MEMORY_PER_ENCODED_BYTE = 16;
const MIN_ENTITY_BYTES = ENTITY_BASE_BYTES;

function estimateBytes(encoded: number): number {
  return ENTITY_BASE_BYTES + encoded * MEMORY_PER_ENCODED_BYTE;
}

/** An entity's metadata as of a batch being written, applied to it once the batch is durable. */
interface WrittenEntity {
  readonly digest: Uint8Array;
  readonly firstLog: number;
  readonly nextLog: number;
  /** How many of the entity's pending Yjs updates the batch logged. */
  readonly logged: number;
  /** New estimated memory size, when the batch re-encoded the state. */
  readonly bytes: number | undefined;
}

export interface FlushStats {
  readonly entities: number;
  readonly ms: number;
}

/**
 * Entities on disk and in memory: loading through a bounded cache, and group commit (every
 * entity changed in one turn of the event loop is written in ONE atomic batch, together with the
 * replica's sequence counter, before any of those changes is acknowledged or gossiped).
 */
export class EntityStore {
  readonly cache: EntityCache;
  private readonly loading = new Map<EntityId, Promise<Entity | undefined>>();
  private dirty = new Set<Entity>();
  private waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushScheduled = false;
  private flushing: Promise<void> | undefined;
  /** Entities with a commit queued or being written: they must stay cached until durable. */
  private readonly inFlight = new Set<Entity>();
  seq: number;
  onFlush: (stats: FlushStats) => void = () => {};

  constructor(
    private readonly store: KeyValueStore,
    private readonly env: Env,
    private readonly opts: ReplicaOptions,
    private readonly tree: DigestTree,
    initialSeq: number,
    mustStay: (e: Entity) => boolean,
  ) {
    this.seq = initialSeq;
    this.cache = new EntityCache(
      opts.cacheMaxEntries,
      opts.cacheMaxBytes,
      (e) => this.inFlight.has(e) || this.dirty.has(e) || e.pins > 0 || mustStay(e),
      (e) => {
        if (e.state.type === "ydoc") e.state.doc.destroy();
      },
    );
  }

  /** Rebuilds the digest tree from the digest index: a scan of small rows, not of states. */
  static async loadTree(store: KeyValueStore, tree: DigestTree): Promise<void> {
    for await (const [key, value] of store.scan(KEYS.digestPrefix)) {
      const leaf = parseInt(key.slice(2, 6), 16);
      tree.update(leaf, undefined, value);
    }
  }

  /** A fresh Yjs clientID for every document load, so no two writers ever share one. */
  private newClientId(): number {
    return Math.floor(this.env.random.next() * 0xffffffff) >>> 0;
  }

  emptyStateOf(type: TypeName): CrdtState {
    return type === "ydoc" ? emptyYDoc(this.newClientId()) : emptyState(type);
  }

  /**
   * The entity at `ref`: from the cache, else from the store, else (with `type`) a new empty
   * entity that is not stored until its first commit. Without `type`, unknown entities are
   * undefined. A stored entity of another type is a type_mismatch error. With `pin`, the entity
   * is pinned in the same turn it is found or cached: a pin counted after an await could come
   * too late, once another load has evicted it (and destroyed its Y.Doc).
   */
  async get(ref: EntityRef, type?: TypeName, pin = false): Promise<Entity | undefined> {
    const id = entityId(ref);
    let e = this.cache.get(id);
    if (!e) {
      let pending = this.loading.get(id);
      if (!pending) {
        pending = this.loadFromStore(id, ref).finally(() => this.loading.delete(id));
        this.loading.set(id, pending);
      }
      e = await pending;
      // Another caller may have created the entity while this one waited for the store.
      e = this.cache.get(id) ?? e;
      if (e && !this.cache.peek(id)) this.cache.add(e);
    }
    if (!e && type) {
      e = this.newEntity(id, ref, type);
      this.cache.add(e);
    }
    if (e && type && e.type !== type && !e.deleted) {
      throw new CrdtError("type_mismatch", `entity ${ref.service}/${ref.key} holds a ${e.type}, not a ${type}`);
    }
    if (e && pin) e.pins++;
    return e;
  }

  private newEntity(id: EntityId, ref: EntityRef, type: TypeName): Entity {
    return {
      id,
      ref,
      leaf: leafOf(id),
      type,
      state: this.emptyStateOf(type),
      version: new Map(),
      deleted: false,
      digest: undefined,
      firstLog: 0,
      nextLog: 0,
      pendingLog: [],
      pins: 0,
      bytes: MIN_ENTITY_BYTES,
    };
  }

  private async loadFromStore(id: EntityId, ref: EntityRef): Promise<Entity | undefined> {
    const bytes = await this.store.get(KEYS.entity(id));
    if (!bytes) return undefined;
    const rec = decodeRecord(bytes);
    const base = {
      id,
      ref,
      leaf: leafOf(id),
      version: rec.version,
      deleted: rec.deleted,
      digest: rec.digest,
      firstLog: rec.firstLog,
      nextLog: rec.nextLog,
      pendingLog: [],
      pins: 0,
    };
    if (rec.deleted) {
      // The type of a deleted entity no longer matters: it answers entity_deleted.
      return { ...base, type: "gcounter", state: emptyState("gcounter"), bytes: MIN_ENTITY_BYTES };
    }
    if (rec.state.length === 0) {
      // A ydoc: its snapshot plus the log rows written since.
      const state = emptyYDoc(this.newClientId());
      const snapshot = await this.store.get(KEYS.ySnapshot(id));
      const updates: Uint8Array[] = snapshot ? [snapshot] : [];
      let size = snapshot?.length ?? 0;
      for await (const [, u] of this.store.scan(KEYS.yLogPrefix(id))) {
        updates.push(u);
        size += u.length;
      }
      applyYUpdates(state, updates);
      return { ...base, type: "ydoc", state, bytes: estimateBytes(size) };
    }
    const state = decodeState(rec.state, { clientId: this.newClientId() });
    return { ...base, type: state.type, state, bytes: estimateBytes(rec.state.length) };
  }

  /**
   * Queues the entity's current state for the next group-commit batch. Resolves once the batch is
   * durable (fsynced when options.fsync), rejects if the store failed to write it.
   */
  commit(e: Entity): Promise<void> {
    this.dirty.add(e);
    this.inFlight.add(e);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      this.env.timers.defer(() => void this.flush());
    }
    return done;
  }

  /** Resolves when everything committed so far is durable. */
  async drain(): Promise<void> {
    while (this.flushing || this.flushScheduled) {
      if (this.flushing) await this.flushing;
      else await new Promise<void>((r) => this.env.timers.defer(r));
    }
  }

  private async flush(): Promise<void> {
    // One batch in flight at a time keeps batches in commit order.
    while (this.flushing) await this.flushing;
    this.flushScheduled = false;
    if (this.dirty.size === 0) return;
    const entities = [...this.dirty];
    const waiters = this.waiters;
    this.dirty = new Set();
    this.waiters = [];
    const started = this.env.clock.monotonic();
    const run = this.writeBatch(entities).then(
      (written) => {
        entities.forEach((e, i) => {
          const w = written[i] as WrittenEntity;
          // Only now that the batch is durable does the entity's log position move on; changes
          // applied while the batch was being written stay pending for the next one.
          e.firstLog = w.firstLog;
          e.nextLog = w.nextLog;
          e.pendingLog.splice(0, w.logged);
          if (w.bytes !== undefined) this.cache.resize(e, w.bytes);
          this.tree.update(e.leaf, e.digest, w.digest);
          e.digest = w.digest;
          if (!this.dirty.has(e)) this.inFlight.delete(e);
        });
        this.cache.evict();
        this.onFlush({ entities: entities.length, ms: this.env.clock.monotonic() - started });
        for (const w of waiters) w.resolve();
      },
      (err: unknown) => {
        // Nothing of the batch is durable (batches are atomic): retry it with the next flush.
        for (const e of entities) this.dirty.add(e);
        for (const w of waiters) w.reject(err);
      },
    );
    this.flushing = run;
    await run;
    this.flushing = undefined;
  }

  /**
   * Builds and writes one atomic batch; returns what each entity's metadata becomes once it is
   * durable. Nothing of the entities changes here: if the batch fails, their pending Yjs updates
   * and log positions are intact for the retry.
   */
  private async writeBatch(entities: Entity[]): Promise<WrittenEntity[]> {
    const ops: BatchOp[] = [];
    const written: WrittenEntity[] = [];
    for (const e of entities) {
      let stateBytes: Uint8Array = new Uint8Array();
      let stateVector: Uint8Array = new Uint8Array();
      let sd: Uint8Array = new Uint8Array(32);
      let firstLog = e.firstLog;
      let nextLog = e.nextLog;
      let bytes: number | undefined;
      const logged = e.pendingLog.length;
      if (e.deleted) {
        for (let n = firstLog; n < nextLog; n++) ops.push({ type: "del", key: KEYS.yLog(e.id, n) });
        ops.push({ type: "del", key: KEYS.ySnapshot(e.id) });
        firstLog = nextLog = 0;
      } else if (e.state.type === "ydoc") {
        for (const u of e.pendingLog) ops.push({ type: "put", key: KEYS.yLog(e.id, nextLog++), value: u });
        if (nextLog - firstLog >= this.opts.yjsCompactEvery) {
          // Compaction re-encodes the loaded document once (never a long mergeUpdates chain) and
          // swaps snapshot and log in the same atomic batch.
          const snapshot = yFullUpdate(e.state);
          ops.push({ type: "put", key: KEYS.ySnapshot(e.id), value: snapshot });
          for (let n = firstLog; n < nextLog; n++) ops.push({ type: "del", key: KEYS.yLog(e.id, n) });
          firstLog = nextLog;
          bytes = estimateBytes(snapshot.length);
        }
        stateVector = Y.encodeStateVector(e.state.doc);
        sd = stateDigest(e.state, stateVector);
      } else {
        stateBytes = encodeState(e.state);
        sd = new Uint8Array(hash("sha256", stateBytes, "buffer"));
        bytes = estimateBytes(stateBytes.length);
      }
      // The entity digest of PROTOCOL.md 2.8: identity and version inside, so that two entities
      // with equal states cannot cancel out in the XOR tree and anti-entropy converges versions.
      const entries = versionEntries(e.version);
      const d = entityDigest({ service: e.ref.service, key: e.ref.key, placementId: e.id, deleted: e.deleted, version: entries, stateDigest: sd });
      const record = encodeRecord({ state: stateBytes, version: e.version, deleted: e.deleted, firstLog, nextLog, digest: d, stateVector }, entries);
      ops.push({ type: "put", key: KEYS.entity(e.id), value: record });
      ops.push({ type: "put", key: KEYS.digest(e.leaf, e.id), value: d });
      written.push({ digest: d, firstLog, nextLog, logged, bytes });
    }
    ops.push({ type: "put", key: KEYS.seq, value: encodeSeq(this.seq) });
    await this.store.batch(ops, { sync: this.opts.fsync });
    return written;
  }

  /**
   * What anti-entropy needs to know of an entity without loading its state: whether it is a
   * deleted tombstone, and a ydoc's state vector (from the cache, else from its record).
   */
  async syncInfo(id: EntityId): Promise<{ deleted: boolean; ydocStateVector: Uint8Array | undefined } | undefined> {
    const e = this.cache.peek(id);
    if (e) {
      return { deleted: e.deleted, ydocStateVector: !e.deleted && e.state.type === "ydoc" ? Y.encodeStateVector(e.state.doc) : undefined };
    }
    const bytes = await this.store.get(KEYS.entity(id));
    if (!bytes) return undefined;
    const rec = decodeRecord(bytes);
    const isYdoc = !rec.deleted && rec.state.length === 0;
    return { deleted: rec.deleted, ydocStateVector: isYdoc ? rec.stateVector : undefined };
  }

  /**
   * The entity as last made durable, for anti-entropy replies. The in-memory state may hold a
   * change whose batch is still being written; a replica killed before that batch is durable
   * mints the change's dots again after its restart, so a peer sent the change would hold another
   * entry under the same dot, and the two would cancel out — losing an acknowledged write
   * (replica/sim/scenarios.test.ts). `"ydoc"` for documents: they need no such care, since every
   * load writes with a fresh Yjs clientID. Undefined for an entity never stored.
   */
  async durableState(id: EntityId): Promise<{ deleted: boolean; version: Version; state: Uint8Array } | "ydoc" | undefined> {
    const bytes = await this.store.get(KEYS.entity(id));
    if (!bytes) return undefined;
    const rec = decodeRecord(bytes);
    if (!rec.deleted && rec.state.length === 0) return "ydoc";
    return { deleted: rec.deleted, version: rec.version, state: rec.state };
  }

  /** Entity ids and digests stored in one digest-tree leaf (anti-entropy step 3). */
  async leafEntries(leaf: number): Promise<{ id: EntityId; digest: Uint8Array }[]> {
    const out: { id: EntityId; digest: Uint8Array }[] = [];
    const prefix = KEYS.digestLeafPrefix(leaf);
    for await (const [key, value] of this.store.scan(prefix)) {
      out.push({ id: key.slice(prefix.length) as EntityId, digest: value });
    }
    return out;
  }
}

function applyYUpdates(s: YDocState, updates: Uint8Array[]): void {
  s.doc.transact(() => {
    for (const u of updates) Y.applyUpdate(s.doc, u);
  });
}
