/**
 * Real `npm start` processes for the client-API benchmarks (http.ts, ws.ts): server/main.ts from
 * source under `node --import tsx` when the benchmark runs from source, dist/server/main.js when
 * it runs compiled, configured by flags and LATTICE_* variables exactly as a user would. The
 * example services are loaded (LATTICE_FUNCTIONS unset).
 *
 * {@link startMesh} starts N replicas on 127.0.0.1, each with its own level data directory
 * (fsync off unless asked), every one listing all the others as peers, and waits until each has
 * a live session with every other. Children die with the benchmark process.
 */
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { freePort, getJson, stopChild } from "../../e2e/support/process.js";
import { killOnExit } from "./child.js";
import type { ProcMemory } from "./proc.js";
import { tempDir } from "./stats.js";

export { freePort, getJson };

const compiled = import.meta.url.endsWith(".js");
const MAIN = fileURLToPath(new URL(`../../server/main.${compiled ? "js" : "ts"}`, import.meta.url));
const LOADER = compiled ? [] : ["--import", "tsx"];
const OUTPUT_TAIL = 8 * 1024;
const REGIONS = ["us-east", "eu-west", "ap-south", "sa-east", "af-south"];

export interface LatticeServerOptions {
  readonly port: number;
  readonly region: string;
  /** Level data directory (absolute). */
  readonly dataDir: string;
  readonly peers: readonly string[];
  readonly fsync?: boolean;
  /** LATTICE_LIMITS, e.g. "maxFramesPerSecond=1000000". */
  readonly limits?: string;
  /** Extra node flags, such as --cpu-prof. */
  readonly nodeFlags?: readonly string[];
}

/** One replica process. */
export class LatticeServer {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  private alive = true;
  private out = "";

  constructor(readonly opts: LatticeServerOptions) {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("LATTICE_")) env[k] = v;
    env.LATTICE_CLUSTER_SECRET = "bench-cluster-secret";
    if (opts.limits) env.LATTICE_LIMITS = opts.limits;
    const args = [
      ...(opts.nodeFlags ?? []),
      ...LOADER,
      MAIN,
      "--port", String(opts.port),
      "--region", opts.region,
      "--data-dir", opts.dataDir,
      "--peers", opts.peers.join(","),
      "--fsync", opts.fsync ? "1" : "0",
      // fastify logs every request at info: that would be a logging benchmark.
      "--log-level", "warn",
    ];
    this.child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    killOnExit(this.child);
    this.child.stdout?.setEncoding("utf8").on("data", (s: string) => this.tail(s));
    this.child.stderr?.setEncoding("utf8").on("data", (s: string) => this.tail(s));
    this.child.on("error", (err) => this.tail(`spawn error: ${err.message}\n`));
    this.exited = new Promise((resolve) => {
      this.child.once("exit", () => {
        this.alive = false;
        resolve();
      });
    });
  }

  get pid(): number {
    const pid = this.child.pid;
    if (pid === undefined) throw new Error("the replica process has no pid");
    return pid;
  }

  get url(): string {
    return `http://127.0.0.1:${this.opts.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.opts.port}`;
  }

  get output(): string {
    return this.out;
  }

  private tail(s: string): void {
    this.out = (this.out + s).slice(-OUTPUT_TAIL);
  }

  async waitReady(timeoutMs = 30_000): Promise<void> {
    const started = Date.now();
    while (this.alive) {
      try {
        await getJson(`${this.url}/readyz`);
        return;
      } catch {
        // not up yet
      }
      if (Date.now() - started > timeoutMs) break;
      await sleep(100);
    }
    throw new Error(`replica ${this.opts.region} on port ${this.opts.port} did not become ready\n${this.out}`);
  }

  /** Replica id and how many peers are connected (GET /v1/cluster). */
  async cluster(): Promise<{ id: string; connectedPeerIds: string[] }> {
    const c = (await getJson(`${this.url}/v1/cluster`)) as { replica: { id: string }; peers: { id: string | null; connected: boolean }[] };
    return { id: c.replica.id, connectedPeerIds: c.peers.filter((p) => p.connected && p.id).map((p) => p.id as string) };
  }

  /** SIGTERM (a clean shutdown, which also writes a --cpu-prof profile), SIGKILL after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.alive) await stopChild(this.child, this.exited, graceMs);
  }
}

export interface MeshOptions {
  readonly size: number;
  /** Parent of the replicas' data directories. */
  readonly baseDir: string;
  readonly fsync?: boolean;
  readonly limits?: string;
  /** Node flags per replica index (e.g. --cpu-prof for replica 0 only). */
  readonly nodeFlags?: (index: number) => readonly string[];
}

