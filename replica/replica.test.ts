import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { CrdtError, addToCounter, addToSet, asReplicaId, asType, emptyState, view } from "../crdt/index.js";
import type { ChangeEvent } from "./change-feed.js";
import { entityId } from "./entity-ref.js";
import type { EntityRef } from "./entity-ref.js";
import type { FlushStats } from "./entity-store.js";
import { ReplicaError } from "./errors.js";
import { KEYS } from "./records.js";
import { Replica } from "./replica.js";
import { LevelStore } from "./storage/level-store.js";
import { MemoryDisk } from "./storage/memory-disk.js";
import { MemoryStore } from "./storage/memory-store.js";
import type { KeyValueStore } from "./storage/store.js";
import { addMember, incr, versionObject, viewOf } from "./test-support/helpers.js";

const counter = (key: string): EntityRef => ({ service: "counter", key });

let tmpRoot = "";
let dirs = 0;
before(async () => {
  tmpRoot = await mkdtemp(join(tmpdir(), "lattice-replica-test-"));
});
after(async () => {
  await rm(tmpRoot, { recursive: true, force: true });
});
const freshDir = (): string => join(tmpRoot, `data-${++dirs}`);

/** Every flush the entity store reports from now on. */
function recordFlushes(r: Replica): FlushStats[] {
  const flushes: FlushStats[] = [];
  r.entities.onFlush = (s) => flushes.push(s);
  return flushes;
}

async function storedKeys(store: KeyValueStore, prefix: string): Promise<string[]> {
  const out: string[] = [];
  for await (const [k] of store.scan(prefix)) out.push(k);
  return out;
}

function isReplicaError(code: string): (err: unknown) => boolean {
  return (err) => {
    assert.ok(err instanceof ReplicaError, `expected a ReplicaError, got ${String(err)}`);
    assert.equal(err.code, code);
    return true;
  };
}

describe("replica identity", () => {
  it("an empty store mints a new id and marks the start as a new incarnation", async () => {
    const r = await Replica.open({ store: new MemoryStore() });
    try {
      assert.match(r.id, /^[A-Za-z0-9]{16}$/);
      assert.equal(r.createdNow, true);
    } finally {
      await r.close();
    }
  });

  it("reopening the same data directory keeps the id; a fresh directory gets another one", async () => {
    const dir = freshDir();
    const first = await Replica.open({ store: await LevelStore.open(dir) });
    const id = first.id;
    await first.close();

    const again = await Replica.open({ store: await LevelStore.open(dir) });
    assert.equal(again.id, id);
    assert.equal(again.createdNow, false);
    await again.close();

    const other = await Replica.open({ store: await LevelStore.open(freshDir()) });
    assert.notEqual(other.id, id);
    assert.equal(other.createdNow, true);
    await other.close();
  });

  it("a lost data directory (same path, emptied) starts a new incarnation with a new id", async () => {
    const dir = freshDir();
    const first = await Replica.open({ store: await LevelStore.open(dir) });
    const id = first.id;
    await first.close();
    await rm(dir, { recursive: true, force: true });
    const reborn = await Replica.open({ store: await LevelStore.open(dir) });
    try {
      assert.notEqual(reborn.id, id);
      assert.equal(reborn.createdNow, true);
    } finally {
      await reborn.close();
    }
  });
});

