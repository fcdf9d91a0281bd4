import assert from "node:assert/strict";
import { resolve } from "node:path";
import { describe, it } from "node:test";
import { ConfigError, DEV_CLUSTER_SECRET, loadConfig, parseFlags } from "./config.js";

const CWD = resolve("/srv/lattice");

function configError(pattern: RegExp): (err: unknown) => boolean {
  return (err) => {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
    assert.match(err.message, pattern);
    return true;
  };
}

describe("loadConfig", () => {
  it("has the documented defaults", () => {
    const c = loadConfig({}, [], CWD);
    assert.equal(c.host, "127.0.0.1");
    assert.equal(c.port, 8080);
    assert.equal(c.region, "local");
    assert.equal(c.dataDir, resolve(CWD, "data"));
    assert.deepEqual(c.peers, []);
    assert.equal(c.advertiseUrl, "ws://127.0.0.1:8080");
    assert.equal(c.advertiseUrlSet, false);
    assert.equal(c.clusterSecret, DEV_CLUSTER_SECRET);
    assert.equal(c.clusterSecretIsDefault, true);
    assert.equal(c.authSecret, undefined);
    assert.deepEqual(c.functions, []);
    assert.equal(c.fsync, false);
    assert.equal(c.peerTimeoutMs, 5000);
    assert.equal(c.logLevel, "info");
    assert.equal(c.lab, false, "the partition lab is off unless asked for");
  });

  it("LATTICE_LAB=1 or a bare --lab turns the partition lab on", () => {
    assert.equal(loadConfig({ LATTICE_LAB: "1" }, [], CWD).lab, true);
    assert.equal(loadConfig({}, ["--lab"], CWD).lab, true);
    assert.equal(loadConfig({ LATTICE_LAB: "1" }, ["--lab", "0"], CWD).lab, false);
  });

  it("reads every LATTICE_* variable", () => {
    const c = loadConfig(
      {
        LATTICE_HOST: "0.0.0.0",
        LATTICE_PORT: "8081",
        LATTICE_REGION: "us-east",
        LATTICE_DATA_DIR: "/var/lib/lattice",
        LATTICE_PEERS: "ws://10.0.0.2:8080, wss://peer.example.com ,ws://10.0.0.3:8080/",
        LATTICE_CLUSTER_SECRET: "s3cret",
        LATTICE_AUTH_SECRET: "jwt-secret",
        LATTICE_FUNCTIONS: "./a.ts,/abs/b.js",
        LATTICE_FSYNC: "1",
        LATTICE_PEER_TIMEOUT_MS: "2500",
        LATTICE_LOG_LEVEL: "warn",
      },
      [],
      CWD,
    );
    assert.equal(c.host, "0.0.0.0");
    assert.equal(c.port, 8081);
    assert.equal(c.region, "us-east");
    assert.equal(c.dataDir, "/var/lib/lattice");
    assert.deepEqual(c.peers, ["ws://10.0.0.2:8080", "wss://peer.example.com", "ws://10.0.0.3:8080/"]);
    // Bound to every interface: peers reach it on loopback unless told otherwise.
    assert.equal(c.advertiseUrl, "ws://127.0.0.1:8081");
    assert.equal(c.clusterSecret, "s3cret");
    assert.equal(c.clusterSecretIsDefault, false);
    assert.equal(c.authSecret, "jwt-secret");
    assert.deepEqual(c.functions, ["./a.ts", "/abs/b.js"]);
    assert.equal(c.fsync, true);
    assert.equal(c.peerTimeoutMs, 2500);
    assert.equal(c.logLevel, "warn");
  });

  it("lets flags override the environment, in both --name value and --name=value forms", () => {
    const env = { LATTICE_PORT: "9000", LATTICE_REGION: "eu-west", LATTICE_HOST: "10.0.0.9", LATTICE_FSYNC: "1" };
    const c = loadConfig(env, ["--port", "9001", "--region=ap-south", "--fsync", "0", "--log-level", "debug"], CWD);
    assert.equal(c.port, 9001);
    assert.equal(c.region, "ap-south");
    assert.equal(c.fsync, false);
    assert.equal(c.logLevel, "debug");
    // Unflagged settings still come from the environment.
    assert.equal(c.host, "10.0.0.9");
    assert.equal(c.advertiseUrl, "ws://10.0.0.9:9001");
    const d = loadConfig({}, ["--advertise-url", "wss://lattice.example.com", "--peers", "ws://a:1,ws://b:2"], CWD);
    assert.equal(d.advertiseUrl, "wss://lattice.example.com");
    assert.equal(d.advertiseUrlSet, true);
    assert.deepEqual(d.peers, ["ws://a:1", "ws://b:2"]);
  });

  it("resolves a relative data directory against the working directory", () => {
    assert.equal(loadConfig({ LATTICE_DATA_DIR: "state/r1" }, [], CWD).dataDir, resolve(CWD, "state/r1"));
    assert.equal(loadConfig({}, ["--data-dir", "../shared"], CWD).dataDir, resolve(CWD, "../shared"));
  });

  it("--memory selects the in-memory store, also as a bare flag before another flag", () => {
    assert.equal(loadConfig({}, ["--memory"], CWD).dataDir, undefined);
    const c = loadConfig({ LATTICE_DATA_DIR: "/var/lib/lattice" }, ["--memory", "--port", "0"], CWD);
    assert.equal(c.dataDir, undefined);
    assert.equal(c.port, 0);
    assert.equal(loadConfig({}, ["--memory=false"], CWD).dataDir, resolve(CWD, "data"));
  });

  it("an empty LATTICE_AUTH_SECRET means auth off", () => {
    assert.equal(loadConfig({ LATTICE_AUTH_SECRET: "" }, [], CWD).authSecret, undefined);
  });

  describe("rejects bad values with a ConfigError naming the setting", () => {
    const cases: [string, NodeJS.ProcessEnv, string[], RegExp][] = [
      ["a port that is not a number", { LATTICE_PORT: "http" }, [], /LATTICE_PORT/],
      ["a port out of range", {}, ["--port", "65536"], /LATTICE_PORT/],
      ["a negative port", {}, ["--port=-1"], /LATTICE_PORT/],
      ["a fractional port", { LATTICE_PORT: "80.5" }, [], /LATTICE_PORT/],
      ["a peer that is not a ws URL", { LATTICE_PEERS: "ws://ok:1,http://10.0.0.2:8080" }, [], /LATTICE_PEERS/],
      ["a peer that is a bare host", {}, ["--peers", "10.0.0.2:8080"], /LATTICE_PEERS/],
      ["a peer with a path (the replica appends /v1/gossip itself)", { LATTICE_PEERS: "ws://10.0.0.2:8080/v1/gossip" }, [], /LATTICE_PEERS/],
      ["a peer with a bad port", { LATTICE_PEERS: "ws://10.0.0.2:99999" }, [], /LATTICE_PEERS/],
      ["an advertise URL that is not ws", { LATTICE_ADVERTISE_URL: "http://me:8080" }, [], /LATTICE_ADVERTISE_URL/],
      ["an unknown flag", {}, ["--prot", "8080"], /--prot/],
      ["a positional argument", {}, ["serve"], /serve/],
      ["a bad log level", { LATTICE_LOG_LEVEL: "verbose" }, [], /LATTICE_LOG_LEVEL/],
      ["a bad LATTICE_FSYNC", { LATTICE_FSYNC: "always" }, [], /LATTICE_FSYNC/],
      ["a peer timeout below the minimum", { LATTICE_PEER_TIMEOUT_MS: "10" }, [], /LATTICE_PEER_TIMEOUT_MS/],
      ["a bad region label", { LATTICE_REGION: "us east" }, [], /LATTICE_REGION/],
      ["a bad LATTICE_LAB", { LATTICE_LAB: "maybe" }, [], /LATTICE_LAB/],
    ];
    for (const [name, env, argv, pattern] of cases) {
      it(name, () => {
        assert.throws(() => loadConfig(env, argv, CWD), configError(pattern));
      });
    }
  });
});

describe("parseFlags", () => {
  it("parses --name value, --name=value and bare flags", () => {
    assert.deepEqual(
      [...parseFlags(["--a", "1", "--b=2", "--c", "--d", "x=y", "--e="])],
      [
        ["a", "1"],
        ["b", "2"],
        ["c", "true"],
        ["d", "x=y"],
        ["e", ""],
      ],
    );
  });
});
