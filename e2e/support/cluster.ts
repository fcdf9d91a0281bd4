/**
 * A cluster of real replica processes for e2e tests: N hosts (replica-host.ts) with on-disk
 * (level) data directories in a temp dir, each behind a fault-injecting TCP proxy that its peers
 * dial through, so that a test can cut, stall or reset the network between them, SIGKILL a
 * replica and restart it on the same (or an empty) data directory.
 *
 * ```ts
 * const cluster = await TestCluster.start({ size: 3, peerTimeoutMs: 1500 });
 * t.after(() => cluster.close());
 * await cluster.waitConnected();
 * await cluster.add(0, "k", "milk");
 * cluster.isolate(2);          // C's packets vanish, both ways
 * cluster.heal();
 * await cluster.waitConverged();
 * ```
 *
 * Everything listens on and dials 127.0.0.1 only. `close()` kills every host it started, closes
 * the proxies and removes the temp dir; call it from `after`/`t.after` so it runs on failure too.
 */
import type { ChildProcess } from "node:child_process";
import { fork } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type { ReplicaOptions } from "../../replica/options.js";
import { getJson, stopChild } from "./process.js";
import type { ProxyMode } from "./tcp-proxy.js";
import { TcpProxy, ownerPid } from "./tcp-proxy.js";

// Run the host the way this file runs: as TypeScript through tsx, or compiled in dist/.
const TS = import.meta.url.endsWith(".ts");
const HOST_PATH = fileURLToPath(new URL(`./replica-host.${TS ? "ts" : "js"}`, import.meta.url));
const EXEC_ARGV = TS ? ["--import", import.meta.resolve("tsx")] : [];

const STDERR_TAIL = 16 * 1024;

export interface HostReady {
  readonly id: string;
  readonly url: string;
  readonly port: number;
  readonly createdNow: boolean;
}

export interface HostError extends Error {
  code?: string;
}

/** One forked replica-host process and its IPC request channel. */
export class HostProcess {
  readonly child: ChildProcess;
  readonly ready: Promise<HostReady>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exitStatus: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private stderr = "";
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();

  constructor(args: readonly string[], env: NodeJS.ProcessEnv) {
    this.child = fork(HOST_PATH, [...args], { execArgv: EXEC_ARGV, env, stdio: ["ignore", "pipe", "pipe", "ipc"] });
    this.child.stdout?.setEncoding("utf8").on("data", (s: string) => this.tail(s));
    this.child.stderr?.setEncoding("utf8").on("data", (s: string) => this.tail(s));
    let readyResolve!: (r: HostReady) => void;
    let readyReject!: (e: Error) => void;
    this.ready = new Promise<HostReady>((res, rej) => {
      readyResolve = res;
      readyReject = rej;
    });
    // A rejected ready that nobody awaits (the host died later) must not crash the runner.
    this.ready.catch(() => {});
    this.exited = new Promise((resolve) => {
      this.child.once("exit", (code, signal) => {
        this.exitStatus = { code, signal };
        const err = new Error(`replica host exited (code ${code}, signal ${signal})`);
        readyReject(err);
        for (const [id, p] of this.pending) {
          clearTimeout(p.timer);
          p.reject(err);
          this.pending.delete(id);
        }
        resolve({ code, signal });
      });
    });
    this.child.on("error", () => {}); // exit follows; send() errors after death are expected
    this.child.on("message", (raw: unknown) => {
      const m = raw as { op?: string; id?: unknown; ok?: boolean; result?: unknown; error?: { code: string; message: string }; message?: string };
      if (m.op === "ready") {
        readyResolve(m as unknown as HostReady);
        return;
      }
      if (m.op === "fatal") {
        readyReject(new Error(`replica host failed to start: ${m.message ?? "?"}`));
        return;
      }
      const p = typeof m.id === "number" ? this.pending.get(m.id) : undefined;
      if (!p) return;
      this.pending.delete(m.id as number);
      clearTimeout(p.timer);
      if (m.ok) p.resolve(m.result);
      else {
        const err: HostError = new Error(`${m.error?.code ?? "error"}: ${m.error?.message ?? "?"}`);
        err.code = m.error?.code;
        p.reject(err);
      }
    });
  }

