import type { EntityId, EntityRef } from "../../replica/entity-ref.js";
import type { Entity } from "../../replica/entity.js";
import { AwarenessTable } from "./yjs-awareness.js";
import { encodeAwarenessMessage } from "./yjs-messages.js";

/** A connection as a room sees it (YjsSession implements it). */
export interface RoomMember {
  /** True once the document is loaded and the replica sent the member its step 1: from then on it gets every update. */
  readonly ready: boolean;
  /** Sends one frame; never throws (a failing socket is closed by the member). */
  send(frame: Uint8Array): void;
  /** Closes the connection with a close code; idempotent. */
  terminate(code: number, reason: string): void;
}

/**
 * One Yjs document on this replica, as long as it has connections here or awareness states
 * learned from peers: the pinned entity (only while it has connections), the awareness table,
 * and which local awareness clients changed since the last gossip flush.
 */
export class YjsRoom {
  readonly members = new Set<RoomMember>();
  readonly awareness = new AwarenessTable();
  /** Local awareness clients changed since the last flush to peer replicas. */
  readonly gossipDirty = new Set<number>();
  /** Durable updates not yet relayed to the members: they go out merged once per event-loop turn. */
  outgoing: Uint8Array[] = [];
  /** The pinned entity once loaded (undefined while loading and while the room has no members). */
  entity: Entity | undefined;
  /** The pin in progress or done, while the room has members. */
  loading: Promise<Entity> | undefined;

  constructor(
    readonly id: EntityId,
    readonly ref: EntityRef,
  ) {}

  /** Sends a frame to every ready member; returns how many got it. */
  broadcast(frame: Uint8Array): number {
    let n = 0;
    for (const m of this.members) {
      if (!m.ready) continue;
      m.send(frame);
      n++;
    }
    return n;
  }

  /** Sends the current awareness of `clients` to every ready member; returns how many got it. */
  broadcastAwareness(clients: readonly number[]): number {
    if (clients.length === 0) return 0;
    return this.broadcast(encodeAwarenessMessage(this.awareness.encode(clients)));
  }

  /** Whether nothing keeps the room: no members, no awareness to relay, nothing left to gossip. */
  get idle(): boolean {
    return this.members.size === 0 && this.awareness.liveCount === 0 && this.gossipDirty.size === 0;
  }
}
