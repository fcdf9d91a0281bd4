/**
 * The SDK's connection rules against real replicas: reconnecting after the replica drops the
 * socket or restarts (same port, same data), re-subscribing and re-opening streams, calls in
 * flight during a drop (`unknown_outcome`), calls made while disconnected (wait, or
 * `disconnected` after queueTimeoutMs), giving up after maxAttempts, auth refusals (4401, 4403)
 * that stop retrying, and close() leaving nothing running.
 */
import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import type { LatticeNode } from "../server/node.js";
import type { ClientOptions, ConnectionState, EntityView, LatticeClient, LatticeError } from "./index.js";
import { createClient } from "./index.js";
import { dropClientSockets, failure, Gate, openSubscriptions, gates, Inbox, portOf, reach, recordingWebSocket, signToken, startReplica, tempDir, TEST_AUTH_SECRET } from "./test-support/replica.js";

/** Fast retries: these tests are about what happens, not about waiting. */
const FAST = { initialDelayMs: 5, maxDelayMs: 50 } as const;

const teardown: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const t of teardown.splice(0).reverse()) await t();
});

async function replica(opts: Parameters<typeof startReplica>[0] = {}): Promise<LatticeNode> {
  const node = await startReplica(opts);
  teardown.push(() => node.close());
  return node;
}

function client(url: string, options: ClientOptions = {}): { client: LatticeClient; sockets: unknown[]; states: ConnectionState[] } {
  const rec = recordingWebSocket();
  const c = createClient(url, { WebSocket: rec.WebSocket, reconnect: FAST, ...options });
  const states: ConnectionState[] = [c.state];
  c.onState((s) => states.push(s));
  teardown.push(() => c.close());
  return { client: c, sockets: rec.sockets, states };
}

/** Frames the replica refused for going over its frame rate. */
async function frameRefusals(node: LatticeNode): Promise<number> {
  const text = await (await fetch(`${node.url}/metrics`)).text();
  return Number(/^lattice_client_refusals_total\{reason="frame_rate"\} (\d+)/m.exec(text)?.[1] ?? 0);
}

/** Timers and sockets of this process, by kind. */
function handles(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of process.getActiveResourcesInfo()) counts.set(r, (counts.get(r) ?? 0) + 1);
  return counts;
}

