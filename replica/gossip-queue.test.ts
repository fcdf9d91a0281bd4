import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as Y from "yjs";
import { asReplicaId } from "../crdt/index.js";
import { entityId } from "./entity-ref.js";
import { ChangeAcks, GossipQueue } from "./gossip-queue.js";
import type { OutboundChange } from "./replica.js";

const ref = { service: "notes", key: "d" };
const ORIGIN = asReplicaId("rrrrrrrrrrrrrrrr");
const acks = (): ChangeAcks => new ChangeAcks(() => ({ cancel() {} }));

function yChange(update: Uint8Array, seq: number): OutboundChange {
  return { id: entityId(ref), ref, change: { kind: "ydoc", update }, version: new Map([["r", seq]]), origin: ORIGIN, seq, originTimeMs: seq };
}

/** Three edits of one writer, each as its own update. */
function edits(): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => out.push(u));
  const text = doc.getText("body");
  text.insert(0, "a");
  text.insert(1, "b");
  text.delete(0, 1);
  text.insert(1, "c");
  doc.destroy();
  return out;
}

describe("gossip queue", () => {
  it("coalesces a document's queued updates into one update that holds them all, and keeps every ack", () => {
    const q = new GossipQueue(100);
    const updates = edits();
    const trackers = updates.map(() => acks());
    updates.forEach((u, i) => q.push(yChange(u, i + 1), trackers[i] as ChangeAcks));
    assert.equal(q.size, 1);

    const [item] = q.take(10);
    assert.ok(item && item.change.kind === "ydoc");
    assert.equal(item.acks.length, updates.length);
    assert.equal(item.firstSeq, 1);
    assert.equal(item.seq, updates.length);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, item.change.update);
    assert.equal(doc.getText("body").toString(), "bc");
    doc.destroy();
    assert.equal(q.size, 0);
  });

  it("a long backlog for a peer that stays away is folded as it grows and still holds every edit", () => {
    const q = new GossipQueue(100);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    const text = doc.getText("body");
    for (let i = 0; i < 2000; i++) text.insert((i * 7919) % (text.length + 1), String.fromCharCode(97 + (i % 26)));
    updates.forEach((u, i) => q.push(yChange(u, i + 1), acks()));
    const [item] = q.take(10);
    assert.ok(item && item.change.kind === "ydoc");
    assert.equal(item.laterYUpdates, undefined);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, item.change.update);
    assert.equal(copy.getText("body").toString(), text.toString());
    copy.destroy();
    doc.destroy();
  });

  it("a deletion after queued updates wins, and nothing of the document is sent", () => {
    const q = new GossipQueue(100);
    const [first, second] = edits();
    q.push(yChange(first as Uint8Array, 1), acks());
    q.push(yChange(second as Uint8Array, 2), acks());
    q.push({ ...yChange(new Uint8Array(), 3), change: { kind: "delete" } }, acks());
    const [item] = q.take(10);
    assert.equal(item?.change.kind, "delete");
    assert.equal(item?.laterYUpdates, undefined);
  });
});
