import * as Y from "yjs";
import type { Json } from "./json.js";

/** Root shared types a ydoc service declares; they make up its view. */
export type YRootKind = "text" | "array" | "map" | "xml";
export type YShape = Readonly<Record<string, YRootKind>>;

/**
 * A Yjs document as a Lattice state. Yjs updates are already delta-state CRDT deltas (applying
 * one is a join: commutative, associative, idempotent), so the wrapper adds only what the rest of
 * Lattice needs: a uniform state shape, a canonical identity for digests, and the view.
 */
export interface YDocState {
  readonly type: "ydoc";
  readonly doc: Y.Doc;
}

/**
 * An empty document. `clientId` is the Yjs clientID this state writes with; the replica gives
 * every writer a clientID no other writer uses (the core has no randomness of its own).
 */
export function emptyYDoc(clientId: number): YDocState {
  const doc = new Y.Doc({ gc: true });
  doc.clientID = clientId;
  return { type: "ydoc", doc };
}

/** Applies a Yjs update (a delta) in place; `origin` tags the transaction for echo suppression. */
export function applyYUpdate(s: YDocState, update: Uint8Array, origin?: unknown): void {
  Y.applyUpdate(s.doc, update, origin);
}

/** The whole document as one update: the state's full delta. */
export function yFullUpdate(s: YDocState): Uint8Array {
  return Y.encodeStateAsUpdate(s.doc);
}

export function mergeYInto(target: YDocState, src: YDocState): void {
  Y.applyUpdate(target.doc, Y.encodeStateAsUpdate(src.doc));
}

export function joinYDocs(a: YDocState, b: YDocState, clientId: number): YDocState {
  const out = emptyYDoc(clientId);
  mergeYInto(out, a);
  mergeYInto(out, b);
  return out;
}

/**
 * Runs `fn` against the document in one transaction and returns the update it produced: the net
 * change of the call, or null when it changed nothing.
 */
export function yTransact(s: YDocState, fn: (doc: Y.Doc) => void, origin?: unknown): Uint8Array | null {
  let update: Uint8Array | null = null;
  const capture = (u: Uint8Array): void => {
    update = update ? Y.mergeUpdates([update, u]) : u;
  };
  s.doc.on("update", capture);
  try {
    s.doc.transact(() => fn(s.doc), origin);
  } finally {
    s.doc.off("update", capture);
  }
  return update;
}

/** The JSON of the declared root types. */
export function yView(s: YDocState, shape: YShape): Json {
  const out: Record<string, Json> = {};
  for (const name of Object.keys(shape).sort()) {
    switch (shape[name]) {
      case "text":
        out[name] = s.doc.getText(name).toString();
        break;
      case "array":
        out[name] = s.doc.getArray(name).toJSON() as Json;
        break;
      case "map":
        out[name] = s.doc.getMap(name).toJSON();
        break;
      case "xml":
        out[name] = s.doc.getXmlFragment(name).toString();
        break;
    }
  }
  return out;
}

/**
 * The delete-set part of a document's identity (big-endian client, count, then clock and length
 * of each range), cached per document: computing it walks every struct of the document, and
 * digests are taken at every commit, so a busy document paid that walk per batch. The cache is
 * exact: a transaction invalidates it when it deletes anything or adds structs that arrive
 * deleted (GC structs and deleted content from other replicas are not in its deleteSet), which
 * the cleanup hook below checks in the time of the new structs, not the document.
 */
const deleteSetParts = new WeakMap<Y.Doc, { bytes: Uint8Array | null }>();

function deleteSetPart(doc: Y.Doc): Uint8Array {
  let cached = deleteSetParts.get(doc);
  if (!cached) {
    const entry: { bytes: Uint8Array | null } = { bytes: null };
    cached = entry;
    deleteSetParts.set(doc, entry);
    doc.on("afterTransactionCleanup", (tr: Y.Transaction) => {
      if (entry.bytes !== null && changesDeleteSet(tr)) entry.bytes = null;
    });
  }
  if (cached.bytes) return cached.bytes;
  const ds = Y.createDeleteSetFromStructStore(doc.store);
  const clients = [...ds.clients.keys()].sort((a, b) => a - b);
  const ranges: number[] = [];
  for (const client of clients) {
    const items = ds.clients.get(client) ?? [];
    ranges.push(client, items.length);
    for (const item of items) ranges.push(item.clock, item.len);
  }
  // Big-endian so that replicas on machines of any byte order compute the same bytes.
  const bytes = new Uint8Array(ranges.length * 4);
  const view = new DataView(bytes.buffer);
  ranges.forEach((n, i) => view.setUint32(i * 4, n));
  cached.bytes = bytes;
  return bytes;
}

/** Whether a finished transaction deleted something or added structs that are deleted. */
function changesDeleteSet(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    if (after === before) continue;
    // New structs sit at the end of their client's list (clocks only grow); merged ones share
    // their deleted flag, so a merged struct spanning `before` is deleted only if the new part is.
    const structs = tr.doc.store.clients.get(client) ?? [];
    for (let i = structs.length - 1; i >= 0; i--) {
      const st = structs[i] as Y.Item | Y.GC;
      if (st.id.clock + st.length <= before) break;
      if (st.deleted) return true;
    }
  }
  return false;
}

/**
 * Canonical identity of a document's content: its state vector plus its delete set, both
 * sorted. Equal state vectors alone do not mean equal documents (deletions do not advance them),
 * and the update encoding may split structs differently on replicas with different histories,
 * so digests hash this instead of the update bytes. `stateVector`, when given, must be the
 * document's current one (Y.encodeStateVector).
 */
export function yIdentity(s: YDocState, stateVector?: Uint8Array): Uint8Array {
  const ds = deleteSetPart(s.doc);
  const sv = stateVector ?? Y.encodeStateVector(s.doc);
  const out = new Uint8Array(4 + sv.length + ds.length);
  new DataView(out.buffer).setUint32(0, sv.length);
  out.set(sv, 4);
  out.set(ds, 4 + sv.length);
  return out;
}
