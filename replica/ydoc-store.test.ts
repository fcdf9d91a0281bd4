import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { entityId } from "./entity-ref.js";
import type { EntityRef } from "./entity-ref.js";
import { KEYS } from "./records.js";
import type { Replica } from "./replica.js";
import { Replica as ReplicaClass } from "./replica.js";
import { MemoryDisk } from "./storage/memory-disk.js";
import { MemoryStore } from "./storage/memory-store.js";
import { hex, versionObject, viewOf, yAppend } from "./test-support/helpers.js";
import { RecordingStore } from "./test-support/recording-store.js";

const doc: EntityRef = { service: "notes", key: "n1" };
const id = entityId(doc);
const logPrefix = KEYS.yLogPrefix(id);
const snapshotKey = KEYS.ySnapshot(id);

async function open(disk: MemoryDisk, options = { yjsCompactEvery: 10 }): Promise<{ r: Replica; store: RecordingStore }> {
  const store = new RecordingStore(new MemoryStore(disk));
  const r = await ReplicaClass.open({ store, options });
  return { r, store };
}

describe("ydoc entities in the store", () => {
  it("append one log row per update, compact into a snapshot every yjsCompactEvery rows in the same batch, and reload", async () => {
    const disk = new MemoryDisk();
    const { r, store } = await open(disk);
    let expected = "";
    for (let i = 0; i < 9; i++) {
      await yAppend(r, doc, `w${i} `);
      expected += `w${i} `;
      assert.equal((await store.keys(logPrefix)).length, i + 1);
    }
    assert.deepEqual(await store.keys("s/"), []);
    // The record of a ydoc holds no state: the document is snapshot + log.
    assert.deepEqual(await store.keys("y/"), await store.keys(logPrefix));

    const before = store.batches.length;
    await yAppend(r, doc, "w9 ");
    expected += "w9 ";
    assert.deepEqual(await store.keys(logPrefix), []);
    assert.deepEqual(await store.keys("s/"), [snapshotKey]);
    // Snapshot, deletion of the log and the entity record went into ONE atomic batch.
    const compaction = store.batches.slice(before);
    assert.equal(compaction.length, 1);
    const ops = compaction[0] ?? [];
    assert.ok(ops.some((op) => op.type === "put" && op.key === snapshotKey));
    assert.ok(ops.some((op) => op.type === "put" && op.key === KEYS.entity(id)));
    const deleted = ops.filter((op) => op.type === "del" && op.key.startsWith(logPrefix)).map((op) => op.key);
    assert.deepEqual(
      deleted,
      Array.from({ length: 10 }, (_, n) => KEYS.yLog(id, n)),
    );

    for (let i = 10; i < 13; i++) {
      await yAppend(r, doc, `w${i} `);
      expected += `w${i} `;
    }
    assert.deepEqual(
      await store.keys(logPrefix),
      [10, 11, 12].map((n) => KEYS.yLog(id, n)),
    );
    assert.equal(await viewOf(r, doc), expected);
    const digestBefore = (await r.read(doc))?.digest;
    assert.ok(digestBefore);
    const rootBefore = hex(r.tree.root);
    const writer = r.id;
    await r.close();

    // Reopen: snapshot + the 3 rows written since.
    const again = await open(disk);
    try {
      assert.equal(await viewOf(again.r, doc), expected);
      const e = await again.r.read(doc);
      assert.ok(e);
      assert.equal(e.type, "ydoc");
      assert.deepEqual(versionObject(e.version), { [writer]: 13 });
      assert.equal(hex(e.digest ?? new Uint8Array()), hex(digestBefore));
      assert.equal(hex(again.r.tree.root), rootBefore);
      // Log numbering continues after the reload and compacts again at the 10-row mark.
      for (let i = 13; i < 20; i++) {
        await yAppend(again.r, doc, `w${i} `);
        expected += `w${i} `;
      }
      assert.deepEqual(await again.store.keys(logPrefix), []);
      assert.deepEqual(await again.store.keys("s/"), [snapshotKey]);
      assert.equal(await viewOf(again.r, doc), expected);
    } finally {
      await again.r.close();
    }
    const third = await open(disk);
    try {
      assert.equal(await viewOf(third.r, doc), expected);
    } finally {
      await third.r.close();
    }
  });

  it("has the same digest as a fresh replica that received the same updates through applyRemote", async () => {
    const a = await open(new MemoryDisk());
    const b = await open(new MemoryDisk());
    try {
      const updates: { update: Uint8Array; version: [string, number][] }[] = [];
      a.r.onChange((ev) => {
        if (ev.yUpdate) updates.push({ update: ev.yUpdate, version: [...ev.entity.version] });
      });
      for (let i = 0; i < 14; i++) await yAppend(a.r, doc, `line ${i}\n`);
      // A deletion inside the document: the digest must cover the delete set.
      await a.r.update(doc, "ydoc", (e) => {
        if (e.state.type !== "ydoc") throw new Error("not a ydoc");
        const t = e.state.doc.getText("body");
        let update: Uint8Array | null = null;
        const capture = (u: Uint8Array): void => {
          update = u;
        };
        e.state.doc.on("update", capture);
        t.delete(0, 7);
        e.state.doc.off("update", capture);
        return update ? { kind: "ydoc", update } : null;
      });
      assert.equal(updates.length, 15);

      // Applied out of order and twice: Yjs updates are joins.
      const shuffled = [...updates.slice(7), ...updates.slice(0, 7), ...updates.slice(3, 5)];
      for (const u of shuffled) await b.r.applyRemote({ ref: doc, change: { kind: "ydoc", update: u.update }, version: u.version });

      assert.equal(await viewOf(b.r, doc), await viewOf(a.r, doc));
      const ea = await a.r.read(doc);
      const eb = await b.r.read(doc);
      assert.ok(ea?.digest && eb?.digest);
      assert.deepEqual(versionObject(eb.version), versionObject(ea.version));
      assert.equal(hex(eb.digest), hex(ea.digest));
      assert.equal(hex(b.r.tree.root), hex(a.r.tree.root));
      // b compacted too (its log rows are the remote updates it joined).
      assert.deepEqual(await b.store.keys("s/"), [snapshotKey]);
    } finally {
      await a.r.close();
      await b.r.close();
    }
  });

  it("an evicted document reloads from snapshot and log with its text", async () => {
    const disk = new MemoryDisk();
    const store = new MemoryStore(disk);
    const r = await ReplicaClass.open({ store, options: { yjsCompactEvery: 4, cacheMaxEntries: 2 } });
    try {
      const docs = [0, 1, 2, 3, 4].map((n) => ({ service: "notes", key: `d${n}` }));
      const texts = new Map<string, string>();
      for (let round = 0; round < 6; round++) {
        for (const d of docs) {
          await yAppend(r, d, `${d.key}:${round};`);
          texts.set(d.key, (texts.get(d.key) ?? "") + `${d.key}:${round};`);
        }
      }
      assert.ok(r.entities.cache.size <= 2);
      for (const d of docs) assert.equal(await viewOf(r, d), texts.get(d.key));
    } finally {
      await r.close();
    }
  });

  it("deleting a document removes its snapshot and log rows", async () => {
    const { r, store } = await open(new MemoryDisk());
    try {
      for (let i = 0; i < 13; i++) await yAppend(r, doc, "x");
      assert.equal((await store.keys(logPrefix)).length, 3);
      await r.delete(doc, "ydoc");
      assert.deepEqual(await store.keys(logPrefix), []);
      assert.deepEqual(await store.keys("s/"), []);
      assert.equal((await r.read(doc))?.deleted, true);
    } finally {
      await r.close();
    }
  });

  it("a failed store batch loses no Yjs update: the retry writes the log rows it carried", async () => {
    const disk = new MemoryDisk();
    const { r, store } = await open(disk, { yjsCompactEvery: 100 });
    await yAppend(r, doc, "a");
    store.failNext = 1;
    await assert.rejects(yAppend(r, doc, "b"), /injected write failure/);
    // The change stays in memory (it is not rolled back) and the next batch retries it.
    await yAppend(r, doc, "c");
    assert.equal(await viewOf(r, doc), "abc");
    await r.close();
    const again = await open(disk);
    try {
      assert.equal(await viewOf(again.r, doc), "abc");
    } finally {
      await again.r.close();
    }
  });
});
