import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { defineService } from "../../functions/define-service.js";
import { waitFor } from "../../replica/test-support/helpers.js";
import type { LatticeNode } from "../node.js";
import { startTestNode } from "../test-support/harness.js";
import { ALL_SERVICES } from "../test-support/services.js";

let node: LatticeNode;
before(async () => {
  node = await startTestNode();
});
after(async () => {
  await node.close();
});

interface Res {
  status: number;
  body: unknown;
  headers: Record<string, unknown>;
}

async function post(path: string, payload?: string | Buffer, contentType: string | null = "application/json"): Promise<Res> {
  const r = await node.app.inject({
    method: "POST",
    url: path,
    headers: contentType === null ? {} : { "content-type": contentType },
    ...(payload !== undefined ? { payload } : {}),
  });
  return { status: r.statusCode, body: r.body === "" ? undefined : (JSON.parse(r.body) as unknown), headers: r.headers };
}

async function get(path: string): Promise<Res> {
  const r = await node.app.inject({ method: "GET", url: path });
  return { status: r.statusCode, body: JSON.parse(r.body) as unknown, headers: r.headers };
}

function assertError(res: Res, status: number, code: string, message?: RegExp): void {
  assert.equal(res.status, status, JSON.stringify(res.body));
  const body = res.body as { error: { code: string; message: string } };
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, "string");
  if (message) assert.match(body.error.message, message);
  assert.deepEqual(Object.keys(res.body as object), ["error"]);
  assert.match(String(res.headers["content-type"]), /^application\/json/);
}

/** The state of an entity, for "changed nothing" checks. */
async function stateOf(service: string, key: string): Promise<unknown> {
  const r = await get(`/v1/entities/${service}/${encodeURIComponent(key)}`);
  assert.equal(r.status, 200);
  return (r.body as { state: unknown }).state;
}