describe("client reconnects", () => {
  it("after the replica drops the socket: state goes reconnecting → open, the subscriber gets the current state again, streams reopen", async () => {
    const node = await replica();
    const { client: c, sockets, states } = client(node.url);
    const counter = c.entity("counter", "drop");
    const views = new Inbox<EntityView<number>>();
    counter.subscribe<number>(views.push);
    const opens = new Inbox<true>();
    c.entity("presence", "drop-user").stream("connect", {}, () => undefined, { onOpen: () => opens.push(true) });
    await views.waitFor((v) => v.state === 0);
    await opens.waitFor(() => true);

    assert.equal(dropClientSockets(node), 1);
    await reach(c, "reconnecting");
    await reach(c, "open");
    assert.equal(sockets.length, 2);
    assert.deepEqual(states, ["connecting", "open", "reconnecting", "open"]);
    // resubscribed: the current state again, then changes
    await views.waitFor((v) => v.state === 0, { from: 1 });
    await opens.waitFor(() => true, { from: 1 });
    assert.deepEqual(await c.entity("presence", "drop-user").call("status"), { online: true, replicas: 1 });
    await counter.call("increment", { amount: 4 });
    await views.waitFor((v) => v.state === 4);
  });

  it("after a restart on the same port with the same data: queued calls go out, the subscription resumes with the state", async () => {
    const dir = await tempDir();
    teardown.push(dir.remove);
    let node = await startReplica({ dataDir: dir.path });
    const port = portOf(node);
    const { client: c, states } = client(node.url, { reconnect: { initialDelayMs: 20, maxDelayMs: 200 } });
    const cart = c.entity("cart", "restart");
    await cart.call("addItem", { productId: "p1", name: "Pen", quantity: 1 });
    const views = new Inbox<EntityView>();
    cart.subscribe(views.push);
    await views.waitFor(() => true);

    await node.close();
    await reach(c, "reconnecting");
    // Made while the replica is down: waits for the reconnect instead of failing
    const queued = cart.call("addItem", { productId: "p2", name: "Ink", quantity: 3 });
    const read = cart.get();
    node = await startReplica({ dataDir: dir.path, port });
    teardown.push(() => node.close());

    assert.deepEqual(await queued, {
      items: [
        { productId: "p1", name: "Pen", quantity: 1 },
        { productId: "p2", name: "Ink", quantity: 3 },
      ],
    });
    const readView = (await read) as EntityView<{ items: unknown[] }>;
    assert.ok(readView.state.items.length >= 1, "the read was answered from the restarted replica's data");
    await views.waitFor((v) => JSON.stringify(v.state).includes("Ink"));
    assert.equal(states.at(-1), "open");
    assert.ok(!states.includes("closed"));
  });

  it("a call in flight when the socket drops rejects with unknown_outcome (it may still be applied)", async () => {
    const node = await replica();
    const { client: c } = client(node.url);
    const gate = (gates.current = new Gate());
    const entity = c.entity("gate", "inflight");
    const call = entity.call("wait");
    await gate.entered;
    dropClientSockets(node);
    const err = await failure(call);
    assert.equal(err.code, "unknown_outcome");
    assert.match(err.message, /may or may not have been applied/);
    // Exactly why the outcome is unknown: the replica finishes the command anyway.
    gate.open();
    await reach(c, "open");
    for (let i = 0; i < 100 && (await entity.call("count")) !== 1; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(await entity.call("count"), 1);
  });

  it("a call without a reply within requestTimeoutMs is unknown_outcome, and the silent connection is replaced", async () => {
    const node = await replica();
    const { client: c, sockets, states } = client(node.url, { requestTimeoutMs: 300 });
    const gate = (gates.current = new Gate());
    const call = c.entity("gate", "silent").call("wait");
    await gate.entered;
    const err = await failure(call);
    assert.equal(err.code, "unknown_outcome");
    assert.match(err.message, /no reply within 300 ms/);
    await reach(c, "open");
    assert.equal(sockets.length, 2, "a new socket");
    assert.ok(states.includes("reconnecting"), states.join());
    gate.open();
  });

  it("a read in flight when the socket drops is sent again and answered", async () => {
    const node = await replica();
    const { client: c } = client(node.url);
    await reach(c, "open");
    const read = c.entity("counter", "read-drop").get();
    dropClientSockets(node);
    assert.deepEqual(await read, { state: 0, version: {} });
  });

  it("calls made while disconnected fail with disconnected after queueTimeoutMs; they were never sent", async () => {
    const node = await startReplica();
    const { client: c } = client(node.url, { queueTimeoutMs: 100 });
    await reach(c, "open");
    await node.close();
    await reach(c, "reconnecting");
    const err = await failure(c.entity("counter", "q").call("increment"));
    assert.equal(err.code, "disconnected");
    assert.equal((await failure(c.entity("counter", "q").get())).code, "disconnected");
    assert.equal(c.state, "reconnecting", "still trying");
  });

  it("gives up after maxAttempts: closed with a disconnected error; waiting calls and subscriptions get it", async () => {
    const node = await startReplica();
    const { client: c, sockets } = client(node.url, { reconnect: { ...FAST, maxAttempts: 2 } });
    await reach(c, "open");
    const subErrors = new Inbox<LatticeError>();
    c.entity("counter", "gone").subscribe(() => undefined, { onError: subErrors.push });
    await node.close();
    const waiting = failure(c.entity("counter", "gone").call("increment"));
    await reach(c, "closed");
    assert.equal(sockets.length, 3, "the first socket and two retries");
    assert.equal(c.error?.code, "disconnected");
    assert.equal((await waiting).code, "disconnected");
    assert.equal((await subErrors.waitFor(() => true)).code, "disconnected");
    assert.equal((await failure(c.entity("counter", "gone").call("increment"))).code, "disconnected");
  });

  it("reconnect: false closes on the first drop", async () => {
    const node = await replica();
    const { client: c, sockets } = client(node.url, { reconnect: false });
    await reach(c, "open");
    dropClientSockets(node);
    await reach(c, "closed");
    assert.equal(c.error?.code, "disconnected");
    assert.equal(sockets.length, 1);
  });
});

describe("client auth", () => {
  const env = { LATTICE_AUTH_SECRET: TEST_AUTH_SECRET };

  it("a refused token (4401) closes the client for good with unauthorized, without retrying", async () => {
    const node = await replica({ env });
    const { client: c, sockets, states } = client(node.url, { token: "not-a-jwt" });
    const subErrors = new Inbox<LatticeError>();
    c.entity("counter", "a").subscribe(() => assert.fail("no view"), { onError: subErrors.push });
    const queued = failure(c.entity("counter", "a").call("increment"));
    await reach(c, "closed");
    assert.equal(c.error?.code, "unauthorized");
    // never sent (the connection was not confirmed), so certainly not applied: the refusal itself
    assert.equal((await queued).code, "unauthorized");
    assert.equal((await subErrors.waitFor(() => true)).code, "unauthorized");
    assert.equal((await failure(c.entity("counter", "a").call("increment"))).code, "unauthorized");
    // with 5 ms backoff a retry would have happened by now
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(sockets.length, 1);
    assert.deepEqual(states, ["connecting", "closed"], "never open");
    // Closing it afterwards (a page's teardown) keeps the reason it closed for.
    await c.close();
    assert.equal(c.error?.code, "unauthorized");
    assert.equal((await failure(c.entity("counter", "a").call("increment"))).code, "unauthorized");
  });

  it("a valid token is sent as ?token= and a token function is asked on every connection attempt", async () => {
    const node = await replica({ env });
    const token = await signToken({ sub: "alice" });
    let asked = 0;
    const rec = recordingWebSocket();
    const c = createClient(node.url, {
      WebSocket: rec.WebSocket,
      reconnect: FAST,
      token: async () => {
        asked++;
        return token;
      },
    });
    teardown.push(() => c.close());
    assert.equal(await c.entity("counter", "auth").call("increment"), 1);
    assert.ok(rec.urls[0]?.endsWith(`/v1/ws?token=${token}`));
    dropClientSockets(node);
    await reach(c, "reconnecting");
    await reach(c, "open");
    assert.equal(asked, 2);
    assert.equal(await c.entity("counter", "auth").call("increment"), 2);
  });

  // exp 4 s ago is still accepted under the replica's 5 s clock tolerance, for at most a second.
  const expiringSoon = (): Promise<string> => signToken({ sub: "alice" }, { expiresInSec: -4 });

  it("with a token function, a connection closed 4401 because its token expired reconnects with a fresh token and resubscribes", async () => {
    const node = await replica({ env });
    const fresh = await signToken({ sub: "alice" });
    const first = await expiringSoon();
    let asked = 0;
    const { client: c, states } = client(node.url, {
      token: () => {
        asked++;
        return asked === 1 ? first : fresh;
      },
    });
    const views = new Inbox<EntityView<number>>();
    c.entity("counter", "expiry").subscribe(views.push);
    await views.waitFor((v) => v.state === 0);
    // the replica closes the socket with 4401 once the first token expires
    await reach(c, "reconnecting");
    await reach(c, "open");
    assert.equal(asked, 2);
    assert.equal(c.error, undefined);
    assert.equal(await c.entity("counter", "expiry").call("increment"), 1);
    await views.waitFor((v) => v.state === 1);
    assert.deepEqual(states, ["connecting", "open", "reconnecting", "open"]);
  });

  it("with a token function that keeps returning the expired token, the refused reconnect closes the client with unauthorized", async () => {
    const node = await replica({ env });
    const stale = await expiringSoon();
    let asked = 0;
    const { client: c, states } = client(node.url, {
      token: () => {
        asked++;
        return stale;
      },
    });
    assert.equal(await c.entity("counter", "stale").call("increment"), 1);
    await reach(c, "closed");
    assert.equal(c.error?.code, "unauthorized");
    assert.equal(asked, 2, "one retry with whatever the function returned, then final");
    assert.deepEqual(states, ["connecting", "open", "reconnecting", "closed"]);
  });

  it("a refused origin (4403) closes the client for good with forbidden", async () => {
    const node = await replica({ env: { LATTICE_WS_ORIGINS: "https://app.example.com" } });
    const rec = recordingWebSocket({ origin: "https://evil.example.com" });
    const c = createClient(node.url, { WebSocket: rec.WebSocket, reconnect: FAST });
    teardown.push(() => c.close());
    await reach(c, "closed");
    assert.equal(c.error?.code, "forbidden");
    assert.equal(rec.sockets.length, 1);
  });
});

describe("client close", () => {
  it("while open: calls in flight get unknown_outcome, streams stop, the socket closes, and no timer or socket is left", async () => {
    const node = await replica();
    const before = handles();
    const { client: c } = client(node.url);
    const gate = (gates.current = new Gate());
    teardown.push(async () => gate.open());
    c.entity("counter", "close").subscribe(() => undefined);
    c.entity("presence", "close-user").stream("connect", {}, () => undefined);
    const inflight = failure(c.entity("gate", "close").call("wait"));
    await gate.entered;
    await c.close();
    assert.equal(c.state, "closed");
    assert.equal(c.error, undefined);
    assert.equal((await inflight).code, "unknown_outcome");
    assert.equal((await failure(c.entity("counter", "close").call("increment"))).code, "closed");
    await settledTo(before);
  });

  it("while reconnecting: the retry timer and queued calls' timers are cleared, queued calls fail with closed", async () => {
    const node = await startReplica();
    const before = handles();
    const { client: c } = client(node.url, { reconnect: { initialDelayMs: 60_000, maxDelayMs: 60_000 } });
    await reach(c, "open");
    await node.close();
    await reach(c, "reconnecting");
    const queued = failure(c.entity("counter", "x").call("increment"));
    await c.close();
    assert.equal((await queued).code, "closed");
    await settledTo(before);
  });
});

/** Waits until the process holds no more timers or sockets than `before` (the server side of a closed socket goes a moment later). */
async function settledTo(before: Map<string, number>): Promise<void> {
  let extra: string[] = [];
  for (let i = 0; i < 200; i++) {
    const now = handles();
    extra = [...now].filter(([kind, count]) => count > (before.get(kind) ?? 0)).map(([kind, count]) => `${kind}: ${before.get(kind) ?? 0} → ${count}`);
    if (extra.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`handles left after close: ${extra.join(", ")}`);
}

describe("client within the replica's limits", () => {
  it("keeps at most maxInFlight requests outstanding, so a burst of calls is queued instead of refused", async () => {
    const node = await replica({ env: { LATTICE_LIMITS: "maxInFlight=4" } });
    const { client: c } = client(node.url, { maxInFlight: 4 });
    const counter = c.entity("counter", "burst");
    const results = await Promise.all(Array.from({ length: 30 }, () => counter.call("increment")));
    assert.deepEqual(
      [...results].sort((a, b) => (a as number) - (b as number)),
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
  });

  it("paces frames to maxFramesPerSecond: many subscriptions open, and reopen after a drop, without refusals", async () => {
    const node = await replica({ env: { LATTICE_LIMITS: "maxFramesPerSecond=20" } });
    const { client: c, states } = client(node.url, { maxFramesPerSecond: 20 });
    const views = new Inbox<string>();
    const errors = new Inbox<LatticeError>();
    for (let i = 0; i < 30; i++) c.entity("counter", `paced-${i}`).subscribe(() => views.push(`paced-${i}`), { onError: errors.push });
    await views.waitFor(() => new Set(views.items).size === 30);
    dropClientSockets(node);
    await reach(c, "reconnecting");
    await views.waitFor(() => views.items.length === 60);
    assert.equal(new Set(views.items.slice(30)).size, 30, "every subscription reopened");
    assert.deepEqual(errors.items, []);
    assert.equal(await frameRefusals(node), 0);
    assert.deepEqual(states, ["connecting", "open", "reconnecting", "open"]);
  });

  it("a subscribe the replica refuses with rate_limited is tried again, not given up", async () => {
    const node = await replica({ env: { LATTICE_LIMITS: "maxFramesPerSecond=20" } });
    // The client assumes the default budget (200/s): a third of these are refused at first.
    const { client: c, states } = client(node.url, { rateLimitRetryMs: 200 });
    const views = new Inbox<string>();
    const errors = new Inbox<LatticeError>();
    for (let i = 0; i < 30; i++) c.entity("counter", `held-${i}`).subscribe(() => views.push(`held-${i}`), { onError: errors.push });
    await views.waitFor(() => new Set(views.items).size === 30);
    assert.deepEqual(errors.items, []);
    assert.ok((await frameRefusals(node)) > 0, "the replica did refuse some at first");
    assert.deepEqual(states, ["connecting", "open"]);
  });

  it("an unsubscribe the replica refuses with rate_limited is sent again, so nothing stays open on the replica", async () => {
    const node = await replica({ env: { LATTICE_LIMITS: "maxFramesPerSecond=20" } });
    const { client: c } = client(node.url, { rateLimitRetryMs: 200 });
    const views = new Inbox<string>();
    const stops = Array.from({ length: 30 }, (_, i) => c.entity("counter", `cancel-${i}`).subscribe(() => views.push(`cancel-${i}`)));
    await views.waitFor(() => new Set(views.items).size === 30);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the replica's frame budget refills
    const refusedBefore = await frameRefusals(node);
    for (const stop of stops) stop();
    for (let i = 0; i < 100 && (await openSubscriptions(node)) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(await openSubscriptions(node), 0);
    assert.ok((await frameRefusals(node)) > refusedBefore, "the replica did refuse some cancels at first");
  });
});
