import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { emptyState } from "../../crdt/index.js";
import launched from "./launched.js";
import { deltasOf, nodePool, replicate } from "./test-support/harness.js";

const pool = nodePool([launched]);
afterEach(() => pool.closeAll());

describe("launched", () => {
  it("is false until launched, then true for good", async () => {
    const a = await pool.start();
    assert.equal(await a.call("launched", "rocket", "get"), false);
    assert.deepEqual(await a.call("launched", "rocket", "launch"), { launched: true, alreadyLaunched: false });
    assert.deepEqual(await a.call("launched", "rocket", "launch"), { launched: true, alreadyLaunched: true });
    assert.equal(await a.call("launched", "rocket", "get"), true);
    assert.equal(await a.view("launched", "rocket"), true);
    assert.equal(deltasOf(a, "launched", "rocket").length, 1, "the second launch changes nothing");
  });

  it("a launch on one replica is a launch everywhere, and a replicated false never resets it", async () => {
    const [a, b] = await pool.pair();
    await a.call("launched", "rocket", "launch");
    await replicate(a, b);
    assert.equal(await b.call("launched", "rocket", "get"), true);
    assert.deepEqual(await b.call("launched", "rocket", "launch"), { launched: true, alreadyLaunched: true });
    await b.replica.applyRemote({ ref: { service: "launched", key: "rocket" }, change: { kind: "state", state: emptyState("flag") }, version: [] });
    assert.equal(await b.call("launched", "rocket", "get"), true);
  });
});
