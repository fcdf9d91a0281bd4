import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { requestJson } from "../api/http-json.js";
import type { LatticeNode } from "../node.js";
import { signToken, startTestNode, TEST_AUTH_SECRET } from "../test-support/harness.js";
import type { LabAnswer, LabView } from "./lab.js";

/** Small timeouts so that a cut peer is marked down and a heal converges in about a second. */
const FAST = { peerTimeoutMs: 600, heartbeatMs: 150, antiEntropyIntervalMs: 300, reconnectMaxMs: 300, handshakeTimeoutMs: 600 };

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

function codeOf(body: unknown): string | undefined {
  return (body as { error?: { code?: string } } | null)?.error?.code;
}

describe("partition lab admin API, off by default", () => {
  let node: LatticeNode;
  before(async () => {
    node = await startTestNode();
  });
  after(() => node.close());

  it("answers every /v1/lab route with 404 unknown_command naming LATTICE_LAB", async () => {
    for (const [method, url] of [
      ["GET", "/v1/lab"],
      ["POST", "/v1/lab/partition"],
      ["POST", "/v1/lab/heal"],
      ["POST", "/v1/lab/latency"],
    ] as const) {
      const r = await node.app.inject({ method, url, payload: method === "POST" ? { regions: ["a", "b"] } : undefined });
      assert.equal(r.statusCode, 404, `${method} ${url}`);
      const body = r.json<{ error: { code: string; message: string } }>();
      assert.equal(body.error.code, "unknown_command");
      assert.match(body.error.message, /LATTICE_LAB=1/);
    }
  });
});

