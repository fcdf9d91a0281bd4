/**
 * The acceptance suite every {@link KeyValueStore} implementation must pass, so that the
 * in-memory store used by simulations behaves exactly like the LevelDB store used in production.
 * An implementation's test file is a fixture plus one call:
 *
 * ```ts
 * runStoreAcceptanceTests("MemoryStore", async () => {
 *   const disk = new MemoryDisk();
 *   const store = new MemoryStore(disk);
 *   return { store, reopen: async () => new MemoryStore(disk), teardown: () => store.close() };
 * });
 * ```
 *
 * @module
 */
import assert from "node:assert/strict";
import { describe as nodeDescribe, it as nodeIt, type TestContext } from "node:test";
import type { BatchOp, KeyValueStore, ScanOptions, StoreEntry, StoreKey } from "./store.js";
import { isStoreError, type StoreErrorCode } from "./store-error.js";

export interface StoreFixture {
  /** A freshly opened, empty store. */
  readonly store: KeyValueStore;
  /**
   * Opens another handle on the same data (for a directory: opens it again). The suite closes
   * `store` first, except when it checks that a second open fails with `"locked"`. Omit it if
   * data does not outlive its handle.
   */
  readonly reopen?: () => Promise<KeyValueStore>;
  /** Closes every handle the fixture opened (including reopened ones) and deletes the data. */
  readonly teardown: () => Promise<void>;
}

// node:test's describe()/it() return promises that its runner awaits itself; these wrappers
// discard them in one place instead of marking every call site.
function describe(name: string, fn: () => void): void {
  void nodeDescribe(name, fn);
}
function it(name: string, fn: (t: TestContext) => Promise<void>): void {
  void nodeIt(name, { timeout: 30_000 }, fn);
}

