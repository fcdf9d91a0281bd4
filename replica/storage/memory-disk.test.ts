import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { MemoryDisk } from "./memory-disk.js";
import { MemoryStore } from "./memory-store.js";
import type { BatchOp, KeyValueStore } from "./store.js";
import { isStoreError } from "./store-error.js";

const put = (key: string, value: number): BatchOp => ({ type: "put", key, value: Uint8Array.of(value) });
const del = (key: string): BatchOp => ({ type: "del", key });

/** The whole content of a store as a plain object of first bytes, for compact assertions. */
async function dump(store: KeyValueStore): Promise<Record<string, number | undefined>> {
  const out: Record<string, number | undefined> = {};
  for await (const [key, value] of store.scan("")) out[key] = value[0];
  return out;
}

const closed = (err: unknown): boolean => isStoreError(err, "closed");

describe("MemoryDisk crash simulation", () => {
  it("simulateKill keeps every batch, synced or not, and kills the open handle", async () => {
    const disk = new MemoryDisk();
    const store = new MemoryStore(disk);
    await store.batch([put("a", 1)]);
    await store.batch([put("b", 2)], { sync: true });
    await store.batch([put("c", 3), del("a")]);
    disk.simulateKill();
    await assert.rejects(store.get("b"), closed);
    await assert.rejects(store.batch([put("z", 0)]), closed);
    const after = new MemoryStore(disk); // the lock died with the process
    assert.deepEqual(await dump(after), { b: 2, c: 3 });
  });

  it("simulatePowerLoss drops the unsynced batches after the last synced one, keeps the rest", async () => {
    const disk = new MemoryDisk();
    const store = new MemoryStore(disk);
    await store.batch([put("a", 1)]); // made durable by the synced batch after it
    await store.batch([put("b", 2)], { sync: true });
    await store.batch([put("c", 3)]);
    await store.batch([put("d", 4)]);
    assert.equal(disk.unsyncedBatches, 2);
    disk.simulatePowerLoss();
    await assert.rejects(store.get("a"), closed);
    assert.deepEqual(await dump(new MemoryStore(disk)), { a: 1, b: 2 });
    assert.equal(disk.unsyncedBatches, 0);
  });

  it("power loss restores values that unsynced batches overwrote or deleted", async () => {
    const disk = new MemoryDisk();
    const store = new MemoryStore(disk);
    await store.batch([put("k", 1), put("j", 1), put("gone", 1)], { sync: true });
    await store.batch([put("k", 2), del("j"), put("new", 2)]);
    await store.batch([put("k", 3), put("j", 3), del("gone"), del("new")]);
    disk.simulatePowerLoss();
    assert.deepEqual(await dump(new MemoryStore(disk)), { gone: 1, j: 1, k: 1 });
  });

  it("keepUnsynced keeps the oldest unsynced batches, as a partial writeback would", async () => {
    const disk = new MemoryDisk();
    const store = new MemoryStore(disk);
    for (let i = 0; i < 5; i++) await store.batch([put(`k${i}`, i), put("last", i)]);
    disk.simulatePowerLoss({ keepUnsynced: 2 });
    assert.deepEqual(await dump(new MemoryStore(disk)), { k0: 0, k1: 1, last: 1 });
  });

  it("flush makes everything written so far durable; empty batches are no sync barrier", async () => {
    const disk = new MemoryDisk();
    const store = new MemoryStore(disk);
    await store.batch([put("a", 1)]);
    disk.flush();
    await store.batch([put("b", 2)]);
    await store.batch([], { sync: true });
    assert.equal(disk.unsyncedBatches, 1);
    disk.simulatePowerLoss();
    assert.deepEqual(await dump(new MemoryStore(disk)), { a: 1 });
  });

  it("only one handle may be open; a closed or crashed one frees the disk", async () => {
    const disk = new MemoryDisk();
    const first = new MemoryStore(disk);
    assert.throws(() => new MemoryStore(disk), (err: unknown) => isStoreError(err, "locked"));
    await first.close();
    const second = new MemoryStore(disk);
    disk.simulateKill();
    const third = new MemoryStore(disk);
    await assert.rejects(second.get("x"), closed);
    assert.equal(await third.get("x"), undefined);
    assert.throws(() => disk.simulatePowerLoss({ keepUnsynced: -1 }), (err: unknown) => isStoreError(err, "invalid"));
  });

  it("a scan running across a crash rejects with closed", async () => {
    const disk = new MemoryDisk();
    const store = new MemoryStore(disk);
    await store.batch([put("a", 1), put("b", 2)]);
    const scan = store.scan("");
    await scan.next();
    disk.simulateKill();
    await assert.rejects(scan.next(), closed);
  });

  it("after any history, a power loss leaves exactly the batches up to the last sync plus keepUnsynced", async () => {
    const batchArb = fc.record({
      ops: fc.array(fc.record({ del: fc.boolean(), key: fc.constantFrom("a", "b", "c", "d"), value: fc.nat(255) }), { maxLength: 4 }),
      sync: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(batchArb, { maxLength: 12 }), fc.nat(12), async (batches, keepRaw) => {
        const disk = new MemoryDisk();
        const store = new MemoryStore(disk);
        for (const b of batches) {
          await store.batch(b.ops.map((op) => (op.del ? del(op.key) : put(op.key, op.value))), { sync: b.sync });
        }
        // Model: replay the prefix of non-empty batches that must survive.
        const written = batches.filter((b) => b.ops.length > 0);
        const lastSync = written.findLastIndex((b) => b.sync);
        const keep = Math.min(keepRaw, written.length - lastSync - 1);
        const expected: Record<string, number | undefined> = {};
        for (const b of written.slice(0, lastSync + 1 + keep)) {
          for (const op of b.ops) {
            if (op.del) delete expected[op.key];
            else expected[op.key] = op.value;
          }
        }
        disk.simulatePowerLoss({ keepUnsynced: keepRaw });
        assert.deepEqual(await dump(new MemoryStore(disk)), expected);
      }),
      { numRuns: 500 },
    );
  });
});
