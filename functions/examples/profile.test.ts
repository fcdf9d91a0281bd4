import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import type { Json } from "../../crdt/index.js";
import profile, { canonical } from "./profile.js";
import { deltasOf, latticeError, nodePool, replicate } from "./test-support/harness.js";

const pool = nodePool([profile]);
afterEach(() => pool.closeAll());

describe("profile", () => {
  it("is null until set, then the last value written", async () => {
    const a = await pool.start();
    assert.equal(await a.call("profile", "alice", "get"), null);
    assert.deepEqual(await a.call("profile", "alice", "set", { value: { name: "Alice" } }), { value: { name: "Alice" }, applied: true });
    assert.deepEqual(await a.call("profile", "alice", "set", { value: { name: "Alice", city: "Oslo" } }), { value: { name: "Alice", city: "Oslo" }, applied: true });
    assert.deepEqual(await a.call("profile", "alice", "get"), { name: "Alice", city: "Oslo" });
    assert.deepEqual(await a.view("profile", "alice"), { name: "Alice", city: "Oslo" });
  });

  it("writing the current value (in any key order) changes nothing", async () => {
    const a = await pool.start();
    await a.call("profile", "alice", "set", { value: { a: 1, b: 2 } });
    assert.deepEqual(await a.call("profile", "alice", "set", { value: { b: 2, a: 1 } }), { value: { a: 1, b: 2 }, applied: true });
    assert.equal(deltasOf(a, "profile", "alice").length, 1);
  });

  it("custom clocks: a lower clock loses, customAutoIncrement always wins", async () => {
    const a = await pool.start();
    assert.deepEqual(await a.call("profile", "bob", "set", { value: { v: 1 }, clock: { custom: 100 } }), { value: { v: 1 }, applied: true });
    assert.deepEqual(await a.call("profile", "bob", "set", { value: { v: 2 }, clock: { custom: 50 } }), { value: { v: 1 }, applied: false });
    assert.deepEqual(await a.call("profile", "bob", "set", { value: { v: 3 }, clock: { customAutoIncrement: 50 } }), { value: { v: 3 }, applied: true });
    assert.deepEqual(await a.call("profile", "bob", "set", { value: { v: 4 }, clock: { custom: 100 } }), { value: { v: 3 }, applied: false }, "auto-increment made it 101");
    assert.deepEqual(await a.call("profile", "bob", "set", { value: { v: 5 }, clock: { custom: 102 } }), { value: { v: 5 }, applied: true });
  });

  it("reverse: the first write wins against later reverse writes", async () => {
    const a = await pool.start();
    await a.call("profile", "carol", "set", { value: { v: "first" }, clock: "reverse" });
    await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(await a.call("profile", "carol", "set", { value: { v: "second" }, clock: "reverse" }), { value: { v: "first" }, applied: false });
    // A default write is always after what this replica has seen.
    assert.deepEqual(await a.call("profile", "carol", "set", { value: { v: "third" }, clock: "default" }), { value: { v: "third" }, applied: true });
  });

  it("rejects values that are not objects and malformed clocks", async () => {
    const a = await pool.start();
    const bad: Json[] = [
      null,
      {},
      { value: "Alice" },
      { value: null },
      { value: [1] },
      { value: {}, clock: "forward" },
      { value: {}, clock: { custom: 1.5 } },
      { value: {}, clock: { custom: 1, customAutoIncrement: 2 } },
      { value: {}, other: 1 },
    ];
    for (const input of bad) await assert.rejects(a.call("profile", "alice", "set", input), latticeError("invalid_input"), JSON.stringify(input));
    await assert.rejects(a.call("profile", "alice", "set", { value: {}, clock: { custom: 2 ** 60 } }), latticeError("invalid_input"), "unsafe clock");
    assert.equal(await a.call("profile", "alice", "get"), null);
  });

  it("concurrent writes on two replicas converge on one of them", async () => {
    const [a, b] = await pool.pair();
    await a.call("profile", "dave", "set", { value: { from: "a" }, clock: { custom: 7 } });
    await b.call("profile", "dave", "set", { value: { from: "b" }, clock: { custom: 7 } });
    await replicate(a, b);
    await replicate(b, a);
    const onA = await a.call("profile", "dave", "get");
    assert.deepEqual(await b.call("profile", "dave", "get"), onA, "ties are broken by replica id, the same way everywhere");
  });

  it("canonical() sorts object keys at every depth", () => {
    assert.equal(canonical({ b: [{ d: 1, c: 2 }], a: null }), '{"a":null,"b":[{"c":2,"d":1}]}');
  });
});
