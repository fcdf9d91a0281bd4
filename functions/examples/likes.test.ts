import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import likes from "./likes.js";
import { latticeError, nodePool, replicate } from "./test-support/harness.js";

const pool = nodePool([likes]);
afterEach(() => pool.closeAll());

describe("likes", () => {
  it("counts likes, by 1 or by an amount", async () => {
    const a = await pool.start();
    assert.equal(await a.call("likes", "post-1", "get"), 0);
    assert.equal(await a.call("likes", "post-1", "like"), 1);
    assert.equal(await a.call("likes", "post-1", "like", { amount: 4 }), 5);
    assert.equal(await a.view("likes", "post-1"), 5);
  });

  it("only grows: no unlike command, no negative or zero amounts", async () => {
    const a = await pool.start();
    await assert.rejects(a.call("likes", "post-1", "unlike"), latticeError("unknown_command"));
    await assert.rejects(a.call("likes", "post-1", "decrement"), latticeError("unknown_command"));
    await assert.rejects(a.call("likes", "post-1", "like", { amount: -1 }), latticeError("invalid_input"));
    await assert.rejects(a.call("likes", "post-1", "like", { amount: 0 }), latticeError("invalid_input"));
    assert.equal(await a.call("likes", "post-1", "get"), 0);
  });

  it("replicas add up", async () => {
    const [a, b] = await pool.pair();
    await a.call("likes", "post-1", "like");
    await b.call("likes", "post-1", "like", { amount: 2 });
    await replicate(a, b);
    await replicate(b, a);
    assert.equal(await a.call("likes", "post-1", "get"), 3);
    assert.equal(await b.call("likes", "post-1", "get"), 3);
  });
});
