import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import type { Json } from "../../crdt/index.js";
import counter from "./counter.js";
import { deltaView, deltasOf, latticeError, nodePool, replicate } from "./test-support/harness.js";

const pool = nodePool([counter]);
afterEach(() => pool.closeAll());

describe("counter", () => {
  it("starts at 0 and counts both ways, by 1 or by an amount", async () => {
    const a = await pool.start();
    assert.equal(await a.call("counter", "c", "get"), 0);
    assert.equal(await a.call("counter", "c", "increment"), 1);
    assert.equal(await a.call("counter", "c", "increment", {}), 2);
    assert.equal(await a.call("counter", "c", "increment", { amount: 5 }), 7);
    assert.equal(await a.call("counter", "c", "decrement"), 6);
    assert.equal(await a.call("counter", "c", "decrement", { amount: 10 }), -4);
    assert.equal(await a.view("counter", "c"), -4);
    assert.equal(await a.call("counter", "other", "get"), 0);
  });

  it("rejects amounts that are not integers ≥ 1, and unknown fields", async () => {
    const a = await pool.start();
    const bad: Json[] = [{ amount: 0 }, { amount: -1 }, { amount: 1.5 }, { amount: "1" }, { amount: null }, { by: 1 }, 5, "1", []];
    for (const input of bad) {
      await assert.rejects(a.call("counter", "c", "increment", input), latticeError("invalid_input"), JSON.stringify(input));
      await assert.rejects(a.call("counter", "c", "decrement", input), latticeError("invalid_input"), JSON.stringify(input));
    }
    assert.equal(await a.call("counter", "c", "get"), 0);
    assert.equal(a.port.published.length, 0);
  });

  it("a value outside the safe integer range is invalid_input and changes nothing", async () => {
    const a = await pool.start();
    await a.call("counter", "c", "increment", { amount: Number.MAX_SAFE_INTEGER });
    await assert.rejects(a.call("counter", "c", "increment"), latticeError("invalid_input"));
    await a.call("counter", "d", "decrement", { amount: Number.MAX_SAFE_INTEGER });
    await assert.rejects(a.call("counter", "d", "decrement"), latticeError("invalid_input"));
    assert.equal(await a.call("counter", "c", "get"), Number.MAX_SAFE_INTEGER);
    assert.equal(await a.call("counter", "d", "get"), -Number.MAX_SAFE_INTEGER);
  });

  it("one delta per command, none for get", async () => {
    const a = await pool.start();
    await a.call("counter", "c", "increment", { amount: 3 });
    await a.call("counter", "c", "get");
    const ds = deltasOf(a, "counter", "c");
    assert.equal(ds.length, 1);
    assert.equal(deltaView(a, ds[0] ?? assert.fail()), 3);
  });

  it("replicas add up", async () => {
    const [a, b] = await pool.pair();
    await a.call("counter", "c", "increment", { amount: 3 });
    await b.call("counter", "c", "decrement", { amount: 5 });
    await replicate(a, b);
    await replicate(b, a);
    assert.equal(await a.call("counter", "c", "get"), -2);
    assert.equal(await b.call("counter", "c", "get"), -2);
  });
});
