import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, it } from "node:test";
import { WebSocket } from "ws";
import { asType, addToCounter } from "../crdt/index.js";
import { FAST_REPLICA_OPTIONS } from "./test-support/harness.js";
import { waitFor } from "../replica/test-support/helpers.js";
import { loadConfig } from "./config.js";
import type { LatticeNode } from "./node.js";
import { startNode } from "./node.js";

const nodes: LatticeNode[] = [];
afterEach(async () => {
  await Promise.all(nodes.splice(0).map((n) => n.close()));
});

async function start(argv: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<LatticeNode> {
  const config = loadConfig({ LATTICE_CLUSTER_SECRET: "node-test-secret", ...env }, ["--memory", "--port", "0", ...argv]);
  const node = await startNode(config, { logger: false, replicaOptions: FAST_REPLICA_OPTIONS });
  nodes.push(node);
  return node;
}

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

const wsUrl = (node: LatticeNode): string => node.url.replace(/^http/, "ws");

interface ClusterBody {
  replica: { id: string; region: string; url: string };
  peers: { url: string; id: string | null; region: string | null; connected: boolean; lastHeardMs: number | null; queuedDeltas: number; lastAntiEntropyMs: number | null }[];
}

async function clusterOf(node: LatticeNode): Promise<ClusterBody> {
  const { status, body } = await getJson(`${node.url}/v1/cluster`);
  assert.equal(status, 200);
  return body as ClusterBody;
}

const counter = { service: "counter", key: "k" };

async function incr(node: LatticeNode, n: number): Promise<void> {
  const r = node.replica;
  await r.update(counter, "gcounter", (e) => {
    const d = addToCounter(asType(e.state, "gcounter"), r.id, n, "gcounter");
    return d ? { kind: "causal", delta: { type: "gcounter", ...d } } : null;
  });
}

async function counterValue(node: LatticeNode): Promise<number> {
  const e = await node.replica.read(counter);
  if (!e) return 0;
  let sum = 0;
  for (const entry of asType(e.state, "gcounter").store.values()) sum += entry.p - entry.n;
  return sum;
}

/** Opens a raw WebSocket to `url` and resolves with how the server closed it. */
function rawSocket(url: string, onOpen: (ws: WebSocket) => void): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on("open", () => onOpen(ws));
    ws.on("error", reject);
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

describe("startNode", () => {
  it("serves /healthz, /readyz, /v1/cluster and /metrics", async () => {
    const node = await start(["--region", "eu-west"]);
    assert.match(node.url, /^http:\/\/127\.0\.0\.1:\d+$/);

    const health = await fetch(`${node.url}/healthz`);
    assert.equal(health.status, 200);
    const ready = await getJson(`${node.url}/readyz`);
    assert.deepEqual(ready, { status: 200, body: { ready: true } });

    const cluster = await clusterOf(node);
    const port = new URL(node.url).port;
    assert.deepEqual(cluster, { replica: { id: node.replica.id, region: "eu-west", url: `ws://127.0.0.1:${port}` }, peers: [] });

    const metrics = await fetch(`${node.url}/metrics`);
    assert.equal(metrics.status, 200);
    assert.match(metrics.headers.get("content-type") ?? "", /^text\/plain/);
    const text = await metrics.text();
    for (const name of [
      "lattice_deltas_sent_total",
      "lattice_convergence_lag_seconds",
      "lattice_store_batch_seconds",
      "lattice_cache_entities",
      "lattice_anti_entropy_rounds_total",
      "lattice_gossip_queue_depth",
    ]) {
      assert.match(text, new RegExp(`^# TYPE ${name} `, "m"), `${name} missing from /metrics`);
    }
    // Every sample line is "name{labels} value" or "name value" (Prometheus text format 0.0.4).
    for (const line of text.split("\n")) {
      if (line === "" || line.startsWith("#")) continue;
      assert.match(line, /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? [-+0-9.eEIinfNa]+$/, line);
    }
  });

  it("two nodes over real WebSockets converge and list each other as connected peers", async () => {
    const first = await start(["--region", "us-east"]);
    const second = await start(["--region", "ap-south", "--peers", wsUrl(first)]);
    await waitFor("both connected", async () => {
      const [a, b] = await Promise.all([clusterOf(first), clusterOf(second)]);
      return a.peers.some((p) => p.connected) && b.peers.some((p) => p.connected);
    });
    await Promise.all([incr(first, 1), incr(second, 2)]);
    await waitFor("converged", async () => (await counterValue(first)) === 3 && (await counterValue(second)) === 3);

    const [a, b] = await Promise.all([clusterOf(first), clusterOf(second)]);
    for (const [body, self, other, region] of [
      [a, first, second, "ap-south"],
      [b, second, first, "us-east"],
    ] as const) {
      assert.equal(body.replica.id, self.replica.id);
      assert.equal(body.peers.length, 1, JSON.stringify(body.peers));
      const peer = body.peers[0];
      assert.ok(peer);
      // Exactly the fields of SPEC §5, with their types.
      assert.deepEqual(Object.keys(peer).sort(), ["connected", "id", "lastAntiEntropyMs", "lastHeardMs", "queuedDeltas", "region", "url"]);
      assert.equal(peer.url, wsUrl(other));
      assert.equal(peer.id, other.replica.id);
      assert.equal(peer.region, region);
      assert.equal(peer.connected, true);
      assert.ok(Number.isInteger(peer.lastHeardMs) && (peer.lastHeardMs ?? -1) >= 0);
      assert.ok(Number.isInteger(peer.queuedDeltas) && peer.queuedDeltas >= 0);
      assert.ok(peer.lastAntiEntropyMs === null || (Number.isInteger(peer.lastAntiEntropyMs) && peer.lastAntiEntropyMs >= 0));
    }
    await waitFor("anti-entropy ran", async () => (await clusterOf(first)).peers[0]?.lastAntiEntropyMs !== null);

    const metrics = await (await fetch(`${first.url}/metrics`)).text();
    const sent = /^lattice_deltas_sent_total\{[^}]*peer_region="ap-south"[^}]*\} (\d+)/m.exec(metrics);
    assert.ok(sent && Number(sent[1]) >= 1, "no deltas counted as sent");
  });

  it("closes a peer that speaks garbage on /v1/gossip and keeps serving", async () => {
    const node = await start();
    const peer = await start(["--peers", wsUrl(node)]);
    await waitFor("peer connected", async () => (await clusterOf(node)).peers.some((p) => p.connected));
    const gossip = `${wsUrl(node)}/v1/gossip`;

    // Bytes that are not a protobuf Envelope: a malformed handshake (4400).
    const junk = await rawSocket(gossip, (ws) => ws.send(new Uint8Array(64).fill(0xff)));
    assert.equal(junk.code, 4400);
    // Pseudo-random bytes: refused one way or another, never accepted.
    let x = 12345;
    const noise = Uint8Array.from({ length: 2048 }, () => (x = (x * 1103515245 + 12345) >>> 0) >>> 24);
    const random = await rawSocket(gossip, (ws) => ws.send(noise));
    assert.ok([1008, 1009, 4001, 4002, 4400].includes(random.code), `closed with ${random.code} ${random.reason}`);
    // A text frame: gossip is binary only (1008).
    const text = await rawSocket(gossip, (ws) => ws.send("hello, is this the gossip endpoint?"));
    assert.equal(text.code, 1008);
    // Silence: dropped at the handshake deadline (4408).
    const silent = await rawSocket(gossip, () => {});
    assert.equal(silent.code, 4408);

    // Still serving, and the real peer is still connected and replicating.
    assert.equal((await fetch(`${node.url}/healthz`)).status, 200);
    assert.deepEqual(await getJson(`${node.url}/readyz`), { status: 200, body: { ready: true } });
    const peers = (await clusterOf(node)).peers;
    assert.ok(peers.some((p) => p.id === peer.replica.id && p.connected), JSON.stringify(peers));
    assert.ok(!peers.some((p) => p.connected && p.id !== peer.replica.id), JSON.stringify(peers));
    await incr(peer, 7);
    await waitFor("still replicating", async () => (await counterValue(node)) === 7);
  });
});

