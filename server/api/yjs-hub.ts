import type { FastifyBaseLogger } from "fastify";
import { outdatedTimeout } from "y-protocols/awareness";
import * as Y from "yjs";
import type { ReplicaId } from "../../crdt/index.js";
import { CloseCode } from "../../protos/close-codes.js";
import type { EntityRef } from "../../replica/entity-ref.js";
import { entityId } from "../../replica/entity-ref.js";
import type { TimerHandle } from "../../replica/env.js";
import { ReplicaError } from "../../replica/errors.js";
import type { Replica } from "../../replica/replica.js";
import type { AwarenessRecord } from "./yjs-awareness.js";
import { decodeAwarenessUpdate } from "./yjs-awareness.js";
import { encodeSyncUpdate } from "./yjs-messages.js";
import type { YjsMetrics } from "./yjs-metrics.js";
import type { RoomMember } from "./yjs-room.js";
import { YjsRoom } from "./yjs-room.js";
import type { CheckedUpdate } from "./yjs-update.js";
import { YjsUpdateError, applyNet, writesAs } from "./yjs-update.js";

/** What the hub needs of the cluster (Cluster implements it; it reports listeners that throw): ephemeral awareness relay. */
export interface AwarenessGossip {
  broadcastAwareness(ref: EntityRef, update: Uint8Array): void;
  onAwareness(fn: (ref: EntityRef, update: Uint8Array, origin: string) => void): () => void;
  /**
   * Session events, not the replica's live-set announcement (which vote views use): the hub must
   * re-announce its clients on every session that opens, also one that replaces a duplicate
   * without changing the live set, and drops the states a session's peer brought when it ends.
   */
  onPeerDown(fn: (peer: ReplicaId) => void): () => void;
  onPeerUp(fn: (peer: ReplicaId) => void): () => void;
}

export interface YjsHubOptions {
  readonly replica: Replica;
  /** Absent for a lone replica: awareness then stays local. */
  readonly gossip: AwarenessGossip | undefined;
  /** Whether `service` names a loaded ydoc service (remote awareness for others is ignored). */
  readonly isYdocService: (service: string) => boolean;
  readonly maxKeyBytes: number;
  readonly maxAwarenessBytes: number;
  /** Awareness clients one local connection may hold (ApiLimits.maxYjsAwarenessClients). */
  readonly maxAwarenessClients: number;
  /** Local awareness changes go to peers at most once per this many ms. */
  readonly awarenessGossipMs: number;
  readonly metrics: YjsMetrics;
  readonly log: FastifyBaseLogger;
}

/** How often expired awareness states are removed: y-protocols' own check period. */
const SWEEP_MS = outdatedTimeout / 10;

/** Tags the transactions of client updates (never matched: the change feed relays them). */
const CLIENT_ORIGIN = Symbol("yjs-client");

/**
 * The Yjs documents open on this replica. A room exists while its document has connections here
 * (the entity pinned, so functions and gossip work on the same Y.Doc the clients sync with) or
 * awareness states from peers; it is dropped, and the entity unpinned for the cache to evict, as
 * soon as neither holds. Updates reach connections only through the replica's change feed, once
 * durable, whether they came from a client, a function or a peer. Two timers serve all rooms:
 * the awareness gossip flush (armed only while something is to be sent) and the expiry sweep
 * (armed only while some room exists); no document has a timer of its own.
 */
export class YjsHub {
  private readonly rooms = new Map<string, YjsRoom>();
  private readonly dirtyRooms = new Set<YjsRoom>();
  /** Rooms with durable updates waiting for the relay at the end of this event-loop turn. */
  private readonly relayRooms = new Set<YjsRoom>();
  private relayScheduled = false;
  private flushTimer: TimerHandle | undefined;
  private lastFlushMs = -Infinity;
  private sweepTimer: TimerHandle | undefined;
  private readonly unsubscribe: (() => void)[] = [];
  private closed = false;

  constructor(private readonly opts: YjsHubOptions) {
    const { replica, gossip } = opts;
    this.unsubscribe.push(
      replica.onChange((ev) => {
        const room = this.rooms.get(ev.entity.id);
        if (!room?.entity) return;
        if (ev.entity.deleted) {
          room.outgoing = [];
          for (const m of [...room.members]) m.terminate(CloseCode.entityDeleted, "the document was deleted");
          return;
        }
        if (ev.yUpdate) this.queueRelay(room, ev.yUpdate);
      }),
    );
    if (gossip) {
      this.unsubscribe.push(
        // The cluster reports a listener that throws; it never reaches the gossip session.
        gossip.onAwareness((ref, update, origin) => this.remoteAwareness(ref, update, origin)),
        gossip.onPeerDown((peer) => this.peerDown(peer)),
        gossip.onPeerUp(() => this.peerUp()),
      );
    }
  }

  private now(): number {
    return this.opts.replica.env.clock.monotonic();
  }

