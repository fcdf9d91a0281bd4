import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { client, decodeMessage, encodeMessage } from "../../protos/index.js";
import type { ClientRequest, ServerMessage } from "./frames.js";
import { encodeServerMessage, jsonFrame, parseBinaryFrame, parseTextFrame } from "./frames.js";
import { FrameRateLimiter } from "./rate-limiter.js";

const MAX = 1024 * 1024;

function request(parsed: ReturnType<typeof parseTextFrame>): ClientRequest {
  assert.equal(parsed.kind, "request", JSON.stringify(parsed));
  return (parsed as { request: ClientRequest }).request;
}

describe("parseTextFrame / parseBinaryFrame", () => {
  const pairs: [Record<string, unknown>, client.ClientFrame.$Properties, ClientRequest][] = [
    [
      { id: 1, op: "call", service: "cart", key: "u1", command: "addItem", input: { item: "a", qty: 1 } },
      { id: 1, call: { service: "cart", key: "u1", command: "addItem", inputJson: '{"item":"a","qty":1}' } },
      { op: "call", id: 1, service: "cart", key: "u1", command: "addItem", input: { item: "a", qty: 1 } },
    ],
    [
      { id: 2, op: "call", service: "cart", key: "u1", command: "get" },
      { id: 2, call: { service: "cart", key: "u1", command: "get" } },
      { op: "call", id: 2, service: "cart", key: "u1", command: "get", input: null },
    ],
    [
      { id: 3, op: "subscribe", service: "cart", key: "u1" },
      { id: 3, subscribe: { service: "cart", key: "u1" } },
      { op: "subscribe", id: 3, service: "cart", key: "u1" },
    ],
    [
      { id: 4, op: "stream", service: "presence", key: "bob", stream: "connect", input: null },
      { id: 4, stream: { service: "presence", key: "bob", stream: "connect", inputJson: "null" } },
      { op: "stream", id: 4, service: "presence", key: "bob", stream: "connect", input: null },
    ],
    [{ id: 4294967295, op: "cancel", sub: 3 }, { id: 4294967295, cancel: { sub: 3 } }, { op: "cancel", id: 4294967295, sub: 3 }],
  ];

  it("parses the four ops identically from JSON and protobuf", () => {
    for (const [json, binary, expected] of pairs) {
      assert.deepEqual(request(parseTextFrame(JSON.stringify(json), 64)), expected);
      assert.deepEqual(request(parseBinaryFrame(encodeMessage(client.ClientFrame, binary), MAX, 64)), expected);
    }
  });

  it("ignores unknown fields (forward compatibility)", () => {
    assert.deepEqual(request(parseTextFrame('{"id":1,"op":"subscribe","service":"s","key":"k","future":true}', 64)), {
      op: "subscribe",
      id: 1,
      service: "s",
      key: "k",
    });
  });

  it("reports frames without a usable id as unusable", () => {
    for (const text of ["", "x", "[]", "1", '"s"', "null", "{}", '{"id":0}', '{"id":-1}', '{"id":"1"}', '{"id":1.5}', '{"id":4294967296}']) {
      assert.equal(parseTextFrame(text, 64).kind, "unusable", text);
    }
    for (const bytes of [new Uint8Array([0xff]), new Uint8Array([]), encodeMessage(client.ClientFrame, { call: { service: "s" } })]) {
      assert.equal(parseBinaryFrame(bytes, MAX, 64).kind, "unusable");
    }
    assert.equal(parseBinaryFrame(new Uint8Array(100), 10, 64).kind, "unusable", "over the size limit");
  });

  it("answers frames with an id but bad fields with invalid_input", () => {
    const bad = [
      '{"id":1}',
      '{"id":1,"op":"delete"}',
      '{"id":1,"op":"call","service":"s","key":"k"}',
      '{"id":1,"op":"call","service":"","key":"k","command":"c"}',
      '{"id":1,"op":"call","service":"s","key":1,"command":"c"}',
      '{"id":1,"op":"subscribe","key":"k"}',
      '{"id":1,"op":"stream","service":"s","key":"k","stream":""}',
      '{"id":1,"op":"cancel","sub":0}',
      `{"id":1,"op":"call","service":"s","key":"k","command":"c","input":${"[".repeat(65)}${"]".repeat(65)}}`,
    ];
    for (const text of bad) {
      const p = parseTextFrame(text, 64);
      assert.equal(p.kind, "invalid", text);
      if (p.kind === "invalid") {
        assert.equal(p.id, 1);
        assert.equal(p.error.code, "invalid_input");
      }
    }
    const binBad: client.ClientFrame.$Properties[] = [
      { id: 1 },
      { id: 1, call: { service: "s", key: "k", command: "c", inputJson: "{" } },
      { id: 1, call: { service: "s", key: "k", command: "c", inputJson: `${"[".repeat(65)}${"]".repeat(65)}` } },
      { id: 1, stream: { service: "s", key: "k" } },
      { id: 1, cancel: {} },
    ];
    for (const f of binBad) {
      const p = parseBinaryFrame(encodeMessage(client.ClientFrame, f), MAX, 64);
      assert.equal(p.kind, "invalid", JSON.stringify(f));
    }
    // 64 levels are fine.
    assert.equal(parseTextFrame(`{"id":1,"op":"call","service":"s","key":"k","command":"c","input":${"[".repeat(64)}${"]".repeat(64)}}`, 64).kind, "request");
  });
});

