import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LatticeError } from "./errors.js";
import { encodeRequest, parseServerFrame } from "./frames.js";

describe("client frames", () => {
  it("parses every server frame shape of docs/api.md", () => {
    assert.deepEqual(parseServerFrame('{"id":1,"ok":true,"result":{"a":2}}'), { kind: "ok", id: 1, body: { id: 1, ok: true, result: { a: 2 } } });
    assert.deepEqual(parseServerFrame('{"sub":2,"state":3,"version":{"r":1}}'), { kind: "state", sub: 2, state: 3, version: { r: 1 } });
    assert.deepEqual(parseServerFrame('{"sub":3,"message":null}'), { kind: "message", sub: 3, message: null });
    assert.deepEqual(parseServerFrame('{"sub":3,"end":true}'), { kind: "end", sub: 3, message: undefined, hasMessage: false });
    assert.deepEqual(parseServerFrame('{"sub":3,"end":true,"message":"bye"}'), { kind: "end", sub: 3, message: "bye", hasMessage: true });
    const err = parseServerFrame('{"id":4,"ok":false,"error":{"code":"failed","message":"no","detail":{"x":1}}}');
    assert.equal(err?.kind, "error");
    assert.ok(err?.kind === "error" && err.error instanceof LatticeError && err.error.code === "failed" && err.error.message === "no");
    assert.deepEqual(err.kind === "error" && err.error.detail, { x: 1 });
    const failed = parseServerFrame('{"sub":5,"ok":false,"error":{"code":"entity_deleted","message":"gone"}}');
    assert.ok(failed?.kind === "failed" && failed.error.code === "entity_deleted");
  });

  it("an error code the SDK does not know is a protocol_error that keeps the replica's code", () => {
    const f = parseServerFrame('{"id":1,"ok":false,"error":{"code":"teapot","message":"short and stout"}}');
    assert.ok(f?.kind === "error");
    assert.equal(f.error.code, "protocol_error");
    assert.deepEqual(f.error.detail, { code: "teapot", detail: undefined });
  });

  it("frames it cannot use are undefined, never a throw", () => {
    for (const text of ["", "nope", "[]", "null", '{"ok":true}', '{"id":0,"ok":true}', '{"id":1}', '{"id":1,"ok":false}', '{"sub":1}', '{"sub":1,"state":1,"version":{"r":"x"}}', '{"id":1,"ok":false,"error":{"code":1}}']) {
      assert.equal(parseServerFrame(text), undefined, text);
    }
  });

  it("encodes requests, and refuses inputs that cannot be sent instead of sending them", () => {
    assert.deepEqual(JSON.parse(encodeRequest(7, { op: "call", service: "cart", key: "u1", command: "addItem", input: { q: 1 } }, 1000) as string), {
      id: 7,
      op: "call",
      service: "cart",
      key: "u1",
      command: "addItem",
      input: { q: 1 },
    });
    const big = encodeRequest(1, { op: "call", service: "s", key: "k", command: "c", input: "é".repeat(600) }, 1000);
    assert.ok(big instanceof LatticeError && big.code === "payload_too_large");
    // 600 two-byte characters fit in 1300 bytes; the length check counts bytes, not characters
    assert.equal(typeof encodeRequest(1, { op: "call", service: "s", key: "k", command: "c", input: "é".repeat(600) }, 1300), "string");
    const bigint = encodeRequest(1, { op: "call", service: "s", key: "k", command: "c", input: 1n }, 1000);
    assert.ok(bigint instanceof LatticeError && bigint.code === "invalid_input");
  });
});