describe("POST /v1/entities/{service}/{key}/{command}", () => {
  it("runs the command and answers 200 {result}", async () => {
    assert.deepEqual((await post("/v1/entities/counter/c1/increment", "3")).body, { result: 3 });
    const r = await post("/v1/entities/counter/c1/increment", "2");
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { result: 5 });
    assert.match(String(r.headers["content-type"]), /^application\/json/);
  });

  it("treats an empty body, with or without a content type, as the input null", async () => {
    assert.deepEqual((await post("/v1/entities/counter/empty/echo", "")).body, { result: null });
    assert.deepEqual((await post("/v1/entities/counter/empty/echo", undefined, null)).body, { result: null });
    assert.deepEqual((await post("/v1/entities/counter/empty/increment", undefined, null)).body, { result: 1 });
  });

  it("passes any JSON input through unchanged, including unicode and __proto__ keys", async () => {
    const input = { a: [1, "é", { b: null }], "🙂": true, __proto__: { x: 1 }, n: -0.5 };
    const text = JSON.stringify(input).replace('"n"', '"__proto__":{"y":2},"n"');
    const r = await post("/v1/entities/counter/echo/echo", text);
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.stringify((r.body as { result: unknown }).result), JSON.stringify(JSON.parse(text)));
  });

  it("validates input against the command's schema strictly (no coercion)", async () => {
    const r = await post("/v1/entities/cart/u1/addItem", JSON.stringify({ item: "apple", qty: 2 }));
    assert.deepEqual(r.body, { result: { apple: 2 } });
    for (const bad of [{ item: "apple", qty: "2" }, { item: "apple" }, { item: "", qty: 1 }, { item: "apple", qty: 1, extra: true }, [1], "apple", null]) {
      const res = await post("/v1/entities/cart/u1/addItem", JSON.stringify(bad));
      assertError(res, 400, "invalid_input", /input/);
      assert.ok((res.body as { error: { detail?: unknown } }).error.detail !== undefined, "schema errors carry a detail");
    }
    // A JSON number in a string is not coerced for an integer input either.
    assertError(await post("/v1/entities/counter/u1/increment", '"3"'), 400, "invalid_input");
    assert.deepEqual(await stateOf("cart", "u1"), { apple: 2 });
    assert.equal(await stateOf("counter", "u1"), 0);
  });

  it("percent-decodes service, key and command segments", async () => {
    const key = "a/b c?é#%";
    await post(`/v1/entities/counter/${encodeURIComponent(key)}/increment`, "7");
    assert.equal(await stateOf("counter", key), 7);
    // A differently encoded path to the same key reaches the same entity.
    assert.deepEqual((await post(`/v1/entities/%63ounter/${encodeURIComponent(key)}/%67et`, "")).body, { result: 7 });
    assert.equal(await stateOf("counter", "a"), 0);
  });

  it("refuses malformed bodies with invalid_input and changes nothing", async () => {
    const path = "/v1/entities/counter/bad/increment";
    const cases: [string, string | Buffer, string | null, RegExp][] = [
      ["malformed JSON", "{nope", "application/json", /not valid JSON/],
      ["trailing garbage", "1 2", "application/json", /not valid JSON/],
      ["invalid UTF-8", Buffer.from([0x22, 0xff, 0xfe, 0x22]), "application/json", /UTF-8/],
      ["overlong UTF-8", Buffer.from([0x22, 0xc0, 0xaf, 0x22]), "application/json", /UTF-8/],
      ["lone surrogate bytes", Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]), "application/json", /UTF-8/],
      ["a latin1 charset", "1", "application/json; charset=latin1", /UTF-8/],
      ["text/plain", "1", "text/plain", /application\/json/],
      ["a form", "a=1", "application/x-www-form-urlencoded", /application\/json/],
      ["no content type with a body", "1", null, /application\/json/],
      ["10,000 levels of arrays", `${"[".repeat(10_000)}${"]".repeat(10_000)}`, "application/json", /deeper than 64/],
      ["10,000 levels of objects", `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`, "application/json", /deeper than 64/],
      ["a wrong type", "true", "application/json", /input/],
      ["an unsafe integer", "9007199254740993", "application/json", /./],
    ];
    for (const [what, payload, type, message] of cases) {
      const r = await post(path, payload, type);
      assert.equal(r.status, 400, `${what}: ${JSON.stringify(r.body)}`);
      assertError(r, 400, "invalid_input", message);
    }
    assert.equal(await stateOf("counter", "bad"), 0);
    assert.deepEqual((await post(path, "1")).body, { result: 1 }, "the server still works");
  });

  it("accepts a charset=utf-8 parameter", async () => {
    assert.deepEqual((await post("/v1/entities/counter/cs/increment", "4", "application/json; charset=UTF-8")).body, { result: 4 });
  });

  it("refuses a body over the limit with payload_too_large (413)", async () => {
    const big = JSON.stringify("x".repeat(node.limits.maxBodyBytes));
    assertError(await post("/v1/entities/counter/big/echo", big), 413, "payload_too_large");
    // Over the limit without a Content-Length too (chunked), through a real socket.
    const init: RequestInit & { duplex: "half" } = {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode(big));
          c.close();
        },
      }),
      duplex: "half",
    };
    const res = await fetch(`${node.url}/v1/entities/counter/big/echo`, init);
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, "payload_too_large");
    assert.deepEqual((await post("/v1/entities/counter/big/increment", "1")).body, { result: 1 });
  });

  it("answers unknown_service and unknown_command with 404", async () => {
    assertError(await post("/v1/entities/nope/k/get", ""), 404, "unknown_service", /nope/);
    assertError(await post("/v1/entities/counter/k/nope", ""), 404, "unknown_command", /nope/);
    // A stream name is not a command.
    assertError(await post("/v1/entities/presence/k/connect", ""), 404, "unknown_command");
  });

  it("answers ctx.fail with failed (422) and its detail; nothing changes", async () => {
    const r = await post("/v1/entities/failing/f/refuse", "");
    assertError(r, 422, "failed", /out of stock/);
    assert.deepEqual((r.body as { error: { detail: unknown } }).error.detail, { sku: "apple", left: 0 });
    assert.equal(await stateOf("failing", "f"), 0);
  });

  it("answers a throwing handler with function_error (500); nothing changes", async () => {
    assertError(await post("/v1/entities/failing/f2/crash", ""), 500, "function_error", /kaboom/);
    assert.equal(await stateOf("failing", "f2"), 0);
    assert.deepEqual((await post("/v1/entities/failing/f2/get", "")).body, { result: 0 });
  });

  it("refuses keys that are empty or over 512 bytes with invalid_input", async () => {
    assertError(await post("/v1/entities/counter//increment", ""), 400, "invalid_input");
    const long = "é".repeat(257); // 514 bytes
    assertError(await post(`/v1/entities/counter/${encodeURIComponent(long)}/increment`, ""), 400, "invalid_input", /512/);
    const longer = "x".repeat(5000);
    assertError(await post(`/v1/entities/counter/${longer}/increment`, ""), 400, "invalid_input");
    assert.deepEqual((await post(`/v1/entities/counter/${encodeURIComponent("é".repeat(256))}/increment`, "")).body, { result: 1 });
  });

  it("refuses invalid percent-encoding and non-UTF-8 path segments with invalid_input", async () => {
    for (const path of ["/v1/entities/counter/%FF/increment", "/v1/entities/counter/%E0%A4%A/increment", "/v1/entities/counter/%/increment"]) {
      assertError(await post(path, ""), 400, "invalid_input");
    }
  });

  it("answers entity_deleted (410) after ctx.delete(), for commands and reads", async () => {
    await post("/v1/entities/counter/gone/increment", "1");
    assert.deepEqual((await post("/v1/entities/counter/gone/remove", "")).body, { result: "deleted" });
    assertError(await post("/v1/entities/counter/gone/increment", "1"), 410, "entity_deleted");
    assertError(await get("/v1/entities/counter/gone"), 410, "entity_deleted");
  });
});

