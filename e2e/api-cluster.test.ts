/**
 * SPEC §5 and §6 through the client API of real `npm start` processes: three replicas
 * (server/main.ts, level data dirs) running the example services plus a majority-write fixture
 * (LATTICE_FUNCTIONS), meshed through fault-injecting proxies (support/server-cluster.ts).
 *
 * - a change made over HTTP on A reaches a /v1/ws subscription on B (counter and cart);
 * - presence: a `connect` stream on A shows the user online in `monitor` streams and reads on B
 *   and C, and closing the client's socket on A takes the user offline everywhere;
 * - a `majority` command on a replica cut off from both others answers 504
 *   `replication_timeout`, keeps its write, and the write reaches every replica after the heal;
 * - presence: a replica SIGKILLed with a user connected stops counting once the others mark it
 *   down, and their `monitor` streams push offline with no change to the entity (runs last: A
 *   stays dead).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { MAJORITY_TIMEOUT_MS } from "./fixtures/majority.js";
import { waitFor } from "./support/cluster.js";
import type { HttpResult } from "./support/server-cluster.js";
import { EXAMPLES_PATH, ServerCluster, fixturePath, httpJson } from "./support/server-cluster.js";
import { canIdentifySources } from "./support/tcp-proxy.js";
import { WsClient } from "./support/ws-client.js";

const A = 0;
const B = 1;
const C = 2;
const PEER_TIMEOUT_MS = 1500;
/** A pushed change reaches the other replicas' subscribers within this (normally: milliseconds). */
const PROPAGATION_BOUND_MS = 5000;
/** After a heal, reconnection (backoff) plus anti-entropy (every 5 s) converge within this. */
const CONVERGENCE_BOUND_MS = 20_000;

type Presence = { online: boolean; replicas: number };