/** Registers the acceptance tests for one implementation under `describe(name)`. */
export function runStoreAcceptanceTests(name: string, setup: () => Promise<StoreFixture>): void {
  /** Runs `fn` on a fresh fixture and always tears it down. */
  const test = (title: string, fn: (fx: StoreFixture, t: TestContext) => Promise<void>): void =>
    it(title, async (t) => {
      const fx = await setup();
      try {
        await fn(fx, t);
      } finally {
        await fx.teardown();
      }
    });
  const withReopen = (title: string, fn: (fx: StoreFixture, reopen: () => Promise<KeyValueStore>) => Promise<void>): void =>
    test(title, async (fx, t) => {
      if (fx.reopen === undefined) {
        t.skip("the fixture has no reopen()");
        return;
      }
      await fn(fx, fx.reopen);
    });

  describe(`${name}: KeyValueStore acceptance`, () => {
    describe("get and batch", () => {
      test("get of a missing key resolves undefined", async ({ store }) => {
        assert.equal(await store.get("missing"), undefined);
        assert.deepEqual(await store.getMany(["missing", "other"]), [undefined, undefined]);
      });

      test("put then get round-trips the bytes, including empty values and the empty key", async ({ store }) => {
        await store.batch([put("k", [1, 2, 255]), put("empty", []), put("", [7])]);
        assert.deepEqual(await store.get("k"), bytes([1, 2, 255]));
        assert.deepEqual(await store.get("empty"), bytes([]));
        assert.deepEqual(await store.get(""), bytes([7]));
      });

      test("getMany keeps the order of its keys, duplicates included", async ({ store }) => {
        await store.batch([put("a", [1]), put("b", [2])]);
        assert.deepEqual(await store.getMany(["b", "x", "a", "b"]), [bytes([2]), undefined, bytes([1]), bytes([2])]);
        assert.deepEqual(await store.getMany([]), []);
      });

      test("values are copied on write: mutating the caller's buffer after batch() changes nothing", async ({ store }) => {
        const value = bytes([1, 2, 3]);
        const pending = store.batch([{ type: "put", key: "k", value }]);
        value.fill(9); // before the batch resolves: the store must have copied already
        await pending;
        value.fill(8);
        assert.deepEqual(await store.get("k"), bytes([1, 2, 3]));
      });

      test("values are copied on read: mutating a returned value changes nothing", async ({ store }) => {
        await store.batch([put("k", [1, 2, 3])]);
        const first = await store.get("k");
        assert.ok(first);
        first.fill(0);
        const [many] = await store.getMany(["k"]);
        assert.ok(many);
        many.fill(0);
        for await (const [, value] of store.scan("k")) value.fill(0);
        assert.deepEqual(await store.get("k"), bytes([1, 2, 3]));
      });

      test("returned values are plain Uint8Arrays", async ({ store }) => {
        await store.batch([put("k", [1])]);
        const values = [await store.get("k"), ...(await store.getMany(["k"])), ...(await collect(store.scan("k"))).map(([, v]) => v)];
        for (const value of values) assert.equal(value?.constructor, Uint8Array);
      });

      test("a batch applies puts and dels together", async ({ store }) => {
        await store.batch([put("a", [1]), put("b", [2])]);
        await store.batch([{ type: "del", key: "a" }, put("c", [3]), put("b", [4])]);
        assert.deepEqual(await entries(store, ""), [["b", bytes([4])], ["c", bytes([3])]]);
      });

      test("ops in one batch apply in order: the last op on a key wins", async ({ store }) => {
        await store.batch([put("x", [1]), { type: "del", key: "x" }, { type: "del", key: "y" }, put("y", [2]), put("y", [3])]);
        assert.equal(await store.get("x"), undefined);
        assert.deepEqual(await store.get("y"), bytes([3]));
      });

      test("deleting a missing key is a no-op, and an empty batch is a no-op", async ({ store }) => {
        await store.batch([{ type: "del", key: "nothing" }]);
        await store.batch([]);
        await store.batch([], { sync: true });
        assert.deepEqual(await entries(store, ""), []);
      });

      test("a batch with a malformed op rejects with invalid and applies nothing", async ({ store }) => {
        await store.batch([put("keep", [1])]);
        const malformed: unknown[] = [
          { type: "put", key: "k", value: "not bytes" },
          { type: "put", key: "k" },
          { type: "put", key: 42, value: bytes([1]) },
          { type: "put", key: "bad\ud800", value: bytes([1]) },
          { type: "del", key: "\udc00" },
          { type: "upsert", key: "k", value: bytes([1]) },
          null,
        ];
        for (const bad of malformed) {
          const ops = [put("new", [1]), { type: "del", key: "keep" }, bad] as BatchOp[];
          await rejectsWith(store.batch(ops), "invalid");
        }
        await rejectsWith(store.batch("nope" as unknown as BatchOp[]), "invalid");
        await rejectsWith(store.batch([put("new", [1])], { sync: "yes" } as unknown as { sync: boolean }), "invalid");
        assert.deepEqual(await entries(store, ""), [["keep", bytes([1])]]);
      });

      test("get and getMany reject malformed keys with invalid", async ({ store }) => {
        await rejectsWith(store.get("\ud800"), "invalid");
        await rejectsWith(store.get(1 as unknown as string), "invalid");
        await rejectsWith(store.getMany(["ok", "\udfff"]), "invalid");
      });

      test("keys are exact: no Unicode normalisation, case-sensitive", async ({ store }) => {
        await store.batch([put("\u00e9", [1]), put("e\u0301", [2]), put("K", [3]), put("k", [4])]);
        assert.deepEqual(await store.getMany(["\u00e9", "e\u0301", "K", "k"]), [bytes([1]), bytes([2]), bytes([3]), bytes([4])]);
      });

      test("sync batches read back like any other", async ({ store }) => {
        await store.batch([put("s", [1])], { sync: true });
        await store.batch([put("u", [2])], { sync: false });
        assert.deepEqual(await store.getMany(["s", "u"]), [bytes([1]), bytes([2])]);
      });
    });

    describe("scan", () => {
      test("returns exactly the keys with the prefix, in key order", async ({ store }) => {
        await store.batch(shuffled(TREE).map((k) => put(k, [k.length])));
        assert.deepEqual(await keys(store, ""), TREE);
        assert.deepEqual(await keys(store, "a"), ["a", "a/1", "a/2", "ab", "ab/1", "ac", "ac/x"]);
        assert.deepEqual(await keys(store, "ac"), ["ac", "ac/x"]);
        assert.deepEqual(await keys(store, "a/"), ["a/1", "a/2"]);
        assert.deepEqual(await keys(store, "b"), ["b", "b/1", "ba"]);
        assert.deepEqual(await keys(store, "aa"), []);
        assert.deepEqual(await keys(store, "c"), []);
        assert.deepEqual(await entries(store, "ac/"), [["ac/x", bytes([4])]]);
      });

      test("orders keys by code point (UTF-8 byte order), not by UTF-16 unit", async ({ store }) => {
        await store.batch(shuffled(CODE_POINT_ORDER).map((k, i) => put(k, [i])));
        assert.deepEqual(await keys(store, ""), CODE_POINT_ORDER);
        assert.deepEqual(await keys(store, "", { reverse: true }), [...CODE_POINT_ORDER].reverse());
      });

      test("prefix bounds hold at the edges of the code point range", async ({ store }) => {
        const all = [
          ...["\ud7ff", "\ud7ffz", "\ue000", "\uffff", "\uffffa", "\u{10000}"],
          ...["x", "x\u{10ffff}", "x\u{10ffff}\u{10ffff}", "y", "\u{10ffff}", "\u{10ffff}a", "\u{10ffff}\u{10ffff}"],
        ];
        await store.batch(all.map((k) => put(k, [1])));
        assert.deepEqual(await keys(store, "\ud7ff"), ["\ud7ff", "\ud7ffz"]);
        assert.deepEqual(await keys(store, "\uffff"), ["\uffff", "\uffffa"]);
        assert.deepEqual(await keys(store, "x\u{10ffff}"), ["x\u{10ffff}", "x\u{10ffff}\u{10ffff}"]);
        assert.deepEqual(await keys(store, "\u{10ffff}"), ["\u{10ffff}", "\u{10ffff}a", "\u{10ffff}\u{10ffff}"]);
        assert.deepEqual(await keys(store, "\u{10000}"), ["\u{10000}"]);
      });

      test("limit caps the number of entries; limit 0 yields nothing", async ({ store }) => {
        await store.batch(TREE.map((k) => put(k, [1])));
        assert.deepEqual(await keys(store, "a", { limit: 3 }), ["a", "a/1", "a/2"]);
        assert.deepEqual(await keys(store, "a", { limit: 100 }), TREE.slice(0, 7));
        assert.deepEqual(await keys(store, "a", { limit: 0 }), []);
      });

      test("reverse iterates from the greatest key, and limit takes the last ones", async ({ store }) => {
        await store.batch(TREE.map((k) => put(k, [1])));
        assert.deepEqual(await keys(store, "a", { reverse: true }), ["ac/x", "ac", "ab/1", "ab", "a/2", "a/1", "a"]);
        assert.deepEqual(await keys(store, "a", { reverse: true, limit: 2 }), ["ac/x", "ac"]);
        assert.deepEqual(await keys(store, "", { reverse: true, limit: 1 }), ["ba"]);
      });

      test("after pages through a prefix, forward and reverse", async ({ store }) => {
        const all = Array.from({ length: 25 }, (_, i) => `p/${pad(i)}`);
        await store.batch([put("o", [0]), ...all.map((k) => put(k, [1])), put("q", [0])]);
        for (const reverse of [false, true]) {
          const pages: StoreKey[][] = [];
          let after: StoreKey | undefined;
          // Bounded, so that a cursor that fails to advance fails the test instead of hanging it.
          for (let i = 0; i < 5; i++) {
            const page = await keys(store, "p/", { limit: 10, reverse, ...(after === undefined ? {} : { after }) });
            if (page.length === 0) break;
            pages.push(page);
            after = page.at(-1);
          }
          assert.deepEqual(pages.map((p) => p.length), [10, 10, 5]);
          assert.deepEqual(pages.flat(), reverse ? [...all].reverse() : all);
        }
      });

      test("after need not exist, and outside the prefix range it clamps or empties the scan", async ({ store }) => {
        await store.batch(TREE.map((k) => put(k, [1])));
        assert.deepEqual(await keys(store, "a", { after: "ab/0" }), ["ab/1", "ac", "ac/x"]);
        assert.deepEqual(await keys(store, "a", { after: "ab/0", reverse: true }), ["ab", "a/2", "a/1", "a"]);
        assert.deepEqual(await keys(store, "ab", { after: "a" }), ["ab", "ab/1"]);
        assert.deepEqual(await keys(store, "ab", { after: "b" }), []);
        assert.deepEqual(await keys(store, "ab", { after: "b", reverse: true }), ["ab/1", "ab"]);
        assert.deepEqual(await keys(store, "ab", { after: "a", reverse: true }), []);
        assert.deepEqual(await keys(store, "a", { after: "a" }), TREE.slice(1, 7));
      });

      test("many keys (10k, written in shuffled batches) scan completely and in order", async ({ store }) => {
        const n = 10_000;
        const all = Array.from({ length: n }, (_, i) => `k/${hex(i)}`);
        const order = shuffled(all);
        for (let i = 0; i < n; i += 1000) await store.batch(order.slice(i, i + 1000).map((k) => put(k, [k.length])));
        assert.deepEqual(await keys(store, "k/"), all);
        assert.deepEqual(await keys(store, "k/", { reverse: true }), [...all].reverse());
        const sub = all.filter((k) => k.startsWith("k/00001"));
        assert.equal(sub.length, 4096);
        assert.deepEqual(await keys(store, "k/00001"), sub);
      });

      test("a scan sees the store as it was when iteration began", async ({ store }) => {
        // More keys than a backend is likely to read ahead in one round trip.
        const all = Array.from({ length: 1000 }, (_, i) => `s/${pad(i)}`);
        await store.batch(all.map((k) => put(k, [1])));
        const seen: StoreKey[] = [];
        for await (const [key] of store.scan("s/")) {
          if (seen.length === 0) {
            await store.batch([{ type: "del", key: "s/0999" }, put("s/0500x", [2]), put("s/1000", [2]), put("s/0998", [3])]);
          }
          seen.push(key);
        }
        assert.deepEqual(seen, all);
        assert.deepEqual(await store.get("s/0998"), bytes([3]));
      });

      test("nothing is read before iteration starts", async ({ store }) => {
        const scan = store.scan("k");
        await store.batch([put("k", [1])]);
        assert.deepEqual(await collect(scan), [["k", bytes([1])]]);
      });

      test("malformed scan arguments reject with invalid on first next()", async ({ store }) => {
        const bad: [StoreKey, ScanOptions | undefined][] = [
          ["\ud800", undefined],
          ["", { limit: -1 }],
          ["", { limit: 1.5 }],
          ["", { after: "\udc00" }],
          ["", { reverse: "yes" as unknown as boolean }],
        ];
        for (const [prefix, options] of bad) await rejectsWith(collect(store.scan(prefix, options)), "invalid");
      });

      test("breaking out of a scan releases it: writes, new scans and close() proceed", async ({ store }) => {
        await store.batch(Array.from({ length: 600 }, (_, i) => put(`b/${pad(i)}`, [1])));
        for (let i = 0; i < 50; i++) {
          for await (const entry of store.scan("b/", { reverse: i % 2 === 1 })) {
            assert.ok(entry);
            break;
          }
        }
        const manual = store.scan("b/");
        await manual.next();
        await manual.return?.();
        assert.deepEqual(await manual.next(), { done: true, value: undefined });
        await store.batch([put("b/x", [2])]);
        assert.equal((await keys(store, "b/")).length, 601);
        await store.close();
      });

      test("concurrent scans interleave independently", async ({ store }) => {
        await store.batch(TREE.map((k) => put(k, [1])));
        const forward = store.scan("");
        const backward = store.scan("", { reverse: true });
        const seen: [StoreKey, StoreKey][] = [];
        for (;;) {
          const [f, b] = await Promise.all([forward.next(), backward.next()]);
          if (f.done === true || b.done === true) break;
          seen.push([f.value[0], b.value[0]]);
        }
        assert.deepEqual(seen, TREE.map((k, i): [StoreKey, StoreKey] => [k, TREE[TREE.length - 1 - i] as StoreKey]));
      });
    });

    describe("close and reopen", () => {
      test("after close() every method rejects with closed, and close() is idempotent", async ({ store }) => {
        await store.batch([put("k", [1])]);
        await store.close();
        await store.close();
        await rejectsWith(store.get("k"), "closed");
        await rejectsWith(store.getMany(["k"]), "closed");
        await rejectsWith(store.batch([put("k", [2])]), "closed");
        await rejectsWith(store.batch([]), "closed");
        await rejectsWith(collect(store.scan("")), "closed");
      });

      test("closing during a scan makes its next step reject with closed", async ({ store }) => {
        await store.batch(TREE.map((k) => put(k, [1])));
        const scan = store.scan("");
        assert.equal((await scan.next()).done, false);
        await store.close();
        await rejectsWith(scan.next(), "closed");
      });

      withReopen("reopening keeps every batch, synced or not", async ({ store }, reopen) => {
        await store.batch([put("a", [1]), put("b", [2])]);
        await store.batch([put("c", [3]), { type: "del", key: "a" }], { sync: true });
        await store.batch([put("d", [4])]);
        await store.close();
        const again = await reopen();
        assert.deepEqual(await entries(again, ""), [["b", bytes([2])], ["c", bytes([3])], ["d", bytes([4])]]);
        await again.batch([put("e", [5])]);
        await again.close();
        const third = await reopen();
        assert.deepEqual(await keys(third, ""), ["b", "c", "d", "e"]);
      });

      withReopen("close() lets a batch already started finish", async ({ store }, reopen) => {
        const pending = store.batch([put("late", [1])]);
        await store.close();
        await pending;
        const again = await reopen();
        assert.deepEqual(await again.get("late"), bytes([1]));
      });

      withReopen("a second open of the same data while one is open rejects with locked", async ({ store }, reopen) => {
        await rejectsWith(reopen(), "locked");
        await store.batch([put("still", [1])]);
        assert.deepEqual(await store.get("still"), bytes([1]));
        await store.close();
        const again = await reopen();
        assert.deepEqual(await again.get("still"), bytes([1]));
      });
    });
  });
}

