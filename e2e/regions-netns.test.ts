/**
 * Three regions as real `npm start` processes, each in its own network namespace on a bridge
 * (support/netns.ts): one region is cut off by taking its bridge port down — packets vanish, no
 * resets — every region writes, the link comes back, and every region converges with every
 * acknowledged write (support/region-scenario.ts). Skipped, with the reason, only where network
 * namespaces cannot be created (not Linux, no iproute2, not root); CI runs as root with iproute2.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { PEER_TIMEOUT_MS, runRegionScenario } from "./support/region-scenario.js";
import type { RegionsHarness } from "./support/region-scenario.js";
import { ServerProcess } from "./support/server-cluster.js";
import { NetnsBridge, NsAgent, netnsUnavailable } from "./support/netns.js";

const REGIONS = ["us-east", "eu-west", "ap-south"];
const PORT = 8080;

const unavailable = await netnsUnavailable();

describe("three regions in network namespaces", { skip: unavailable ? `skipped: ${unavailable}` : false, timeout: 120_000 }, () => {
  let net: NetnsBridge | undefined;
  let baseDir: string | undefined;
  const procs: ServerProcess[] = [];
  const agents: NsAgent[] = [];

  before(async () => {
    baseDir = await mkdtemp(join(tmpdir(), "lattice-e2e-netns-"));
    net = await NetnsBridge.create(REGIONS.length);
    const bridge = net;
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("LATTICE_") && k !== "NODE_TEST_CONTEXT") env[k] = v;
    for (const [i, region] of REGIONS.entries()) {
      const self = bridge.node(i).address;
      const peers = bridge.nodes.filter((n) => n.address !== self).map((n) => `ws://${n.address}:${PORT}`);
      const args = [
        ...["--host", "0.0.0.0", "--port", String(PORT), "--region", region, "--data-dir", join(baseDir, region)],
        ...["--peers", peers.join(","), "--advertise-url", `ws://${self}:${PORT}`, "--cluster-secret", "e2e-netns-secret"],
        ...["--peer-timeout-ms", String(PEER_TIMEOUT_MS), "--log-level", process.env.E2E_LOG === "1" ? "info" : "warn"],
      ];
      // No port: 127.0.0.1:8080 of the test's own namespace is not this replica (the agent reaches it).
      procs.push(new ServerProcess(undefined, args, env, { prefix: bridge.execPrefix(i) }));
      agents.push(bridge.agent(i));
    }
  });

  after(async () => {
    // Always, also after a failure: processes first (they hold their namespaces), then the
    // namespaces and links, then the data.
    await Promise.allSettled(procs.map((p) => p.stop(5000)));
    await net?.destroy();
    if (baseDir) await rm(baseDir, { recursive: true, force: true, maxRetries: 3 });
  });

  it("a region cut off by a downed link keeps accepting writes, and after the heal every region has every acknowledged write", async (t) => {
    const bridge = net as NetnsBridge;
    const harness: RegionsHarness = {
      regions: REGIONS,
      request: (i, method, path, body) => (agents[i] as NsAgent).request(method, PORT, path, body),
      isolate: (i) => bridge.linkDown(i),
      heal: async () => {
        for (const i of REGIONS.keys()) await bridge.linkUp(i);
      },
      describe: async () => {
        const parts: string[] = [];
        for (const [i, region] of REGIONS.entries()) {
          parts.push(`--- ${region} ${bridge.node(i).address} (${bridge.node(i).ns})`);
          try {
            parts.push(JSON.stringify(((await (agents[i] as NsAgent).request("GET", PORT, "/v1/cluster", undefined, 2000)).body as { peers?: unknown }).peers));
          } catch (err) {
            parts.push(`GET /v1/cluster failed: ${String(err)}`);
          }
          parts.push(`alive: ${procs[i]?.alive ?? false}, output: ${procs[i]?.output.slice(-2000) ?? ""}`);
        }
        return parts.join("\n");
      },
    };
    await runRegionScenario(t, harness, 2, "regions-netns");
  });
});

// Needs neither root nor a namespace: `ip netns exec` into one that does not exist fails at once
// (as does a missing `ip`), which is an agent that dies under a pending request.
describe("the agent into a namespace", () => {
  it("rejects a pending request when it exits, and a later one at once, saying why", { timeout: 10_000 }, async (t) => {
    const agent = new NsAgent(`lt-no-such-ns-${randomBytes(4).toString("hex")}`);
    t.after(() => agent.close());
    await assert.rejects(agent.request("GET", 8080, "/readyz"), /^Error: agent in lt-no-such-ns-\w+ (exited \(code [1-9]\d*, signal null\): \S|failed to start)/);
    const later = agent.request("GET", 8080, "/readyz");
    // "At once": settled before the next turn of the event loop, with no I/O to wait for.
    const settled = await Promise.race([later.then(() => "answered", () => "rejected"), new Promise((resolve) => setImmediate(() => resolve("pending")))]);
    assert.equal(settled, "rejected");
    await assert.rejects(later, /^Error: agent in lt-no-such-ns-\w+ (exited|failed to start).*: cannot GET \/readyz$/s);
  });
});
