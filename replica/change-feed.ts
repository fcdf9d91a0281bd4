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
 * The one place the server learns that an entity's converged state changed, after a local
 * command or a remote delta became durable. Listeners run synchronously; one that throws is
 * reported and does not stop the others.
 */
export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  constructor(private readonly onListenerError: (err: unknown) => void) {}

  subscribe(fn: ChangeListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit(event: ChangeEvent): void {
    for (const fn of this.listeners) {
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