/** Starts `size` fully meshed replicas and waits until every one is connected to all others. */
export async function startMesh(opts: MeshOptions, timeoutMs = 30_000): Promise<LatticeServer[]> {
  const ports: number[] = [];
  for (let i = 0; i < opts.size; i++) ports.push(await freePort());
  const servers = ports.map(
    (port, i) =>
      new LatticeServer({
        port,
        region: REGIONS[i] ?? `region-${i}`,
        dataDir: join(opts.baseDir, `replica-${i}`),
        peers: ports.filter((p) => p !== port).map((p) => `ws://127.0.0.1:${p}`),
        ...(opts.fsync !== undefined ? { fsync: opts.fsync } : {}),
        ...(opts.limits !== undefined ? { limits: opts.limits } : {}),
        ...(opts.nodeFlags ? { nodeFlags: opts.nodeFlags(i) } : {}),
      }),
  );
  try {
    await Promise.all(servers.map((s) => s.waitReady(timeoutMs)));
    const started = Date.now();
    for (;;) {
      const infos = await Promise.all(servers.map((s) => s.cluster()));
      const ids = infos.map((c) => c.id);
      if (infos.every((c, i) => ids.every((id, j) => j === i || c.connectedPeerIds.includes(id)))) break;
      if (Date.now() - started > timeoutMs) throw new Error(`replicas not meshed after ${timeoutMs} ms: ${JSON.stringify(infos)}`);
      await sleep(100);
    }
  } catch (err) {
    await Promise.all(servers.map((s) => s.stop(2000)));
    throw err;
  }
  return servers;
}

/**
 * Runs `use` on a mesh of `opts.size` replicas whose data directories are in a fresh temp dir
 * (prefixed `name`); stops the replicas and removes the dir on every path, so that a failed run
 * leaves neither processes nor level data behind.
 */
export async function withMesh<T>(name: string, opts: Omit<MeshOptions, "baseDir">, use: (servers: LatticeServer[]) => Promise<T>): Promise<T> {
  const dir = tempDir(name);
  let servers: LatticeServer[] = [];
  try {
    servers = await startMesh({ ...opts, baseDir: dir.path });
    return await use(servers);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    dir.remove();
  }
}

/**
 * MeshOptions.nodeFlags for BENCH_PROFILE_DIR: --cpu-prof on the measured replica (index 0), and
 * on its peers too with BENCH_PROFILE_PEERS=1; no flags without a `profileDir`.
 */
export function measuredReplicaProfile(profileDir: string | undefined): (index: number) => readonly string[] {
  return (i) => (profileDir && (i === 0 || process.env.BENCH_PROFILE_PEERS === "1") ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : []);
}

/**
 * The Lattice half of http.ts and ws.ts: `R` is one load run (of autocannon, or of ./ws-load.ts)
 * on replica 0 of a mesh of three, the counter increments spread over many keys and on one hot key.
 */
export interface CounterRuns<R> {
  spread: R;
  hot: R;
  /** Replica 0's RSS after both runs. */
  memory: ProcMemory | null;
  /** Process ids (profile files are named after them). */
  pids: { replica: number; peerB: number; peerC: number };
  check: CounterCheck;
}

export interface CounterCheck {
  acknowledged: number;
  sumOnA: number;
  sumOnB: number;
  ok: boolean;
}

/**
 * Whether the counters `keys` on replica `a` hold every acknowledged increment, plus at most
 * `maxUnanswered` that were applied without an answer reaching the client (requests in flight
 * when the load stopped), and whether peer `b` reaches the same sum through gossip (within 10 s).
 */
export async function counterCheck(a: LatticeServer, b: LatticeServer, keys: readonly string[], acknowledged: number, maxUnanswered: number): Promise<CounterCheck> {
  const sumOnA = await counterSum(a.url, keys);
  let sumOnB = await counterSum(b.url, keys);
  for (let i = 0; i < 20 && sumOnB !== sumOnA; i++) {
    await sleep(500);
    sumOnB = await counterSum(b.url, keys);
  }
  const ok = sumOnA >= acknowledged && sumOnA - acknowledged <= maxUnanswered && sumOnB === sumOnA;
  return { acknowledged, sumOnA, sumOnB, ok };
}

/** Sum of the `counter` service's entities `keys` on one replica (GETs, 16 in flight). */
export async function counterSum(baseUrl: string, keys: readonly string[]): Promise<number> {
  if (!baseUrl.startsWith("http://127.0.0.1:")) throw new Error(`refusing to fetch ${baseUrl}: 127.0.0.1 only`);
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const get = (key: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = request(`${baseUrl}/v1/entities/counter/${encodeURIComponent(key)}`, { agent, timeout: 10_000 }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => {
          if (res.statusCode !== 200) reject(new Error(`GET counter/${key}: ${res.statusCode} ${body.slice(0, 200)}`));
          else resolve((JSON.parse(body) as { state: number }).state);
        });
      });
      req.on("timeout", () => req.destroy(new Error(`GET counter/${key} timed out`)));
      req.on("error", reject);
      req.end();
    });
  try {
    let sum = 0;
    for (let i = 0; i < keys.length; i += 16) sum += (await Promise.all(keys.slice(i, i + 16).map(get))).reduce((a, b) => a + b, 0);
    return sum;
  } finally {
    agent.destroy();
  }
}
