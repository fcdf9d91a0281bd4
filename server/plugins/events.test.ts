import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { waitFor } from "../../replica/test-support/helpers.js";
import type { LatticeNode } from "../node.js";
import { SseReader, startTestNode } from "../test-support/harness.js";

let node: LatticeNode;
before(async () => {
  node = await startTestNode({ limits: { sseHeartbeatMs: 50 } });
});
after(async () => {
  await node.close();
});

async function post(path: string, body?: string): Promise<void> {
  const r = await node.app.inject({ method: "POST", url: path, ...(body !== undefined ? { payload: body, headers: { "content-type": "application/json" } } : {}) });
  assert.equal(r.statusCode, 200, r.body);
}

async function pins(service: string, key: string): Promise<number> {
  return (await node.replica.read({ service, key }))?.pins ?? 0;
}

async function sseGauge(n: LatticeNode = node): Promise<number> {
  const text = (await n.app.inject({ method: "GET", url: "/metrics" })).body;
  return Number(/^lattice_client_subscriptions\{transport="sse"\} (\d+)/m.exec(text)?.[1]);
}

describe("GET /v1/entities/{service}/{key}/events", () => {
  it("sends the state now and after every change, with SSE headers", async () => {
    await post("/v1/entities/counter/e1/increment", "2");
    const sse = await SseReader.open(`${node.url}/v1/entities/counter/e1/events`, { origin: "https://app.example.com" });
    try {
      assert.equal(sse.res.statusCode, 200);
      assert.match(String(sse.res.headers["content-type"]), /^text\/event-stream/);
      assert.match(String(sse.res.headers["cache-control"]), /no-cache/);
      assert.equal(sse.res.headers["access-control-allow-origin"], "*", "CORS headers go out with the stream");
      const [first] = await sse.waitForEvents(1);
      assert.deepEqual(first, { event: "state", data: JSON.stringify({ state: 2, version: { [node.replica.id]: 1 } }) });
      await post("/v1/entities/counter/e1/increment", "3");
      await post("/v1/entities/counter/e1/increment", "1");
      const events = await sse.waitForEvents(3);
      assert.deepEqual(
        events.map((e) => [e.event, (JSON.parse(e.data) as { state: number }).state]),
        [
          ["state", 2],
          ["state", 5],
          ["state", 6],
        ],
      );
      assert.deepEqual(JSON.parse(events[2]?.data ?? ""), { state: 6, version: { [node.replica.id]: 3 } });
    } finally {
      sse.close();
    }
  });

  it("sends heartbeat comments", async () => {
    const sse = await SseReader.open(`${node.url}/v1/entities/counter/hb/events`);
    try {
      await waitFor("two heartbeats", () => sse.comments.length >= 2, 5000);
      assert.ok(sse.comments.every((c) => c.startsWith(":")));
      assert.equal(sse.events.length, 1, "heartbeats are not events");
    } finally {
      sse.close();
    }
  });

  it("stops the subscription and unpins the entity when the client disconnects", async () => {
    await waitFor("earlier streams released", async () => (await sseGauge()) === 0);
    const before = 0;
    const sse = await SseReader.open(`${node.url}/v1/entities/cart/e2/events`);
    await sse.waitForEvents(1);
    assert.equal(await pins("cart", "e2"), 1);
    assert.equal(await sseGauge(), before + 1);
    sse.close();
    await waitFor("unpinned", async () => (await pins("cart", "e2")) === 0);
    await waitFor("gauge back", async () => (await sseGauge()) === before);
    // Changes after the disconnect go nowhere and break nothing.
    await post("/v1/entities/cart/e2/addItem", JSON.stringify({ item: "pear", qty: 1 }));
  });

  it("answers refusals before the stream starts as JSON errors", async () => {
    const cases: [string, number, string][] = [
      ["/v1/entities/nope/k/events", 404, "unknown_service"],
      [`/v1/entities/counter/${"k".repeat(600)}/events`, 400, "invalid_input"],
      ["/v1/entities/counter/%FF/events", 400, "invalid_input"],
    ];
    for (const [path, status, code] of cases) {
      const sse = await SseReader.open(`${node.url}${path}`);
      assert.equal(sse.res.statusCode, status, path);
      assert.match(String(sse.res.headers["content-type"]), /^application\/json/);
      assert.equal((JSON.parse(await sse.text()) as { error: { code: string } }).error.code, code);
    }
    await post("/v1/entities/counter/e3/remove");
    const gone = await SseReader.open(`${node.url}/v1/entities/counter/e3/events`);
    assert.equal(gone.res.statusCode, 410);
    assert.equal((JSON.parse(await gone.text()) as { error: { code: string } }).error.code, "entity_deleted");
  });

  it("sends event: error and ends the stream when the entity is deleted", async () => {
    const sse = await SseReader.open(`${node.url}/v1/entities/counter/e4/events`);
    await sse.waitForEvents(1);
    await post("/v1/entities/counter/e4/remove");
    await sse.waitForEnd();
    const last = sse.events.at(-1);
    assert.equal(last?.event, "error");
    assert.equal((JSON.parse(last?.data ?? "") as { error: { code: string } }).error.code, "entity_deleted");
    await waitFor("unpinned", async () => (await pins("counter", "e4")) === 0);
  });

  it("ends open streams on shutdown without holding it up", async () => {
    const n = await startTestNode();
    const sse = await SseReader.open(`${n.url}/v1/entities/counter/x/events`);
    await sse.waitForEvents(1);
    const started = Date.now();
    await n.close();
    await sse.waitForEnd();
    assert.ok(Date.now() - started < 5000);
  });
});