describe("replica updates", () => {
  it("an update is durable when it resolves and survives a reopen with its state and version", async () => {
    const dir = freshDir();
    const ref = counter("durable");
    const r = await Replica.open({ store: await LevelStore.open(dir) });
    const id = r.id;
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await incr(r, ref, 2));
    assert.deepEqual(
      results.map((x) => [x.changed, versionObject(x.version)]),
      [1, 2, 3].map((n) => [true, { [id]: n }]),
    );
    // Durable on resolution: the record is in the store before anything else happens.
    assert.ok(await r.store.get(KEYS.entity(entityId(ref))));
    await r.close();

    const reopened = await Replica.open({ store: await LevelStore.open(dir) });
    try {
      const e = await reopened.read(ref);
      assert.ok(e);
      assert.equal(e.type, "gcounter");
      assert.equal(await viewOf(reopened, ref), 6);
      assert.deepEqual(versionObject(e.version), { [id]: 3 });
      // And it keeps counting from there.
      const next = await incr(reopened, ref, 1);
      assert.deepEqual(versionObject(next.version), { [id]: 4 });
      assert.equal(await viewOf(reopened, ref), 7);
    } finally {
      await reopened.close();
    }
  });

  it("a produce that throws leaves the entity unchanged, writes nothing and the replica stays usable", async () => {
    const r = await Replica.open({ store: new MemoryStore() });
    try {
      const ref = counter("atomic");
      await incr(r, ref, 1);
      const flushes = recordFlushes(r);
      const changes: ChangeEvent[] = [];
      r.onChange((ev) => changes.push(ev));

      await assert.rejects(
        r.update(ref, "gcounter", () => {
          throw new Error("boom");
        }),
        /boom/,
      );
      const e = await r.read(ref);
      assert.ok(e);
      assert.equal(await viewOf(r, ref), 1);
      assert.deepEqual(versionObject(e.version), { [r.id]: 1 });
      await r.entities.drain();
      assert.equal(flushes.length, 0);
      assert.equal(changes.length, 0);

      // A never-written entity whose first command throws is not stored either.
      const fresh = counter("never");
      await assert.rejects(
        r.update(fresh, "gcounter", () => {
          throw new Error("boom again");
        }),
        /boom again/,
      );
      await r.entities.drain();
      assert.equal(await r.store.get(KEYS.entity(entityId(fresh))), undefined);
      assert.equal(flushes.length, 0);

      // Usable: the same entity takes the next command.
      const next = await incr(r, ref, 4);
      assert.equal(next.changed, true);
      assert.equal(await viewOf(r, ref), 5);
    } finally {
      await r.close();
    }
  });

  it("a no-op produce (null) returns changed:false and writes nothing", async () => {
    const r = await Replica.open({ store: new MemoryStore() });
    try {
      const set = { service: "set", key: "s" };
      await addMember(r, set, "milk");
      const flushes = recordFlushes(r);
      const changes: ChangeEvent[] = [];
      r.onChange((ev) => changes.push(ev));

      const explicit = await r.update(set, "orset", () => null);
      assert.equal(explicit.changed, false);
      assert.deepEqual(versionObject(explicit.version), { [r.id]: 1 });
      // Re-adding a present member is a no-op too (SPEC §3: no delta, no gossip).
      const readd = await addMember(r, set, "milk");
      assert.equal(readd.changed, false);
      assert.deepEqual(versionObject(readd.version), { [r.id]: 1 });
      // A no-op on a never-written entity stores nothing.
      const untouched = await r.update(counter("untouched"), "gcounter", () => null);
      assert.equal(untouched.changed, false);
      assert.deepEqual(versionObject(untouched.version), {});

      await r.entities.drain();
      assert.equal(flushes.length, 0);
      assert.equal(changes.length, 0);
      assert.equal(await r.store.get(KEYS.entity(entityId(counter("untouched")))), undefined);
    } finally {
      await r.close();
    }
  });

  it("group commit: 50 updates issued in one turn to different entities are written in ONE batch", async () => {
    const r = await Replica.open({ store: new MemoryStore() });
    try {
      const flushes = recordFlushes(r);
      const refs = Array.from({ length: 50 }, (_, i) => counter(`g${i}`));
      const results = await Promise.all(refs.map((ref) => incr(r, ref)));
      assert.ok(results.every((x) => x.changed));
      assert.deepEqual(
        flushes.map((f) => f.entities),
        [50],
      );
      for (const ref of refs) assert.ok(await r.store.get(KEYS.entity(entityId(ref))));
    } finally {
      await r.close();
    }
  });

  it("group commit on a level store: 50 cached entities changed in one turn make one batch", async () => {
    const r = await Replica.open({ store: await LevelStore.open(freshDir()) });
    try {
      const refs = Array.from({ length: 50 }, (_, i) => counter(`lg${i}`));
      await Promise.all(refs.map((ref) => incr(r, ref)));
      const flushes = recordFlushes(r);
      await Promise.all(refs.map((ref) => incr(r, ref)));
      assert.deepEqual(
        flushes.map((f) => f.entities),
        [50],
      );
    } finally {
      await r.close();
    }
  });

  it("commands on one entity run one at a time: each sees the result of the previous one", async () => {
    const r = await Replica.open({ store: new MemoryStore() });
    try {
      const ref = counter("serial");
      const seen: number[] = [];
      let running = 0;
      const commands = Array.from({ length: 25 }, () =>
        r.update(ref, "gcounter", (e) => {
          const state = asType(e.state, "gcounter");
          running++;
          assert.equal(running, 1, "two commands ran at once");
          seen.push(view(state, r.viewEnv()) as number);
          const d = addToCounter(state, r.id, 1, "gcounter");
          running--;
          return d ? { kind: "causal", delta: { type: "gcounter", ...d } } : null;
        }),
      );
      // Remote deltas for the same entity wait their turn too.
      const remoteId = asReplicaId("remoteReplicaAAA");
      const remote = addToCounter(emptyState("gcounter"), remoteId, 100, "gcounter");
      assert.ok(remote);
      const applied = r.applyRemote({ ref, change: { kind: "causal", delta: { type: "gcounter", ...remote } }, version: [[remoteId, 1]] });
      const results = await Promise.all(commands);
      await applied;
      assert.deepEqual(
        seen,
        Array.from({ length: 25 }, (_, i) => i),
      );
      assert.deepEqual(
        results.map((x) => x.version.get(r.id)),
        Array.from({ length: 25 }, (_, i) => i + 1),
      );
      assert.equal(await viewOf(r, ref), 125);
    } finally {
      await r.close();
    }
  });

  it("a deleted entity rejects later commands with entity_deleted, also after a reopen", async () => {
    const disk = new MemoryDisk();
    const ref = counter("doomed");
    const r = await Replica.open({ store: new MemoryStore(disk) });
    await incr(r, ref, 3);
    const del = await r.delete(ref, "gcounter");
    assert.equal(del.changed, true);
    assert.deepEqual(versionObject(del.version), { [r.id]: 2 });
    await assert.rejects(incr(r, ref), isReplicaError("entity_deleted"));
    await assert.rejects(r.delete(ref, "gcounter"), isReplicaError("entity_deleted"));
    // The type no longer matters: a deleted entity answers entity_deleted, not type_mismatch.
    await assert.rejects(addMember(r, ref, "x"), isReplicaError("entity_deleted"));
    const e = await r.read(ref);
    assert.equal(e?.deleted, true);
    await r.close();

    const reopened = await Replica.open({ store: new MemoryStore(disk) });
    try {
      assert.equal((await reopened.read(ref))?.deleted, true);
      await assert.rejects(incr(reopened, ref), isReplicaError("entity_deleted"));
      await assert.rejects(addMember(reopened, ref, "x"), isReplicaError("entity_deleted"));
      // A remote delta for a deleted entity is ignored (deletion is permanent and wins).
      const remoteId = asReplicaId("remoteReplicaBBB");
      const d = addToCounter(emptyState("gcounter"), remoteId, 1, "gcounter");
      assert.ok(d);
      await reopened.applyRemote({ ref, change: { kind: "causal", delta: { type: "gcounter", ...d } }, version: [[remoteId, 1]] });
      assert.equal((await reopened.read(ref))?.deleted, true);
    } finally {
      await reopened.close();
    }
  });

  it("a command of another type than the entity's fails with CrdtError type_mismatch and changes nothing", async () => {
    const r = await Replica.open({ store: new MemoryStore() });
    try {
      const ref = counter("typed");
      await incr(r, ref, 2);
      const isMismatch = (err: unknown): boolean => {
        assert.ok(err instanceof CrdtError, `expected a CrdtError, got ${String(err)}`);
        assert.equal(err.code, "type_mismatch");
        return true;
      };
      await assert.rejects(addMember(r, ref, "x"), isMismatch);
      // Also when the entity is not cached and comes from the store.
      r.entities.cache.clear();
      await assert.rejects(addMember(r, ref, "x"), isMismatch);
      // A remote delta of another type is refused the same way.
      const remoteId = asReplicaId("remoteReplicaCCC");
      const d = addToSet(emptyState("orset"), remoteId, "x");
      assert.ok(d);
      await assert.rejects(r.applyRemote({ ref, change: { kind: "causal", delta: { type: "orset", ...d } }, version: [[remoteId, 1]] }), isMismatch);
      assert.equal(await viewOf(r, ref), 2);
      assert.deepEqual(versionObject((await r.read(ref))?.version ?? new Map()), { [r.id]: 1 });
      // Usable afterwards.
      await incr(r, ref, 1);
      assert.equal(await viewOf(r, ref), 3);
    } finally {
      await r.close();
    }
  });

  it("a closed replica refuses commands with unavailable", async () => {
    const r = await Replica.open({ store: new MemoryStore() });
    await r.close();
    await assert.rejects(incr(r, counter("late")), isReplicaError("unavailable"));
  });
});

