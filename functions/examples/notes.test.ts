import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import type { Json } from "../../crdt/index.js";
import notes from "./notes.js";
import { deltasOf, latticeError, nodePool, replicate } from "./test-support/harness.js";
import type { TestNode } from "./test-support/harness.js";

const pool = nodePool([notes]);
afterEach(() => pool.closeAll());

const body = async (n: TestNode, key = "n1"): Promise<Json | undefined> => ((await n.call("notes", key, "read")) as { body: Json }).body;

describe("notes", () => {
  it("an empty note", async () => {
    const a = await pool.start();
    assert.deepEqual(await a.call("notes", "n1", "read"), { body: "", length: 0, title: null, updatedAt: null });
    assert.deepEqual(await a.view("notes", "n1"), { body: "", meta: {} });
  });

  it("append, insert at, replace, read; the view is the shape", async () => {
    const a = await pool.start();
    const r1 = (await a.call("notes", "n1", "append", { text: "Hello world" })) as { body: string; length: number; updatedAt: number };
    assert.equal(r1.body, "Hello world");
    assert.equal(r1.length, 11);
    assert.equal(typeof r1.updatedAt, "number");
    assert.equal(((await a.call("notes", "n1", "insert", { index: 5, text: "," })) as { body: string }).body, "Hello, world");
    assert.equal(((await a.call("notes", "n1", "insert", { index: 0, text: ">> " })) as { body: string }).body, ">> Hello, world");
    assert.equal(((await a.call("notes", "n1", "replace", { index: 10, length: 5, text: "Lattice" })) as { body: string }).body, ">> Hello, Lattice");
    assert.equal(((await a.call("notes", "n1", "replace", { index: 0, length: 3, text: "" })) as { body: string }).body, "Hello, Lattice");
    assert.equal(((await a.call("notes", "n1", "insert", { index: 14, text: "!" })) as { body: string }).body, "Hello, Lattice!");
    await a.call("notes", "n1", "setTitle", { title: "Greeting" });
    const view = (await a.view("notes", "n1")) as { body: string; meta: { title: string; updatedAt: number } };
    assert.equal(view.body, "Hello, Lattice!");
    assert.equal(view.meta.title, "Greeting");
    assert.equal(typeof view.meta.updatedAt, "number");
  });

  it("an index or range past the end is failed and changes nothing", async () => {
    const a = await pool.start();
    await a.call("notes", "n1", "append", { text: "abc" });
    const before = a.port.published.length;
    await assert.rejects(a.call("notes", "n1", "insert", { index: 4, text: "x" }), latticeError("failed", "past the end"));
    await assert.rejects(a.call("notes", "n1", "replace", { index: 2, length: 2, text: "x" }), latticeError("failed", "past the end"));
    await assert.rejects(a.call("notes", "n1", "insert", { index: -1, text: "x" }), latticeError("invalid_input"));
    await assert.rejects(a.call("notes", "n1", "insert", { index: 1.5, text: "x" }), latticeError("invalid_input"));
    await assert.rejects(a.call("notes", "n1", "append", { text: 3 }), latticeError("invalid_input"));
    await assert.rejects(a.call("notes", "n1", "append", {}), latticeError("invalid_input"));
    assert.equal(a.port.published.length, before);
    assert.equal(await body(a), "abc");
  });

  it("edits that change nothing write nothing", async () => {
    const a = await pool.start();
    await a.call("notes", "n1", "append", { text: "abc" });
    await a.call("notes", "n1", "setTitle", { title: "T" });
    const n = deltasOf(a, "notes", "n1").length;
    await a.call("notes", "n1", "append", { text: "" });
    await a.call("notes", "n1", "insert", { index: 1, text: "" });
    await a.call("notes", "n1", "replace", { index: 0, length: 2, text: "ab" });
    await a.call("notes", "n1", "replace", { index: 3, length: 0, text: "" });
    await a.call("notes", "n1", "setTitle", { title: "T" });
    await a.call("notes", "n1", "read");
    assert.equal(deltasOf(a, "notes", "n1").length, n);
    assert.deepEqual(
      deltasOf(a, "notes", "n1").map((d) => d.change.kind),
      ["ydoc", "ydoc"],
    );
  });

  it("indexes count UTF-16 code units", async () => {
    const a = await pool.start();
    await a.call("notes", "n1", "append", { text: "a😀b" });
    assert.equal(((await a.call("notes", "n1", "read")) as { length: number }).length, 4);
    assert.equal(((await a.call("notes", "n1", "insert", { index: 3, text: "-" })) as { body: string }).body, "a😀-b");
  });

  it("concurrent edits on two replicas merge", async () => {
    const [a, b] = await pool.pair();
    await a.call("notes", "n1", "append", { text: "shared " });
    await replicate(a, b);
    await a.call("notes", "n1", "append", { text: "[a]" });
    await b.call("notes", "n1", "insert", { index: 0, text: "[b]" });
    await replicate(a, b);
    await replicate(b, a);
    assert.equal(await body(a), "[b]shared [a]");
    assert.equal(await body(b), "[b]shared [a]");
  });
});