describe("partition lab admin API across three replicas (us-east, eu-west, ap-south)", { timeout: 60_000 }, () => {
  const nodes: LatticeNode[] = [];
  let token: string;
  const [US, EU, AP] = [0, 1, 2] as const;
  const node = (i: number): LatticeNode => nodes[i] as LatticeNode;
  /** `auth` null: no token at all. */
  const call = (i: number, method: "GET" | "POST", path: string, body?: unknown, auth: string | null = token) =>
    requestJson(method, `${node(i).url}${path}`, { ...(body !== undefined ? { body } : {}), ...(auth !== null ? { token: auth } : {}) });
  const counterOn = async (i: number, key: string): Promise<unknown> => {
    const r = await call(i, "GET", `/v1/entities/counter/${key}`);
    return (r.body as { state?: unknown }).state;
  };
  const connected = async (i: number, j: number): Promise<boolean> => {
    const r = await call(i, "GET", "/v1/cluster");
    const peers = (r.body as { peers: { id: string | null; connected: boolean }[] }).peers;
    return peers.some((p) => p.id === node(j).replica.id && p.connected);
  };

  before(async () => {
    token = await signToken({ sub: "operator" });
    const regions = ["us-east", "eu-west", "ap-south"];
    for (const region of regions) {
      const peers = nodes.map((n) => n.cluster.advertiseUrl).join(",");
      nodes.push(
        await startTestNode({
          env: { LATTICE_LAB: "1", LATTICE_REGION: region, LATTICE_PEERS: peers, LATTICE_AUTH_SECRET: TEST_AUTH_SECRET },
          replicaOptions: FAST,
        }),
      );
    }
    await until("a full mesh", async () => {
      for (const i of [US, EU, AP]) for (const j of [US, EU, AP]) if (i !== j && !(await connected(i, j))) return false;
      return true;
    });
  });
  after(async () => {
    await Promise.all(nodes.map((n) => n.close()));
  });

  it("requires the token like /v1/cluster when LATTICE_AUTH_SECRET is set", async () => {
    const r = await call(US, "GET", "/v1/lab", undefined, null);
    assert.equal(r.status, 401);
    assert.equal(codeOf(r.body), "unauthorized");
    const p = await call(US, "POST", "/v1/lab/partition", { regions: ["us-east", "eu-west"] }, null);
    assert.equal(p.status, 401);
    assert.deepEqual(((await call(US, "GET", "/v1/lab")).body as LabView).partitions, [], "a refused call changes nothing");
  });

  it("refuses malformed rules with invalid_input and changes nothing", async () => {
    for (const [path, body] of [
      ["/v1/lab/partition", { regions: ["us-east", "us-east"] }],
      ["/v1/lab/partition", { regions: ["us-east"] }],
      ["/v1/lab/partition", { regions: ["us east", "eu-west"] }],
      ["/v1/lab/partition", { regions: ["us-east", "eu-west"], extra: 1 }],
      ["/v1/lab/latency", { region: "eu-west", ms: -5 }],
      ["/v1/lab/latency", { region: "eu-west", ms: "120ms" }],
      ["/v1/lab/latency", { region: "eu-west", ms: 60_001 }],
      ["/v1/lab/heal", { propagate: "yes" }],
    ] as const) {
      const r = await call(US, "POST", path, body);
      assert.equal(r.status, 400, `${path} ${JSON.stringify(body)}: ${JSON.stringify(r.body)}`);
      assert.equal(codeOf(r.body), "invalid_input");
    }
    const lab = (await call(US, "GET", "/v1/lab")).body as LabView;
    assert.deepEqual({ partitions: lab.partitions, latencyMs: lab.latencyMs }, { partitions: [], latencyMs: {} });
  });

  it("a partition posted on one replica reaches every replica; the cut pair diverges, the third region still gets everything; a heal converges", async () => {
    const r = await call(AP, "POST", "/v1/lab/partition", { regions: ["us-east", "eu-west"] });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const answer = r.body as LabAnswer;
    assert.deepEqual(answer.lab.partitions, [["eu-west", "us-east"]]);
    assert.equal(answer.propagated.length, 2, JSON.stringify(answer.propagated));
    assert.ok(answer.propagated.every((f) => f.ok), JSON.stringify(answer.propagated));
    for (const i of [US, EU, AP]) {
      const lab = (await call(i, "GET", "/v1/lab")).body as LabView;
      assert.deepEqual(lab.partitions, [["eu-west", "us-east"]], `rules on replica ${i}`);
    }

    // The cut pair's failure detectors notice (packets vanish, nobody closes anything).
    await until("us-east and eu-west mark each other down", async () => !(await connected(US, EU)) && !(await connected(EU, US)));
    assert.ok(await connected(US, AP), "us-east still sees ap-south");

    assert.equal((await call(US, "POST", "/v1/entities/counter/lab-k/increment", 5)).status, 200);
    assert.equal((await call(EU, "POST", "/v1/entities/counter/lab-k/increment", 7)).status, 200);
    // ap-south is cut from neither: both writes reach it. Once they have, a push to the cut
    // replica would have arrived too, had it not vanished.
    await until("ap-south has both writes", async () => (await counterOn(AP, "lab-k")) === 12);
    assert.equal(await counterOn(US, "lab-k"), 5, "us-east has not seen eu-west's write");
    assert.equal(await counterOn(EU, "lab-k"), 7, "eu-west has not seen us-east's write");
    const stats = ((await call(US, "GET", "/v1/lab")).body as LabView).stats;
    assert.ok(stats.framesDropped > 0, JSON.stringify(stats));

    const healed = await call(EU, "POST", "/v1/lab/heal");
    assert.equal(healed.status, 200, JSON.stringify(healed.body));
    assert.ok((healed.body as LabAnswer).propagated.every((f) => f.ok));
    await until("every replica at 12 after the heal", async () => {
      for (const i of [US, EU, AP]) if ((await counterOn(i, "lab-k")) !== 12) return false;
      return true;
    });
    await until("us-east and eu-west connected again", async () => (await connected(US, EU)) && (await connected(EU, US)));
    for (const i of [US, EU, AP]) assert.deepEqual(((await call(i, "GET", "/v1/lab")).body as LabView).partitions, []);
  });

  it("latency is set everywhere, writes still converge, and propagate:false keeps a rule local", async () => {
    const r = await call(US, "POST", "/v1/lab/latency", { region: "eu-west", ms: 80 });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    for (const i of [US, EU, AP]) assert.deepEqual(((await call(i, "GET", "/v1/lab")).body as LabView).latencyMs, { "eu-west": 80 });
    assert.equal((await call(US, "POST", "/v1/entities/counter/lab-slow/increment", 1)).status, 200);
    await until("eu-west gets the write through the delay", async () => (await counterOn(EU, "lab-slow")) === 1);
    const delayed = ((await call(EU, "GET", "/v1/lab")).body as LabView).stats.framesDelayed;
    assert.ok(delayed > 0, "frames into eu-west waited");

    const local = await call(AP, "POST", "/v1/lab/latency", { region: "ap-south", ms: 10, propagate: false });
    assert.deepEqual((local.body as LabAnswer).propagated, []);
    assert.deepEqual(((await call(US, "GET", "/v1/lab")).body as LabView).latencyMs, { "eu-west": 80 });
    assert.deepEqual(((await call(AP, "GET", "/v1/lab")).body as LabView).latencyMs, { "ap-south": 10, "eu-west": 80 });

    // A heal with propagate:false in a body, then one without a body at all.
    await call(AP, "POST", "/v1/lab/heal", { propagate: false });
    assert.deepEqual(((await call(AP, "GET", "/v1/lab")).body as LabView).latencyMs, {});
    assert.deepEqual(((await call(US, "GET", "/v1/lab")).body as LabView).latencyMs, { "eu-west": 80 });
    assert.equal((await call(US, "POST", "/v1/lab/heal")).status, 200);
    for (const i of [US, EU, AP]) assert.deepEqual(((await call(i, "GET", "/v1/lab")).body as LabView).latencyMs, {});
  });
});

describe("partition lab forwards", () => {
  it("go only to peers this replica authenticated, never to an address a refused dialer announced", async () => {
    const host = await startTestNode({ env: { LATTICE_LAB: "1", LATTICE_REGION: "us-east" }, replicaOptions: FAST });
    // A replica with another cluster secret dials in: it is refused, and its advertised URL is
    // listed in the host's cluster status.
    const stranger = await startTestNode({
      env: { LATTICE_LAB: "1", LATTICE_REGION: "eu-west", LATTICE_CLUSTER_SECRET: "another-cluster-secret", LATTICE_PEERS: host.cluster.advertiseUrl },
      replicaOptions: FAST,
    });
    try {
      await until("the stranger listed as refused", async () => host.cluster.status().some((p) => p.id === null && /refused/.test(p.error ?? "")));
      const r = await requestJson("POST", `${host.url}/v1/lab/partition`, { body: { regions: ["us-east", "eu-west"] } });
      assert.equal(r.status, 200);
      assert.deepEqual((r.body as LabAnswer).propagated, []);
      const rules = await requestJson("GET", `${stranger.url}/v1/lab`);
      assert.deepEqual((rules.body as LabView).partitions, [], "the stranger got no forward");
    } finally {
      await stranger.close();
      await host.close();
    }
  });
});
