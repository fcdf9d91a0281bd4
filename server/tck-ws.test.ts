/**
 * The Cloudstate CRDT TCK (cloudstate.md §3) as black-box tests over the `/v1/ws` JSON protocol:
 * the streamed scenarios (ProcessStreamed: updates pushed after every change, end state, cancel
 * update, initial update, empty streams, effects per message), and the per-model, forward,
 * effect, failure and write-consistency scenarios of the engine-level TCK
 * (functions/examples/tck.test.ts) with the same expectations, against real nodes, two of them
 * meshed over real WebSockets. The HTTP side is tck-http.test.ts.
 */
import assert from "node:assert/strict";
import { after, afterEach, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { Json } from "../crdt/index.js";
import { TCK_TWO, serviceOf } from "../functions/examples/tck.js";
import type { LatticeNode } from "./node.js";
import { TCK_CASES, firstStep, updates, vote } from "../functions/examples/test-support/tck-cases.js";
import { changesIn, isDeepEqual, startTckNode, tckServiceOf, uniqueKey, waitMeshed } from "./test-support/tck-cluster.js";
import type { Frame, Subscription } from "./test-support/tck-ws-client.js";
import { WsClient, resultOrThrow, wsError } from "./test-support/tck-ws-client.js";

/** A replica alone (vote totals of 1). */
let solo: LatticeNode;
/** Two replicas meshed over real WebSockets. */
let a: LatticeNode;
let b: LatticeNode;
const nodes: LatticeNode[] = [];

before(async () => {
  solo = await startTckNode();
  a = await startTckNode();
  b = await startTckNode({ peers: [a] });
  nodes.push(solo, a, b);
  await waitMeshed([a, b]);
});

after(async () => {
  await Promise.all(nodes.splice(0).map((n) => n.close()));
});

/** Clients opened by a test; closed after it. */
let clients: WsClient[] = [];
async function connect(node: LatticeNode): Promise<WsClient> {
  const c = await WsClient.connect(node);
  clients.push(c);
  return c;
}
afterEach(async () => {
  const open = clients;
  clients = [];
  for (const c of open) assert.deepEqual(c.stray, [], "frames that answer no request");
  await Promise.all(open.map((c) => c.close()));
});

/** `process` (or `command`) on the model service of the key's prefix: the reply. */
function tckCall(ws: WsClient, key: string, actions: Json[], command = "process"): Promise<Json> {
  return ws.call(tckServiceOf(key), key, command, { actions });
}
async function stateAfter(ws: WsClient, key: string, actions: Json[] = []): Promise<Json> {
  return ((await tckCall(ws, key, actions)) as { state: Json }).state;
}
/** tck-two's call count for `id`, read with a subscription snapshot (no function runs). */
async function calls(ws: WsClient, id: string): Promise<number> {
  const s = await ws.subscribe(TCK_TWO, id);
  await s.cancel();
  return s.opened.state as number;
}
const versionIn = (f: Frame): Record<string, number> => f.version as Record<string, number>;

/** Takes pushes until one satisfies `cond` (bounded by the queue's timeout per push). */
async function pushUntil(s: Subscription, what: string, cond: (f: Frame) => boolean, max = 50): Promise<Frame> {
  for (let i = 0; i < max; i++) {
    const f = await s.pushes.next();
    if (cond(f)) return f;
  }
  assert.fail(`no push on sub ${s.id} for ${what} within ${max} pushes`);
}

/**
 * Nothing more arrives on `s` for a change that has happened: `sync` must produce a push on
 * another subscription `probe` of the same connection after the change; a short grace covers
 * hooks still running.
 */
async function assertQuiet(s: Subscription, probe: Subscription, sync: () => Promise<unknown>): Promise<void> {
  await sync();
  await probe.pushes.next();
  await sleep(30);
  assert.deepEqual(s.pushes.pending, [], `sub ${s.id} got pushes it should not have`);
}

// ---------------------------------------------------------------------------------------------
// Per model over WebSocket.

for (const c of TCK_CASES) {
  const service = serviceOf(c.type);
  const fresh = (label: string): string => uniqueKey(c.prefix, label);

  describe(`TCK over WebSocket: ${c.prefix}`, () => {
    it("initial empty state and state changes: replies, and one subscription update per changing command", async () => {
      const ws = await connect(solo);
      const key = fresh("changes");
      const sub = await ws.subscribe(service, key);
      assert.deepEqual(sub.opened.version, {}, "an entity never written");
      assert.deepEqual(await stateAfter(ws, key), c.empty);
      let changes = 0;
      for (const [i, step] of c.steps.entries()) {
        assert.deepEqual(await stateAfter(ws, key, updates(...step.updates)), step.state, `step ${i}`);
        if (step.delta) {
          changes++;
          const push = await sub.pushes.next();
          assert.deepEqual(versionIn(push), { [solo.replica.id]: changes }, `step ${i}: one change, pushed`);
        }
      }
      // A round trip after the last step: no update was pushed for a command that changed nothing.
      await stateAfter(ws, key);
      assert.deepEqual(sub.pushes.pending, [], "no update for a command that changed nothing");
      await sub.cancel();
    });

    it("replicated delta and mixed changes: a subscriber on A sees B's change, then both converge", async () => {
      const onA = await connect(a);
      const onB = await connect(b);
      const key = fresh("replicated");
      const subA = await onA.subscribe(service, key);
      const subB = await onB.subscribe(service, key);
      await tckCall(onB, key, updates(c.remote));
      const pushed = await subA.pushes.next();
      assert.deepEqual(versionIn(pushed), { [b.replica.id]: 1 }, "B's change, not committed again on A");
      assert.deepEqual(await stateAfter(onA, key), c.remoteState);
      assert.deepEqual(versionIn(await subB.pushes.next()), { [b.replica.id]: 1 });
      assert.deepEqual(await stateAfter(onA, key, updates(c.local)), c.mixedState);
      if (!isDeepEqual(c.remoteState, c.mixedState)) {
        // A's change reaches B's subscriber (a flag enabled again changes nothing: no push).
        const both = { [a.replica.id]: 1, [b.replica.id]: 1 };
        assert.deepEqual(versionIn(await subA.pushes.next()), both);
        assert.deepEqual(versionIn(await subB.pushes.next()), both);
      }
      assert.deepEqual(await stateAfter(onB, key), c.mixedState);
    });

    it("delete requested by the entity: the reply carries the state; then entity_deleted for calls, subscriptions and streams, here and on B", async () => {
      const onA = await connect(a);
      const onB = await connect(b);
      const key = fresh("delete");
      const first = firstStep(c);
      const written = await stateAfter(onA, key, updates(...first.updates));
      const subB = await onB.subscribe(service, key);
      const streamB = await onB.stream(service, key, "processStreamed", {});
      const reply = (await tckCall(onA, key, [{ delete: {} }])) as { state: Json };
      assert.deepEqual(reply.state, written, "the reply carries the state");
      await assert.rejects(tckCall(onA, key, []), wsError("entity_deleted"));
      await assert.rejects(onA.subscribe(service, key), wsError("entity_deleted"));
      await assert.rejects(onA.stream(service, key, "processStreamed", {}), wsError("entity_deleted"));
      // On B: the subscription fails with entity_deleted, the stream ends.
      const failed = await pushUntil(subB, "the deletion", (f) => f.ok === false);
      assert.equal((failed.error as { code: string }).code, "entity_deleted");
      const ended = await pushUntil(streamB, "the end", (f) => f.end === true);
      assert.deepEqual(ended, { sub: streamB.id, end: true });
      await assert.rejects(tckCall(onB, key, []), wsError("entity_deleted"));
    });

    it("delete arriving from another replica ends A's subscription and stream", async () => {
      const onA = await connect(a);
      const onB = await connect(b);
      const key = fresh("remote-delete");
      const first = firstStep(c);
      await tckCall(onA, key, updates(...first.updates));
      const subA = await onA.subscribe(service, key);
      const streamA = await onA.stream(service, key, "processStreamed", {});
      await tckCall(onB, key, [{ delete: {} }]);
      const failed = await pushUntil(subA, "the deletion", (f) => f.ok === false);
      assert.equal((failed.error as { code: string }).code, "entity_deleted");
      await pushUntil(streamA, "the end", (f) => f.end === true);
      await assert.rejects(tckCall(onA, key, updates(...first.updates)), wsError("entity_deleted"));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Streaming (ProcessStreamed).

describe("TCK over WebSocket: streaming", () => {
  it("pushes the state after every change, local or replicated; nothing after cancel", async () => {
    const onA = await connect(a);
    const onB = await connect(b);
    const key = uniqueKey("PNCounter", "stream");
    const s = await onA.stream("tck-pncounter", key, "processStreamed", {});
    assert.deepEqual(s.opened, { id: s.id, ok: true });
    assert.deepEqual(await s.pushes.nextMessage(), { state: { pncounter: { value: 0 } } });
    await tckCall(onA, key, updates({ pncounter: { change: 2 } }));
    assert.deepEqual(await s.pushes.nextMessage(), { state: { pncounter: { value: 2 } } });
    await tckCall(onB, key, updates({ pncounter: { change: -5 } }));
    assert.deepEqual(await s.pushes.nextMessage(), { state: { pncounter: { value: -3 } } });
    const cancelled = await s.cancel();
    assert.deepEqual(cancelled, { id: cancelled.id, ok: true });
    const probe = await onA.subscribe("tck-pncounter", key);
    await assertQuiet(s, probe, () => tckCall(onA, key, updates({ pncounter: { change: 1 } })));
  });

  it("ends with the end state: the last state goes with the end, nothing after", async () => {
    const ws = await connect(solo);
    const key = uniqueKey("GSet", "end");
    const s = await ws.stream("tck-gset", key, "processStreamed", { endState: { gset: { elements: ["a", "b"] } } });
    assert.deepEqual(await s.pushes.nextMessage(), { state: { gset: { elements: [] } } });
    await tckCall(ws, key, updates({ gset: { add: "a" } }));
    assert.deepEqual(await s.pushes.nextMessage(), { state: { gset: { elements: ["a"] } } });
    await tckCall(ws, key, updates({ gset: { add: "b" } }));
    assert.deepEqual(await s.pushes.next(), { sub: s.id, end: true, message: { state: { gset: { elements: ["a", "b"] } } } });
    const probe = await ws.subscribe("tck-gset", key);
    await assertQuiet(s, probe, () => tckCall(ws, key, updates({ gset: { add: "c" } })));
    // Cancelling a stream that ended answers ok.
    assert.equal((await s.cancel()).ok, true);
  });

  it("an end state already reached ends the stream right after its ok", async () => {
    const ws = await connect(solo);
    const key = uniqueKey("Flag", "end");
    await tckCall(ws, key, updates({ flag: {} }));
    const s = await ws.stream("tck-flag", key, "processStreamed", { endState: { flag: { value: true } } });
    assert.deepEqual(await s.pushes.next(), { sub: s.id, end: true, message: { state: { flag: { value: true } } } });
  });

  it("applies the cancel update when the client cancels, before the cancel is answered", async () => {
    const ws = await connect(solo);
    const key = uniqueKey("ORSet", "cancel");
    const s = await ws.stream("tck-orset", key, "processStreamed", { cancelUpdate: { orset: { add: "cancelled" } } });
    assert.deepEqual(await s.pushes.nextMessage(), { state: { orset: { elements: [] } } });
    assert.deepEqual(await stateAfter(ws, key), { orset: { elements: [] } });
    assert.equal((await s.cancel()).ok, true);
    assert.deepEqual(await stateAfter(ws, key), { orset: { elements: ["cancelled"] } });
    const sub = await ws.subscribe("tck-orset", key);
    assert.deepEqual(sub.opened.version, { [solo.replica.id]: 1 }, "one change: the cancel update");
    assert.deepEqual(s.pushes.pending, [], "no message after the cancel, not even for the cancel update");
  });

  it("applies the cancel update when the client disconnects, and it replicates", async () => {
    const onA = await connect(a);
    const watcher = await connect(b);
    const key = uniqueKey("Vote", "disconnect");
    const s = await onA.stream("tck-vote", key, "processStreamed", { initialUpdate: { vote: { selfVote: true } }, cancelUpdate: { vote: { selfVote: false } } });
    assert.deepEqual(await s.pushes.nextMessage(), { state: vote(true, 1, 2) });
    const sub = await watcher.subscribe("tck-vote", key);
    if ((sub.opened.state as { votesFor: number }).votesFor !== 1) await pushUntil(sub, "the vote on B", (f) => (f.state as { votesFor: number }).votesFor === 1);
    await onA.close();
    await pushUntil(sub, "the cancel update on B", (f) => (f.state as { votesFor: number }).votesFor === 0);
    assert.deepEqual(await stateAfter(watcher, key), vote(false, 0, 2));
  });

  it("applies the initial update on open, as an ordinary change", async () => {
    const ws = await connect(solo);
    const key = uniqueKey("GCounter", "initial");
    const s = await ws.stream("tck-gcounter", key, "processStreamed", { initialUpdate: { gcounter: { increment: 5 } } });
    assert.deepEqual(await s.pushes.nextMessage(), { state: { gcounter: { value: 5 } } });
    const sub = await ws.subscribe("tck-gcounter", key);
    assert.deepEqual(sub.opened.version, { [solo.replica.id]: 1 });
    assert.equal(sub.opened.state, 5);
  });

  it("an empty stream sends nothing but still honours the cancel update", async () => {
    const ws = await connect(solo);
    const key = uniqueKey("Vote", "empty");
    const s = await ws.stream("tck-vote", key, "processStreamed", { empty: true, cancelUpdate: { vote: { selfVote: true } } });
    const probe = await ws.subscribe("tck-vote", key);
    await tckCall(ws, key, updates({ vote: { selfVote: true } }));
    await probe.pushes.next();
    await assertQuiet(s, probe, () => tckCall(ws, key, updates({ vote: { selfVote: false } })));
    assert.equal((await s.cancel()).ok, true);
    assert.deepEqual(await stateAfter(ws, key), vote(true, 1, 1));
  });

  it("runs the side effects of each streamed message: a synchronous one before its message", async () => {
    const ws = await connect(solo);
    const key = uniqueKey("LWWRegister", "fx");
    const s1 = uniqueKey("two", "s1");
    const s2 = uniqueKey("two", "s2");
    const s = await ws.stream("tck-lwwregister", key, "processStreamed", { effects: [{ id: s1, synchronous: true }, { id: s2 }] });
    assert.deepEqual(await s.pushes.nextMessage(), { state: { lwwregister: { value: "" } } });
    assert.equal(await calls(ws, s1), 1, "with the first message");
    const fx2 = await ws.subscribe(TCK_TWO, s2);
    await tckCall(ws, key, updates({ lwwregister: { value: "v" } }));
    assert.deepEqual(await s.pushes.nextMessage(), { state: { lwwregister: { value: "v" } } });
    assert.equal(await calls(ws, s1), 2, "a synchronous effect ran before its message");
    if (fx2.opened.state !== 2) await pushUntil(fx2, "the async effects", (f) => f.state === 2);
  });

  it("a stream whose input is invalid is refused with invalid_input; the connection stays usable", async () => {
    const ws = await connect(solo);
    const key = uniqueKey("GSet", "bad-stream");
    await assert.rejects(ws.stream("tck-gset", key, "processStreamed", { endState: 3 }), wsError("invalid_input"));
    await assert.rejects(ws.stream("tck-gset", key, "nope", {}), wsError("unknown_command"));
    await assert.rejects(ws.stream("tck-gset", "PNCounter-x", "processStreamed", {}), wsError("failed", "not a gset"));
    assert.deepEqual(await stateAfter(ws, key), { gset: { elements: [] } });
  });

  it("several streams and calls multiplexed on one connection each get their own pushes", async () => {
    const ws = await connect(solo);
    const k1 = uniqueKey("GCounter", "mux");
    const k2 = uniqueKey("GCounter", "mux");
    const s1 = await ws.stream("tck-gcounter", k1, "processStreamed", {});
    const s2 = await ws.stream("tck-gcounter", k2, "processStreamed", { initialUpdate: { gcounter: { increment: 10 } } });
    assert.deepEqual(await s1.pushes.nextMessage(), { state: { gcounter: { value: 0 } } });
    assert.deepEqual(await s2.pushes.nextMessage(), { state: { gcounter: { value: 10 } } });
    await Promise.all([tckCall(ws, k1, updates({ gcounter: { increment: 1 } })), tckCall(ws, k2, updates({ gcounter: { increment: 2 } }))]);
    assert.deepEqual(await s1.pushes.nextMessage(), { state: { gcounter: { value: 1 } } });
    assert.deepEqual(await s2.pushes.nextMessage(), { state: { gcounter: { value: 12 } } });
  });
});

// ---------------------------------------------------------------------------------------------
// Forwards and effects.

describe("TCK over WebSocket: forwards and effects", () => {
  it("forward to the second service: the reply is tck-two's", async () => {
    const ws = await connect(solo);
    const id = uniqueKey("two", "fwd");
    assert.deepEqual(await tckCall(ws, uniqueKey("GCounter", "fwd"), [{ forward: { id } }]), { calls: 1 });
    assert.equal(await calls(ws, id), 1);
  });

  it("forward carrying state changes, and through the facade", async () => {
    const ws = await connect(solo);
    const key = uniqueKey("PNCounter", "fwd");
    assert.deepEqual(await tckCall(ws, key, [...updates({ pncounter: { change: 4 } }), { forward: { id: uniqueKey("two", "fwd") } }]), { calls: 1 });
    assert.deepEqual(await stateAfter(ws, key), { pncounter: { value: 4 } });
    const viaFacade = uniqueKey("GSet", "fwd");
    assert.deepEqual(await ws.call("tck", viaFacade, "process", { actions: [...updates({ gset: { add: "a" } }), { forward: { id: uniqueKey("two", "fwd") } }] }), {
      calls: 1,
    });
    assert.deepEqual(await stateAfter(ws, viaFacade), { gset: { elements: ["a"] } });
  });

  it("reply with a side effect: the reply is the state, the effect's change is pushed to a subscriber after", async () => {
    const ws = await connect(solo);
    const id = uniqueKey("two", "eff");
    const sub = await ws.subscribe(TCK_TWO, id);
    assert.equal(sub.opened.state, 0);
    assert.deepEqual(await tckCall(ws, uniqueKey("GCounter", "eff"), [...updates({ gcounter: { increment: 1 } }), { effect: { id } }]), {
      state: { gcounter: { value: 1 } },
    });
    assert.equal((await sub.pushes.next()).state, 1);
  });

  it("a synchronous side effect has run when the reply arrives; forward plus effect", async () => {
    const ws = await connect(solo);
    const sync = uniqueKey("two", "sync");
    await tckCall(ws, uniqueKey("GCounter", "sync"), [{ effect: { id: sync, synchronous: true } }]);
    assert.equal(await calls(ws, sync), 1);
    const e = uniqueKey("two", "both");
    const f = uniqueKey("two", "both");
    assert.deepEqual(await tckCall(ws, uniqueKey("Flag", "both"), [{ effect: { id: e, synchronous: true } }, { forward: { id: f } }]), { calls: 1 });
    assert.equal(await calls(ws, e), 1);
    assert.equal(await calls(ws, f), 1);
  });

  it("several effects with ormap changes: one change, every effect run", async () => {
    const ws = await connect(solo);
    const key = uniqueKey("ORMap", "effects");
    const twice = uniqueKey("two", "twice");
    const later = uniqueKey("two", "later");
    const laterSub = await ws.subscribe(TCK_TWO, later);
    const reply = await tckCall(ws, key, [
      ...updates({ ormap: { update: { key: "GCounter-a", update: { gcounter: { increment: 2 } } } } }),
      { effect: { id: twice, synchronous: true } },
      { effect: { id: twice, synchronous: true } },
      ...updates({ ormap: { add: "ORSet-b" } }),
      { effect: { id: later } },
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
    assert.equal(await calls(ws, twice), 2);
    assert.equal((await laterSub.pushes.next()).state, 1);
    const sub = await ws.subscribe("tck-ormap", key);
    assert.equal(changesIn(sub.opened.version as Record<string, number>), 1, "one change for all the command's updates");
  });
});

// ---------------------------------------------------------------------------------------------
// Failures.

describe("TCK over WebSocket: failures", () => {
  it("a fail action answers ok:false failed with its message; the connection and the entity stay usable", async () => {
    const ws = await connect(solo);
    const key = uniqueKey("PNCounter", "fail");
    await tckCall(ws, key, updates({ pncounter: { change: 1 } }));
    const frame = await ws.request({ op: "call", service: "tck-pncounter", key, command: "process", input: { actions: [...updates({ pncounter: { change: 5 } }), { fail: { message: "expected failure" } }] } });
    assert.deepEqual(frame, { id: frame.id, ok: false, error: { code: "failed", message: "expected failure" } });
    assert.deepEqual(await stateAfter(ws, key), { pncounter: { value: 1 } }, "state intact");
    assert.deepEqual(await stateAfter(ws, key, updates({ pncounter: { change: 2 } })), { pncounter: { value: 3 } }, "usable after");
    const sub = await ws.subscribe("tck-pncounter", key);
    assert.deepEqual(sub.opened.version, { [solo.replica.id]: 2 }, "the failed command committed nothing");
  });

  it("failures and successes in flight together on one connection are each answered by id", async () => {
    const ws = await connect(solo);
    const key = uniqueKey("GCounter", "interleaved");
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        tckCall(ws, key, i % 2 === 0 ? updates({ gcounter: { increment: 1 } }) : [...updates({ gcounter: { increment: 100 } }), { fail: { message: `fail ${i}` } }]),
      ),
    );
    for (const [i, r] of results.entries()) {
      if (i % 2 === 0) assert.equal(r.status, "fulfilled", `call ${i}`);
      else {
        assert.equal(r.status, "rejected", `call ${i}`);
        wsError("failed", `fail ${i}`)(r.reason);
      }
    }
    assert.deepEqual(await stateAfter(ws, key), { gcounter: { value: 10 } });
  });

  it("a failed command runs none of its effects and no forward", async () => {
    const ws = await connect(solo);
    const [f1, f2, f3, after1] = ["f1", "f2", "f3", "after"].map((l) => uniqueKey("two", l)) as [string, string, string, string];
    await assert.rejects(
      tckCall(ws, uniqueKey("GCounter", "failfx"), [{ effect: { id: f1, synchronous: true } }, { effect: { id: f2 } }, { forward: { id: f3 } }, { fail: { message: "no" } }]),
      wsError("failed", "no"),
    );
    await tckCall(ws, uniqueKey("GCounter", "failfx-after"), [{ effect: { id: after1, synchronous: true } }]);
    for (const id of [f1, f2, f3]) assert.equal(await calls(ws, id), 0, id);
  });

  it("a failure through the facade reaches the caller unchanged", async () => {
    const ws = await connect(solo);
    const key = uniqueKey("ORSet", "fail");
    await assert.rejects(
      ws.call("tck", key, "process", { actions: [...updates({ orset: { add: "a" } }), { fail: { message: "facade failure" } }] }),
      wsError("failed", "facade failure"),
    );
    assert.deepEqual(await stateAfter(ws, key), { orset: { elements: [] } });
  });

  it("invalid input is invalid_input with the same body as over HTTP; the connection stays usable", async () => {
    const ws = await connect(solo);
    const key = uniqueKey("GCounter", "bad");
    const frame = await ws.request({ op: "call", service: "tck-gcounter", key, command: "process", input: { actions: [{ update: { gcounter: { increment: -1 } } }] } });
    assert.equal(frame.ok, false);
    const http = await fetch(`${solo.url}/v1/entities/tck-gcounter/${key}/process`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ actions: [{ update: { gcounter: { increment: -1 } } }] }),
    });
    assert.equal(http.status, 400);
    assert.deepEqual({ error: frame.error }, await http.json());
    assert.deepEqual(resultOrThrow(await ws.request({ op: "call", service: "tck-gcounter", key, command: "process", input: { actions: [] } })), {
      state: { gcounter: { value: 0 } },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Write consistency.

describe("TCK over WebSocket: write consistency", () => {
  it("majority and all answer once the other replica has the write", async () => {
    const onA = await connect(a);
    const onB = await connect(b);
    const key = uniqueKey("GCounter", "wc");
    const all = (await tckCall(onA, key, updates({ gcounter: { increment: 1 }, writeConsistency: "all" }), "processAll")) as { state: Json };
    assert.deepEqual(all.state, { gcounter: { value: 1 } });
    assert.deepEqual(await stateAfter(onB, key), { gcounter: { value: 1 } }, "acknowledged by B before the reply");
    const majority = await onA.call("tck", key, "process", { actions: updates({ gcounter: { increment: 1 }, writeConsistency: "majority" }) });
    assert.deepEqual(majority, { state: { gcounter: { value: 2 } } });
    assert.deepEqual(await stateAfter(onB, key), { gcounter: { value: 2 } });
  });

  it("an update asking for more than its command provides is failed", async () => {
    const ws = await connect(a);
    await assert.rejects(
      tckCall(ws, uniqueKey("GCounter", "wc-more"), updates({ gcounter: { increment: 1 }, writeConsistency: "all" }), "processMajority"),
      wsError("failed", "processAll"),
    );
  });
});
