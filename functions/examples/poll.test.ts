import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import type { Json } from "../../crdt/index.js";
import poll from "./poll.js";
import { deltasOf, latticeError, nodePool, replicate } from "./test-support/harness.js";
import type { TestNode } from "./test-support/harness.js";

const pool = nodePool([poll]);
afterEach(() => pool.closeAll());

const results = (counts: Record<string, number>, closed = false, question: string | null = "Lunch?"): Json => ({
  question,
  options: Object.entries(counts).map(([option, votes]) => ({ option, votes })),
  totalVotes: Object.values(counts).reduce((a, b) => a + b, 0),
  closed,
});

async function created(n: TestNode, key = "lunch"): Promise<void> {
  await n.call("poll", key, "create", { question: "Lunch?", options: ["pizza", "sushi", "salad"] });
}

describe("poll", () => {
  it("has no question or options before create", async () => {
    const a = await pool.start();
    assert.deepEqual(await a.call("poll", "lunch", "results"), results({}, false, null));
    await assert.rejects(a.call("poll", "lunch", "vote", { option: "pizza", voter: "ann" }), latticeError("failed", "there is no poll"));
  });

  it("creates once, keeping the option order", async () => {
    const a = await pool.start();
    assert.deepEqual(await a.call("poll", "lunch", "create", { question: "Lunch?", options: ["pizza", "sushi", "salad"] }), results({ pizza: 0, sushi: 0, salad: 0 }));
    await assert.rejects(a.call("poll", "lunch", "create", { question: "Dinner?", options: ["a", "b"] }), latticeError("failed", "already exists"));
    assert.deepEqual(await a.view("poll", "lunch"), results({ pizza: 0, sushi: 0, salad: 0 }));
  });

  it("rejects polls with fewer than two, duplicate or empty options", async () => {
    const a = await pool.start();
    for (const options of [["one"], ["a", "a"], ["a", ""], [], "a,b"]) {
      await assert.rejects(a.call("poll", "p", "create", { question: "Q", options }), latticeError("invalid_input"), JSON.stringify(options));
    }
    await assert.rejects(a.call("poll", "p", "create", { question: "", options: ["a", "b"] }), latticeError("invalid_input"));
  });

  it("one ballot per voter: voting again changes the vote, the same vote changes nothing, retract removes it", async () => {
    const a = await pool.start();
    await created(a);
    await a.call("poll", "lunch", "vote", { option: "pizza", voter: "ann" });
    assert.deepEqual(await a.call("poll", "lunch", "vote", { option: "sushi", voter: "bob" }), results({ pizza: 1, sushi: 1, salad: 0 }));
    assert.deepEqual(await a.call("poll", "lunch", "vote", { option: "sushi", voter: "ann" }), results({ pizza: 0, sushi: 2, salad: 0 }));
    const n = deltasOf(a, "poll", "lunch").length;
    await a.call("poll", "lunch", "vote", { option: "sushi", voter: "ann" });
    assert.equal(deltasOf(a, "poll", "lunch").length, n, "the same vote again gossips nothing");
    assert.deepEqual(await a.call("poll", "lunch", "retract", { voter: "bob" }), results({ pizza: 0, sushi: 1, salad: 0 }));
    assert.deepEqual(await a.call("poll", "lunch", "retract", { voter: "bob" }), results({ pizza: 0, sushi: 1, salad: 0 }), "no ballot: nothing happens");
    assert.equal(deltasOf(a, "poll", "lunch").length, n + 1);
  });

  it("an unknown option or a missing voter is failed", async () => {
    const a = await pool.start();
    await created(a);
    await assert.rejects(a.call("poll", "lunch", "vote", { option: "tacos", voter: "ann" }), latticeError("failed", "not an option"));
    await assert.rejects(a.call("poll", "lunch", "vote", { option: "pizza" }), latticeError("failed", "needs a voter"));
    await assert.rejects(a.call("poll", "lunch", "vote", { option: "pizza", voter: "" }), latticeError("invalid_input"));
    assert.deepEqual(await a.call("poll", "lunch", "results"), results({ pizza: 0, sushi: 0, salad: 0 }));
  });

  it("the voter is the token's sub when the call carries claims", async () => {
    const a = await pool.start();
    await created(a);
    const call = (input: Json) => a.engine.call({ service: "poll", key: "lunch", command: "vote", input, auth: { sub: "ann" } });
    await call({ option: "pizza" });
    // The claim wins over input.voter: a client cannot vote as someone else.
    assert.deepEqual(await call({ option: "salad", voter: "mallory" }), results({ pizza: 0, sushi: 0, salad: 1 }));
  });

  it("closing stops later votes", async () => {
    const a = await pool.start();
    await created(a);
    await a.call("poll", "lunch", "vote", { option: "salad", voter: "ann" });
    assert.deepEqual(await a.call("poll", "lunch", "close"), results({ pizza: 0, sushi: 0, salad: 1 }, true));
    await assert.rejects(a.call("poll", "lunch", "vote", { option: "pizza", voter: "bob" }), latticeError("failed", "closed"));
  });

  it("a voter voting on two replicas at once is counted once", async () => {
    const [a, b] = await pool.pair();
    await created(a);
    await replicate(a, b);
    await a.call("poll", "lunch", "vote", { option: "pizza", voter: "ann" });
    await b.call("poll", "lunch", "vote", { option: "sushi", voter: "ann" });
    await b.call("poll", "lunch", "vote", { option: "salad", voter: "bob" });
    await replicate(a, b);
    await replicate(b, a);
    const onA = (await a.call("poll", "lunch", "results")) as { totalVotes: number };
    assert.equal(onA.totalVotes, 2);
    assert.deepEqual(await b.call("poll", "lunch", "results"), onA);
  });

  it("two replicas creating the same poll at once end with one of the creations, not a mix", async () => {
    const [a, b] = await pool.pair();
    await a.call("poll", "p", "create", { question: "A?", options: ["a1", "a2"] });
    await new Promise((r) => setTimeout(r, 5));
    await b.call("poll", "p", "create", { question: "B?", options: ["b1", "b2"] });
    await b.call("poll", "p", "vote", { option: "b1", voter: "ann" });
    await replicate(a, b);
    await replicate(b, a);
    // The reverse clock: the earlier creation wins; ballots for the losing options are not counted.
    const expected = { question: "A?", options: [{ option: "a1", votes: 0 }, { option: "a2", votes: 0 }], totalVotes: 0, closed: false };
    assert.deepEqual(await a.call("poll", "p", "results"), expected);
    assert.deepEqual(await b.call("poll", "p", "results"), expected);
  });
});