  get pid(): number | undefined {
    return this.exitStatus ? undefined : this.child.pid;
  }

  get alive(): boolean {
    return this.exitStatus === undefined;
  }

  /** The last bytes the host wrote to stdout/stderr, for failure messages. */
  get output(): string {
    return this.stderr;
  }

  private tail(s: string): void {
    this.stderr = (this.stderr + s).slice(-STDERR_TAIL);
  }

  request<T = unknown>(msg: Record<string, unknown>, timeoutMs = 15_000): Promise<T> {
    if (!this.alive || !this.child.connected) return Promise.reject(new Error("replica host is not running"));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`replica host did not answer ${String(msg.op)} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.child.send({ ...msg, id }, (err) => {
        if (!err) return;
        const p = this.pending.get(id);
        if (!p) return;
        this.pending.delete(id);
        clearTimeout(p.timer);
        reject(err);
      });
    });
  }

  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.alive) this.child.kill(signal);
    return this.exited;
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.alive) await stopChild(this.child, this.exited, graceMs);
  }
}

export interface PeerStatus {
  readonly url: string;
  readonly id: string | null;
  readonly region: string | null;
  readonly connected: boolean;
  readonly lastHeardMs: number | null;
  readonly queuedDeltas: number;
  readonly lastAntiEntropyMs: number | null;
  readonly error?: string;
}

export interface HostStatus {
  readonly id: string;
  readonly region: string;
  readonly url: string;
  readonly peers: readonly PeerStatus[];
}

export interface ReadResult {
  readonly view: unknown;
  readonly digest: string | null;
  readonly stateDigest: string;
  readonly version: Record<string, number>;
  readonly deleted: boolean;
}

export interface WriteResult {
  readonly changed: boolean;
  readonly version: Record<string, number>;
}

export interface WriteOptions {
  readonly consistency?: "local" | "majority" | "all";
  readonly timeoutMs?: number;
}

/** One replica slot: its proxy and data directory outlive the processes started on them. */
export interface NodeSlot {
  readonly index: number;
  /** "A", "B", "C", …: also the source name proxies know its connections by. */
  readonly name: string;
  readonly region: string;
  readonly proxy: TcpProxy;
  dataDir: string;
  host: HostProcess | undefined;
  /** Replica id of the running (or last) process. */
  id: string | undefined;
  /** Every replica id this slot has had, oldest first. */
  readonly ids: string[];
}

export interface ClusterOptions {
  readonly size?: number;
  readonly peerTimeoutMs?: number;
  readonly fsync?: boolean;
  readonly secret?: string;
  readonly replicaOptions?: Partial<ReplicaOptions>;
  /** Set E2E_LOG=1 in the environment to see the replicas' logs instead. */
  readonly logLevel?: string;
}

const REGIONS = ["us-east", "eu-west", "ap-south", "sa-east", "af-south"];

export class TestCluster {
  readonly nodes: NodeSlot[] = [];
  private closed = false;
  private incarnation = 0;

  private constructor(
    readonly baseDir: string,
    private readonly opts: ClusterOptions,
  ) {}

  /** Starts `size` replicas meshed through their proxies (does not wait for the mesh). */
  static async start(opts: ClusterOptions = {}): Promise<TestCluster> {
    const size = opts.size ?? 3;
    const cluster = new TestCluster(await mkdtemp(join(tmpdir(), "lattice-e2e-")), opts);
    try {
      for (let i = 0; i < size; i++) {
        const name = String.fromCharCode(65 + i);
        const proxy = await TcpProxy.start({ identify: (sock) => cluster.identify(sock) });
        cluster.nodes.push({
          index: i,
          name,
          region: REGIONS[i] ?? `region-${i}`,
          proxy,
          dataDir: cluster.newDataDir(name),
          host: undefined,
          id: undefined,
          ids: [],
        });
      }
      await Promise.all(cluster.nodes.map((n) => cluster.launch(n)));
    } catch (err) {
      await cluster.close();
      throw err;
    }
    return cluster;
  }

  private newDataDir(name: string): string {
    return join(this.baseDir, `${name}-${++this.incarnation}`);
  }

  private async identify(sock: Socket): Promise<string | undefined> {
    const byPid = new Map<number, string>();
    for (const n of this.nodes) if (n.host?.pid !== undefined) byPid.set(n.host.pid, n.name);
    const pid = await ownerPid(sock, [...byPid.keys()]);
    return pid === undefined ? undefined : byPid.get(pid);
  }

  private hostEnv(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) {
      if (k.startsWith("LATTICE_") || k === "NODE_TEST_CONTEXT" || k === "E2E_REPLICA_OPTIONS") continue;
      env[k] = v;
    }
    if (this.opts.replicaOptions) env.E2E_REPLICA_OPTIONS = JSON.stringify(this.opts.replicaOptions);
    return env;
  }

  private async launch(n: NodeSlot): Promise<HostReady> {
    if (this.closed) throw new Error("cluster closed");
    const peers = this.nodes.filter((m) => m !== n).map((m) => m.proxy.url);
    const args = [
      "--port", "0",
      "--region", n.region,
      "--data-dir", n.dataDir,
      "--peers", peers.join(","),
      "--advertise-url", n.proxy.url,
      "--cluster-secret", this.opts.secret ?? "e2e-cluster-secret",
      "--peer-timeout-ms", String(this.opts.peerTimeoutMs ?? 5000),
      "--fsync", this.opts.fsync ? "1" : "0",
      "--log-level", this.opts.logLevel ?? "warn",
    ];
    const host = new HostProcess(args, this.hostEnv());
    n.host = host;
    let ready: HostReady;
    try {
      ready = await withTimeout(host.ready, 30_000, `replica ${n.name} did not start`);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- ${n.name} output ---\n${host.output}`);
    }
    n.id = ready.id;
    n.ids.push(ready.id);
    n.proxy.target = ready.port;
    return ready;
  }

  node(i: number): NodeSlot {
    const n = this.nodes[i];
    if (!n) throw new Error(`no replica ${i}`);
    return n;
  }

  host(i: number): HostProcess {
    const h = this.node(i).host;
    if (!h?.alive) throw new Error(`replica ${this.node(i).name} is not running`);
    return h;
  }

  running(): NodeSlot[] {
    return this.nodes.filter((n) => n.host?.alive);
  }

  request<T>(i: number, msg: Record<string, unknown>, timeoutMs?: number): Promise<T> {
    return this.host(i).request<T>(msg, timeoutMs);
  }

  /** orset add on service e2e-set; resolves once acknowledged. */
  add(i: number, key: string, value: unknown, w: WriteOptions = {}): Promise<WriteResult> {
    return this.request<WriteResult>(i, { op: "add", key, value, ...w });
  }

  /** gcounter increment on service e2e-counter; resolves once acknowledged. */
  incr(i: number, key: string, n: number, w: WriteOptions = {}): Promise<WriteResult> {
    return this.request<WriteResult>(i, { op: "incr", key, n, ...w });
  }

  read(i: number, key: string, type: "orset" | "gcounter" = "orset"): Promise<ReadResult> {
    return this.request<ReadResult>(i, { op: "read", key, type });
  }

  async members(i: number, key: string): Promise<Set<unknown>> {
    const r = await this.read(i, key, "orset");
    return new Set(r.view as unknown[]);
  }

  async counter(i: number, key: string): Promise<number> {
    return (await this.read(i, key, "gcounter")).view as number;
  }

  async root(i: number): Promise<string> {
    return (await this.request<{ root: string }>(i, { op: "digests" })).root;
  }

  status(i: number): Promise<HostStatus> {
    return this.request<HostStatus>(i, { op: "status" });
  }

  /** GET /v1/cluster on the replica's own port (not through its proxy). */
  async clusterInfo(i: number): Promise<{ replica: { id: string; region: string; url: string }; peers: PeerStatus[] }> {
    const port = this.node(i).proxy.target;
    if (port === undefined) throw new Error("replica has no port");
    return (await getJson(`http://127.0.0.1:${port}/v1/cluster`)) as { replica: { id: string; region: string; url: string }; peers: PeerStatus[] };
  }

  /** Sends `signal` and waits for the process to exit. */
  async kill(i: number, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const n = this.node(i);
    await n.host?.kill(signal);
  }

  /** Starts slot `i` again: on its data directory, or on a new empty one with `empty`. */
  async restart(i: number, opts: { empty?: boolean } = {}): Promise<HostReady> {
    const n = this.node(i);
    if (n.host?.alive) throw new Error(`replica ${n.name} is still running`);
    if (opts.empty) {
      const old = n.dataDir;
      n.dataDir = this.newDataDir(n.name);
      await rm(old, { recursive: true, force: true });
    }
    return this.launch(n);
  }

  /**
   * Cuts replica `i` off from all others: its own proxy (everything dialed to it) and, on every
   * other proxy, the connections it dialed, get `mode`.
   */
  isolate(i: number, mode: ProxyMode = "drop"): void {
    const n = this.node(i);
    n.proxy.setMode(mode);
    for (const m of this.nodes) if (m !== n) m.proxy.setModeFor(n.name, mode);
  }

  /** Every proxy back to pass. */
  heal(): void {
    for (const n of this.nodes) n.proxy.resetModes("pass");
  }

  /** Each running replica has a live session with every other running replica's current id. */
  async waitConnected(timeoutMs = 20_000): Promise<void> {
    await waitFor(
      async () => {
        const running = this.running();
        for (const n of running) {
          const s = await this.status(n.index);
          const live = new Set(s.peers.filter((p) => p.connected).map((p) => p.id));
          for (const m of running) if (m !== n && !live.has(m.id ?? "")) return false;
        }
        return true;
      },
      { timeoutMs, what: "all replicas connected", describe: () => this.describe() },
    );
  }

  /** Polls until every running replica has the same digest-tree root; returns it. */
  async waitConverged(timeoutMs = 20_000): Promise<string> {
    let root = "";
    await waitFor(
      async () => {
        const roots = await Promise.all(this.running().map((n) => this.root(n.index)));
        root = roots[0] ?? "";
        return roots.every((r) => r === root);
      },
      { timeoutMs, what: "equal digest roots", describe: () => this.describe() },
    );
    return root;
  }

  /** Statuses, roots and recent output of every replica, for failure messages. */
  async describe(): Promise<string> {
    const parts: string[] = [];
    for (const n of this.nodes) {
      parts.push(`--- ${n.name} ids=${n.ids.join(",")} proxy=${n.proxy.port}->${n.proxy.target ?? "?"} (accepted ${n.proxy.accepted}, unidentified ${n.proxy.unidentified}, open ${n.proxy.openConnections}) alive=${n.host?.alive ?? false}`);
      if (n.host?.alive) {
        try {
          const [s, root] = await Promise.all([this.status(n.index), this.root(n.index)]);
          parts.push(`root ${root}`, JSON.stringify(s.peers));
        } catch (err) {
          parts.push(`status failed: ${String(err)}`);
        }
      }
      if (n.host?.output) parts.push(`output: ${n.host.output.slice(-2000)}`);
    }
    return parts.join("\n");
  }

  /** Stops every host (SIGTERM, then SIGKILL), closes the proxies, removes the temp dir. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled(this.nodes.map((n) => (n.host ? n.host.stop(3000) : Promise.resolve())));
    await Promise.allSettled(this.nodes.map((n) => n.proxy.close()));
    await rm(this.baseDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

export interface WaitOptions {
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
  readonly what?: string;
  readonly describe?: () => Promise<string> | string;
}

/**
 * Polls `check` until it returns true and resolves with the ms that took (performance.now():
 * sub-millisecond, and no step when the wall clock is set; bench/convergence.ts reports it);
 * throws after `timeoutMs` (with `describe()` in the message).
 */
export async function waitFor(check: () => Promise<boolean> | boolean, opts: WaitOptions = {}): Promise<number> {
  const started = performance.now();
  const timeoutMs = opts.timeoutMs ?? 10_000;
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return performance.now() - started;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (performance.now() - started > timeoutMs) {
      const detail = opts.describe ? await opts.describe() : "";
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${opts.what ?? "a condition"}${lastError !== undefined ? ` (last error: ${lastError instanceof Error ? lastError.message : JSON.stringify(lastError)})` : ""}\n${detail}`,
      );
    }
    await sleep(opts.intervalMs ?? 100);
  }
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

