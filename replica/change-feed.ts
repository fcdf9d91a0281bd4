import type { ReplicaId } from "../crdt/index.js";
import type { EntityRef } from "./entity-ref.js";
import type { Entity } from "./entity.js";

/** Where a change of converged state came from. */
export type ChangeOrigin = "local" | "remote";

export interface ChangeEvent {
  readonly ref: EntityRef;
  readonly entity: Entity;
  readonly origin: ChangeOrigin;
  /** ydoc only: the update that made the change, for relaying to Yjs clients. */
  readonly yUpdate?: Uint8Array;
}

export type ChangeListener = (event: ChangeEvent) => void;

/**
 * The live set (the peers a vote tally counts, SPEC §3) changed: no entity changed, but every
 * view that tallies votes may have. `previous` and `current` are snapshots.
 */
export interface LiveSetChange {
  readonly previous: ReadonlySet<ReplicaId>;
  readonly current: ReadonlySet<ReplicaId>;
}

export type LiveSetListener = (event: LiveSetChange) => void;

/**
 * The one place the server learns that an entity's converged state changed, after a local
 * command or a remote delta became durable, and that the live set changed (which changes vote
 * tallies without changing any entity). Listeners run synchronously; one that throws is
 * reported and does not stop the others.
 */
export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private readonly liveListeners = new Set<LiveSetListener>();

  constructor(private readonly onListenerError: (err: unknown) => void) {}

  subscribe(fn: ChangeListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit(event: ChangeEvent): void {
    this.notify(this.listeners, event);
  }

  subscribeLive(fn: LiveSetListener): () => void {
    this.liveListeners.add(fn);
    return () => this.liveListeners.delete(fn);
  }

  emitLive(event: LiveSetChange): void {
    this.notify(this.liveListeners, event);
  }

  private notify<E>(listeners: ReadonlySet<(event: E) => void>, event: E): void {
    for (const fn of listeners) {
      try {
        fn(event);
      } catch (err) {
        this.onListenerError(err);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
