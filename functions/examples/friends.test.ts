import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import friends from "./friends.js";
import { deltasOf, latticeError, nodePool, replicate } from "./test-support/harness.js";

const pool = nodePool([friends]);
afterEach(() => pool.closeAll());

describe("friends", () => {
  it("adds friends and lists them sorted", async () => {
    const a = await pool.start();
    assert.deepEqual(await a.call("friends", "alice", "list"), []);
    assert.deepEqual(await a.call("friends", "alice", "add", { friend: "carol" }), ["carol"]);
    assert.deepEqual(await a.call("friends", "alice", "add", { friend: "bob" }), ["bob", "carol"]);
    assert.equal(await a.call("friends", "alice", "has", { friend: "bob" }), true);
    assert.equal(await a.call("friends", "alice", "has", { friend: "dave" }), false);
    assert.deepEqual(await a.view("friends", "alice"), ["bob", "carol"]);
    assert.deepEqual(await a.call("friends", "bob", "list"), [], "per user");
  });

  it("adding a present friend gossips nothing; there is no way to remove one", async () => {
    const a = await pool.start();
    await a.call("friends", "alice", "add", { friend: "bob" });
    await a.call("friends", "alice", "add", { friend: "bob" });
    assert.equal(deltasOf(a, "friends", "alice").length, 1);
    await assert.rejects(a.call("friends", "alice", "remove", { friend: "bob" }), latticeError("unknown_command"));
  });

  it("a user cannot befriend themselves; bad input is invalid_input", async () => {
    const a = await pool.start();
    await assert.rejects(a.call("friends", "alice", "add", { friend: "alice" }), latticeError("failed", "themselves"));
    await assert.rejects(a.call("friends", "alice", "add", { friend: "" }), latticeError("invalid_input"));
    await assert.rejects(a.call("friends", "alice", "add", { name: "bob" }), latticeError("invalid_input"));
    assert.deepEqual(await a.call("friends", "alice", "list"), []);
  });

  it("replicas merge by union", async () => {
    const [a, b] = await pool.pair();
    await a.call("friends", "alice", "add", { friend: "bob" });
    await b.call("friends", "alice", "add", { friend: "carol" });
    await b.call("friends", "alice", "add", { friend: "bob" });
    await replicate(a, b);
    await replicate(b, a);
    assert.deepEqual(await a.call("friends", "alice", "list"), ["bob", "carol"]);
    assert.deepEqual(await b.call("friends", "alice", "list"), ["bob", "carol"]);
  });
});
