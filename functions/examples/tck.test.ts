/**
 * The Cloudstate CRDT TCK (CrdtEntityTCK.scala, model tests) as tests of the Lattice port in
 * tck.ts. Where Cloudstate checked the protocol (the delta sent to the proxy), these check the
 * deltas the replica gossips (a recording cluster port) and the replies of the services.
 */
import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import type { Json } from "../../crdt/index.js";
import { emptyState } from "../../crdt/index.js";
import { entityId } from "../../replica/entity-ref.js";
import type { Update } from "./tck.js";
import { TCK_TWO, commandFor, modelOf, serviceOf, strongestConsistency, tckServices } from "./tck.js";
import type { TestNode } from "./test-support/harness.js";
import { deltaView, deltasOf, latticeError, replicate, startNode, stream, waitFor } from "./test-support/harness.js";
import { TCK_CASES, vote } from "./test-support/tck-cases.js";

let nodes: TestNode[] = [];
async function node(options: Parameters<typeof startNode>[1] = {}): Promise<TestNode> {
  const n = await startNode(tckServices, options);
  nodes.push(n);
  return n;
}
afterEach(async () => {
  await Promise.all(nodes.map((n) => n.close()));
  nodes = [];
});

/** Runs `process` on the model service of the key's prefix (directly, not via the facade). */
function process(n: TestNode, key: string, actions: Json[], command = "process"): Promise<Json> {
  const type = modelOf(key);
  assert.ok(type, `no model for ${key}`);
  return n.call(serviceOf(type), key, command, { actions });
}

const update = (u: Update): Json => ({ update: u as Json });
const updates = (...us: Update[]): Json[] => us.map(update);
/** The reply's state. */
async function stateAfter(n: TestNode, key: string, actions: Json[] = []): Promise<Json> {
  const reply = (await process(n, key, actions)) as { state: Json };
  return reply.state;
}

/** Two nodes that count each other as live voters (Cloudstate: "vote totals follow the proxy"). */
async function pair(): Promise<[TestNode, TestNode]> {
  const a = await node();
  const b = await node();
  a.port.liveSet.add(b.replica.id);
  b.port.liveSet.add(a.replica.id);
  return [a, b];
}

// ---------------------------------------------------------------------------------------------
// Per model: the eight TCK scenarios, from one table.

const CASES = TCK_CASES;

