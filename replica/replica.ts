import type { CausalState, CrdtState, ReplicaId, TypeName, ViewEnv } from "../crdt/index.js";
import { CrdtError, applyYUpdate, emptyState, mergeInto, yFullUpdate as yFull } from "../crdt/index.js";
import { ChangeFeed } from "./change-feed.js";
import type { ChangeListener } from "./change-feed.js";
import { DigestTree } from "./digest-tree.js";
import type { EntityId, EntityRef } from "./entity-ref.js";
import { entityId } from "./entity-ref.js";
import { EntityStore } from "./entity-store.js";
import type { Entity } from "./entity.js";
import type { Env } from "./env.js";
import { realEnv } from "./env.js";
import { ReplicaError } from "./errors.js";
import { loadIdentity } from "./identity.js";
import { KeyedMutex } from "./keyed-mutex.js";
import type { ReplicaOptions } from "./options.js";
import { DEFAULT_OPTIONS } from "./options.js";
import type { KeyValueStore } from "./storage/index.js";
import type { Version } from "./version.js";
import { mergeVersion } from "./version.js";

/** Write consistency of a command (SPEC §4). */
export type Consistency = "local" | "majority" | "all";

/** What a command changed: a causal delta, a Yjs update, or the entity's deletion. */
export type Change =
  | { readonly kind: "causal"; readonly delta: CausalState }
  | {
      readonly kind: "ydoc";
      readonly update: Uint8Array;
      /**
       * Set by an `update` producer that applied `update` to the entity's own document already
       * (the Yjs endpoint must see what was new to it): applying it again would only decode it
       * once more, a tenth of a browser edit's cost on the replica.
       */
      readonly inDoc?: true;
    }
  | { readonly kind: "delete" };

/** A durable change on its way to the peers. */
export interface OutboundChange {
  readonly id: EntityId;
  readonly ref: EntityRef;
  readonly change: Change;
  /** The entity's version right after the change. */
  readonly version: Version;
  readonly origin: ReplicaId;
  readonly seq: number;
  readonly originTimeMs: number;
}

/** Counts the peers that acknowledged one change. */
export interface AckTracker {
  /** Resolves true once `peers` distinct peers acknowledged, false after `timeoutMs`. */
  wait(peers: number, timeoutMs: number): Promise<boolean>;
}

/** The replication side as the replica sees it; implemented by Cluster, or absent for a lone node. */
export interface ClusterPort {
  publish(change: OutboundChange): AckTracker;
  /** Replicas known to the cluster, this one included (the base of majority and all). */
  memberCount(): number;
  /** Peers currently reachable (the vote tally's live set). */
  live(): ReadonlySet<ReplicaId>;
  close(): Promise<void>;
}

export interface UpdateOptions {
  readonly consistency?: Consistency;
  /** How long majority/all wait for acknowledgements; default options.consistencyTimeoutMs. */
  readonly timeoutMs?: number;
}

export interface UpdateResult {
  /** False when the command changed nothing (no delta, no gossip). */
  readonly changed: boolean;
  readonly version: Version;
}

/** A remote change as received from a peer (delta push or anti-entropy state). */
export interface RemoteChange {
  readonly ref: EntityRef;
  readonly change: Change | { readonly kind: "state"; readonly state: CrdtState };
  readonly version: Iterable<readonly [string, number]>;
}

export interface ReplicaInit {
  readonly store: KeyValueStore;
  readonly env?: Env;
  readonly options?: Partial<ReplicaOptions>;
}

/**
 * One Lattice node's entity state: it serializes commands per entity, applies their deltas,
 * makes them durable by group commit, announces changes, and hands durable deltas to the
 * cluster for gossip. Remote deltas go through the same path, so subscribers see both.
 */
export class Replica {
  readonly id: ReplicaId;
  readonly region: string;
  readonly options: ReplicaOptions;
  readonly env: Env;
  readonly entities: EntityStore;
  readonly tree: DigestTree;
  readonly changes: ChangeFeed;
  /** Set to a Cluster to replicate; a replica without one is a single node. */
  cluster: ClusterPort | undefined;
  private readonly mutex = new KeyedMutex<EntityId>();
  /** The live set last announced on the change feed (liveSetChanged). */
  private announcedLive: ReadonlySet<ReplicaId> = new Set();
  private closed = false;
  onError: (err: unknown) => void = () => {};

