/**
 * The SDK against a real replica (example services): calls and their results, catalogue errors
 * as LatticeError, reads, subscriptions, streams (presence, the TCK's streamed model), and what
 * stays safe locally (oversized input, callbacks that throw). Reconnects: reconnect.test.ts.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { LatticeNode } from "../server/node.js";
import type { EntityView, LatticeClient, LatticeError } from "./index.js";
import { createClient } from "./index.js";
import { failure, Inbox, openSubscriptions, reach, recordingWebSocket, startReplica } from "./test-support/replica.js";

let node: LatticeNode;
let client: LatticeClient;
let n = 0;
/** A key no other test uses. */
const key = (prefix = "k"): string => `${prefix}-${++n}`;

before(async () => {
  node = await startReplica();
  client = createClient(node.url, { WebSocket: recordingWebSocket().WebSocket });
});

after(async () => {
  await client.close();
  await node.close();
});

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`never happened: ${what}`);
}

describe("client SDK against a replica", () => {
  it("connects and reports the open state", async () => {
    await reach(client, "open");
    assert.equal(client.state, "open");
    assert.equal(client.error, undefined);
  });

  it("call resolves with the command's result, and get reads state and version", async () => {
    const cart = client.entity("cart", key("u"));
    const result = await cart.call("addItem", { productId: "p1", name: "Pen", quantity: 2 });
    assert.deepEqual(result, { items: [{ productId: "p1", name: "Pen", quantity: 2 }] });
    await cart.call("addItem", { productId: "p1", quantity: 3 });
    const view = await cart.get();
    assert.deepEqual(view.state, { items: [{ productId: "p1", name: "Pen", quantity: 5 }] });
    assert.deepEqual(Object.values(view.version), [2]);
    assert.equal(await openSubscriptions(node), 0, "get's subscription was cancelled");
  });

  it("get of an entity never written is its empty value with an empty version", async () => {
    assert.deepEqual(await client.entity("counter", key()).get(), { state: 0, version: {} });
  });

  it("catalogue errors reject with a LatticeError carrying code, message and detail; the connection stays usable", async () => {
    const cart = client.entity("cart", key("u"));
    const refused = await failure(cart.call("addItem", { productId: "p1", quantity: 0 }));
    assert.equal(refused.code, "failed");
    assert.match(refused.message, /must be positive/);
    assert.deepEqual(refused.detail, { productId: "p1", quantity: 0 });

    const invalid = await failure(cart.call("addItem", { productId: "p1", quantity: "2" }));
    assert.equal(invalid.code, "invalid_input");
    assert.deepEqual(invalid.detail, { path: "/quantity", keyword: "type" });

    assert.equal((await failure(client.entity("nope", "x").call("go"))).code, "unknown_service");
    assert.equal((await failure(cart.call("fly"))).code, "unknown_command");
    assert.equal((await failure(client.entity("nope", "x").get())).code, "unknown_service");
    assert.deepEqual(await cart.get(), { state: { items: [] }, version: {} });
    assert.equal(client.state, "open");
  });

  it("subscribe gets the current state, then every change, until unsubscribed", async () => {
    const counter = client.entity("counter", key());
    await counter.call("increment", { amount: 2 });
    const views = new Inbox<EntityView<number>>();
    const unsubscribe = counter.subscribe<number>(views.push);
    await views.waitFor((v) => v.state === 2);
    await counter.call("increment", { amount: 3 });
    const five = await views.waitFor((v) => v.state === 5);
    assert.equal(Object.values(five.version)[0], 2);
    assert.equal(await openSubscriptions(node), 1);

    unsubscribe();
    unsubscribe(); // twice is harmless
    const seen = views.items.length;
    await counter.call("increment", { amount: 1 });
    await eventually(async () => (await openSubscriptions(node)) === 0, "the replica released the subscription");
    assert.equal(views.items.length, seen, "no view after unsubscribe");
    assert.deepEqual(
      views.items.map((v) => v.state),
      [2, 5],
    );
  });

  it("a subscription whose entity is deleted ends with entity_deleted", async () => {
    const k = `GCounter-${key()}`;
    const entity = client.entity("tck-gcounter", k);
    await entity.call("process", { actions: [{ update: { gcounter: { increment: 1 } } }] });
    const errors = new Inbox<LatticeError>();
    const views = new Inbox<EntityView>();
    entity.subscribe(views.push, { onError: errors.push });
    await views.waitFor(() => true);
    await entity.call("process", { actions: [{ delete: {} }] });
    const err = await errors.waitFor(() => true);
    assert.equal(err.code, "entity_deleted");
    assert.equal((await failure(entity.get())).code, "entity_deleted");
  });

  it("a subscription to an unknown service reports unknown_service", async () => {
    const errors = new Inbox<LatticeError>();
    client.entity("nope", "x").subscribe(() => assert.fail("no view"), { onError: errors.push });
    assert.equal((await errors.waitFor(() => true)).code, "unknown_service");
  });

  it("stream: presence connect and monitor; close runs the stream's onClose on the replica", async () => {
    const user = key("user");
    const presence = client.entity("presence", user);
    const status = new Inbox<unknown>();
    const monitor = presence.stream("monitor", null, status.push);
    await status.waitFor((m) => JSON.stringify(m) === '{"online":false}');

    const opened = new Inbox<true>();
    const connect = presence.stream("connect", {}, () => assert.fail("connect sends no messages"), { onOpen: () => opened.push(true) });
    await opened.waitFor(() => true);
    await status.waitFor((m) => JSON.stringify(m) === '{"online":true}');
    assert.deepEqual(await presence.call("status"), { online: true, replicas: 1 });

    await connect.close();
    // close resolved once onClose ran: the vote is already withdrawn
    assert.deepEqual(await presence.call("status"), { online: false, replicas: 0 });
    await status.waitFor((m) => JSON.stringify(m) === '{"online":false}', { from: 2 });
    await monitor.close();
    await connect.close(); // closing again is harmless
  });

  it("stream: messages, then the replica ends it with a final message and onEnd", async () => {
    const k = `GCounter-${key()}`;
    const model = client.entity("tck-gcounter", k);
    const messages = new Inbox<unknown>();
    const ended = new Inbox<true>();
    model.stream("processStreamed", { endState: { gcounter: { value: 2 } } }, messages.push, { onEnd: () => ended.push(true), onError: (e) => assert.fail(e) });
    await messages.waitFor(() => true);
    for (let i = 0; i < 2; i++) await model.call("process", { actions: [{ update: { gcounter: { increment: 1 } } }] });
    await ended.waitFor(() => true);
    assert.deepEqual(messages.items, [0, 1, 2].map((value) => ({ state: { gcounter: { value } } })));
  });

  it("stream errors: an unknown stream is unknown_command, a bad input is invalid_input", async () => {
    const errors = new Inbox<LatticeError>();
    client.entity("presence", "x").stream("teleport", null, () => assert.fail("no message"), { onError: errors.push });
    assert.equal((await errors.waitFor(() => true)).code, "unknown_command");
    client.entity("tck-gcounter", "GCounter-x").stream("processStreamed", { endState: 3, bogus: true }, () => assert.fail("no message"), { onError: errors.push });
    assert.equal((await errors.waitFor(() => true, { from: 1 })).code, "invalid_input");
  });

  it("requests the replica would refuse by closing the socket fail locally and are never sent", async () => {
    const small = createClient(node.url, { WebSocket: recordingWebSocket().WebSocket, maxFrameBytes: 1024 });
    try {
      const counter = small.entity("counter", key());
      const err = await failure(counter.call("increment", { note: "x".repeat(2000) }));
      assert.equal(err.code, "payload_too_large");
      assert.equal((await failure(counter.call("increment", { big: 10n }))).code, "invalid_input");
      assert.equal(await counter.call("increment", null), 1);
      assert.equal(small.state, "open");
    } finally {
      await small.close();
    }
  });

  it("a callback that throws is reported and breaks nothing", async () => {
    const reported = new Inbox<unknown>();
    const c = createClient(node.url, { WebSocket: recordingWebSocket().WebSocket, onCallbackError: reported.push });
    try {
      const counter = c.entity("counter", key());
      const views = new Inbox<unknown>();
      c.entity("counter", counter.key).subscribe((v) => {
        views.push(v.state);
        throw new Error("render failed");
      });
      await views.waitFor((s) => s === 0);
      assert.match(String(await reported.waitFor(() => true)), /render failed/);
      assert.equal(await counter.call("increment", null), 1);
      await views.waitFor((s) => s === 1);
      assert.equal(c.state, "open");
    } finally {
      await c.close();
    }
  });

  it("createClient refuses what cannot work, at once rather than on every reconnect", () => {
    const { WebSocket } = recordingWebSocket();
    assert.throws(() => createClient("ftp://127.0.0.1/", { WebSocket }), TypeError);
    assert.throws(() => createClient(node.url, { WebSocket, queueTimeoutMs: -1 }), RangeError);
    assert.throws(() => createClient(node.url, { WebSocket, maxInFlight: 0 }), RangeError);
    // setTimeout fires at once for Infinity or anything past 2^31 - 1 ms: refused, not obeyed.
    assert.throws(() => createClient(node.url, { WebSocket, connectTimeoutMs: Number.POSITIVE_INFINITY }), RangeError);
    assert.throws(() => createClient(node.url, { WebSocket, requestTimeoutMs: 2 ** 31 }), RangeError);
    assert.throws(() => createClient(node.url, { WebSocket, reconnect: { maxDelayMs: Number.POSITIVE_INFINITY } }), RangeError);
    assert.throws(() => createClient(node.url, { WebSocket, reconnect: { jitter: 3 } }), RangeError);
    if (typeof (globalThis as { WebSocket?: unknown }).WebSocket === "undefined") {
      assert.throws(() => createClient(node.url), /pass \{ WebSocket \}/);
    }
  });

  it("entity() refuses names that cannot be sent", () => {
    assert.throws(() => client.entity("", "k"), TypeError);
    assert.throws(() => client.entity("cart", 3 as unknown as string), TypeError);
  });
});
