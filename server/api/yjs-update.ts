import * as Y from "yjs";

/** A Yjs update or state vector that must not be applied: the socket is closed with 4400. */
export class YjsUpdateError extends Error {}

/** What applying a validated update needs to know about it. */
export interface CheckedUpdate {
  readonly bytes: Uint8Array;
  /** Per client, the end (exclusive) of the clock range the update writes. */
  readonly ends: ReadonlyMap<number, number>;
}

/**
 * Decodes a client's Yjs update completely before it touches a document. `Y.applyUpdate`
 * integrates structs one by one, so bytes that decode but are inconsistent fail half-way and
 * leave a document partly changed. Fuzzing (random byte changes of real updates) showed every
 * such failure comes from an item whose origin, right origin or parent names its own client at a
 * clock not before the item itself (Yjs only checks other clients' references for
 * missing-ness), or from empty structs and delete ranges; those are refused here. Honest
 * writers never produce them: an item can only refer to what existed when it was written.
 */
export function checkYjsUpdate(bytes: Uint8Array): CheckedUpdate {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(bytes);
  } catch (err) {
    throw new YjsUpdateError(`the Yjs update does not decode (${err instanceof Error ? err.message : String(err)})`);
  }
  const ends = new Map<number, number>();
  for (const s of decoded.structs) {
    if (!(s.length >= 1)) throw new YjsUpdateError("the Yjs update holds an empty struct");
    const { client, clock } = s.id;
    ends.set(client, Math.max(ends.get(client) ?? 0, clock + s.length));
    if (s instanceof Y.Item) {
      for (const ref of [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null]) {
        if (ref && ref.client === client && ref.clock >= clock) throw new YjsUpdateError("a Yjs item refers to its own client's future");
      }
    }
  }
  for (const items of decoded.ds.clients.values()) {
    for (const item of items) if (!(item.len >= 1)) throw new YjsUpdateError("the Yjs update holds an empty delete range");
  }
  return { bytes, ends };
}

/**
 * Whether the update would write under `clientId` past what the document already holds of it:
 * the document's own writer id (functions write with it). Yjs would then pick a new id for the
 * document, and two writers would share one, which corrupts documents (SPEC §3).
 */
export function writesAs(update: CheckedUpdate, doc: Y.Doc, clientId: number): boolean {
  const end = update.ends.get(clientId);
  return end !== undefined && end > Y.getState(doc.store, clientId);
}

/** Decodes a state vector (sync step 1); throws YjsUpdateError when it does not decode. */
export function checkStateVector(bytes: Uint8Array): Uint8Array {
  try {
    Y.decodeStateVector(bytes);
  } catch (err) {
    throw new YjsUpdateError(`the state vector does not decode (${err instanceof Error ? err.message : String(err)})`);
  }
  return bytes;
}

/**
 * Applies a checked update to `doc` and returns its net change: the update of the one
 * transaction (what was new to the document), `bytes` itself if part of it had to wait for
 * missing dependencies (Yjs parks those; they must be stored and relayed as they came), or null
 * when it changed nothing.
 */
export function applyNet(doc: Y.Doc, update: CheckedUpdate, origin: unknown): Uint8Array | null {
  // Yjs merges newly parked structs into the existing pending object (replacing its `update`),
  // so a second parked update shows only as a new `update` array, not a new object.
  const pendingBefore = doc.store.pendingStructs;
  const pendingUpdateBefore = pendingBefore?.update;
  const dsBefore = doc.store.pendingDs;
  let net: Uint8Array | null = null;
  const capture = (u: Uint8Array): void => {
    net = u;
  };
  doc.on("update", capture);
  try {
    Y.applyUpdate(doc, update.bytes, origin);
  } finally {
    doc.off("update", capture);
  }
  const pending = doc.store.pendingStructs;
  const parkedStructs = pending !== null && (pending !== pendingBefore || pending.update !== pendingUpdateBefore);
  const parked = parkedStructs || (doc.store.pendingDs !== dsBefore && doc.store.pendingDs !== null);
  return parked ? update.bytes : net;
}
