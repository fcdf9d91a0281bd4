import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { Replica } from "../replica/replica.js";
import { MemoryStore } from "../replica/storage/memory-store.js";
import { defineService } from "./define-service.js";
import { FunctionEngine } from "./engine.js";

// SPEC §3: the delta a command produces is its net change, and a command that changes nothing
// produces no delta and no write. Counters are where naive delta joining gets this wrong.
const counter = defineService({
  name: "c",
  type: "pncounter",
  commands: {
    zero: (s) => {
      s.increment(5);
      s.decrement(5);
      return s.value;
    },
    net: (s) => {
      s.increment(1);
      s.decrement(2);
      const mid = s.value;
      s.increment(3);
      return [mid, s.value];
    },
  },
});

const cart = defineService({
  name: "m",
  type: "ormap",
  commands: {
    zero: (s) => {
      s.get("a", "pncounter").increment(5);
      s.get("a", "pncounter").decrement(5);
      return s.toJSON();
    },
    visible: (s) => {
      s.get("a", "pncounter").increment(2);
      return [s.has("a"), s.keys()];
    },
    incThenDelete: (s) => {
      s.get("b", "pncounter").increment(2);
      s.delete("b");
      return s.toJSON();
    },
  },
});

/** Views use null-prototype objects (a "__proto__" key must stay data); compare them as JSON. */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe("a command's delta is its net change", async () => {
  const replica = await Replica.open({ store: new MemoryStore() });
  let batches = 0;
  replica.entities.onFlush = () => batches++;
  const engine = new FunctionEngine(replica, [counter, cart]);
  after(async () => {
    await engine.shutdown();
    await replica.close();
  });
  const call = (service: string, command: string) => engine.call({ service, key: "k", command, input: null, auth: null });

  it("+5 -5 on a counter writes nothing and versions do not move", async () => {
    assert.equal(await call("c", "zero"), 0);
    assert.equal(batches, 0);
    assert.deepEqual(plain((await engine.read("c", "k")).version), {});
  });

  it("+1 -2 +3 reads its intermediate values and commits one change of +2", async () => {
    assert.deepEqual(await call("c", "net"), [-1, 2]);
    assert.equal(batches, 1);
    const e = await replica.read({ service: "c", key: "k" });
    assert.equal((await engine.read("c", "k")).state, 2);
    assert.equal(e?.version.get(replica.id), 1);
  });

  it("counters nested in a map coalesce too, and stay visible to reads of the map", async () => {
    const before = batches;
    assert.deepEqual(plain(await call("m", "zero")), {});
    assert.equal(batches, before);
    assert.deepEqual(await call("m", "visible"), [true, ["a"]]);
    assert.deepEqual(plain((await engine.read("m", "k")).state), { a: 2 });
  });

  it("a pending amount is written before a later removal of its key, keeping their order", async () => {
    assert.deepEqual(plain(await call("m", "incThenDelete")), { a: 2 });
    assert.deepEqual(plain((await engine.read("m", "k")).state), { a: 2 });
  });
});