describe("replica change feed", () => {
  it("onChange fires for local commands and remote changes, once each, after they are durable", async () => {
    const r = await Replica.open({ store: new MemoryStore() });
    try {
      const ref = counter("watched");
      const events: { origin: string; value: unknown; durable: boolean }[] = [];
      const unsubscribe = r.onChange((ev) => {
        // Read synchronously inside the listener: the change is already in the store's batch.
        events.push({ origin: ev.origin, value: view(ev.entity.state as never, r.viewEnv()), durable: ev.entity.digest !== undefined });
      });
      await incr(r, ref, 2);
      const remoteId = asReplicaId("remoteReplicaDDD");
      const d = addToCounter(emptyState("gcounter"), remoteId, 5, "gcounter");
      assert.ok(d);
      await r.applyRemote({ ref, change: { kind: "causal", delta: { type: "gcounter", ...d } }, version: [[remoteId, 1]] });
      assert.deepEqual(events, [
        { origin: "local", value: 2, durable: true },
        { origin: "remote", value: 7, durable: true },
      ]);
      assert.deepEqual(versionObject((await r.read(ref))?.version ?? new Map()), { [r.id]: 1, [remoteId]: 1 });

      // A no-op fires nothing; an unsubscribed listener hears nothing more.
      await r.update(ref, "gcounter", () => null);
      assert.equal(events.length, 2);
      unsubscribe();
      await incr(r, ref, 1);
      assert.equal(events.length, 2);
    } finally {
      await r.close();
    }
  });

  it("a listener that throws does not break the others, the command or the replica", async () => {
    const r = await Replica.open({ store: new MemoryStore() });
    try {
      const reported: unknown[] = [];
      r.onError = (err) => reported.push(err);
      const heard: string[] = [];
      r.onChange(() => {
        heard.push("first");
        throw new Error("listener bug");
      });
      r.onChange((ev) => heard.push(`second:${ev.origin}`));
      const res = await incr(r, counter("robust"), 1);
      assert.equal(res.changed, true);
      assert.deepEqual(heard, ["first", "second:local"]);
      assert.equal(reported.length, 1);
      assert.match(String(reported[0]), /listener bug/);
      await incr(r, counter("robust"), 1);
      assert.equal(await viewOf(r, counter("robust")), 2);
      assert.deepEqual(heard, ["first", "second:local", "first", "second:local"]);
    } finally {
      await r.close();
    }
  });
});

describe("replica storage layout", () => {
  it("nothing but metadata is stored until the first change", async () => {
    const r = await Replica.open({ store: new MemoryStore() });
    try {
      assert.deepEqual(await storedKeys(r.store, ""), [KEYS.replica, KEYS.seq]);
      await r.read(counter("peek"), "gcounter");
      assert.deepEqual(await storedKeys(r.store, "e/"), []);
    } finally {
      await r.close();
    }
  });
});
