import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { Replica } from "../replica/replica.js";
import { MemoryStore } from "../replica/storage/memory-store.js";
import { defineService } from "./define-service.js";
import { FunctionEngine } from "./engine.js";

// The state a handler gets (SPEC §4): what handlers written against it rely on, beyond the
// per-model operations the example services test. The facades are classes for speed; these
// pin what a plain object offered: destructured methods, JSON, iteration, no removal on
// grow-only models.
const counters = defineService({
  name: "counters",
  type: "pncounter",
  commands: {
    destructured: (s) => {
      const { increment, decrement } = s;
      increment(5);
      decrement(2);
      return [s.value, JSON.parse(JSON.stringify(s)) as unknown];
    },
  },
});

const likes = defineService({
  name: "likes",
  type: "gcounter",
  commands: {
    shape: (s) => {
      s.increment();
      return ["decrement" in s, s.value];
    },
    keys: (s) => Object.keys(s).sort(),
  },
});

const friends = defineService({
  name: "friends",
  type: "gset",
  commands: {
    shape: (s) => {
      const { add } = s;
      add("ann");
      add("bob");
      return ["remove" in s, "clear" in s, [...s].sort(), s.size, s.has("ann")];
    },
  },
});

const tags = defineService({
  name: "tags",
  type: "orset",
  commands: {
    shape: (s) => {
      const { add, remove } = s;
      add("x");
      add("y");
      remove("x");
      return [[...s], s.size, JSON.parse(JSON.stringify(s)) as unknown];
    },
    keys: (s) => Object.keys(s).sort(),
  },
});

const misc = defineService({
  name: "cart",
  type: "ormap",
  commands: {
    shape: (s) => {
      const { get, keys } = s;
      get("apples", "pncounter").increment(3);
      const { set } = get("note", "lwwregister");
      set("hi");
      get("done", "flag").enable();
      get("yes", "vote").vote(true);
      return [keys().length, s.size, JSON.parse(JSON.stringify(s)) as unknown, get("yes", "vote").selfVote];
    },
    keys: (s) => [Object.keys(s).sort(), Object.keys(s.get("v", "vote")).sort(), Object.keys(s.get("c", "pncounter")).sort()],
  },
});

describe("the state facade a handler gets", async () => {
  const replica = await Replica.open({ store: new MemoryStore() });
  const engine = new FunctionEngine(replica, [counters, likes, friends, tags, misc]);
  after(async () => {
    await engine.shutdown();
    await replica.close();
  });
  const call = (service: string, command: string) => engine.call({ service, key: "k", command, input: null, auth: null });

  it("works with destructured methods and serialises as its view", async () => {
    assert.deepEqual(await call("counters", "destructured"), [3, 3]);
    assert.deepEqual(await call("counters", "destructured"), [6, 6]);
  });

  it("offers no removal on grow-only models", async () => {
    assert.deepEqual(await call("likes", "shape"), [false, 1]);
    assert.deepEqual(await call("friends", "shape"), [false, false, ["ann", "bob"], 2, true]);
  });

  it("iterates sets and reads sizes after the handler's own writes", async () => {
    assert.deepEqual(await call("tags", "shape"), [["y"], 1, ["y"]]);
  });

  it("shows a handler the model's API and nothing of its internals", async () => {
    assert.deepEqual(await call("likes", "keys"), ["increment", "toJSON"]);
    assert.deepEqual(await call("tags", "keys"), ["add", "clear", "has", "remove", "toJSON"]);
    assert.deepEqual(await call("cart", "keys"), [
      ["clear", "delete", "get", "has", "keys", "set", "toJSON", "typeOf"],
      ["toJSON", "vote"],
      ["decrement", "increment", "toJSON"],
    ]);
  });

  it("nests facades in maps, each with its own destructurable methods", async () => {
    const [keys, size, json, selfVote] = (await call("cart", "shape")) as [number, number, Record<string, unknown>, boolean];
    assert.equal(keys, 4);
    assert.equal(size, 4);
    assert.equal(selfVote, true);
    assert.equal(json.apples, 3);
    assert.equal(json.note, "hi");
    assert.equal(json.done, true);
  });
});
