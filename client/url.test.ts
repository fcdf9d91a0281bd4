import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { socketUrl } from "./url.js";

describe("socketUrl", () => {
  it("maps http(s) to ws(s) and adds /v1/ws once", () => {
    assert.equal(socketUrl("http://127.0.0.1:8080"), "ws://127.0.0.1:8080/v1/ws");
    assert.equal(socketUrl("https://eu.example.com/"), "wss://eu.example.com/v1/ws");
    assert.equal(socketUrl("ws://localhost:9/v1/ws"), "ws://localhost:9/v1/ws");
    assert.equal(socketUrl("wss://h/v1/ws/"), "wss://h/v1/ws");
  });

  it("keeps a path prefix (a replica behind a proxy) and drops the fragment", () => {
    assert.equal(socketUrl("https://example.com/lattice/#x"), "wss://example.com/lattice/v1/ws");
  });

  it("puts the token in ?token=, percent-encoded, next to existing parameters", () => {
    assert.equal(socketUrl("http://h:1/?region=eu", "a b&c"), "ws://h:1/v1/ws?region=eu&token=a+b%26c");
  });

  it("refuses what is not a replica URL", () => {
    assert.throws(() => socketUrl("not a url"), TypeError);
    assert.throws(() => socketUrl("ftp://h/"), /http\(s\):\/\/ or ws\(s\):\/\//);
  });
});
