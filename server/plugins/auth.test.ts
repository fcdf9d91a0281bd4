import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { redactToken } from "../api/auth.js";
import type { LatticeNode } from "../node.js";
import { SseReader, signToken, startTestNode, TEST_AUTH_SECRET, TestSocket, wsUrl } from "../test-support/harness.js";

let node: LatticeNode;
let user: string;
let admin: string;
before(async () => {
  node = await startTestNode({ env: { LATTICE_AUTH_SECRET: TEST_AUTH_SECRET }, authClockToleranceSec: 0 });
  user = await signToken({ sub: "alice", role: "user" });
  admin = await signToken({ sub: "root", role: "admin" });
});
after(async () => {
  await node.close();
});

async function inject(method: "GET" | "POST", url: string, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await node.app.inject({ method, url, headers: token === undefined ? {} : { authorization: token } });
  return { status: r.statusCode, body: JSON.parse(r.body) as Record<string, unknown> };
}

function codeOf(body: Record<string, unknown>): string | undefined {
  return (body.error as { code?: string } | undefined)?.code;
}

/** Tokens that must all be refused, with why. */
async function badTokens(): Promise<[string, string][]> {
  return [
    ["signed with another secret", await signToken({ sub: "x" }, { secret: "another-secret-another-secret-another" })],
    ["expired", await signToken({ sub: "x" }, { expiresInSec: -60 })],
    ["HS512 instead of HS256", await signToken({ sub: "x" }, { alg: "HS512" })],
    ["unsigned (alg none)", `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"sub":"x"}').toString("base64url")}.`],
    ["garbage", "not.a.token"],
  ];
}

describe("auth over HTTP", () => {
  it("never asks for a token on /healthz, /readyz and /metrics", async () => {
    for (const url of ["/healthz", "/readyz", "/metrics"]) {
      const r = await node.app.inject({ method: "GET", url });
      assert.equal(r.statusCode, 200, url);
    }
  });

  it("refuses requests without a valid token with unauthorized (401)", async () => {
    const urls: ["GET" | "POST", string][] = [
      ["POST", "/v1/entities/counter/a/increment"],
      ["GET", "/v1/entities/counter/a"],
      ["GET", "/v1/services"],
      ["GET", "/v1/cluster"],
    ];
    for (const [method, url] of urls) {
      const none = await inject(method, url);
      assert.equal(none.status, 401, url);
      assert.equal(codeOf(none.body), "unauthorized");
      for (const [why, token] of await badTokens()) {
        const r = await inject(method, url, `Bearer ${token}`);
        assert.equal(r.status, 401, `${url} with a token ${why}`);
        assert.equal(codeOf(r.body), "unauthorized");
      }
      assert.equal((await inject(method, url, `Basic ${user}`)).status, 401, "not a Bearer header");
      assert.equal((await inject(method, url, `Bearer ${user}`)).status, 200, url);
    }
    const expired = await inject("GET", "/v1/services", `Bearer ${await signToken({}, { expiresInSec: -60 })}`);
    assert.match((expired.body.error as { message: string }).message, /expired/);
    assert.equal(((await inject("POST", "/v1/entities/counter/a/get")).body.error as { message: string }).message.includes("Bearer"), true);
    assert.equal(((await inject("GET", "/v1/entities/counter/a")).body as { state?: unknown }).state, undefined, "nothing leaks");
  });

  it("does not accept ?token= on plain HTTP requests", async () => {
    const r = await inject("POST", `/v1/entities/counter/a/get?token=${user}`);
    assert.equal(r.status, 401);
    assert.match((r.body.error as { message: string }).message, /Authorization header/);
  });

  it("passes the verified claims to ctx.auth", async () => {
    const r = await inject("POST", "/v1/entities/counter/a/whoami", `Bearer ${user}`);
    assert.equal(r.status, 200);
    const claims = r.body.result as Record<string, unknown>;
    assert.equal(claims.sub, "alice");
    assert.equal(claims.role, "user");
    assert.equal(typeof claims.exp, "number");
  });

  it("answers an authorize refusal with forbidden (403)", async () => {
    const r = await inject("POST", "/v1/entities/guarded/a/increment", `Bearer ${user}`);
    assert.equal(r.status, 403);
    assert.equal(codeOf(r.body), "forbidden");
    assert.deepEqual((await inject("POST", "/v1/entities/guarded/a/increment", `Bearer ${admin}`)).body, { result: 1 });
  });
});

describe("auth over SSE", () => {
  it("needs a token, in the Authorization header or ?token=", async () => {
    const none = await SseReader.open(`${node.url}/v1/entities/counter/s/events`);
    assert.equal(none.res.statusCode, 401);
    assert.equal((JSON.parse(await none.text()) as { error: { code: string } }).error.code, "unauthorized");
    const bad = await SseReader.open(`${node.url}/v1/entities/counter/s/events?token=nope`);
    assert.equal(bad.res.statusCode, 401);
    await bad.text();
    for (const sse of [
      await SseReader.open(`${node.url}/v1/entities/counter/s/events?token=${user}`),
      await SseReader.open(`${node.url}/v1/entities/counter/s/events`, { authorization: `Bearer ${user}` }),
    ]) {
      assert.equal(sse.res.statusCode, 200);
      assert.equal((await sse.waitForEvents(1))[0]?.event, "state");
      sse.close();
    }
  });

  it("ends the stream with event: error when the token expires", async () => {
    // exp has whole-second granularity: 2 s from now expires between 1 and 2 s from now.
    const soon = await signToken({ sub: "x" }, { expiresInSec: 2 });
    const sse = await SseReader.open(`${node.url}/v1/entities/counter/s2/events?token=${soon}`);
    assert.equal(sse.res.statusCode, 200);
    await sse.waitForEnd(5000);
    const last = sse.events.at(-1);
    assert.equal(last?.event, "error");
    assert.equal((JSON.parse(last?.data ?? "") as { error: { code: string } }).error.code, "unauthorized");
  });
});

