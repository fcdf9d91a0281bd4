/**
 * The regions scenario (support/region-scenario.ts) through the partition lab, with no namespaces
 * and no root: `lattice cluster --lab` runs the three regions as child processes on 127.0.0.1,
 * `lattice lab partition` cuts one region off (the replica called forwards the rule to its
 * peers), `lattice lab heal` heals. Along the way: `lattice status` shows the cut, and SIGTERM
 * stops the whole cluster cleanly with each region's data under <data-dir>/<region>.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { CLUSTER_REGIONS } from "../server/cli/topology.js";
import { freePort } from "./support/process.js";
import { PEER_TIMEOUT_MS, runRegionScenario } from "./support/region-scenario.js";
import type { RegionsHarness } from "./support/region-scenario.js";
import type { ScriptResult } from "./support/server-cluster.js";
import { ServerProcess, httpJson, runNodeScript } from "./support/server-cluster.js";

const CLI_PATH = fileURLToPath(new URL(`../server/cli/main.${import.meta.url.endsWith(".ts") ? "ts" : "js"}`, import.meta.url));
const REGIONS = CLUSTER_REGIONS.map((r) => r.region);

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("LATTICE_") && k !== "NODE_TEST_CONTEXT") env[k] = v;
  return env;
}

/** One `lattice …` command to completion. */
const lattice = (args: readonly string[]): Promise<ScriptResult> => runNodeScript(CLI_PATH, args, cleanEnv());

describe("three regions with `lattice cluster --lab` and `lattice lab`", { timeout: 120_000 }, () => {
  let baseDir: string;
  let ports: number[];
  let cluster: ServerProcess | undefined;
  const out = (): string => cluster?.output ?? "";
  const url = (i: number): string => `http://127.0.0.1:${ports[i]}`;

  before(async () => {
    baseDir = await mkdtemp(join(tmpdir(), "lattice-e2e-lab-"));
    ports = [await freePort(), await freePort(), await freePort()];
    const args = ["cluster", "--lab", "--ports", ports.join(","), "--data-dir", join(baseDir, "data")];
    args.push("--peer-timeout-ms", String(PEER_TIMEOUT_MS), "--log-level", process.env.E2E_LOG === "1" ? "info" : "warn");
    // `group`: lattice cluster runs the three replicas as its own children.
    cluster = new ServerProcess(undefined, args, cleanEnv(), { script: CLI_PATH, group: true });
    const started = Date.now();
    while (!out().includes("lattice cluster: ready")) {
      if (!cluster.alive) throw new Error(`lattice cluster exited early (${JSON.stringify(cluster.exitStatus)}):\n${out()}`);
      if (Date.now() - started > 60_000) throw new Error(`lattice cluster not ready in 60 s:\n${out()}`);
      await sleep(100);
    }
  });

  after(async () => {
    // Also after a failure: SIGTERM, and the whole process group SIGKILLed if it is not gone in 15 s.
    await cluster?.stop(15_000);
    await rm(baseDir, { recursive: true, force: true, maxRetries: 3 });
  });

  it("prefixes every replica's log lines with its region", () => {
    for (const region of REGIONS) assert.match(out(), new RegExp(`^\\[${region}\\s*\\] .*LATTICE_LAB is on`, "m"), `a prefixed line from ${region}`);
  });

  it("a region cut off by `lattice lab partition` keeps accepting writes, and after `lattice lab heal` every region has every acknowledged write", async (t) => {
    const cut = 2;
    const harness: RegionsHarness = {
      regions: REGIONS,
      request: (i, method, path, body) => httpJson(method, `${url(i)}${path}`, body),
      isolate: async (i) => {
        for (const other of REGIONS.keys()) {
          if (other === i) continue;
          // Asked of one replica (not the cut one), applied by all three.
          const r = await lattice(["lab", "partition", REGIONS[i] as string, REGIONS[other] as string, "--url", url(other)]);
          assert.equal(r.code, 0, r.stdout + r.stderr);
          assert.equal((r.stdout.match(/: applied$/gm) ?? []).length, REGIONS.length - 1, r.stdout);
        }
        const shown = await lattice(["lab", "--url", url(i)]);
        assert.match(shown.stdout, new RegExp(`${REGIONS[i]} ✕`));
      },
      heal: async () => {
        const r = await lattice(["lab", "heal", "--url", url(cut)]);
        assert.equal(r.code, 0, r.stdout + r.stderr);
      },
      describe: async () => `${(await Promise.all(REGIONS.map((_, i) => lattice(["status", url(i)]).then((s) => s.stdout + s.stderr)))).join("\n")}\n${out().slice(-4000)}`,
    };
    await runRegionScenario(t, harness, cut, "regions-lab");
  });

  it("`lattice status` shows every region up as a table", async () => {
    const r = await lattice(["status", url(0)]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split("\n");
    assert.match(lines[0] ?? "", /^REGION\s+REPLICA\s+GOSSIP URL\s+STATE/);
    for (const region of REGIONS) assert.ok(lines.some((l) => l.startsWith(region) && /\b(self|up)\b/.test(l)), `${region} in\n${r.stdout}`);
    assert.match(r.stdout, /2 of 2 peer\(s\) connected/);
    assert.match(r.stdout, /partition lab: partitions: none; latency: none/);
  });

  it("SIGTERM stops all three replicas cleanly, each with its data under <data-dir>/<region>", async () => {
    assert.ok(cluster);
    assert.deepEqual(await cluster.kill("SIGTERM"), { code: 0, signal: null }, out().slice(-4000));
    for (const i of REGIONS.keys()) await assert.rejects(httpJson("GET", `${url(i)}/readyz`, undefined, 2000), `${REGIONS[i]} stopped`);
    for (const region of REGIONS) assert.ok(existsSync(join(baseDir, "data", region)), `${region}'s data directory`);
    assert.match(out(), /SIGTERM: stopping the cluster/);
  });
});
