/**
 * Three regions as real `npm start` processes, each in its own network namespace on a bridge
 * (support/netns.ts): one region is cut off by taking its bridge port down — packets vanish, no
 * resets — every region writes, the link comes back, and every region converges with every
 * acknowledged write (support/region-scenario.ts). Skipped, with the reason, only where network
 * namespaces cannot be created (not Linux, no iproute2, not root); CI runs as root with iproute2.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { stopChild } from "./support/process.js";
import { PEER_TIMEOUT_MS, runRegionScenario } from "./support/region-scenario.js";
import type { RegionsHarness } from "./support/region-scenario.js";
import { MAIN_PATH } from "./support/server-cluster.js";
import type { NsAgent } from "./support/netns.js";
import { NetnsBridge, netnsUnavailable } from "./support/netns.js";

const REGIONS = ["us-east", "eu-west", "ap-south"];
const PORT = 8080;
const TS = import.meta.url.endsWith(".ts");
const EXEC_ARGV = TS ? ["--import", import.meta.resolve("tsx")] : [];
const OUTPUT_TAIL = 8 * 1024;

const unavailable = await netnsUnavailable();

describe("three regions in network namespaces", { skip: unavailable ? `skipped: ${unavailable}` : false, timeout: 120_000 }, () => {
  let net: NetnsBridge | undefined;
  let baseDir: string | undefined;
  const procs: { child: ChildProcess; exited: Promise<unknown>; out: string }[] = [];
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
        ...EXEC_ARGV,
        MAIN_PATH,
        ...["--host", "0.0.0.0", "--port", String(PORT), "--region", region, "--data-dir", join(baseDir, region)],
        ...["--peers", peers.join(","), "--advertise-url", `ws://${self}:${PORT}`, "--cluster-secret", "e2e-netns-secret"],
        ...["--peer-timeout-ms", String(PEER_TIMEOUT_MS), "--log-level", process.env.E2E_LOG === "1" ? "info" : "warn"],
      ];
      const child = bridge.spawn(i, process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
      const proc = { child, out: "", exited: new Promise((resolve) => child.once("exit", resolve)) };
      const tail = (s: string): void => void (proc.out = (proc.out + s).slice(-OUTPUT_TAIL));
      child.stdout?.setEncoding("utf8").on("data", tail);
      child.stderr?.setEncoding("utf8").on("data", tail);
      procs.push(proc);
      agents.push(bridge.agent(i));
    }
  });

  after(async () => {
    // Always, also after a failure: processes first (they hold their namespaces), then the
    // namespaces and links, then the data.
    await Promise.allSettled(procs.map((p) => stopChild(p.child, p.exited, 5000)));
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
          parts.push(`output: ${procs[i]?.out.slice(-2000) ?? ""}`);
        }
        return parts.join("\n");
      },
    };
    await runRegionScenario(t, harness, 2, "regions-netns");
  });
});