describe("GET /v1/entities/{service}/{key}", () => {
  it("answers {state, version} without running a function", async () => {
    await post("/v1/entities/counter/g1/increment", "2");
    await post("/v1/entities/counter/g1/increment", "3");
    const r = await get("/v1/entities/counter/g1");
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { state: 5, version: { [node.replica.id]: 2 } });
  });

  it("answers the empty value and an empty version for an entity never written", async () => {
    assert.deepEqual((await get("/v1/entities/cart/never")).body, { state: {}, version: {} });
    assert.deepEqual((await get("/v1/entities/counter/never")).body, { state: 0, version: {} });
  });

  it("answers unknown_service (404) and invalid_input for a bad key", async () => {
    assertError(await get("/v1/entities/nope/k"), 404, "unknown_service");
    assertError(await get(`/v1/entities/counter/${"k".repeat(600)}`), 400, "invalid_input");
  });
});

describe("GET /v1/services", () => {
  it("lists every service with its type, commands and streams", async () => {
    const r = await get("/v1/services");
    assert.equal(r.status, 200);
    const services = (r.body as { services: { name: string; type: string; commands: string[]; streams: string[] }[] }).services;
    assert.deepEqual(
      services.map((s) => s.name),
      ALL_SERVICES.map((s) => s.name),
    );
    assert.deepEqual(services.find((s) => s.name === "presence"), {
      name: "presence",
      type: "pncounter",
      commands: ["online", "bump"],
      streams: ["connect", "untilThree", "immediate", "mutateOnChange"],
    });
  });

  it("is an empty list on a node without services", async () => {
    const empty = await startTestNode({ services: [] });
    try {
      const r = await empty.app.inject({ method: "GET", url: "/v1/services" });
      assert.deepEqual(JSON.parse(r.body), { services: [] });
    } finally {
      await empty.close();
    }
  });
});

describe("errors outside the routes", () => {
  it("answers unknown routes and methods with the catalogue body (unknown_command, 404)", async () => {
    for (const [method, url] of [
      ["GET", "/nope"],
      ["DELETE", "/v1/entities/counter/k"],
      ["GET", "/v1/entities/counter/k/increment"],
      ["POST", "/v1/entities/counter/k"],
      ["POST", "/v1/entities/counter/k/increment/extra"],
    ] as const) {
      const r = await node.app.inject({ method, url });
      assertError({ status: r.statusCode, body: JSON.parse(r.body), headers: r.headers }, 404, "unknown_command");
    }
  });

  it("answers replication_timeout (504) when an `all` write is not acknowledged in time, and keeps the write", async () => {
    const waits = defineService({
      name: "waits",
      type: "gcounter",
      timeoutMs: 150,
      commands: {
        increment: {
          consistency: "all",
          handler: (state) => {
            state.increment(1);
            return state.value;
          },
        },
      },
    });
    // A peer that was a member and is gone: "all" cannot be acknowledged.
    const fast = { heartbeatMs: 50, peerTimeoutMs: 1000, reconnectMinMs: 20, reconnectMaxMs: 200, handshakeTimeoutMs: 500 };
    const a = await startTestNode({ services: [waits], replicaOptions: fast });
    const b = await startTestNode({ services: [waits], replicaOptions: fast, env: { LATTICE_PEERS: a.url.replace(/^http/, "ws") } });
    try {
      await waitFor("peers connected", () => a.cluster.status().some((p) => p.connected));
      await b.close();
      const r = await a.app.inject({ method: "POST", url: "/v1/entities/waits/k/increment" });
      const body = JSON.parse(r.body) as { error: { code: string } };
      assert.equal(r.statusCode, 504, r.body);
      assert.equal(body.error.code, "replication_timeout");
      const view = await a.app.inject({ method: "GET", url: "/v1/entities/waits/k" });
      assert.equal((JSON.parse(view.body) as { state: number }).state, 1, "the write stays");
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("answers unavailable (503) with the catalogue body while shutting down", async () => {
    const n = await startTestNode();
    // A second listener routing into the same app, which keeps accepting while the app's own
    // server stops: requests it routes during the shutdown meet the app in its closing state.
    const side = createServer((req, res) => n.app.routing(req, res));
    await new Promise<void>((resolve) => side.listen(0, "127.0.0.1", resolve));
    const sideUrl = `http://127.0.0.1:${(side.address() as AddressInfo).port}`;
    try {
      const slow = fetch(`${n.url}/v1/entities/counter/s/slow`, { method: "POST" });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const closing = n.close();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const r = await fetch(`${sideUrl}/v1/services`);
      assert.equal(r.status, 503);
      assert.deepEqual(await r.json(), { error: { code: "unavailable", message: "the replica is shutting down" } });
      assert.equal(r.headers.get("connection"), "close");
      assert.equal((await slow).status, 200, "requests in progress finish");
      await closing;
    } finally {
      side.closeAllConnections();
      await new Promise((resolve) => side.close(resolve));
    }
  });

  it("shuts down without waiting for keep-alive connections that were busy", async () => {
    const n = await startTestNode();
    const slow = fetch(`${n.url}/v1/entities/counter/s/slow`, { method: "POST" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await Promise.all([n.close(), slow.then((r) => r.text())]);
    assert.ok(Date.now() - started < 5000, `close took ${Date.now() - started} ms`);
  });
});
