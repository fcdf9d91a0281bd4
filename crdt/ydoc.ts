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
 * Canonical identity of a document's content: its state vector plus its delete set, both
 * sorted. Equal state vectors alone do not mean equal documents (deletions do not advance them),
 * and the update encoding may split structs differently on replicas with different histories,
 * so digests hash this instead of the update bytes.
 */
export function yIdentity(s: YDocState): Uint8Array {
  const ds = Y.createDeleteSetFromStructStore(s.doc.store);
  const clients = [...ds.clients.keys()].sort((a, b) => a - b);
  const ranges: number[] = [];
  for (const client of clients) {
    const items = ds.clients.get(client) ?? [];
    ranges.push(client, items.length);
    for (const item of items) ranges.push(item.clock, item.len);
  }
  const sv = Y.encodeStateVector(s.doc);
  // Big-endian so that replicas on machines of any byte order compute the same bytes.
  const out = new Uint8Array(4 + sv.length + ranges.length * 4);
  const view = new DataView(out.buffer);
  view.setUint32(0, sv.length);
  out.set(sv, 4);
  ranges.forEach((n, i) => view.setUint32(4 + sv.length + i * 4, n));
  return out;
}