/** A small key set whose prefixes nest and neighbour each other ("a" < "a/1" < "ab" < "ac" < "b"). */
const TREE: readonly StoreKey[] = ["a", "a/1", "a/2", "ab", "ab/1", "ac", "ac/x", "b", "b/1", "ba"];

/** Keys in code point order, chosen around the points where UTF-16 and UTF-8 orders differ. */
const CODE_POINT_ORDER: readonly StoreKey[] = [
  "", "\u0000", "\u0001", "\u001f", " ", "0", "A", "Z", "a", "e", "e\u0301", "z", "\u007f", "\u0080",
  "\u00e9", "\u07ff", "\u0800", "\ud7ff", "\ue000", "\uffef", "\uffff", "\u{10000}", "\u{1f600}", "\u{10ffff}",
];

function bytes(values: readonly number[]): Uint8Array {
  return Uint8Array.from(values);
}

function put(key: StoreKey, values: readonly number[]): BatchOp {
  return { type: "put", key, value: bytes(values) };
}

async function collect(scan: AsyncIterable<StoreEntry>): Promise<StoreEntry[]> {
  const out: StoreEntry[] = [];
  for await (const entry of scan) out.push(entry);
  return out;
}

async function entries(store: KeyValueStore, prefix: StoreKey, options?: ScanOptions): Promise<StoreEntry[]> {
  return collect(store.scan(prefix, options));
}

async function keys(store: KeyValueStore, prefix: StoreKey, options?: ScanOptions): Promise<StoreKey[]> {
  return (await entries(store, prefix, options)).map(([key]) => key);
}

async function rejectsWith(promise: Promise<unknown>, code: StoreErrorCode): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(isStoreError(err, code), `expected StoreError "${code}", got ${String(err)}`);
    return true;
  });
}

function pad(n: number): string {
  return String(n).padStart(4, "0");
}

function hex(n: number): string {
  return n.toString(16).padStart(8, "0");
}

/** A fixed permutation (seeded LCG), so failures reproduce; insertion order must not matter. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  let seed = 0x2545f491;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