/** A TCP port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** `npm start` as a child process: the compiled main.js from dist/, or main.ts through tsx. */
function spawnMain(args: string[]): { child: ReturnType<typeof spawn>; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  const here = fileURLToPath(import.meta.url);
  const fromSource = here.endsWith(".ts");
  const main = join(dirname(here), fromSource ? "main.ts" : "main.js");
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("LATTICE_")) env[k] = v;
  env.LATTICE_LOG_LEVEL = "warn";
  const child = spawn(process.execPath, [...(fromSource ? ["--import", "tsx"] : []), main, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return { child, output: () => out, exited };
}

describe("server/main (npm start)", () => {
  it("starts, becomes ready, and exits 0 on SIGTERM", async () => {
    const port = await freePort();
    const proc = spawnMain(["--memory", "--port", String(port)]);
    try {
      await waitFor(
        "readyz",
        async () => {
          if (proc.child.exitCode !== null) throw new Error(`exited early with ${proc.child.exitCode}: ${proc.output()}`);
          try {
            const res = await fetch(`http://127.0.0.1:${port}/readyz`);
            return res.status === 200 && ((await res.json()) as { ready?: boolean }).ready === true;
          } catch {
            return false;
          }
        },
        30_000,
      );
      const cluster = (await (await fetch(`http://127.0.0.1:${port}/v1/cluster`)).json()) as ClusterBody;
      assert.equal(cluster.replica.url, `ws://127.0.0.1:${port}`);
      assert.equal(cluster.replica.region, "local");
      proc.child.kill("SIGTERM");
      const { code, signal } = await proc.exited;
      assert.equal(signal, null, proc.output());
      assert.equal(code, 0, proc.output());
    } finally {
      if (proc.child.exitCode === null && proc.child.signalCode === null) {
        proc.child.kill("SIGKILL");
        await proc.exited;
      }
    }
  });

  it("exits with code 2 and a clear message for an invalid flag", async () => {
    const proc = spawnMain(["--memory", "--bogus-flag", "1"]);
    const { code } = await proc.exited;
    assert.equal(code, 2);
    assert.match(proc.output(), /lattice: unknown flag --bogus-flag/);
  });

  it("exits with code 2 for an invalid value", async () => {
    const proc = spawnMain(["--memory", "--port", "not-a-port"]);
    const { code } = await proc.exited;
    assert.equal(code, 2);
    assert.match(proc.output(), /lattice: LATTICE_PORT must be a whole number/);
  });
});
