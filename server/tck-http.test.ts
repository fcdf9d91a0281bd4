/**
 * The Cloudstate CRDT TCK (cloudstate.md §3) as black-box tests over HTTP: the same scenarios and
 * expectations as the engine-level TCK (functions/examples/tck.test.ts), against real nodes
 * (`startNode`, the example services), two of them meshed over real WebSockets for the replicated
 * scenarios. Where the engine-level test counts gossiped deltas, this one reads the entity's
 * `version` (one committed change per delta). The streamed scenarios are in tck-ws.test.ts.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Json } from "../crdt/index.js";
import { TCK_TWO, serviceOf } from "../functions/examples/tck.js";
import { entityId } from "../replica/entity-ref.js";
import type { LatticeNode } from "./node.js";
import { TCK_CASES, firstStep, secondChangingStep, updates, vote } from "../functions/examples/test-support/tck-cases.js";
import {
  assertHttpError,
  changesIn,
  eventually,
  httpGet,
  httpPost,
  isDeepEqual,
  peersOf,
  resultOf,
  startTckNode,
  tckProcess,
  tckState,
  tckTwoCalls,
  uniqueKey,
  versionOf,
  waitMeshed,
} from "./test-support/tck-cluster.js";

/** A replica alone: the single-replica scenarios (vote totals of 1). */
let solo: LatticeNode;
/** A replica alone whose cache holds one entity: reload after eviction. */
let evicting: LatticeNode;
/** Two replicas meshed over real WebSockets: the replicated scenarios. */
let a: LatticeNode;
let b: LatticeNode;
const started: LatticeNode[] = [];

before(async () => {
  const start = async (...args: Parameters<typeof startTckNode>): Promise<LatticeNode> => {
    const n = await startTckNode(...args);
    started.push(n);
    return n;
  };
  solo = await start();
  evicting = await start({ replicaOptions: { cacheMaxEntries: 1 } });
  a = await start();
  b = await start({ peers: [a] });
  await waitMeshed([a, b]);
});

after(async () => {
  await Promise.all(started.splice(0).map((n) => n.close()));
});

/** The replicas a version counts changes of. */
const replicasIn = (v: Record<string, number>): string[] => Object.keys(v).sort();

// ---------------------------------------------------------------------------------------------
// Per model: the TCK scenarios.