describe("encodeServerMessage", () => {
  const version = { b: 2, a: 1, zero: 0 };
  const cases: [ServerMessage, Record<string, unknown>, client.ServerFrame.$Properties][] = [
    [{ kind: "result", id: 1, result: { x: [1] } }, { id: 1, ok: true, result: { x: [1] } }, { id: 1, result: { json: '{"x":[1]}' } }],
    [{ kind: "result", id: 1, result: null }, { id: 1, ok: true, result: null }, { id: 1, result: { json: "null" } }],
    [
      { kind: "error", id: 1, error: { code: "failed", message: "m", detail: { d: 1 } } },
      { id: 1, ok: false, error: { code: "failed", message: "m", detail: { d: 1 } } },
      { id: 1, error: { code: "failed", message: "m", detailJson: '{"d":1}' } },
    ],
    [{ kind: "error", id: 1, error: { code: "invalid_input", message: "m" } }, { id: 1, ok: false, error: { code: "invalid_input", message: "m" } }, { id: 1, error: { code: "invalid_input", message: "m" } }],
    [
      { kind: "snapshot", id: 2, state: 5, version },
      { id: 2, ok: true, state: 5, version },
      { id: 2, state: { stateJson: "5", version: [{ replica: "a", count: 1 }, { replica: "b", count: 2 }] } },
    ],
    [{ kind: "state", sub: 2, state: [], version: {} }, { sub: 2, state: [], version: {} }, { sub: 2, state: { stateJson: "[]", version: [] } }],
    [{ kind: "message", sub: 3, message: "hi" }, { sub: 3, message: "hi" }, { sub: 3, message: { json: '"hi"' } }],
    [{ kind: "end", sub: 3 }, { sub: 3, end: true }, { sub: 3, end: {} }],
    [{ kind: "end", sub: 3, message: null }, { sub: 3, end: true, message: null }, { sub: 3, end: { messageJson: "null" } }],
    [{ kind: "ok", id: 4 }, { id: 4, ok: true }, { id: 4, ok: {} }],
    [
      { kind: "failed", sub: 3, error: { code: "entity_deleted", message: "gone" } },
      { sub: 3, ok: false, error: { code: "entity_deleted", message: "gone" } },
      { sub: 3, error: { code: "entity_deleted", message: "gone" } },
    ],
  ];

  it("writes the JSON shapes of SPEC §5 and the binary mapping of PROTOCOL.md", () => {
    for (const [msg, json, binary] of cases) {
      assert.deepEqual(JSON.parse(encodeServerMessage(msg, "json") as string), json, msg.kind);
      assert.deepEqual(jsonFrame(msg), json);
      const bytes = encodeServerMessage(msg, "binary") as Uint8Array;
      assert.deepEqual(bytes, encodeMessage(client.ServerFrame, binary), msg.kind);
      const decoded = decodeMessage(client.ServerFrame, bytes, MAX);
      assert.equal(decoded.body, Object.keys(binary).find((k) => k !== "id" && k !== "sub"));
    }
  });

  it("keeps a __proto__ replica id as an ordinary key", () => {
    const v = Object.create(null) as Record<string, number>;
    v.__proto__ = 3;
    const json = encodeServerMessage({ kind: "state", sub: 1, state: 0, version: v }, "json") as string;
    assert.equal(json, '{"sub":1,"state":0,"version":{"__proto__":3}}');
    const bin = decodeMessage(client.ServerFrame, encodeServerMessage({ kind: "state", sub: 1, state: 0, version: v }, "binary") as Uint8Array, MAX);
    assert.deepEqual(
      bin.state?.version?.map((e) => [e.replica, e.count]),
      [["__proto__", 3]],
    );
  });
});

describe("FrameRateLimiter", () => {
  it("accepts a burst of perSecond frames, refills over time, and closes after perSecond refusals in a row", () => {
    let now = 0;
    const limiter = new FrameRateLimiter(5, () => now);
    for (let i = 0; i < 5; i++) assert.equal(limiter.take(), "accept");
    assert.equal(limiter.take(), "refuse");
    now += 200; // one token back
    assert.equal(limiter.take(), "accept");
    assert.equal(limiter.take(), "refuse");
    now += 1000;
    for (let i = 0; i < 5; i++) assert.equal(limiter.take(), "accept", "the bucket holds at most perSecond");
    const decisions = Array.from({ length: 5 }, () => limiter.take());
    assert.deepEqual(decisions, ["refuse", "refuse", "refuse", "refuse", "close"]);
  });
});
