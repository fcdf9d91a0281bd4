import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { LatticeNode } from "../node.js";
import { startTestNode } from "../test-support/harness.js";
import { clusterHelp, formatLogLine } from "./cluster.js";
import { parseDuration } from "./lab.js";
import { startHelp } from "./start.js";
import { formatCluster } from "./status.js";
import { SETTINGS } from "../config.js";
import { UsageError } from "./usage.js";

const TS = import.meta.url.endsWith(".ts");
const CLI = fileURLToPath(new URL(`./main.${TS ? "ts" : "js"}`, import.meta.url));

function lattice(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const child = spawn(process.execPath, [...(TS ? ["--import", import.meta.resolve("tsx")] : []), CLI, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("lattice CLI pieces", () => {
  it("start --help lists a flag for every LATTICE_* setting", () => {
    const help = startHelp();
    for (const [name, flag] of Object.entries(SETTINGS)) assert.match(help, new RegExp(`--${flag}\\s+${name}\\s+\\S`), name);
  });

  it("cluster --help names the three regions and their ports, and passes the other settings on", () => {
    const help = clusterHelp();
    assert.match(help, /us-east on 8081, eu-west on 8082, ap-south on 8083/);
    assert.match(help, /--functions/);
    assert.doesNotMatch(help.split("Passed to every replica:")[1] ?? "", /--port\b|--region\b|--peers\b/);
  });

  it("parses lab durations", () => {
    assert.equal(parseDuration("120ms"), 120);
    assert.equal(parseDuration("120"), 120);
    assert.equal(parseDuration("1.5s"), 1500);
    for (const bad of ["fast", "-5ms", "1.5ms", "12 min"]) assert.throws(() => parseDuration(bad), UsageError, bad);
  });

  it("turns a replica's JSON log line into a short one, hides request logs unless verbose", () => {
    const time = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
    assert.equal(formatLogLine(JSON.stringify({ level: 40, time, msg: "peer x silent: marked down" }), false), "03:04:05.678 WARN  peer x silent: marked down");
    assert.equal(formatLogLine(JSON.stringify({ level: 50, time, msg: "failed", err: { message: "boom" } }), false), "03:04:05.678 ERROR failed: boom");
    assert.equal(formatLogLine(JSON.stringify({ level: 30, time, msg: "incoming request" }), false), undefined);
    assert.match(formatLogLine(JSON.stringify({ level: 30, time, msg: "incoming request" }), true) ?? "", /INFO {2}incoming request/);
    assert.equal(formatLogLine("lattice: failed to start", false), "lattice: failed to start");
    assert.equal(formatLogLine("{not json", false), "{not json");
  });

  it("formats /v1/cluster as a table with one row per replica", () => {
    const text = formatCluster(
      {
        replica: { id: "A1", region: "us-east", url: "ws://127.0.0.1:8081" },
        peers: [
          { url: "ws://127.0.0.1:8083", id: "C3", region: "ap-south", connected: false, lastHeardMs: 7200, queuedDeltas: 4, lastAntiEntropyMs: null, error: "timed out" },
          { url: "ws://127.0.0.1:8082", id: "B2", region: "eu-west", connected: true, lastHeardMs: 120, queuedDeltas: 0, lastAntiEntropyMs: 1500 },
        ],
      },
      { partitions: [["ap-south", "us-east"]], latencyMs: { "eu-west": 120 } },
    );
    const lines = text.split("\n");
    assert.match(lines[0] ?? "", /^REGION\s+REPLICA\s+GOSSIP URL\s+STATE\s+LAST HEARD\s+QUEUED\s+ANTI-ENTROPY\s+NOTE$/);
    assert.match(lines[1] ?? "", /^us-east\s+A1\s+ws:\/\/127\.0\.0\.1:8081\s+self$/);
    assert.match(lines[2] ?? "", /^ap-south\s+C3\s+\S+\s+down\s+7\.2 s ago\s+4\s+never\s+timed out$/);
    assert.match(lines[3] ?? "", /^eu-west\s+B2\s+\S+\s+up\s+120 ms ago\s+0\s+1\.5 s ago$/);
    assert.match(text, /1 of 2 peer\(s\) connected/);
    assert.match(text, /partition lab: partitions: ap-south ✕ us-east; latency: eu-west \+120 ms/);
  });
});

describe("lattice command lines", () => {
  let node: LatticeNode;
  before(async () => {
    node = await startTestNode();
  });
  after(() => node.close());

  it("exits 2 with a pointer to --help on an unknown command or option", async () => {
    const unknown = await lattice(["launch"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "launch"/);
    const badFlag = await lattice(["status", "--colour"]);
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.stderr, /lattice status --help/);
  });

  it("`lattice cluster` takes a bare --fsync like `lattice start` does", async () => {
    const r = await lattice(["cluster", "--fsync", "--help"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Usage: lattice cluster/);
  });

  it("`lattice lab partition` against a replica without LATTICE_LAB exits 1 and says how to turn it on", async () => {
    const r = await lattice(["lab", "partition", "us-east", "eu-west", "--url", node.url]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /404 unknown_command: .*LATTICE_LAB=1/);
  });

  it("`lattice status --json` prints /v1/cluster", async () => {
    const r = await lattice(["status", node.url, "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as { replica: { id: string } };
    assert.equal(doc.replica.id, node.replica.id);
  });
});
