import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { entityId } from "./entity-ref.js";
import type { EntityRef } from "./entity-ref.js";
import { Replica } from "./replica.js";
import { MemoryStore } from "./storage/memory-store.js";
import { addMember, incr, versionObject, viewOf, yAppend } from "./test-support/helpers.js";

const ref = (i: number): EntityRef => ({ service: "c", key: `k${i}` });

describe("entity cache", () => {
  it("stays within cacheMaxEntries while 1,000 entities are written, and every entity reloads with its state", async () => {
    const r = await Replica.open({ store: new MemoryStore(), options: { cacheMaxEntries: 100 } });
    try {
      let peak = 0;
      for (let i = 0; i < 1000; i += 20) {
        const chunk = Array.from({ length: 20 }, (_, j) => i + j);
        await Promise.all(chunk.map((n) => incr(r, ref(n), (n % 7) + 1)));
        peak = Math.max(peak, r.entities.cache.size);
        // Each update resolved after its batch was durable and the cache evicted what is idle.
        assert.ok(r.entities.cache.size <= 100, `cache holds ${r.entities.cache.size} entities`);
      }
      await r.entities.drain();
      assert.ok(r.entities.cache.size <= 100);
      assert.ok(r.entities.cache.evictions >= 900, `only ${r.entities.cache.evictions} evictions`);
      assert.equal(r.tree.entityCount(), 1000);

      for (let n = 0; n < 1000; n++) {
        const e = await r.read(ref(n));
        assert.ok(e, `entity ${n} did not reload`);
        assert.equal(await viewOf(r, ref(n)), (n % 7) + 1);
        assert.deepEqual(versionObject(e.version), { [r.id]: 1 });
        assert.ok(r.entities.cache.size <= 100);
      }
      // Reloaded entities keep taking commands.
      await incr(r, ref(3), 10);
      assert.equal(await viewOf(r, ref(3)), 14);
      assert.ok(peak <= 100);
    } finally {
      await r.close();
    }
  });

  it("exceeds the bound only while entities are in flight, and comes back under it once they are durable", async () => {
    const r = await Replica.open({ store: new MemoryStore(), options: { cacheMaxEntries: 100 } });
    try {
      // 300 commands issued at once: all are being committed in the same batch, so none may go.
      const pending = Array.from({ length: 300 }, (_, n) => incr(r, ref(n)));
      await Promise.all(pending);
      await r.entities.drain();
      assert.ok(r.entities.cache.size <= 100, `cache holds ${r.entities.cache.size} entities after the drain`);
      for (let n = 0; n < 300; n++) assert.equal(await viewOf(r, ref(n)), 1);
    } finally {
      await r.close();
    }
  });

  it("never evicts pinned entities; an unpinned one may go again", async () => {
    const r = await Replica.open({ store: new MemoryStore(), options: { cacheMaxEntries: 50 } });
    try {
      const pinnedRefs = [0, 1, 2, 3, 4].map((n) => ({ service: "pinned", key: `p${n}` }));
      for (const p of pinnedRefs) await incr(r, p, 1);
      const pinned = [];
      for (const p of pinnedRefs) {
        const e = await r.pin(p);
        assert.ok(e);
        pinned.push(e);
      }
      for (let n = 0; n < 500; n++) await incr(r, ref(n));
      assert.ok(r.entities.cache.size <= 50);
      for (const e of pinned) {
        assert.equal(r.entities.cache.peek(e.id), e, `pinned ${e.id} was evicted`);
      }
      // A pinned entity stays the same live object, so subscribers see later changes.
      await incr(r, pinnedRefs[0] as EntityRef, 5);
      assert.equal(await viewOf(r, pinnedRefs[0] as EntityRef), 6);
      assert.equal(r.entities.cache.peek(entityId(pinnedRefs[0] as EntityRef)), pinned[0]);

      // Pinned twice, unpinned once: still pinned.
      const twice = pinned[1];
      assert.ok(twice);
      await r.pin(pinnedRefs[1] as EntityRef);
      r.unpin(twice);
      for (let n = 500; n < 600; n++) await incr(r, ref(n));
      assert.equal(r.entities.cache.peek(twice.id), twice);

      for (const e of pinned) r.unpin(e);
      r.unpin(twice);
      for (let n = 600; n < 700; n++) await incr(r, ref(n));
      assert.ok(r.entities.cache.size <= 50);
      assert.ok(
        pinned.some((e) => r.entities.cache.peek(e.id) === undefined),
        "unpinned entities are never evicted",
      );
      for (const p of pinnedRefs) assert.ok(((await viewOf(r, p)) as number) >= 1);
    } finally {
      await r.close();
    }
  });

  it("respects cacheMaxBytes: small entities are bounded by bytes, a huge one is evicted once idle and reloads intact", async () => {
    // Every entity is estimated at 512 bytes at least; 8 KiB holds 16 of them.
    const r = await Replica.open({ store: new MemoryStore(), options: { cacheMaxEntries: 100_000, cacheMaxBytes: 8 * 1024 } });
    try {
      for (let n = 0; n < 200; n++) {
        await incr(r, ref(n));
        assert.ok(r.entities.cache.byteSize <= 8 * 1024, `cache holds ${r.entities.cache.byteSize} bytes`);
      }
      assert.ok(r.entities.cache.size <= 16, `cache holds ${r.entities.cache.size} entities`);
      assert.ok(r.entities.cache.size > 0);

      const big = { service: "set", key: "big" };
      const members = Array.from({ length: 300 }, (_, i) => `member-${i}-${"x".repeat(20)}`);
      for (const m of members) await addMember(r, big, m);
      await r.entities.drain();
      assert.ok(r.entities.cache.byteSize <= 8 * 1024, `cache holds ${r.entities.cache.byteSize} bytes`);
      assert.equal(r.entities.cache.peek(entityId(big)), undefined, "an entity over the whole byte bound stays cached");
      const view = (await viewOf(r, big)) as string[];
      assert.deepEqual([...view].sort(), [...members].sort());
    } finally {
      await r.close();
    }
  });
  it("a pin counts at once: an entity pinned from the cache while another load fills the cache stays the live cached object", async () => {
    const r = await Replica.open({ store: new MemoryStore(), options: { cacheMaxEntries: 1 } });
    try {
      const a = { service: "c", key: "a" };
      await incr(r, a);
      await r.entities.drain();
      // A load of a new entity finishing (and evicting what is idle) in the gap between the pin's
      // cache hit and its count, whichever microtask it lands in.
      for (let hops = 0; hops < 8; hops++) {
        const loading = r.read(ref(hops), "pncounter");
        for (let i = 0; i < hops; i++) await Promise.resolve();
        const [pinned] = await Promise.all([r.pin(a), loading]);
        assert.ok(pinned);
        assert.equal(r.entities.cache.peek(entityId(a)), pinned, `the pinned entity was evicted (${hops} hops)`);
        await incr(r, a);
        assert.equal(r.entities.cache.peek(entityId(a)), pinned, `a command loaded a second copy (${hops} hops)`);
        r.unpin(pinned);
      }
      assert.equal(await viewOf(r, a), 9);
    } finally {
      await r.close();
    }
  });

  it("an entity loaded into a cache full of pinned entities is not evicted before its caller pins it", async () => {
    const r = await Replica.open({ store: new MemoryStore(), options: { cacheMaxEntries: 3 } });
    try {
      const doc = { service: "notes", key: "d" };
      await yAppend(r, doc, "hello");
      // Push the document out of the cache, then fill the cache with pinned entities.
      for (let n = 0; n < 3; n++) await incr(r, ref(n));
      await r.entities.drain();
      for (let n = 0; n < 3; n++) await r.pin(ref(n));
      assert.equal(r.entities.cache.peek(entityId(doc)), undefined);

      const e = await r.pin(doc, "ydoc");
      assert.ok(e && e.state.type === "ydoc");
      // Before the fix the load evicted it at once and destroyed its Y.Doc.
      assert.equal(e.state.doc.getText("body").toString(), "hello");
      assert.equal(r.entities.cache.peek(entityId(doc)), e);
      await yAppend(r, doc, " world");
      assert.equal(e.state.doc.getText("body").toString(), "hello world");
    } finally {
      await r.close();
    }
  });
});
