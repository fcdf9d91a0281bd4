import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import tags from "./tags.js";
import { deltasOf, latticeError, nodePool, replicate } from "./test-support/harness.js";

const pool = nodePool([tags]);
afterEach(() => pool.closeAll());

describe("tags", () => {
  it("adds, removes, clears and lists, sorted", async () => {
    const a = await pool.start();
    assert.deepEqual(await a.call("tags", "doc", "list"), []);
    assert.deepEqual(await a.call("tags", "doc", "add", { tag: "urgent" }), ["urgent"]);
    assert.deepEqual(await a.call("tags", "doc", "add", { tag: "blue" }), ["blue", "urgent"]);
    assert.deepEqual(await a.call("tags", "doc", "remove", { tag: "urgent" }), ["blue"]);
    assert.deepEqual(await a.view("tags", "doc"), ["blue"]);
    assert.deepEqual(await a.call("tags", "doc", "clear"), []);
  });

  it("re-adding a present tag, removing a missing one or clearing an empty set gossips nothing", async () => {
    const a = await pool.start();
    await a.call("tags", "doc", "add", { tag: "x" });
    const n = deltasOf(a, "tags", "doc").length;
    await a.call("tags", "doc", "add", { tag: "x" });
    await a.call("tags", "doc", "remove", { tag: "y" });
    assert.equal(deltasOf(a, "tags", "doc").length, n);
    await a.call("tags", "doc", "clear");
    const m = deltasOf(a, "tags", "doc").length;
    await a.call("tags", "doc", "clear");
    assert.equal(deltasOf(a, "tags", "doc").length, m);
  });

  it("rejects empty, long and non-string tags", async () => {
    const a = await pool.start();
    for (const tag of ["", "x".repeat(101), 3, null]) await assert.rejects(a.call("tags", "doc", "add", { tag }), latticeError("invalid_input"));
    await assert.rejects(a.call("tags", "doc", "add", {}), latticeError("invalid_input"));
  });

  it("a remove removes only what it saw: a concurrent add of a new tag survives a clear", async () => {
    const [a, b] = await pool.pair();
    await a.call("tags", "doc", "add", { tag: "y" });
    await replicate(a, b);
    // Concurrently: b adds z and w, a clears (it has seen only y).
    await b.call("tags", "doc", "add", { tag: "z" });
    await a.call("tags", "doc", "clear");
    await b.call("tags", "doc", "add", { tag: "w" });
    // Joins are idempotent: replaying everything is harmless.
    await replicate(a, b);
    await replicate(b, a);
    assert.deepEqual(await a.call("tags", "doc", "list"), ["w", "z"]);
    assert.deepEqual(await b.call("tags", "doc", "list"), ["w", "z"]);
  });

  it("add wins: a tag re-added concurrently with its removal stays", async () => {
    const [a, b] = await pool.pair();
    await a.call("tags", "doc", "add", { tag: "x" });
    await replicate(a, b);
    await b.call("tags", "doc", "remove", { tag: "x" });
    await a.call("tags", "doc", "remove", { tag: "x" });
    await a.call("tags", "doc", "add", { tag: "x" });
    await replicate(a, b);
    await replicate(b, a);
    assert.deepEqual(await a.call("tags", "doc", "list"), ["x"]);
    assert.deepEqual(await b.call("tags", "doc", "list"), ["x"]);
  });
});
