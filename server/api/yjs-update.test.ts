import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as Y from "yjs";
import { applyNet, checkYjsUpdate } from "./yjs-update.js";

/** Three edits of one writer, each its own update: each depends on the one before. */
function chain(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  for (const word of ["a", "b", "c"]) doc.getText("t").insert(doc.getText("t").length, word);
  doc.destroy();
  return updates;
}

describe("applyNet", () => {
  it("returns what was new to the document, and null for an update it already has", () => {
    const [u1] = chain();
    const doc = new Y.Doc();
    assert.notEqual(applyNet(doc, checkYjsUpdate(u1 as Uint8Array), null), null);
    assert.equal(applyNet(doc, checkYjsUpdate(u1 as Uint8Array), null), null);
    doc.destroy();
  });

  it("returns the update as it came for every update Yjs parks, the second one too", () => {
    // A parked update is in no transaction's net change, yet must be stored and relayed: a
    // second one is merged into the pending set Yjs already holds.
    const [u1, u2, u3] = chain() as [Uint8Array, Uint8Array, Uint8Array];
    const doc = new Y.Doc();
    assert.deepEqual(applyNet(doc, checkYjsUpdate(u2), null), u2);
    assert.deepEqual(applyNet(doc, checkYjsUpdate(u3), null), u3);
    assert.notEqual(applyNet(doc, checkYjsUpdate(u1), null), null);
    assert.equal(doc.getText("t").toString(), "abc");
    assert.equal(doc.store.pendingStructs, null);
    doc.destroy();
  });
});