  private constructor(
    id: ReplicaId,
    readonly store: KeyValueStore,
    env: Env,
    options: ReplicaOptions,
    tree: DigestTree,
    seq: number,
    readonly createdNow: boolean,
  ) {
    this.id = id;
    this.env = env;
    this.options = options;
    this.region = options.region;
    this.tree = tree;
    this.changes = new ChangeFeed((err) => this.onError(err));
    this.entities = new EntityStore(store, env, options, tree, seq, (e) => this.mutex.busy(e.id));
  }

  /** Opens the store's replica: its identity (a new incarnation for an empty store) and digest tree. */
  static async open(init: ReplicaInit): Promise<Replica> {
    const env = init.env ?? realEnv();
    const options = { ...DEFAULT_OPTIONS, ...init.options };
    const identity = await loadIdentity(init.store, env);
    const tree = new DigestTree();
    await EntityStore.loadTree(init.store, tree);
    return new Replica(identity.id, init.store, env, options, tree, identity.seq, identity.created);
  }

  /** What views need: this replica and the live members (for vote tallies). */
  viewEnv(): ViewEnv {
    return { self: this.id, live: this.cluster?.live() ?? new Set() };
  }

  /**
   * The entity's current state, loading it if needed; with `type`, an unknown entity is the empty
   * value of that type (not stored). The returned entity is live: do not mutate it.
   */
  async read(ref: EntityRef, type?: TypeName): Promise<Entity | undefined> {
    this.assertOpen();
    return this.entities.get(ref, type);
  }

  /**
   * Runs `produce` on the entity (one command at a time per entity) and commits what it returns.
   * `produce` must not mutate the state it is given except through the returned change (a ydoc
   * change may already be applied: Yjs updates are idempotent). If it throws, nothing changes.
   * Resolves once the change is durable locally and, for majority/all, acknowledged by enough
   * peers; rejects with replication_timeout otherwise (the change stays and keeps spreading).
   */
  async update(
    ref: EntityRef,
    type: TypeName,
    produce: (entity: Entity) => Change | null | Promise<Change | null>,
    opts: UpdateOptions = {},
  ): Promise<UpdateResult> {
    this.assertOpen();
    const id = entityId(ref);
    const committed = await this.mutex.run(id, async () => {
      const e = await this.entities.get(ref, type);
      if (!e) throw new Error("unreachable: get with a type always yields an entity");
      if (e.deleted) throw new ReplicaError("entity_deleted", `${ref.service}/${ref.key} was deleted`);
      const change = await produce(e);
      if (!change) return undefined;
      this.applyChange(e, change, "local");
      e.version.set(this.id, (e.version.get(this.id) ?? 0) + 1);
      const seq = ++this.entities.seq;
      const durable = this.entities.commit(e);
      return { e, change, seq, durable, version: new Map(e.version) };
    });
    if (!committed) {
      const e = await this.entities.get(ref, type);
      return { changed: false, version: new Map(e?.version) };
    }
    await committed.durable;
    this.changes.emit({
      ref,
      entity: committed.e,
      origin: "local",
      ...(committed.change.kind === "ydoc" ? { yUpdate: committed.change.update } : {}),
    });
    const tracker = this.cluster?.publish({
      id,
      ref,
      change: committed.change,
      version: committed.version,
      origin: this.id,
      seq: committed.seq,
      originTimeMs: this.env.clock.now(),
    });
    const consistency = opts.consistency ?? "local";
    if (consistency !== "local") {
      const members = this.cluster?.memberCount() ?? 1;
      const needed = consistency === "all" ? members - 1 : Math.floor(members / 2);
      const ok = needed <= 0 || (tracker !== undefined && (await tracker.wait(needed, opts.timeoutMs ?? this.options.consistencyTimeoutMs)));
      if (!ok) {
        throw new ReplicaError("replication_timeout", `not acknowledged by ${needed} peer(s) in time; the write stays and keeps spreading`);
      }
    }
    return { changed: true, version: committed.version };
  }

  /** Deletes the entity on every replica, permanently (SPEC §4 ctx.delete). */
  async delete(ref: EntityRef, type: TypeName, opts: UpdateOptions = {}): Promise<UpdateResult> {
    return this.update(ref, type, () => ({ kind: "delete" }), opts);
  }