  /** Timer callbacks must never throw. */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.opts.log.warn({ err }, "yjs awareness relay failed");
    }
  }

  private roomOf(ref: EntityRef): YjsRoom {
    const id = entityId(ref);
    let room = this.rooms.get(id);
    if (!room) {
      room = new YjsRoom(id, ref);
      this.rooms.set(id, room);
      this.armSweep();
    }
    return room;
  }

  /**
   * Adds a connection to the document's room and resolves with the room once the document is
   * loaded (pinned). Rejects like Replica.pin (entity_deleted, a stored entity of another type,
   * unavailable); the member is then already removed.
   */
  async join(ref: EntityRef, member: RoomMember): Promise<YjsRoom> {
    if (this.closed) throw new ReplicaError("unavailable", "the replica is shutting down");
    const room = this.roomOf(ref);
    if (room.members.size === 0) this.opts.metrics.documentOpened();
    room.members.add(member);
    room.loading ??= this.opts.replica.pin(ref, "ydoc").then((e) => {
      if (!e) throw new Error("unreachable: pin with a type always yields an entity");
      return e;
    });
    const loading = room.loading;
    try {
      const e = await loading;
      if (e.deleted) throw new ReplicaError("entity_deleted", "the document was deleted");
      // The room may have been emptied and refilled while this load ran: keep the current pin.
      if (room.loading === loading) room.entity = e;
      return room;
    } catch (err) {
      this.leave(room, member);
      throw err;
    }
  }

  /** Removes a connection: its awareness clients are removed for everyone; the last one unpins. */
  leave(room: YjsRoom, member: RoomMember): void {
    if (!room.members.delete(member)) return;
    const removed = room.awareness.removeOwned(member, this.now());
    if (removed.length > 0) {
      this.opts.metrics.awarenessCount("out", room.broadcastAwareness(removed));
      this.markGossip(room, removed);
    }
    if (room.members.size === 0) {
      this.opts.metrics.documentClosed();
      const loading = room.loading;
      room.loading = undefined;
      room.entity = undefined;
      loading?.then(
        (e) => this.opts.replica.unpin(e),
        () => undefined,
      );
    }
    this.dropIfIdle(room);
  }

  /**
   * Commits a client's update as a change of the document (SPEC §3: like any other delta):
   * durable, then relayed to every connection here by the change feed, and gossiped. Resolves
   * false when it changed nothing. Throws YjsUpdateError (nothing changed) for an update that
   * writes under the replica's own Yjs clientID.
   */
  async commit(room: YjsRoom, update: CheckedUpdate): Promise<boolean> {
    const res = await this.opts.replica.update(room.ref, "ydoc", (e) => {
      if (e.state.type !== "ydoc") throw new YjsUpdateError("the entity is not a Yjs document");
      const doc = e.state.doc;
      if (writesAs(update, doc, doc.clientID)) throw new YjsUpdateError("the update writes under the replica's own Yjs clientID");
      const net = applyNet(doc, update, CLIENT_ORIGIN);
      return net ? { kind: "ydoc", update: net, inDoc: true } : null;
    });
    if (res.changed) this.opts.metrics.updateIn();
    return res.changed;
  }

  /** A local client's awareness records: relayed to every connection (sender included) and gossiped. */
  clientAwareness(room: YjsRoom, member: RoomMember, records: readonly AwarenessRecord[]): number {
    const accepted = room.awareness.apply(records, member, this.now(), this.opts.maxAwarenessClients);
    if (accepted.length === 0) return 0;
    this.opts.metrics.awarenessCount("in");
    this.opts.metrics.awarenessCount("out", room.broadcastAwareness(accepted));
    this.markGossip(room, accepted);
    return accepted.length;
  }

  private markGossip(room: YjsRoom, clients: readonly number[]): void {
    if (!this.opts.gossip || this.closed) return;
    for (const c of clients) room.gossipDirty.add(c);
    this.dirtyRooms.add(room);
    if (this.flushTimer) return;
    // Leading edge when quiet (a lone cursor move goes out at once), then at most once a period.
    const delay = Math.max(0, this.lastFlushMs + this.opts.awarenessGossipMs - this.now());
    this.flushTimer = this.opts.replica.env.timers.after(delay, () => {
      this.flushTimer = undefined;
      this.guard(() => this.flush());
    });
  }

  /**
   * Updates made durable by one store batch are released in the same event-loop turn; sending
   * them as one merged update per connection instead of one frame each saves a WebSocket write
   * per update and connection, the larger part of a busy document's cost (bench/yjs.ts). The
   * relay runs in the check phase of the same turn, so a lone update waits microseconds.
   */
  private queueRelay(room: YjsRoom, update: Uint8Array): void {
    room.outgoing.push(update);
    this.relayRooms.add(room);
    if (this.relayScheduled) return;
    this.relayScheduled = true;
    this.opts.replica.env.timers.defer(() => {
      this.relayScheduled = false;
      this.guard(() => this.relay());
    });
  }

  private relay(): void {
    const rooms = [...this.relayRooms];
    this.relayRooms.clear();
    for (const room of rooms) {
      const updates = room.outgoing;
      room.outgoing = [];
      if (this.closed || updates.length === 0 || !room.entity) continue;
      let frames: Uint8Array[];
      try {
        frames = [encodeSyncUpdate(updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates))];
      } catch (err) {
        // Every update was applied to the document already; if merging fails, send them as they are.
        this.opts.log.warn({ err }, "merging Yjs updates for relay failed");
        frames = updates.map(encodeSyncUpdate);
      }
      for (const frame of frames) this.opts.metrics.updatesOut(room.broadcast(frame));
    }
  }

  /** Sends each dirty document's changed local awareness clients to the peers, coalesced. */
  private flush(): void {
    this.lastFlushMs = this.now();
    const gossip = this.opts.gossip;
    for (const room of this.dirtyRooms) {
      // Only clients connected here: states learned from peers are never re-relayed.
      const clients = [...room.gossipDirty].filter((c) => room.awareness.ownedLocally(c));
      room.gossipDirty.clear();
      if (clients.length > 0 && gossip) this.gossipAwareness(gossip, room, clients);
      this.dropIfIdle(room);
    }
    this.dirtyRooms.clear();
  }

  /**
   * Sends the clients' states in messages a peer accepts: one over maxAwarenessBytes would be
   * dropped there whole (a crowded document, or every client at once after a reconnect).
   */
  private gossipAwareness(gossip: AwarenessGossip, room: YjsRoom, clients: readonly number[]): void {
    const update = room.awareness.encode(clients);
    if (update.length > this.opts.maxAwarenessBytes && clients.length > 1) {
      const half = clients.length >> 1;
      this.gossipAwareness(gossip, room, clients.slice(0, half));
      this.gossipAwareness(gossip, room, clients.slice(half));
      return;
    }
    gossip.broadcastAwareness(room.ref, update);
    this.opts.metrics.awarenessCount("gossip_out");
  }

  private remoteAwareness(ref: EntityRef, update: Uint8Array, origin: string): void {
    if (this.closed || origin === this.opts.replica.id) return;
    if (!this.opts.isYdocService(ref.service) || ref.key.length === 0 || Buffer.byteLength(ref.key) > this.opts.maxKeyBytes) return;
    if (update.length > this.opts.maxAwarenessBytes) return;
    let records: AwarenessRecord[];
    try {
      records = decodeAwarenessUpdate(update);
    } catch (err) {
      this.opts.log.debug({ err, origin }, "undecodable awareness update from a peer ignored");
      return;
    }
    this.opts.metrics.awarenessCount("gossip_in");
    const room = this.roomOf(ref);
    const accepted = room.awareness.apply(records, origin, this.now());
    this.opts.metrics.awarenessCount("out", room.broadcastAwareness(accepted));
    this.dropIfIdle(room);
  }

  /** A peer's session ended: the cursors of its clients go, so no ghost stays (PROTOCOL.md 2.9). */
  private peerDown(peer: ReplicaId): void {
    const now = this.now();
    for (const room of [...this.rooms.values()]) {
      const removed = room.awareness.removeOwned(peer, now);
      this.opts.metrics.awarenessCount("out", room.broadcastAwareness(removed));
      this.dropIfIdle(room);
    }
  }

  /**
   * A peer (re)connected: announce every local client again, one clock higher. The peer removed
   * these clients when the session ended, and it and its browsers keep the removal's clock, so
   * the same state at the same clock would be ignored there (y-protocols' rule) until the client
   * changes or renews its state, up to 15 s later. The bumped state also goes to the local
   * connections, so each client's own clock moves on with it and its next change wins everywhere.
   */
  private peerUp(): void {
    const now = this.now();
    for (const room of this.rooms.values()) {
      const renewed = room.awareness.renewLocal(now);
      if (renewed.length === 0) continue;
      this.opts.metrics.awarenessCount("out", room.broadcastAwareness(renewed));
      this.markGossip(room, renewed);
    }
  }

  private armSweep(): void {
    if (this.sweepTimer || this.closed) return;
    this.sweepTimer = this.opts.replica.env.timers.after(SWEEP_MS, () => {
      this.sweepTimer = undefined;
      this.guard(() => this.sweep());
      if (this.rooms.size > 0) this.armSweep();
    });
  }

  /** Removes awareness states not renewed within y-protocols' timeout (30 s), in every room. */
  private sweep(): void {
    const now = this.now();
    for (const room of [...this.rooms.values()]) {
      const removed = room.awareness.expire(now, outdatedTimeout);
      this.opts.metrics.awarenessCount("out", room.broadcastAwareness(removed));
      this.dropIfIdle(room);
    }
  }

  private dropIfIdle(room: YjsRoom): void {
    if (room.idle && this.rooms.get(room.id) === room) this.rooms.delete(room.id);
  }

  /** Stops listening and timers and unpins every document; connections were closed before. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const u of this.unsubscribe) u();
    this.flushTimer?.cancel();
    this.sweepTimer?.cancel();
    for (const room of this.rooms.values()) for (const m of [...room.members]) this.leave(room, m);
    this.rooms.clear();
    this.dirtyRooms.clear();
    this.relayRooms.clear();
  }
}