for (const c of CASES) {
  const service = serviceOf(c.type);
  let n = 0;
  const fresh = (): string => `${c.prefix}-${++n}`;

  describe(`TCK ${c.prefix}`, () => {
    it("initial empty state: an entity never written is the empty value, and reading it writes nothing", async () => {
      const a = await node();
      const key = fresh();
      assert.deepEqual(await stateAfter(a, key), c.empty);
      assert.equal(deltasOf(a, service, key).length, 0, "no initial delta (SPEC §3)");
    });

    it("state changes: one delta per command, the net change, none when nothing changed", async () => {
      const a = await node();
      const key = fresh();
      for (const [i, step] of c.steps.entries()) {
        const before = a.port.published.length;
        assert.deepEqual(await stateAfter(a, key, updates(...step.updates)), step.state, `step ${i}`);
        assert.equal(deltasOf(a, service, key, before).length, step.delta ? 1 : 0, `step ${i}: ${step.delta ? "one delta" : "no delta"}`);
      }
    });

    it("replicated delta: an empty entity receives a delta from another replica", async () => {
      const [a, b] = await pair();
      const key = fresh();
      await process(b, key, updates(c.remote));
      await replicate(b, a);
      assert.deepEqual(await stateAfter(a, key), c.remoteState);
      assert.equal(deltasOf(a, service, key).length, 0, "a replicated delta is not gossiped again as a local change");
    });

    it("mix of local and replicated changes converges on both replicas", async () => {
      const [a, b] = await pair();
      const key = fresh();
      await process(b, key, updates(c.remote));
      const sinceB = await replicate(b, a);
      assert.deepEqual(await stateAfter(a, key, updates(c.local)), c.mixedState);
      await replicate(a, b);
      await replicate(b, a, sinceB);
      const onA = await stateAfter(a, key);
      const onB = await stateAfter(b, key);
      if (c.type === "vote") {
        assert.deepEqual(onB, vote(true, 2, 2));
      } else {
        assert.deepEqual(onB, onA, "both replicas converge");
      }
      assert.deepEqual(onA, c.mixedState);
    });

    it("reload after eviction (Cloudstate's passivation and rehydration)", async () => {
      const a = await node({ cacheMaxEntries: 1 });
      const key = fresh();
      const first = c.steps[0];
      assert.ok(first);
      await process(a, key, updates(...first.updates));
      // Touching other entities evicts this one from the one-entry cache.
      await process(a, `${c.prefix}-other-${key}`, []);
      await a.call(TCK_TWO, "evict-helper", "call");
      await a.replica.entities.drain();
      await a.view(TCK_TWO, "evict-helper");
      assert.equal(a.replica.entities.cache.peek(entityId({ service, key })), undefined, "evicted");
      assert.deepEqual(await stateAfter(a, key), first.state, "reloaded from the store");
      // And it keeps working from the reloaded state.
      const second = c.steps.find((s, i) => i > 0 && s.delta);
      if (second) assert.deepEqual(await stateAfter(a, key, updates(...second.updates)), second.state);
    });

    it("delete requested by the entity: reply, then entity_deleted here and on the other replica", async () => {
      const [a, b] = await pair();
      const key = fresh();
      const first = c.steps[0];
      assert.ok(first);
      const written = await stateAfter(a, key, updates(...first.updates));
      const before = a.port.published.length;
      const reply = (await process(a, key, [{ delete: {} }])) as { state: Json };
      assert.deepEqual(reply.state, written, "the reply carries the state");
      const published = deltasOf(a, service, key, before);
      assert.deepEqual(
        published.map((d) => d.change.kind),
        ["delete"],
      );
      await assert.rejects(process(a, key, []), latticeError("entity_deleted"));
      await assert.rejects(a.view(service, key), latticeError("entity_deleted"));
      await assert.rejects(process(a, key, updates(...first.updates)), latticeError("entity_deleted"));
      await replicate(a, b);
      await assert.rejects(process(b, key, []), latticeError("entity_deleted"));
    });

    it("delete sent to the entity from another replica", async () => {
      const [a, b] = await pair();
      const key = fresh();
      const first = c.steps[0];
      assert.ok(first);
      await process(a, key, updates(...first.updates));
      await process(b, key, [{ delete: {} }]);
      await replicate(b, a);
      await assert.rejects(process(a, key, []), latticeError("entity_deleted"));
      await assert.rejects(a.view(service, key), latticeError("entity_deleted"));
      // Later changes from the replica that had not seen the delete do not bring it back.
      await replicate(a, b);
      await assert.rejects(process(b, key, []), latticeError("entity_deleted"));
    });

    it("the facade `tck` routes by prefix to the same entity", async () => {
      const a = await node();
      const key = fresh();
      const first = c.steps[0];
      assert.ok(first);
      assert.deepEqual(await a.call("tck", key, "process", { actions: updates(...first.updates) }), { state: first.state });
      assert.deepEqual(await stateAfter(a, key), first.state);
      assert.equal(deltasOf(a, "tck", key).length, 0, "the facade's own entity is never written");
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Model-specific details of the TCK.

describe("TCK model details", () => {
  it("a pncounter delta is the net change: +1 -2 +3 in one command gossips one delta worth +2", async () => {
    const a = await node();
    await process(a, "PNCounter-net", updates({ pncounter: { change: 1 } }, { pncounter: { change: -2 } }, { pncounter: { change: 3 } }));
    const ds = deltasOf(a, "tck-pncounter", "PNCounter-net");
    assert.equal(ds.length, 1);
    const d = ds[0];
    assert.ok(d);
    assert.equal(deltaView(a, d), 2);
  });

  it("lwwregister clocks pass through: reverse, custom 123, customAutoIncrement 456", async () => {
    const a = await node();
    const clockOf = (key: string): number => {
      const ds = deltasOf(a, "tck-lwwregister", key);
      const last = ds[ds.length - 1];
      assert.ok(last && last.change.kind === "causal" && last.change.delta.type === "lwwregister");
      const entries = [...last.change.delta.store.values()] as { clock?: number }[];
      assert.equal(entries.length, 1);
      return entries[0]?.clock ?? NaN;
    };
    await process(a, "LWWRegister-reverse", updates({ lwwregister: { value: "first", clock: "reverse" } }));
    assert.ok(clockOf("LWWRegister-reverse") < 0, "reverse: minus the wall clock");
    // Reverse: the first write wins, a later reverse write loses and changes nothing.
    const before = a.port.published.length;
    assert.deepEqual(await stateAfter(a, "LWWRegister-reverse", updates({ lwwregister: { value: "second", clock: "reverse" } })), { lwwregister: { value: "first" } });
    assert.equal(a.port.published.length, before);

    await process(a, "LWWRegister-custom", updates({ lwwregister: { value: "x", clock: { custom: 123 } } }));
    assert.equal(clockOf("LWWRegister-custom"), 123);
    // A lower custom clock loses.
    assert.deepEqual(await stateAfter(a, "LWWRegister-custom", updates({ lwwregister: { value: "y", clock: { custom: 100 } } })), { lwwregister: { value: "x" } });

    await process(a, "LWWRegister-auto", updates({ lwwregister: { value: "x", clock: { customAutoIncrement: 456 } } }));
    assert.equal(clockOf("LWWRegister-auto"), 456);
    // Auto-increment raises a clock that is not above the current one.
    await process(a, "LWWRegister-auto", updates({ lwwregister: { value: "y", clock: { customAutoIncrement: 10 } } }));
    assert.equal(clockOf("LWWRegister-auto"), 457);
    assert.deepEqual(await stateAfter(a, "LWWRegister-auto"), { lwwregister: { value: "y" } });
  });

  it("an ormap entry added empty gossips an empty typed delta", async () => {
    const a = await node();
    await process(a, "ORMap-empty", updates({ ormap: { add: "PNCounter-z" } }));
    const [d] = deltasOf(a, "tck-ormap", "ORMap-empty");
    assert.ok(d);
    assert.deepEqual({ ...(deltaView(a, d) as object) }, { "PNCounter-z": 0 });
  });

  it("a replicated `false` flag never resets a true flag", async () => {
    const a = await node();
    await process(a, "Flag-stays", updates({ flag: {} }));
    await a.replica.applyRemote({ ref: { service: "tck-flag", key: "Flag-stays" }, change: { kind: "state", state: emptyState("flag") }, version: [] });
    assert.deepEqual(await stateAfter(a, "Flag-stays"), { flag: { value: true } });
  });

  it("an ormap key removed on one replica survives with a concurrent update it had not seen (add-wins, no resurrection)", async () => {
    const [a, b] = await pair();
    const key = "ORMap-addwins";
    await process(a, key, updates({ ormap: { update: { key: "PNCounter-k", update: { pncounter: { change: 5 } } } } }));
    const sinceA = await replicate(a, b);
    // Concurrently: b removes the key it has seen, a adds 1 more.
    await process(b, key, updates({ ormap: { remove: "PNCounter-k" } }));
    await process(a, key, updates({ ormap: { update: { key: "PNCounter-k", update: { pncounter: { change: 1 } } } } }));
    await replicate(b, a);
    await replicate(a, b, sinceA);
    const expected = { ormap: { entries: [{ key: "PNCounter-k", value: { pncounter: { value: 1 } } }] } };
    assert.deepEqual(await stateAfter(a, key), expected);
    assert.deepEqual(await stateAfter(b, key), expected);
  });

  it("a vote of a replica that is not live is not counted", async () => {
    const [a, b] = await pair();
    await process(b, "Vote-live", updates({ vote: { selfVote: true } }));
    await replicate(b, a);
    assert.deepEqual(await stateAfter(a, "Vote-live"), vote(false, 1, 2));
    a.port.liveSet.clear();
    assert.deepEqual(await stateAfter(a, "Vote-live"), vote(false, 0, 1));
  });
});

// ---------------------------------------------------------------------------------------------
// Routing, validation and discovery.

describe("TCK routing", () => {
  it("discovery: the facade, eight model services with processStreamed, and tck-two", async () => {
    const a = await node();
    const described = a.engine.describe();
    assert.deepEqual(
      described.map((s) => s.name),
      ["tck", "tck-gcounter", "tck-pncounter", "tck-gset", "tck-orset", "tck-lwwregister", "tck-flag", "tck-ormap", "tck-vote", "tck-two"],
    );
    for (const s of described.filter((d) => d.name.startsWith("tck-") && d.name !== TCK_TWO)) {
      assert.deepEqual(s.commands, ["process", "processMajority", "processAll"]);
      assert.deepEqual(s.streams, ["processStreamed"]);
    }
  });

  it("an unknown prefix is failed at the facade; a key of another model is failed at a model service", async () => {
    const a = await node();
    await assert.rejects(a.call("tck", "Nope-1", "process", { actions: [] }), latticeError("failed", "no model prefix"));
    await assert.rejects(a.call("tck-gcounter", "PNCounter-1", "process", { actions: [] }), latticeError("failed", "not a gcounter"));
    await assert.rejects(a.call("tck-gcounter", "GCounter-1", "process", { actions: updates({ pncounter: { change: 1 } }) }), latticeError("failed", "expected a gcounter update"));
    await assert.rejects(
      a.call("tck-ormap", "ORMap-1", "process", { actions: updates({ ormap: { update: { key: "nope", update: { flag: {} } } } }) }),
      latticeError("failed", "no model prefix"),
    );
  });

  it("malformed requests are invalid_input and change nothing", async () => {
    const a = await node();
    const bad: Json[] = [
      null,
      { actions: [{}] },
      { actions: [{ update: {}, delete: {} }] },
      { actions: [{ update: { gcounter: { increment: -1 } } }] },
      { actions: [{ update: { pncounter: { change: 1.5 } } }] },
      { actions: [{ update: { orset: { add: "a", remove: "b" } } }] },
      { actions: [{ update: { writeConsistency: "quorum" } }] },
      { actions: [{ effect: {} }] },
    ];
    for (const input of bad) await assert.rejects(a.call("tck-gcounter", "GCounter-bad", "process", input), latticeError("invalid_input"), JSON.stringify(input));
    assert.equal(a.port.published.length, 0);
  });

  it("an unsafe integer is invalid_input and changes nothing", async () => {
    const a = await node();
    await process(a, "PNCounter-big", updates({ pncounter: { change: 1 } }));
    await assert.rejects(process(a, "PNCounter-big", updates({ pncounter: { change: Number.MAX_SAFE_INTEGER } })), latticeError("invalid_input"));
    assert.deepEqual(await stateAfter(a, "PNCounter-big"), { pncounter: { value: 1 } });
  });

  it("strongestConsistency and commandFor", () => {
    assert.equal(strongestConsistency([]), "local");
    assert.equal(strongestConsistency([{ update: { gcounter: { increment: 1 }, writeConsistency: "majority" } }, { update: { gcounter: { increment: 1 } } }]), "majority");
    assert.equal(strongestConsistency([{ update: { gcounter: { increment: 1 }, writeConsistency: "majority" } }, { update: { gcounter: { increment: 1 }, writeConsistency: "all" } }]), "all");
    assert.deepEqual(["local", "majority", "all"].map((l) => commandFor(l as "local")), ["process", "processMajority", "processAll"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Forwards and effects.

describe("TCK forwards and effects", () => {
  const calls = async (n: TestNode, id: string): Promise<Json> => n.view(TCK_TWO, id);

  it("forward to the second service: the reply is tck-two's", async () => {
    const a = await node();
    assert.deepEqual(await process(a, "GCounter-fwd", [{ forward: { id: "two-1" } }]), { calls: 1 });
    assert.equal(await calls(a, "two-1"), 1);
  });

  it("forward carrying state changes: the update commits, then the forward replies", async () => {
    const a = await node();
    assert.deepEqual(await process(a, "PNCounter-fwd", [...updates({ pncounter: { change: 4 } }), { forward: { id: "two-2" } }]), { calls: 1 });
    assert.deepEqual(await stateAfter(a, "PNCounter-fwd"), { pncounter: { value: 4 } });
  });

  it("forward through the facade", async () => {
    const a = await node();
    assert.deepEqual(await a.call("tck", "GSet-fwd", "process", { actions: [...updates({ gset: { add: "a" } }), { forward: { id: "two-3" } }] }), { calls: 1 });
    assert.deepEqual(await stateAfter(a, "GSet-fwd"), { gset: { elements: ["a"] } });
  });

  it("reply with a side effect: the reply is the state, the effect runs after", async () => {
    const a = await node();
    assert.deepEqual(await process(a, "GCounter-eff", [...updates({ gcounter: { increment: 1 } }), { effect: { id: "two-4" } }]), { state: { gcounter: { value: 1 } } });
    await waitFor("the effect ran", async () => (await calls(a, "two-4")) === 1);
  });

  it("a synchronous side effect has run when the reply arrives", async () => {
    const a = await node();
    await process(a, "GCounter-sync", [{ effect: { id: "two-5", synchronous: true } }]);
    assert.equal(await calls(a, "two-5"), 1);
  });

  it("forward plus effect", async () => {
    const a = await node();
    assert.deepEqual(await process(a, "Flag-both", [{ effect: { id: "two-6", synchronous: true } }, { forward: { id: "two-7" } }]), { calls: 1 });
    assert.equal(await calls(a, "two-6"), 1);
    assert.equal(await calls(a, "two-7"), 1);
  });

  it("several effects, with ormap changes", async () => {
    const a = await node();
    const reply = await process(a, "ORMap-effects", [
      ...updates({ ormap: { update: { key: "GCounter-a", update: { gcounter: { increment: 2 } } } } }),
      { effect: { id: "two-8", synchronous: true } },
      { effect: { id: "two-8", synchronous: true } },
      ...updates({ ormap: { add: "ORSet-b" } }),
      { effect: { id: "two-9" } },
    ]);
    assert.deepEqual(reply, {
      state: {
        ormap: {
          entries: [
            { key: "GCounter-a", value: { gcounter: { value: 2 } } },
            { key: "ORSet-b", value: { orset: { elements: [] } } },
          ],
        },
      },
    });
    assert.equal(await calls(a, "two-8"), 2);
    await waitFor("the async effect ran", async () => (await calls(a, "two-9")) === 1);
    assert.equal(deltasOf(a, "tck-ormap", "ORMap-effects").length, 1, "one delta for all the command's changes");
  });
});

// ---------------------------------------------------------------------------------------------
// Failures.

describe("TCK failures", () => {
  it("a fail action fails the command with its message; the entity and the node stay usable", async () => {
    const a = await node();
    await process(a, "PNCounter-fail", updates({ pncounter: { change: 1 } }));
    const before = a.port.published.length;
    await assert.rejects(process(a, "PNCounter-fail", [...updates({ pncounter: { change: 5 } }), { fail: { message: "expected failure" } }]), (err: unknown) => {
      latticeError("failed")(err);
      assert.equal((err as Error).message, "expected failure");
      return true;
    });
    assert.equal(a.port.published.length, before, "a failed command gossips nothing");
    assert.deepEqual(await stateAfter(a, "PNCounter-fail"), { pncounter: { value: 1 } }, "state intact");
    assert.deepEqual(await stateAfter(a, "PNCounter-fail", updates({ pncounter: { change: 2 } })), { pncounter: { value: 3 } }, "usable after");
  });

  it("a failed command runs none of its effects and no forward (Lattice atomicity; Cloudstate sent effects with the failure)", async () => {
    const a = await node();
    await assert.rejects(
      process(a, "GCounter-failfx", [{ effect: { id: "two-f1", synchronous: true } }, { effect: { id: "two-f2" } }, { forward: { id: "two-f3" } }, { fail: { message: "no" } }]),
      latticeError("failed"),
    );
    await new Promise((r) => setTimeout(r, 20));
    for (const id of ["two-f1", "two-f2", "two-f3"]) assert.equal(await a.view(TCK_TWO, id), 0, id);
  });

  it("a failure through the facade reaches the caller unchanged", async () => {
    const a = await node();
    await assert.rejects(a.call("tck", "ORSet-fail", "process", { actions: [...updates({ orset: { add: "a" } }), { fail: { message: "facade failure" } }] }), latticeError("failed", "facade failure"));
    assert.deepEqual(await stateAfter(a, "ORSet-fail"), { orset: { elements: [] } });
  });
});

// ---------------------------------------------------------------------------------------------
// Streaming (ProcessStreamed).

describe("TCK streaming", () => {
  it("pushes the state after every change, local or replicated", async () => {
    const [a, b] = await pair();
    const key = "PNCounter-stream";
    const { sink, handle } = await stream(a, "tck-pncounter", key, "processStreamed");
    assert.deepEqual(sink.messages, [{ state: { pncounter: { value: 0 } } }]);
    await process(a, key, updates({ pncounter: { change: 2 } }));
    await waitFor("local change pushed", () => sink.messages.length === 2);
    await process(b, key, updates({ pncounter: { change: -5 } }));
    await replicate(b, a);
    await waitFor("remote change pushed", () => sink.messages.length === 3);
    assert.deepEqual(sink.messages.slice(1), [{ state: { pncounter: { value: 2 } } }, { state: { pncounter: { value: -3 } } }]);
    await handle.cancel();
    await process(a, key, updates({ pncounter: { change: 1 } }));
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(sink.messages.length, 3, "nothing after cancel");
    assert.equal(sink.ended, undefined);
    assert.equal(sink.failure, undefined);
  });

  it("ends with the end state", async () => {
    const a = await node();
    const key = "GSet-end";
    const { sink } = await stream(a, "tck-gset", key, "processStreamed", { endState: { gset: { elements: ["a", "b"] } } });
    await process(a, key, updates({ gset: { add: "a" } }));
    await waitFor("pushed", () => sink.messages.length === 2);
    await process(a, key, updates({ gset: { add: "b" } }));
    await waitFor("ended", () => sink.ended !== undefined);
    assert.deepEqual(sink.ended, { message: { state: { gset: { elements: ["a", "b"] } } } });
    assert.equal(sink.messages.length, 2, "the last state goes with the end");
    await process(a, key, updates({ gset: { add: "c" } }));
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(sink.messages.length, 2);
  });

  it("an end state already reached ends the stream at once", async () => {
    const a = await node();
    await process(a, "Flag-end", updates({ flag: {} }));
    const { sink } = await stream(a, "tck-flag", "Flag-end", "processStreamed", { endState: { flag: { value: true } } });
    assert.deepEqual(sink.messages, []);
    assert.deepEqual(sink.ended, { message: { state: { flag: { value: true } } } });
  });

  it("applies the cancel update when the client cancels", async () => {
    const a = await node();
    const key = "ORSet-cancel";
    const { handle } = await stream(a, "tck-orset", key, "processStreamed", { cancelUpdate: { orset: { add: "cancelled" } } });
    assert.deepEqual(await stateAfter(a, key), { orset: { elements: [] } });
    await handle.cancel();
    assert.deepEqual(await stateAfter(a, key), { orset: { elements: ["cancelled"] } });
    assert.equal(deltasOf(a, "tck-orset", key).length, 1);
  });

  it("applies the initial update on open, as an ordinary delta", async () => {
    const a = await node();
    const key = "GCounter-initial";
    const { sink } = await stream(a, "tck-gcounter", key, "processStreamed", { initialUpdate: { gcounter: { increment: 5 } } });
    assert.deepEqual(sink.messages, [{ state: { gcounter: { value: 5 } } }]);
    assert.equal(deltasOf(a, "tck-gcounter", key).length, 1);
  });

  it("an empty stream sends nothing but still honours the cancel update", async () => {
    const a = await node();
    const key = "Vote-empty";
    const { sink, handle } = await stream(a, "tck-vote", key, "processStreamed", { empty: true, cancelUpdate: { vote: { selfVote: true } } });
    await process(a, key, updates({ vote: { selfVote: true } }));
    await process(a, key, updates({ vote: { selfVote: false } }));
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(sink.messages, []);
    await handle.cancel();
    assert.deepEqual(await stateAfter(a, key), vote(true, 1, 1));
  });

  it("runs the side effects of each streamed message", async () => {
    const a = await node();
    const key = "LWWRegister-fx";
    const { sink } = await stream(a, "tck-lwwregister", key, "processStreamed", { effects: [{ id: "two-s1", synchronous: true }, { id: "two-s2" }] });
    assert.equal(await a.view(TCK_TWO, "two-s1"), 1, "with the first message");
    await process(a, key, updates({ lwwregister: { value: "v" } }));
    await waitFor("pushed", () => sink.messages.length === 2);
    assert.equal(await a.view(TCK_TWO, "two-s1"), 2, "a synchronous effect ran before its message");
    await waitFor("async effects ran", async () => (await a.view(TCK_TWO, "two-s2")) === 2);
  });

  it("a stream on a deleted entity ends; opening one is entity_deleted", async () => {
    const a = await node();
    const key = "ORMap-del";
    const { sink } = await stream(a, "tck-ormap", key, "processStreamed");
    await process(a, key, [{ delete: {} }]);
    await waitFor("ended", () => sink.ended !== undefined);
    await assert.rejects(stream(a, "tck-ormap", key, "processStreamed"), latticeError("entity_deleted"));
  });
});

// ---------------------------------------------------------------------------------------------
// Write consistency.

describe("TCK write consistency", () => {
  it("local, majority and all are passed through to the replica (3 members: 0, 1 and 2 peer acks)", async () => {
    const a = await node();
    a.port.members = 3;
    await process(a, "GCounter-wc", updates({ gcounter: { increment: 1 } }));
    assert.deepEqual(a.port.waits, []);
    await process(a, "GCounter-wc", updates({ gcounter: { increment: 1 }, writeConsistency: "majority" }), "processMajority");
    assert.deepEqual(a.port.waits, [1]);
    await process(a, "GCounter-wc", updates({ gcounter: { increment: 1 }, writeConsistency: "all" }), "processAll");
    assert.deepEqual(a.port.waits, [1, 2]);
  });

  it("the facade picks the command of the strongest level its updates ask for", async () => {
    const a = await node();
    a.port.members = 5;
    await a.call("tck", "PNCounter-wc", "process", { actions: updates({ pncounter: { change: 1 }, writeConsistency: "majority" }, { pncounter: { change: 1 } }) });
    assert.deepEqual(a.port.waits, [2]);
    await a.call("tck", "PNCounter-wc", "process", { actions: updates({ pncounter: { change: 1 }, writeConsistency: "all" }) });
    assert.deepEqual(a.port.waits, [2, 4]);
    await a.call("tck", "PNCounter-wc", "process", { actions: updates({ pncounter: { change: 1 }, writeConsistency: "local" }) });
    assert.deepEqual(a.port.waits, [2, 4]);
  });

  it("an update asking for more than its command provides is failed", async () => {
    const a = await node();
    await assert.rejects(process(a, "GCounter-wc2", updates({ gcounter: { increment: 1 }, writeConsistency: "all" }), "processMajority"), latticeError("failed", "processAll"));
  });

  it("replication_timeout when not acknowledged; the write stays", async () => {
    const a = await node();
    a.port.members = 3;
    a.port.acknowledge = false;
    await assert.rejects(process(a, "Flag-timeout", updates({ flag: {} }), "processAll"), latticeError("replication_timeout"));
    assert.deepEqual(await stateAfter(a, "Flag-timeout"), { flag: { value: true } });
    assert.equal(deltasOf(a, "tck-flag", "Flag-timeout").length, 1, "and keeps spreading");
  });
});