describe("auth over WebSocket", () => {
  it("accepts the upgrade and closes with 4401 without a valid token", async () => {
    const none = await TestSocket.open(wsUrl(node));
    assert.equal((await none.closed).code, 4401);
    for (const [why, token] of await badTokens()) {
      const s = await TestSocket.open(`${wsUrl(node)}?token=${encodeURIComponent(token)}`);
      assert.equal((await s.closed).code, 4401, why);
    }
    const header = await TestSocket.open(wsUrl(node), { authorization: "Bearer nope" });
    assert.equal((await header.closed).code, 4401);
  });

  it("accepts ?token= and the Authorization header, and passes the claims to ctx.auth", async () => {
    for (const s of [await TestSocket.open(`${wsUrl(node)}?token=${user}`), await TestSocket.open(wsUrl(node), { authorization: `Bearer ${user}` })]) {
      const r = await s.request({ id: 1, op: "call", service: "counter", key: "w", command: "whoami" });
      assert.equal((r.result as { sub: string }).sub, "alice");
      s.close();
    }
  });

  it("answers authorize refusals with forbidden error frames; reads need no authorize", async () => {
    const s = await TestSocket.open(`${wsUrl(node)}?token=${user}`);
    try {
      const call = await s.request({ id: 1, op: "call", service: "guarded", key: "w", command: "increment" });
      assert.equal((call.error as { code: string }).code, "forbidden");
      const stream = await s.request({ id: 2, op: "stream", service: "guarded", key: "w", stream: "watch" });
      assert.equal((stream.error as { code: string }).code, "forbidden");
      assert.equal((await s.request({ id: 3, op: "subscribe", service: "guarded", key: "w" })).ok, true);
    } finally {
      s.close();
    }
    const a = await TestSocket.open(`${wsUrl(node)}?token=${admin}`);
    assert.equal((await a.request({ id: 1, op: "call", service: "guarded", key: "w2", command: "increment" })).ok, true);
    assert.equal((await a.request({ id: 2, op: "stream", service: "guarded", key: "w2", stream: "watch" })).ok, true);
    a.close();
  });

  it("closes with 4401 when the token expires while connected", async () => {
    // exp has whole-second granularity: 2 s from now expires between 1 and 2 s from now.
    const soon = await signToken({ sub: "x" }, { expiresInSec: 2 });
    const s = await TestSocket.open(`${wsUrl(node)}?token=${soon}`);
    assert.equal((await s.request({ id: 1, op: "call", service: "counter", key: "w", command: "get" })).ok, true);
    const closed = await s.closed;
    assert.equal(closed.code, 4401);
    assert.match(closed.reason, /expired/);
  });
});

describe("origins", () => {
  it("closes WebSockets from origins outside LATTICE_WS_ORIGINS with 4403; same-origin and originless pass", async () => {
    const n = await startTestNode({ env: { LATTICE_WS_ORIGINS: "https://good.example.com" } });
    try {
      const evil = await TestSocket.open(wsUrl(n), { origin: "https://evil.example.com" });
      assert.equal((await evil.closed).code, 4403);
      const allowed: Record<string, string>[] = [{ origin: "https://good.example.com" }, { origin: "HTTPS://GOOD.example.com" }, {}, { origin: n.url }];
      for (const headers of allowed) {
        const s = await TestSocket.open(wsUrl(n), headers);
        assert.equal((await s.request({ id: 1, op: "call", service: "counter", key: "o", command: "get" })).ok, true, JSON.stringify(headers));
        s.close();
      }
    } finally {
      await n.close();
    }
  });

  it("allows any origin by default, and only listed ones with LATTICE_CORS_ORIGINS", async () => {
    const open = await node.app.inject({ method: "GET", url: "/healthz", headers: { origin: "https://any.example.com" } });
    assert.equal(open.headers["access-control-allow-origin"], "*");
    const n = await startTestNode({ env: { LATTICE_CORS_ORIGINS: "https://app.example.com" } });
    try {
      const preflight = (origin: string) =>
        n.app.inject({
          method: "OPTIONS",
          url: "/v1/entities/counter/k/increment",
          headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,authorization" },
        });
      const ok = await preflight("https://app.example.com");
      assert.equal(ok.statusCode, 204);
      assert.equal(ok.headers["access-control-allow-origin"], "https://app.example.com");
      assert.match(String(ok.headers["access-control-allow-headers"]), /authorization/);
      const other = await preflight("https://other.example.com");
      assert.equal(other.headers["access-control-allow-origin"], undefined);
      // The WebSocket allow-list defaults to the CORS list.
      const evil = await TestSocket.open(wsUrl(n), { origin: "https://other.example.com" });
      assert.equal((await evil.closed).code, 4403);
    } finally {
      await n.close();
    }
  });
});

describe("redactToken", () => {
  it("hides ?token= values in logged URLs", () => {
    assert.equal(redactToken("/v1/ws?token=abc.def.ghi"), "/v1/ws?token=[redacted]");
    assert.equal(redactToken("/v1/x/events?a=1&token=abc&b=2"), "/v1/x/events?a=1&token=[redacted]&b=2");
    assert.equal(redactToken("/v1/services"), "/v1/services");
  });
});