  /**
   * Joins a change received from a peer; resolves once it is durable. Resolves false when a Yjs
   * update could only be parked because updates it depends on are missing (Yjs "pending
   * structs"): the change is kept, but is not part of the document yet, so it must not be
   * acknowledged as applied.
   */
  async applyRemote(remote: RemoteChange): Promise<boolean> {
    this.assertOpen();
    const { ref } = remote;
    const id = entityId(ref);
    const type = typeOfRemote(remote);
    // A whole state joins like a delta: a causal state is one, a document is its full update.
    const r = remote.change;
    const c: Change = r.kind !== "state" ? r : r.state.type === "ydoc" ? { kind: "ydoc", update: yFull(r.state) } : { kind: "causal", delta: r.state };
    const applied = await this.mutex.run(id, async () => {
      // A deletion of an entity this replica never saw still leaves a tombstone.
      const e = (await this.entities.get(ref)) ?? (await this.entities.get(ref, type ?? "gcounter"));
      if (!e || e.deleted) return undefined;
      if (c.kind !== "delete" && e.type !== type) {
        throw new CrdtError("type_mismatch", `peer sent a ${type} for ${ref.service}/${ref.key}, which holds a ${e.type}`);
      }
      this.applyChange(e, c, "remote");
      mergeVersion(e.version, remote.version);
      return { e, durable: this.entities.commit(e) };
    });
    if (!applied) return true;
    await applied.durable;
    const st = applied.e.state;
    const complete = st.type !== "ydoc" || (st.doc.store.pendingStructs === null && st.doc.store.pendingDs === null);
    this.changes.emit({ ref, entity: applied.e, origin: "remote", ...(c.kind === "ydoc" ? { yUpdate: c.update } : {}) });
    return complete;
  }

  private applyChange(e: Entity, change: Change, origin: "local" | "remote"): void {
    switch (change.kind) {
      case "causal":
        if (e.state.type === "ydoc") throw new CrdtError("type_mismatch", "a causal delta cannot join a ydoc");
        mergeInto(e.state, change.delta);
        return;
      case "ydoc": {
        if (e.state.type !== "ydoc") throw new CrdtError("type_mismatch", "a Yjs update cannot join a causal state");
        // A local command's update was written under this document's own clientID (on a copy);
        // Yjs then assumes another writer took the id and picks a new one, which would grow the
        // state vector by one client per command. The copy and the document are one writer.
        const clientId = e.state.doc.clientID;
        if (!change.inDoc) applyYUpdate(e.state, change.update, this);
        if (origin === "local") e.state.doc.clientID = clientId;
        e.pendingLog.push(change.update);
        return;
      }
      case "delete":
        if (e.state.type === "ydoc") e.state.doc.destroy();
        e.deleted = true;
        e.state = emptyState("gcounter");
        return;
    }
  }

  /** Keeps an entity in memory while a subscription or stream is open. */
  async pin(ref: EntityRef, type?: TypeName): Promise<Entity | undefined> {
    return this.entities.get(ref, type, true);
  }

  unpin(e: Entity): void {
    e.pins = Math.max(0, e.pins - 1);
    if (e.pins === 0) this.entities.cache.evict();
  }

  onChange(fn: ChangeListener): () => void {
    return this.changes.subscribe(fn);
  }

  /**
   * The cluster calls this when a peer session opened or closed: if the live set differs from
   * the one last announced, the change feed announces it (vote views depend on it).
   *
   * Not folded into Cluster.onPeerUp/onPeerDown, which report every session: a tally depends on
   * the set alone, so a session replaced by a duplicate (the set unchanged) must wake no watcher,
   * and a watcher compares its view under the set before and after, which only this keeps. And
   * functions/ sees the replica only (ClusterPort has no events).
   */
  liveSetChanged(): void {
    const current = new Set(this.cluster?.live() ?? []);
    const previous = this.announcedLive;
    if (current.size === previous.size && [...current].every((r) => previous.has(r))) return;
    this.announcedLive = current;
    this.changes.emitLive({ previous, current });
  }

  /** Flushes pending commits, stops replication and closes the store. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.cluster?.close();
    await this.entities.drain();
    this.entities.cache.clear();
    await this.store.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new ReplicaError("unavailable", "the replica is shutting down");
  }
}

function typeOfRemote(r: RemoteChange): TypeName | undefined {
  const c = r.change;
  switch (c.kind) {
    case "causal":
      return c.delta.type;
    case "ydoc":
      return "ydoc";
    case "state":
      return c.state.type;
    case "delete":
      return undefined;
  }
}

