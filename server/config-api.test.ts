import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, loadConfig } from "./config.js";

const load = (env: NodeJS.ProcessEnv, argv: string[] = []) => loadConfig(env, argv, "/srv");

describe("client API settings", () => {
  it("defaults: CORS and WebSocket origins *, no limit overrides", () => {
    const c = load({});
    assert.equal(c.corsOrigins, "*");
    assert.equal(c.wsOrigins, "*");
    assert.deepEqual(c.limits, {});
  });

  it("parses origin lists, normalised; WebSocket origins default to the CORS list", () => {
    const c = load({ LATTICE_CORS_ORIGINS: "https://App.example.com/, http://localhost:5173" });
    assert.deepEqual(c.corsOrigins, ["https://app.example.com", "http://localhost:5173"]);
    assert.deepEqual(c.wsOrigins, c.corsOrigins);
    const d = load({ LATTICE_CORS_ORIGINS: "none" }, ["--ws-origins", "*"]);
    assert.deepEqual(d.corsOrigins, []);
    assert.equal(d.wsOrigins, "*");
  });

  it("refuses entries that are not origins", () => {
    for (const bad of ["app.example.com", "https://app.example.com/path", "ftp://x.example.com", "https://u:p@x.example.com", "https://x.example.com?q=1"]) {
      assert.throws(() => load({ LATTICE_WS_ORIGINS: bad }), ConfigError, bad);
    }
  });

  it("parses LATTICE_LIMITS and refuses unknown names and bad values", () => {
    assert.deepEqual(load({ LATTICE_LIMITS: "maxFramesPerSecond=500, maxInFlight=8" }).limits, { maxFramesPerSecond: 500, maxInFlight: 8 });
    assert.deepEqual(load({}, ["--limits", "maxBodyBytes=2048"]).limits, { maxBodyBytes: 2048 });
    for (const bad of ["nope=1", "maxInFlight", "maxInFlight=0", "maxInFlight=-1", "maxInFlight=1.5", "maxInFlight=x"]) {
      assert.throws(() => load({ LATTICE_LIMITS: bad }), ConfigError, bad);
    }
  });
});
