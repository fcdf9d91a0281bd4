import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import examples from "./index.js";
import { nodePool } from "./test-support/harness.js";

const pool = nodePool(examples);
afterEach(() => pool.closeAll());

describe("examples", () => {
  it("lists every example service once", () => {
    const names = examples.map((s) => s.name);
    assert.equal(new Set(names).size, names.length, "unique names");
    for (const name of ["cart", "counter", "likes", "tags", "friends", "profile", "launched", "poll", "presence", "notes", "tck", "tck-two"]) {
      assert.ok(names.includes(name), name);
    }
    for (const t of ["gcounter", "pncounter", "gset", "orset", "lwwregister", "flag", "ormap", "vote"]) assert.ok(names.includes(`tck-${t}`), t);
  });

  it("loads into one engine, as npm start does, and every service answers", async () => {
    const a = await pool.start();
    const described = a.engine.describe();
    assert.equal(described.length, examples.length);
    assert.deepEqual(described.find((s) => s.name === "presence")?.streams, ["connect", "monitor"]);
    assert.deepEqual(
      Object.fromEntries(described.filter((s) => !s.name.startsWith("tck")).map((s) => [s.name, s.type])),
      { cart: "ormap", counter: "pncounter", likes: "gcounter", tags: "orset", friends: "gset", profile: "lwwregister", launched: "flag", poll: "ormap", presence: "vote", notes: "ydoc" },
    );
    for (const s of described) await a.view(s.name, "smoke");
  });
});