for (const c of TCK_CASES) {
  const service = serviceOf(c.type);
  const fresh = (label: string): string => uniqueKey(c.prefix, label);

  describe(`TCK over HTTP: ${c.prefix}`, () => {
    it("initial empty state: the empty value, and nothing written", async () => {
      const key = fresh("empty");
      assert.deepEqual(await tckState(solo, key), c.empty);
      const read = await httpGet(solo, service, key);
      assert.equal(read.status, 200);
      assert.deepEqual((read.body as { version: unknown }).version, {}, "no initial delta (SPEC §3)");
    });

    it("state changes: the converged state in each reply, one change per command, none when nothing changed", async () => {
      const key = fresh("changes");
      for (const [i, step] of c.steps.entries()) {
        const before = changesIn(await versionOf(solo, service, key));
        assert.deepEqual(await tckState(solo, key, updates(...step.updates)), step.state, `step ${i}`);
        const after = await versionOf(solo, service, key);
        assert.equal(changesIn(after) - before, step.delta ? 1 : 0, `step ${i}: ${step.delta ? "one change" : "no change"}`);
        if (changesIn(after) > 0) assert.deepEqual(replicasIn(after), [solo.replica.id]);
      }
    });

    it("replicated delta: an empty entity receives a change made on the other replica", async () => {
      const key = fresh("replicated");
      resultOf(await tckProcess(b, key, updates(c.remote)));
      await eventually(`${key} on A`, () => tckState(a, key), (s) => isDeepEqual(s, c.remoteState));
      assert.deepEqual(await versionOf(a, service, key), { [b.replica.id]: 1 }, "a replicated change is not committed again as a local one");
    });

    it("mix of local and replicated changes converges on both replicas", async () => {
      const key = fresh("mixed");
      resultOf(await tckProcess(b, key, updates(c.remote)));
      await eventually(`${key} on A`, () => tckState(a, key), (s) => isDeepEqual(s, c.remoteState));
      assert.deepEqual(await tckState(a, key, updates(c.local)), c.mixedState);
      await eventually(`${key} on B`, () => tckState(b, key), (s) => isDeepEqual(s, c.mixedState));
      assert.deepEqual(await tckState(a, key), c.mixedState);
      // The local update commits one change, unless it changed nothing (a flag enabled again).
      const local = isDeepEqual(c.remoteState, c.mixedState) ? {} : { [a.replica.id]: 1 };
      const onA = await versionOf(a, service, key);
      assert.deepEqual(onA, { [b.replica.id]: 1, ...local });
      await eventually(`${key} version on B`, () => versionOf(b, service, key), (v) => isDeepEqual(v, onA));
    });

    it("reload after eviction (Cloudstate's passivation and rehydration)", async () => {
      const key = fresh("reload");
      const first = firstStep(c);
      assert.deepEqual(await tckState(evicting, key, updates(...first.updates)), first.state);
      // Other entities take the one-entry cache.
      await tckState(evicting, fresh("other"));
      resultOf(await httpPost(evicting, TCK_TWO, "evict-helper", "call", null));
      await evicting.replica.entities.drain();
      assert.equal(evicting.replica.entities.cache.peek(entityId({ service, key })), undefined, "evicted");
      assert.deepEqual(await tckState(evicting, key), first.state, "reloaded from the store");
      assert.deepEqual(await versionOf(evicting, service, key), { [evicting.replica.id]: 1 });
      const second = secondChangingStep(c);
      if (second) assert.deepEqual(await tckState(evicting, key, updates(...second.updates)), second.state, "and it keeps working");
    });

    it("delete requested by the entity: the reply carries the state; then entity_deleted here and on the other replica", async () => {
      const key = fresh("delete");
      const first = firstStep(c);
      const written = await tckState(a, key, updates(...first.updates));
      const reply = resultOf(await tckProcess(a, key, [{ delete: {} }])) as { state: Json };
      assert.deepEqual(reply.state, written, "the reply carries the state");
      assertHttpError(await tckProcess(a, key, []), 410, "entity_deleted");
      assertHttpError(await httpGet(a, service, key), 410, "entity_deleted");
      assertHttpError(await tckProcess(a, key, updates(...first.updates)), 410, "entity_deleted");
      await eventually(`${key} deleted on B`, () => tckProcess(b, key, []), (r) => r.status === 410);
      assertHttpError(await tckProcess(b, key, []), 410, "entity_deleted");
      assertHttpError(await httpGet(b, service, key), 410, "entity_deleted");
    });

    it("delete sent to the entity from another replica", async () => {
      const key = fresh("remote-delete");
      const first = firstStep(c);
      resultOf(await tckProcess(a, key, updates(...first.updates)));
      resultOf(await tckProcess(b, key, [{ delete: {} }]));
      await eventually(`${key} deleted on A`, () => httpGet(a, service, key), (r) => r.status === 410);
      assertHttpError(await httpGet(a, service, key), 410, "entity_deleted");
      assertHttpError(await tckProcess(a, key, []), 410, "entity_deleted");
      assertHttpError(await tckProcess(a, key, updates(...first.updates)), 410, "entity_deleted");
      // A's earlier write, whenever it reached B, did not bring the entity back.
      assertHttpError(await tckProcess(b, key, []), 410, "entity_deleted");
    });

    it("the facade `tck` routes by prefix to the same entity, and writes nothing of its own", async () => {
      const key = fresh("facade");
      const first = firstStep(c);
      assert.deepEqual(resultOf(await httpPost(solo, "tck", key, "process", { actions: updates(...first.updates) })), { state: first.state });
      assert.deepEqual(await tckState(solo, key), first.state);
      const facade = await httpGet(solo, "tck", key);
      assert.deepEqual(facade, { status: 200, body: { state: 0, version: {} } });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Model details that an HTTP client can observe.

describe("TCK over HTTP: model details", () => {
  it("lwwregister clocks pass through: reverse (first write wins), custom, customAutoIncrement", async () => {
    const svc = "tck-lwwregister";
    const rev = uniqueKey("LWWRegister", "reverse");
    assert.deepEqual(await tckState(solo, rev, updates({ lwwregister: { value: "first", clock: "reverse" } })), { lwwregister: { value: "first" } });
    assert.deepEqual(await tckState(solo, rev, updates({ lwwregister: { value: "second", clock: "reverse" } })), { lwwregister: { value: "first" } });
    assert.deepEqual(await versionOf(solo, svc, rev), { [solo.replica.id]: 1 }, "a losing write changes nothing");

    const custom = uniqueKey("LWWRegister", "custom");
    await tckState(solo, custom, updates({ lwwregister: { value: "x", clock: { custom: 123 } } }));
    assert.deepEqual(await tckState(solo, custom, updates({ lwwregister: { value: "y", clock: { custom: 100 } } })), { lwwregister: { value: "x" } });

    const auto = uniqueKey("LWWRegister", "auto");
    await tckState(solo, auto, updates({ lwwregister: { value: "x", clock: { customAutoIncrement: 456 } } }));
    assert.deepEqual(await tckState(solo, auto, updates({ lwwregister: { value: "y", clock: { customAutoIncrement: 10 } } })), { lwwregister: { value: "y" } });
  });

  it("an ormap entry added empty is visible on the other replica as the empty typed value", async () => {
    const key = uniqueKey("ORMap", "empty-entry");
    resultOf(await tckProcess(a, key, updates({ ormap: { add: "PNCounter-z" } })));
    const expected = { ormap: { entries: [{ key: "PNCounter-z", value: { pncounter: { value: 0 } } }] } };
    await eventually(`${key} on B`, () => tckState(b, key), (s) => isDeepEqual(s, expected));
    const view = await httpGet(b, "tck-ormap", key);
    assert.deepEqual((view.body as { state: Json }).state, { "PNCounter-z": 0 });
  });

  it("an unsafe integer is invalid_input (400) and changes nothing", async () => {
    const key = uniqueKey("PNCounter", "big");
    await tckState(solo, key, updates({ pncounter: { change: 1 } }));
    assertHttpError(await tckProcess(solo, key, updates({ pncounter: { change: Number.MAX_SAFE_INTEGER } })), 400, "invalid_input");
    assert.deepEqual(await tckState(solo, key), { pncounter: { value: 1 } });
  });

  it("malformed requests are invalid_input (400) and change nothing", async () => {
    const key = uniqueKey("GCounter", "bad");
    const bad: Json[] = [
      null,
      { actions: [{}] },
      { actions: [{ update: {}, delete: {} }] },
      { actions: [{ update: { gcounter: { increment: -1 } } }] },
      { actions: [{ update: { gcounter: { increment: "1" } } }] },
      { actions: [{ update: { pncounter: { change: 1.5 } } }] },
      { actions: [{ update: { orset: { add: "a", remove: "b" } } }] },
      { actions: [{ update: { writeConsistency: "quorum" } }] },
      { actions: [{ effect: {} }] },
    ];
    for (const input of bad) assertHttpError(await httpPost(solo, "tck-gcounter", key, "process", input), 400, "invalid_input");
    assert.deepEqual(await versionOf(solo, "tck-gcounter", key), {});
  });

  it("routing: an unknown prefix, a key of another model and an update of another model are failed (422)", async () => {
    assertHttpError(await httpPost(solo, "tck", "Nope-1", "process", { actions: [] }), 422, "failed", "no model prefix");
    assertHttpError(await httpPost(solo, "tck-gcounter", "PNCounter-1", "process", { actions: [] }), 422, "failed", "not a gcounter");
    assertHttpError(
      await httpPost(solo, "tck-gcounter", "GCounter-1", "process", { actions: updates({ pncounter: { change: 1 } }) }),
      422,
      "failed",
      "expected a gcounter update",
    );
    assertHttpError(
      await httpPost(solo, "tck-ormap", "ORMap-1", "process", { actions: updates({ ormap: { update: { key: "nope", update: { flag: {} } } } }) }),
      422,
      "failed",
      "no model prefix",
    );
    assertHttpError(await httpPost(solo, "tck-nope", "GCounter-1", "process", { actions: [] }), 404, "unknown_service");
    assertHttpError(await httpPost(solo, "tck-gcounter", "GCounter-1", "nope", { actions: [] }), 404, "unknown_command");
  });

  it("discovery: GET /v1/services lists the facade, the eight model services with processStreamed, and tck-two", async () => {
    const res = await fetch(`${solo.url}/v1/services`);
    assert.equal(res.status, 200);
    const { services } = (await res.json()) as { services: { name: string; type: string; commands: string[]; streams: string[] }[] };
    const tck = services.filter((s) => s.name === "tck" || s.name.startsWith("tck-"));
    assert.deepEqual(
      tck.map((s) => s.name),
      ["tck", "tck-gcounter", "tck-pncounter", "tck-gset", "tck-orset", "tck-lwwregister", "tck-flag", "tck-ormap", "tck-vote", "tck-two"],
    );
    for (const c of TCK_CASES) {
      const s = tck.find((x) => x.name === serviceOf(c.type));
      assert.ok(s);
      assert.equal(s.type, c.type);
      assert.deepEqual(s.commands, ["process", "processMajority", "processAll"]);
      assert.deepEqual(s.streams, ["processStreamed"]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Forwards and effects.

describe("TCK over HTTP: forwards and effects", () => {
  it("forward to the second service: the reply is tck-two's", async () => {
    assert.deepEqual(resultOf(await tckProcess(solo, uniqueKey("GCounter", "fwd"), [{ forward: { id: "h-two-1" } }])), { calls: 1 });
    assert.equal(await tckTwoCalls(solo, "h-two-1"), 1);
  });

  it("forward carrying state changes: the update commits, then the forward replies", async () => {
    const key = uniqueKey("PNCounter", "fwd");
    assert.deepEqual(resultOf(await tckProcess(solo, key, [...updates({ pncounter: { change: 4 } }), { forward: { id: "h-two-2" } }])), { calls: 1 });
    assert.deepEqual(await tckState(solo, key), { pncounter: { value: 4 } });
  });

  it("forward through the facade", async () => {
    const key = uniqueKey("GSet", "fwd");
    assert.deepEqual(resultOf(await httpPost(solo, "tck", key, "process", { actions: [...updates({ gset: { add: "a" } }), { forward: { id: "h-two-3" } }] })), { calls: 1 });
    assert.deepEqual(await tckState(solo, key), { gset: { elements: ["a"] } });
  });

  it("reply with a side effect: the reply is the state, the effect runs after", async () => {
    const key = uniqueKey("GCounter", "eff");
    assert.deepEqual(resultOf(await tckProcess(solo, key, [...updates({ gcounter: { increment: 1 } }), { effect: { id: "h-two-4" } }])), {
      state: { gcounter: { value: 1 } },
    });
    await eventually("the effect ran", () => tckTwoCalls(solo, "h-two-4"), (n) => n === 1);
  });

  it("a synchronous side effect has run when the reply arrives", async () => {
    resultOf(await tckProcess(solo, uniqueKey("GCounter", "sync"), [{ effect: { id: "h-two-5", synchronous: true } }]));
    assert.equal(await tckTwoCalls(solo, "h-two-5"), 1);
  });

  it("forward plus effect", async () => {
    assert.deepEqual(resultOf(await tckProcess(solo, uniqueKey("Flag", "both"), [{ effect: { id: "h-two-6", synchronous: true } }, { forward: { id: "h-two-7" } }])), {
      calls: 1,
    });
    assert.equal(await tckTwoCalls(solo, "h-two-6"), 1);
    assert.equal(await tckTwoCalls(solo, "h-two-7"), 1);
  });

  it("several effects, with ormap changes, in one committed change", async () => {
    const key = uniqueKey("ORMap", "effects");
    const reply = resultOf(
      await tckProcess(solo, key, [
        ...updates({ ormap: { update: { key: "GCounter-a", update: { gcounter: { increment: 2 } } } } }),
        { effect: { id: "h-two-8", synchronous: true } },
        { effect: { id: "h-two-8", synchronous: true } },
        ...updates({ ormap: { add: "ORSet-b" } }),
        { effect: { id: "h-two-9" } },
      ]),
    );
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
    assert.equal(await tckTwoCalls(solo, "h-two-8"), 2);
    await eventually("the async effect ran", () => tckTwoCalls(solo, "h-two-9"), (n) => n === 1);
    assert.deepEqual(await versionOf(solo, "tck-ormap", key), { [solo.replica.id]: 1 }, "one change for all the command's updates");
  });

  it("an effect's change on the target replicates like any other", async () => {
    resultOf(await tckProcess(a, uniqueKey("GCounter", "eff-repl"), [{ effect: { id: "h-two-10", synchronous: true } }]));
    await eventually("the effect's change on B", () => tckTwoCalls(b, "h-two-10"), (n) => n === 1);
  });
});

// ---------------------------------------------------------------------------------------------
// Failures.

describe("TCK over HTTP: failures", () => {
  it("a fail action answers 422 failed with its message; the entity and the connection stay usable", async () => {
    const key = uniqueKey("PNCounter", "fail");
    await tckState(solo, key, updates({ pncounter: { change: 1 } }));
    const failed = await tckProcess(solo, key, [...updates({ pncounter: { change: 5 } }), { fail: { message: "expected failure" } }]);
    assert.deepEqual(failed, { status: 422, body: { error: { code: "failed", message: "expected failure" } } });
    assert.deepEqual(await versionOf(solo, "tck-pncounter", key), { [solo.replica.id]: 1 }, "a failed command commits nothing");
    assert.deepEqual(await tckState(solo, key), { pncounter: { value: 1 } }, "state intact");
    assert.deepEqual(await tckState(solo, key, updates({ pncounter: { change: 2 } })), { pncounter: { value: 3 } }, "usable after");
  });

  it("a failed command runs none of its effects and no forward (Lattice atomicity)", async () => {
    const key = uniqueKey("GCounter", "failfx");
    const failed = await tckProcess(solo, key, [
      { effect: { id: "h-two-f1", synchronous: true } },
      { effect: { id: "h-two-f2" } },
      { forward: { id: "h-two-f3" } },
      { fail: { message: "no" } },
    ]);
    assertHttpError(failed, 422, "failed", "no");
    // An asynchronous effect, had it been scheduled, would run right after the reply: a later
    // command with a synchronous effect on the same node has run after it.
    resultOf(await tckProcess(solo, uniqueKey("GCounter", "failfx-after"), [{ effect: { id: "h-two-f4", synchronous: true } }]));
    for (const id of ["h-two-f1", "h-two-f2", "h-two-f3"]) assert.equal(await tckTwoCalls(solo, id), 0, id);
  });

  it("a failure through the facade reaches the caller unchanged", async () => {
    const key = uniqueKey("ORSet", "fail");
    assertHttpError(await httpPost(solo, "tck", key, "process", { actions: [...updates({ orset: { add: "a" } }), { fail: { message: "facade failure" } }] }), 422, "failed", "facade failure");
    assert.deepEqual(await tckState(solo, key), { orset: { elements: [] } });
  });

  it("a failed command on one replica sends nothing to the other", async () => {
    const key = uniqueKey("GSet", "fail-repl");
    assertHttpError(await tckProcess(a, key, [...updates({ gset: { add: "x" } }), { fail: { message: "nope" } }]), 422, "failed", "nope");
    resultOf(await tckProcess(a, key, updates({ gset: { add: "y" } })));
    await eventually(`${key} on B`, () => tckState(b, key), (s) => isDeepEqual(s, { gset: { elements: ["y"] } }));
    assert.deepEqual(await versionOf(b, "tck-gset", key), { [a.replica.id]: 1 });
  });
});

// ---------------------------------------------------------------------------------------------
// Write consistency: three members, one of them down.

describe("TCK over HTTP: write consistency", () => {
  const wc: LatticeNode[] = [];
  let w1: LatticeNode;
  let w2: LatticeNode;
  before(async () => {
    // A short acknowledgement timeout for the replication_timeout cases.
    w1 = await startTckNode({ replicaOptions: { consistencyTimeoutMs: 500 } });
    wc.push(w1);
    w2 = await startTckNode({ peers: [w1] });
    wc.push(w2);
    const w3 = await startTckNode({ peers: [w1] });
    wc.push(w3);
    await waitMeshed([w1, w2]);
    await waitMeshed([w1, w3]);
  });
  after(async () => {
    await Promise.all(wc.splice(0).map((n) => n.close()));
  });

  it("with every member up, local, majority and all succeed and the write is on the others when majority/all answer", async () => {
    const key = uniqueKey("GCounter", "wc-up");
    assert.deepEqual(await tckState(w1, key, updates({ gcounter: { increment: 1 } })), { gcounter: { value: 1 } });
    const all = resultOf(await tckProcess(w1, key, updates({ gcounter: { increment: 1 }, writeConsistency: "all" }), "processAll")) as { state: Json };
    assert.deepEqual(all.state, { gcounter: { value: 2 } });
    // Both peers acknowledged before the reply: the write is on each of them.
    for (const n of wc.slice(1)) assert.deepEqual(await tckState(n, key), { gcounter: { value: 2 } });
    const majority = resultOf(await tckProcess(w1, key, updates({ gcounter: { increment: 1 }, writeConsistency: "majority" }), "processMajority")) as { state: Json };
    assert.deepEqual(majority.state, { gcounter: { value: 3 } });
  });

  it("an update asking for more than its command provides is failed", async () => {
    assertHttpError(
      await tckProcess(w1, uniqueKey("GCounter", "wc-more"), updates({ gcounter: { increment: 1 }, writeConsistency: "all" }), "processMajority"),
      422,
      "failed",
      "processAll",
    );
  });

  it("with one of three members down: local and majority answer, all is replication_timeout (504) and the write stays and spreads", async () => {
    const w3 = wc[2];
    assert.ok(w3);
    const w3id = w3.replica.id;
    await w3.close();
    await eventually("w1 sees w3 down", () => peersOf(w1), (ps) => ps.some((p) => p.id === w3id && !p.connected));
    const key = uniqueKey("Flag", "wc-down");
    const pn = uniqueKey("PNCounter", "wc-down");
    assert.deepEqual(await tckState(w1, pn, updates({ pncounter: { change: 1 } })), { pncounter: { value: 1 } });
    assert.deepEqual(
      (resultOf(await tckProcess(w1, pn, updates({ pncounter: { change: 1 }, writeConsistency: "majority" }), "processMajority")) as { state: Json }).state,
      { pncounter: { value: 2 } },
    );
    assertHttpError(await tckProcess(w1, key, updates({ flag: {}, writeConsistency: "all" }), "processAll"), 504, "replication_timeout");
    assert.deepEqual(await tckState(w1, key), { flag: { value: true } }, "not rolled back");
    await eventually(`${key} on w2`, () => tckState(w2, key), (s) => isDeepEqual(s, { flag: { value: true } }));
  });

  it("the facade picks the command of the strongest level its updates ask for", async () => {
    // w3 is down (previous test): majority answers, all times out.
    const key = uniqueKey("PNCounter", "wc-facade");
    const majority = await httpPost(w1, "tck", key, "process", { actions: updates({ pncounter: { change: 1 }, writeConsistency: "majority" }, { pncounter: { change: 1 } }) });
    assert.deepEqual(resultOf(majority), { state: { pncounter: { value: 2 } } });
    const all = await httpPost(w1, "tck", key, "process", { actions: updates({ pncounter: { change: 1 }, writeConsistency: "all" }) });
    assertHttpError(all, 504, "replication_timeout");
    assert.deepEqual(await tckState(w1, key), { pncounter: { value: 3 } });
  });

  it("vote totals follow the live members: w3 down is not counted", async () => {
    const key = uniqueKey("Vote", "wc-live");
    resultOf(await tckProcess(w2, key, updates({ vote: { selfVote: true } })));
    await eventually(`${key} on w1`, () => tckState(w1, key), (s) => isDeepEqual(s, vote(false, 1, 2)));
  });
});
