import type { CrdtState, TypeName } from "../crdt/index.js";
import type { EntityId, EntityRef } from "./entity-ref.js";
import type { Version } from "./version.js";

/** One entity in memory: its converged state and the metadata that is persisted with it. */
export interface Entity {
  readonly id: EntityId;
  readonly ref: EntityRef;
  /** Leaf of the digest tree it falls in (fixed by its id). */
  readonly leaf: number;
  readonly type: TypeName;
  /** The converged state (the empty value once deleted). */
  state: CrdtState;
  version: Version;
  deleted: boolean;
  /** Digest as last persisted and entered into the digest tree; undefined before the first commit. */
  digest: Uint8Array | undefined;
  /** ydoc only: log rows n with firstLog <= n < nextLog exist in the store. */
  firstLog: number;
  nextLog: number;
  /** ydoc only: updates applied since the last flush, to append as log rows. */
  pendingLog: Uint8Array[];
  /** Open subscriptions and streams: a pinned entity is never evicted. */
  pins: number;
  /** Rough bytes of memory the state holds, for the cache bound. */
  bytes: number;
}
