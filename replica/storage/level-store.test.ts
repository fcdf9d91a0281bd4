import assert from "node:assert/strict";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runStoreAcceptanceTests } from "./acceptance.js";
import { LevelStore } from "./level-store.js";
import { isStoreError, type StoreErrorCode } from "./store-error.js";

/** A fresh directory under the OS temp dir; `remove` deletes it. */
async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "lattice-level-store-"));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

runStoreAcceptanceTests("LevelStore", async () => {
  const { dir, remove } = await tempDir();
  const handles = [await LevelStore.open(dir)];
  return {
    store: handles[0] as LevelStore,
    reopen: async () => {
      const store = await LevelStore.open(dir);
      handles.push(store);
      return store;
    },
    teardown: async () => {
      for (const store of handles) await store.close();
      await remove();
    },
  };
});

function hasCode(code: StoreErrorCode): (err: unknown) => boolean {
  return (err) => {
    assert.ok(isStoreError(err, code), `expected StoreError "${code}", got ${String(err)}`);
    return true;
  };
}

describe("LevelStore specifics", () => {
  it("creates a missing directory, nested", async () => {
    const { dir, remove } = await tempDir();
    try {
      const store = await LevelStore.open(join(dir, "a", "b"));
      assert.equal(store.location, join(dir, "a", "b"));
      await store.close();
      assert.ok((await readdir(join(dir, "a", "b"))).includes("CURRENT"));
    } finally {
      await remove();
    }
  });

  it("opening a directory that is already open fails with locked, and works once it is closed", async () => {
    const { dir, remove } = await tempDir();
    try {
      const first = await LevelStore.open(dir);
      await assert.rejects(LevelStore.open(dir), (err: unknown) => {
        hasCode("locked")(err);
        assert.match((err as Error).message, /LOCK/);
        assert.ok((err as Error).cause instanceof Error, "keeps level's error as cause");
        return true;
      });
      await first.close();
      const second = await LevelStore.open(dir);
      await second.close();
    } finally {
      await remove();
    }
  });

  it("a damaged MANIFEST fails the open with corrupt", async () => {
    const { dir, remove } = await tempDir();
    try {
      const store = await LevelStore.open(dir);
      await store.batch([{ type: "put", key: "k", value: Uint8Array.of(1) }], { sync: true });
      await store.close();
      const manifest = (await readdir(dir)).find((name) => name.startsWith("MANIFEST-"));
      assert.ok(manifest);
      await writeFile(join(dir, manifest), "this is not a LevelDB manifest, not even close to one");
      await assert.rejects(LevelStore.open(dir), hasCode("corrupt"));
    } finally {
      await remove();
    }
  });

  it("a path that is a file fails the open with io; an empty path with invalid", async () => {
    const { dir, remove } = await tempDir();
    try {
      const file = join(dir, "file");
      await writeFile(file, "x");
      await assert.rejects(LevelStore.open(file), hasCode("io"));
      await assert.rejects(LevelStore.open(""), hasCode("invalid"));
    } finally {
      await remove();
    }
  });

  it("no scan keeps a LevelDB iterator open once it is finished, broken off, failed or closed", async () => {
    const { dir, remove } = await tempDir();
    const store = await LevelStore.open(dir);
    try {
      await store.batch(Array.from({ length: 600 }, (_, i) => ({ type: "put" as const, key: `k${i}`, value: Uint8Array.of(1) })));
      for await (const _ of store.scan("k")) void _;
      assert.equal(store.openScans, 0, "after exhaustion");
      for await (const _ of store.scan("k")) break;
      assert.equal(store.openScans, 0, "after break");
      const thrown = new Error("consumer failed");
      await assert.rejects(async () => {
        for await (const _ of store.scan("k")) throw thrown;
      }, thrown);
      assert.equal(store.openScans, 0, "after a throw in the loop body");
      const suspended = store.scan("k");
      await suspended.next();
      assert.equal(store.openScans, 1, "while suspended");
      await store.close();
      await assert.rejects(suspended.next(), hasCode("closed"));
      assert.equal(store.openScans, 0, "after close");
    } finally {
      await store.close();
      await remove();
    }
  });
});