describe("client API across three replica processes", { timeout: 60_000 }, () => {
  let cluster: ServerCluster;
  const clients: WsClient[] = [];
  const open = async (i: number): Promise<WsClient> => {
    const c = await WsClient.open(cluster.wsUrl(i));
    clients.push(c);
    return c;
  };
  const post = (i: number, service: string, key: string, command: string, input: unknown): Promise<HttpResult> =>
    httpJson("POST", `${cluster.httpUrl(i)}/v1/entities/${service}/${encodeURIComponent(key)}/${command}`, input);
  const read = async (i: number, service: string, key: string): Promise<{ state: unknown; version: Record<string, number> }> => {
    const r = await httpJson("GET", `${cluster.httpUrl(i)}/v1/entities/${service}/${encodeURIComponent(key)}`);
    assert.equal(r.status, 200, `GET ${service}/${key} on ${cluster.node(i).name}: ${JSON.stringify(r.body)}`);
    return r.body as { state: unknown; version: Record<string, number> };
  };

  before(async () => {
    cluster = await ServerCluster.start({ size: 3, peerTimeoutMs: PEER_TIMEOUT_MS, functions: [EXAMPLES_PATH, fixturePath("majority")] });
    await cluster.waitConnected();
  });
  after(async () => {
    await Promise.allSettled(clients.map((c) => c.close()));
    await cluster?.close();
  });

  it("a subscription on B sees a counter increment and a cart addItem made over HTTP on A", async (t) => {
    const ws = await open(B);
    const ctr = await ws.subscribe("counter", "api-ctr");
    assert.deepEqual({ ok: ctr.ok, state: ctr.state, version: ctr.version }, { ok: true, state: 0, version: {} });
    const cart = await ws.subscribe("cart", "api-cart");
    assert.deepEqual({ ok: cart.ok, state: cart.state }, { ok: true, state: { items: [] } });

    const t0 = Date.now();
    const inc = await post(A, "counter", "api-ctr", "increment", {});
    assert.deepEqual(inc, { status: 200, body: { result: 1 } });
    const pushed = await ws.waitForPush(ctr.id, (p) => p.state === 1, PROPAGATION_BOUND_MS, "counter api-ctr = 1 on B");
    t.diagnostic(`counter: HTTP on A → push on B in ${Date.now() - t0} ms`);
    assert.deepEqual(pushed.version, { [cluster.node(A).id ?? "?"]: 1 }, "the change is A's");

    const item = { productId: "apple", name: "Apple", quantity: 2 };
    const t1 = Date.now();
    const add = await post(A, "cart", "api-cart", "addItem", item);
    assert.deepEqual(add, { status: 200, body: { result: { items: [item] } } });
    await ws.waitForPush(cart.id, (p) => JSON.stringify(p.state) === JSON.stringify({ items: [item] }), PROPAGATION_BOUND_MS, "the cart on B");
    t.diagnostic(`cart: HTTP on A → push on B in ${Date.now() - t1} ms`);

    // Neither subscription saw anything else (no intermediate or duplicate states).
    assert.deepEqual(ws.pushesOf(ctr.id).map((p) => p.state), [1]);
    assert.equal(ws.pushesOf(cart.id).length, 1);
    // C has both too.
    await waitFor(async () => (await read(C, "counter", "api-ctr")).state === 1 && JSON.stringify((await read(C, "cart", "api-cart")).state) === JSON.stringify({ items: [item] }), {
      timeoutMs: PROPAGATION_BOUND_MS,
      what: "counter and cart on C",
    });
  });

  it("presence: bob connected on A is online on B and C; closing his socket takes him offline everywhere", async (t) => {
    const user = "bob";
    const monB = await open(B);
    const monC = await open(C);
    const subB = await monB.stream("presence", user, "monitor");
    const subC = await monC.stream("presence", user, "monitor");
    assert.equal(subB.ok, true, JSON.stringify(subB));
    assert.equal(subC.ok, true, JSON.stringify(subC));
    const online = (want: boolean) => (p: { message?: unknown }) => (p.message as Presence | undefined)?.online === want;
    await monB.waitForPush(subB.id, online(false), PROPAGATION_BOUND_MS, "monitor on B: offline at first");
    await monC.waitForPush(subC.id, online(false), PROPAGATION_BOUND_MS, "monitor on C: offline at first");

    const bob = await open(A);
    const t0 = Date.now();
    const conn = await bob.stream("presence", user, "connect");
    assert.equal(conn.ok, true, JSON.stringify(conn));
    await Promise.all([
      monB.waitForPush(subB.id, online(true), PROPAGATION_BOUND_MS, "monitor on B: bob online"),
      monC.waitForPush(subC.id, online(true), PROPAGATION_BOUND_MS, "monitor on C: bob online"),
    ]);
    t.diagnostic(`connect on A → online on B and C in ${Date.now() - t0} ms`);
    for (const i of [A, B, C]) assert.deepEqual((await read(i, "presence", user)).state, { online: true, replicas: 1 }, `bob online on ${cluster.node(i).name}`);

    const t1 = Date.now();
    await bob.close();
    await Promise.all([
      monB.waitForPush(subB.id, (p) => online(false)(p) && monB.pushesOf(subB.id).indexOf(p) > 0, PROPAGATION_BOUND_MS, "monitor on B: bob offline again"),
      monC.waitForPush(subC.id, (p) => online(false)(p) && monC.pushesOf(subC.id).indexOf(p) > 0, PROPAGATION_BOUND_MS, "monitor on C: bob offline again"),
    ]);
    t.diagnostic(`socket closed on A → offline on B and C in ${Date.now() - t1} ms`);
    await waitFor(
      async () => {
        for (const i of [A, B, C]) if (JSON.stringify((await read(i, "presence", user)).state) !== JSON.stringify({ online: false, replicas: 0 })) return false;
        return true;
      },
      { timeoutMs: PROPAGATION_BOUND_MS, what: "bob offline on A, B and C" },
    );
    // Each monitor pushed exactly the flips: offline, online, offline.
    assert.deepEqual(monB.pushesOf(subB.id).map((p) => p.message), [{ online: false }, { online: true }, { online: false }]);
    assert.deepEqual(monC.pushesOf(subC.id).map((p) => p.message), [{ online: false }, { online: true }, { online: false }]);
  });

  it(
    "a majority command on a replica cut off from both others answers 504 replication_timeout; after the heal the write is everywhere",
    { skip: canIdentifySources() ? false : "needs /proc to tell which replica dialed a proxy connection" },
    async (t) => {
      const key = "api-majority";
      // Connected: a majority write is acknowledged.
      assert.deepEqual(await post(C, "e2e-majority", key, "increment", null), { status: 200, body: { result: 1 } });
      await waitFor(async () => (await read(A, "e2e-majority", key)).state === 1 && (await read(B, "e2e-majority", key)).state === 1, {
        timeoutMs: PROPAGATION_BOUND_MS,
        what: "the first write on A and B",
      });

      cluster.isolate(C, "drop");
      const t0 = Date.now();
      const cut = await post(C, "e2e-majority", key, "increment", null);
      const elapsed = Date.now() - t0;
      t.diagnostic(`majority write on the cut-off replica answered ${cut.status} after ${elapsed} ms (timeoutMs ${MAJORITY_TIMEOUT_MS})`);
      assert.equal(cut.status, 504, JSON.stringify(cut.body));
      assert.equal((cut.body as { error: { code: string } }).error.code, "replication_timeout");
      assert.ok(elapsed >= MAJORITY_TIMEOUT_MS - 50, `answered only after the timeout (${elapsed} ms)`);
      assert.ok(elapsed < MAJORITY_TIMEOUT_MS + 3000, `answered soon after the timeout (${elapsed} ms)`);

      // The write is not rolled back on C, and nothing leaked to A or B.
      assert.equal((await read(C, "e2e-majority", key)).state, 2);
      assert.equal((await read(A, "e2e-majority", key)).state, 1);
      assert.equal((await read(B, "e2e-majority", key)).state, 1);
      // A and B are still a majority: their majority writes are acknowledged meanwhile.
      assert.deepEqual(await post(A, "e2e-majority", key, "increment", null), { status: 200, body: { result: 2 } });

      cluster.heal();
      const t1 = Date.now();
      await waitFor(
        async () => {
          for (const i of [A, B, C]) if ((await read(i, "e2e-majority", key)).state !== 3) return false;
          return true;
        },
        { timeoutMs: CONVERGENCE_BOUND_MS, what: "3 on every replica after the heal", describe: () => cluster.describe() },
      );
      t.diagnostic(`converged ${Date.now() - t1} ms after the heal`);
      const version = (await read(A, "e2e-majority", key)).version;
      assert.deepEqual(version, { [cluster.node(A).id ?? "?"]: 1, [cluster.node(C).id ?? "?"]: 2 }, "C's timed-out write is kept");
    },
  );

  it("presence: carol connected on A, A is SIGKILLed: once B and C mark A down she is offline there and their monitors push it", async (t) => {
    const user = "carol";
    const monB = await open(B);
    const monC = await open(C);
    const subB = await monB.stream("presence", user, "monitor");
    const subC = await monC.stream("presence", user, "monitor");
    const online = (want: boolean) => (p: { message?: unknown }) => (p.message as Presence | undefined)?.online === want;
    const carol = await open(A);
    assert.equal((await carol.stream("presence", user, "connect")).ok, true);
    await Promise.all([
      monB.waitForPush(subB.id, online(true), PROPAGATION_BOUND_MS, "monitor on B: carol online"),
      monC.waitForPush(subC.id, online(true), PROPAGATION_BOUND_MS, "monitor on C: carol online"),
    ]);

    // A dies without running any onClose: its `true` vote stays in every replica's state, and
    // only the live set (A is no longer a member B and C hear from) changes.
    const t0 = Date.now();
    await cluster.node(A).process?.kill("SIGKILL");
    const bound = PEER_TIMEOUT_MS + PROPAGATION_BOUND_MS;
    await Promise.all([
      monB.waitForPush(subB.id, (p) => online(false)(p) && monB.pushesOf(subB.id).indexOf(p) > 0, bound, "monitor on B: carol offline"),
      monC.waitForPush(subC.id, (p) => online(false)(p) && monC.pushesOf(subC.id).indexOf(p) > 0, bound, "monitor on C: carol offline"),
    ]);
    t.diagnostic(`A killed → offline in B's and C's monitors in ${Date.now() - t0} ms (peer timeout ${PEER_TIMEOUT_MS} ms)`);
    for (const i of [B, C]) assert.deepEqual((await read(i, "presence", user)).state, { online: false, replicas: 0 }, `carol offline on ${cluster.node(i).name}`);
    assert.deepEqual(monB.pushesOf(subB.id).map((p) => p.message), [{ online: false }, { online: true }, { online: false }]);
  });
});
