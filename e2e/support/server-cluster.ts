/**
 * A cluster of real `npm start` processes (server/main.ts) for the client-API e2e tests: the
 * variant of cluster.ts that runs the actual entry point, with its service loading (the example
 * services, or LATTICE_FUNCTIONS), instead of an IPC-driven replica host. Each replica has an
 * on-disk (level) data directory in a temp dir and sits behind a fault-injecting TCP proxy
 * (tcp-proxy.ts) that its peers dial; tests talk to the replicas directly over HTTP and /v1/ws.
 *
 * ```ts
 * const cluster = await ServerCluster.start({ size: 3, peerTimeoutMs: 1500 });
 * t.after(() => cluster.close());
 * await cluster.waitConnected();
 * await httpJson("POST", `${cluster.httpUrl(0)}/v1/entities/counter/k/increment`, {});
 * cluster.isolate(2);          // C's packets vanish, both ways
 * cluster.heal();
 * ```
 *
 * The process is started from source (`node --import tsx server/main.ts`) when this file runs as
 * TypeScript, or as `dist/server/main.js` when compiled. Ports are chosen by binding port 0 and
 * releasing it just before the replica binds it (a replica that loses that race is restarted on
 * another port). Everything listens on and dials 127.0.0.1 only. `close()` stops every process it
 * started (SIGTERM, then SIGKILL), closes the proxies and removes the temp dir; the processes are
 * also SIGKILLed if the test process exits without closing, and signalled by the kernel if it dies
 * (see `parentDeathPrefix`).
 *
 * `ServerProcess` and `runNodeScript` are the one way e2e tests start Node processes of this
 * repository (a replica, `lattice cluster`, a `lattice …` command), also inside a network
 * namespace (`prefix`), so that every one of them is torn down the same way.
 */
import type { ChildProcess } from "node:child_process";
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { waitFor } from "./cluster.js";
import { freePort, getJson } from "./process.js";
import type { ProxyMode } from "./tcp-proxy.js";
import { TcpProxy, ownerPid } from "./tcp-proxy.js";

const TS = import.meta.url.endsWith(".ts");
const EXT = TS ? "ts" : "js";
const EXEC_ARGV = TS ? ["--import", import.meta.resolve("tsx")] : [];
/** server/main.ts, or dist/server/main.js when compiled (this file is then dist/e2e/support/). */
export const MAIN_PATH = fileURLToPath(new URL(`../../server/main.${EXT}`, import.meta.url));
/** The example services' module, for LATTICE_FUNCTIONS lists that keep the examples. */
export const EXAMPLES_PATH = fileURLToPath(new URL(`../../functions/examples/index.${EXT}`, import.meta.url));
/** A module under e2e/fixtures/, in the form this file runs in. */
export const fixturePath = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}.${EXT}`, import.meta.url));

const OUTPUT_TAIL = 16 * 1024;
const REGIONS = ["us-east", "eu-west", "ap-south", "sa-east", "af-south"];

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface NodeProcessOptions {
  /** The script to run; default server/main (`npm start`). */
  readonly script?: string;
  /**
   * A command that runs the rest of the command line in place (it execs, so the pid stays the
   * script's), such as `ip netns exec <ns>`.
   */
  readonly prefix?: readonly string[];
  /**
   * The process starts children of its own and stops them on SIGTERM (`lattice cluster`). It
   * leads a process group (where setpriv is there, see `spawnNode`), and every SIGKILL (`kill`,
   * the escalation of `stop`, the exit handler) goes to the whole group, as does one when the
   * leader exits: killing only the leader would orphan its children. SIGTERM goes to the leader
   * alone: the children would otherwise get it twice, and a replica takes a second SIGTERM as
   * "exit without the clean shutdown".
   */
  readonly group?: boolean;
}

/** `setpriv` where it can set a parent-death signal (util-linux on Linux), probed once. */
const SETPRIV = process.platform === "linux" && spawnSync("setpriv", ["--pdeathsig", "KILL", "--", "true"], { stdio: "ignore" }).status === 0 ? "setpriv" : undefined;

/**
 * A prefix that has the kernel send `signal` to the child when this process dies. The exit
 * handler below does not run when the test process is killed by a signal (a SIGTERMed or
 * Ctrl-C'd `node --test` takes its test files down that way) or SIGKILLed, and a replica left
 * running holds its port, its data dir or its network namespace. `setpriv` execs the command in
 * place, so the pid stays the child's. Empty without setpriv.
 */
function parentDeathPrefix(signal: "KILL" | "TERM"): string[] {
  return SETPRIV ? [SETPRIV, "--pdeathsig", signal, "--"] : [];
}

interface Spawned {
  readonly child: ChildProcess;
  /** It leads a process group of its own. */
  readonly group: boolean;
}

/** Every live child of this module, SIGKILLed if the test process exits without closing. */
const live = new Set<Spawned>();
process.on("exit", () => {
  for (const p of live) killTree(p.child, p.group);
});

/** SIGKILL to the child, or to its whole process group; a group already gone is not an error. */
function killTree(child: ChildProcess, group: boolean): void {
  if (!group || child.pid === undefined) {
    child.kill("SIGKILL");
    return;
  }
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // ESRCH: nothing of the group is left.
  }
}

/**
 * Starts `node [tsx] <script> <args>` for this module (tracked in `live` until it exits, with
 * the parent-death signal). `onExit` runs once, on `exit`, or on `close` when the process never
 * started (a spawn error has no `exit`).
 */
function spawnNode(args: readonly string[], env: NodeJS.ProcessEnv, options: NodeProcessOptions, onExit: (status: ExitStatus) => void): Spawned {
  const group = options.group === true;
  // A group leader stops its children itself on SIGTERM; SIGKILL would leave them running. Without
  // a parent-death signal it stays in the test's process group, where a Ctrl-C still reaches it.
  const command = [...parentDeathPrefix(group ? "TERM" : "KILL"), ...(options.prefix ?? []), process.execPath, ...EXEC_ARGV, options.script ?? MAIN_PATH, ...args];
  const detached = group && SETPRIV !== undefined;
  const child = spawn(command[0] as string, command.slice(1), { env, stdio: ["ignore", "pipe", "pipe"], detached });
  const entry: Spawned = { child, group: detached };
  live.add(entry);
  let done = false;
  const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
    if (done) return;
    done = true;
    live.delete(entry);
    // A leader that died (or was killed) without stopping its children takes them with it.
    if (detached) killTree(child, true);
    onExit({ code, signal });
  };
  child.once("exit", finish);
  child.once("close", finish);
  return entry;
}

/** One Node process of this repository: by default a `server/main.ts` replica. */
export class ServerProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<ExitStatus>;
  exitStatus: ExitStatus | undefined;
  private out = "";
  private readonly group: boolean;

  /** `port`: where it serves HTTP on 127.0.0.1, if the test reaches it there (`httpUrl`, `waitReady`). */
  constructor(
    readonly port: number | undefined,
    args: readonly string[],
    env: NodeJS.ProcessEnv,
    options: NodeProcessOptions = {},
  ) {
    let resolveExited!: (status: ExitStatus) => void;
    this.exited = new Promise((resolve) => (resolveExited = resolve));
    const spawned = spawnNode(args, env, options, (status) => {
      this.exitStatus = status;
      resolveExited(status);
    });
    this.child = spawned.child;
    this.group = spawned.group;
    this.child.stdout?.setEncoding("utf8").on("data", (s: string) => this.tail(s));
    this.child.stderr?.setEncoding("utf8").on("data", (s: string) => this.tail(s));
    this.child.on("error", (err) => this.tail(`spawn error: ${err.message}\n`));
  }

  get alive(): boolean {
    return this.exitStatus === undefined;
  }

  get pid(): number | undefined {
    return this.alive ? this.child.pid : undefined;
  }

  /** The last bytes the process wrote to stdout and stderr, for failure messages. */
  get output(): string {
    return this.out;
  }

  get httpUrl(): string {
    if (this.port === undefined) throw new Error("this process is not reachable on 127.0.0.1");
    return `http://127.0.0.1:${this.port}`;
  }

  private tail(s: string): void {
    this.out = (this.out + s).slice(-OUTPUT_TAIL);
  }

  /** Resolves once /readyz answers 200; rejects if the process exits first or after `timeoutMs`. */
  async waitReady(timeoutMs = 30_000): Promise<void> {
    const started = Date.now();
    while (this.alive) {
      try {
        await getJson(`${this.httpUrl}/readyz`);
        return;
      } catch {
        // not listening or not ready yet
      }
      if (Date.now() - started > timeoutMs) throw new Error(`replica on port ${this.port} not ready within ${timeoutMs} ms\n${this.out}`);
      await sleep(100);
    }
    throw new Error(`replica on port ${this.port} exited (${JSON.stringify(this.exitStatus)}) before it was ready\n${this.out}`);
  }

  /** Signals the process (SIGKILL: its whole group, with `group`); resolves when it has exited. */
  kill(signal: NodeJS.Signals): Promise<ExitStatus> {
    if (this.alive) {
      if (signal === "SIGKILL") killTree(this.child, this.group);
      else this.child.kill(signal);
    }
    return this.exited;
  }

  /** SIGTERM (main.ts and `lattice cluster` shut down cleanly), then SIGKILL after `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (!this.alive) return;
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => void this.kill("SIGKILL"), graceMs);
    try {
      await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

export interface ScriptResult extends ExitStatus {
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a Node script of this repository to completion (a `lattice …` command), started and
 * guarded as ServerProcess is; SIGKILLed if it runs longer than `timeoutMs`.
 */
export function runNodeScript(script: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    let spawnError: Error | undefined;
    const { child } = spawnNode(args, env, { script }, () => undefined);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout?.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr?.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", (err) => (spawnError ??= err));
    // `close`, not `exit`: output still in the pipes at `exit` belongs to the result.
    child.once("close", (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      if (spawnError) reject(spawnError);
      else resolve({ code, signal, stdout, stderr });
    });
  });
}

/** One replica slot: its proxy and data directory. */
export interface ServerSlot {
  readonly index: number;
  /** "A", "B", "C", …: also the source name proxies know its connections by. */
  readonly name: string;
  readonly region: string;
  readonly proxy: TcpProxy;
  readonly dataDir: string;
  process: ServerProcess | undefined;
  /** Replica id (from GET /v1/cluster once ready). */
  id: string | undefined;
}

export interface ServerClusterOptions {
  readonly size?: number;
  readonly peerTimeoutMs?: number;
  readonly fsync?: boolean;
  readonly secret?: string;
  /** LATTICE_FUNCTIONS entries (absolute paths); default: unset, so the example services run. */
  readonly functions?: readonly string[];
  /** Extra environment for every replica (LATTICE_LIMITS, …). */
  readonly env?: Readonly<Record<string, string>>;
  /** Default "warn" (fastify logs every request at info); E2E_LOG=1 raises it to info. */
  readonly logLevel?: string;
}

export interface PeerInfo {
  readonly url: string;
  readonly id: string | null;
  readonly region: string | null;
  readonly connected: boolean;
}

export interface ClusterInfo {
  readonly replica: { readonly id: string; readonly region: string; readonly url: string };
  readonly peers: readonly PeerInfo[];
}

export class ServerCluster {
  readonly nodes: ServerSlot[] = [];
  private closed = false;

  private constructor(
    readonly baseDir: string,
    private readonly opts: ServerClusterOptions,
  ) {}

  /** Starts `size` replicas meshed through their proxies and waits until each is ready (not for the mesh). */
  static async start(opts: ServerClusterOptions = {}): Promise<ServerCluster> {
    const size = opts.size ?? 3;
    const cluster = new ServerCluster(await mkdtemp(join(tmpdir(), "lattice-e2e-api-")), opts);
    try {
      for (let i = 0; i < size; i++) {
        const name = String.fromCharCode(65 + i);
        const proxy = await TcpProxy.start({ identify: (sock) => cluster.identify(sock) });
        cluster.nodes.push({ index: i, name, region: REGIONS[i] ?? `region-${i}`, proxy, dataDir: join(cluster.baseDir, name), process: undefined, id: undefined });
      }
      await Promise.all(cluster.nodes.map((n) => cluster.launch(n)));
    } catch (err) {
      await cluster.close();
      throw err;
    }
    return cluster;
  }

  private async identify(sock: Socket): Promise<string | undefined> {
    const byPid = new Map<number, string>();
    for (const n of this.nodes) if (n.process?.pid !== undefined) byPid.set(n.process.pid, n.name);
    const pid = await ownerPid(sock, [...byPid.keys()]);
    return pid === undefined ? undefined : byPid.get(pid);
  }

  private env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) {
      if (k.startsWith("LATTICE_") || k === "NODE_TEST_CONTEXT") continue;
      env[k] = v;
    }
    if (this.opts.functions && this.opts.functions.length > 0) env.LATTICE_FUNCTIONS = this.opts.functions.join(",");
    return { ...env, ...this.opts.env };
  }

  private async launch(n: ServerSlot, attempts = 3): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (this.closed) throw new Error("cluster closed");
      const port = await freePort();
      const peers = this.nodes.filter((m) => m !== n).map((m) => m.proxy.url);
      const args = [
        "--port", String(port),
        "--region", n.region,
        "--data-dir", n.dataDir,
        "--peers", peers.join(","),
        "--advertise-url", n.proxy.url,
        "--cluster-secret", this.opts.secret ?? "e2e-cluster-secret",
        "--peer-timeout-ms", String(this.opts.peerTimeoutMs ?? 5000),
        "--fsync", this.opts.fsync ? "1" : "0",
        "--log-level", process.env.E2E_LOG === "1" ? "info" : (this.opts.logLevel ?? "warn"),
      ];
      const proc = new ServerProcess(port, args, this.env());
      n.process = proc;
      try {
        await proc.waitReady();
      } catch (err) {
        await proc.stop(1000);
        // Someone else took the port between freePort() and the replica's bind: try another.
        if (attempt < attempts && /EADDRINUSE/.test(proc.output)) continue;
        throw new Error(`replica ${n.name}: ${(err as Error).message}`);
      }
      n.proxy.target = port;
      n.id = (await this.info(n.index)).replica.id;
      return;
    }
  }

  node(i: number): ServerSlot {
    const n = this.nodes[i];
    if (!n) throw new Error(`no replica ${i}`);
    return n;
  }

  /** http://127.0.0.1:PORT of replica `i` (direct, not through its proxy). */
  httpUrl(i: number): string {
    const p = this.node(i).process;
    if (!p?.alive) throw new Error(`replica ${this.node(i).name} is not running`);
    return p.httpUrl;
  }

  /** ws://127.0.0.1:PORT/v1/ws of replica `i`. */
  wsUrl(i: number): string {
    return `${this.httpUrl(i).replace(/^http:/, "ws:")}/v1/ws`;
  }

  /** GET /v1/cluster. */
  async info(i: number): Promise<ClusterInfo> {
    return (await getJson(`${this.httpUrl(i)}/v1/cluster`)) as ClusterInfo;
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

  /** Each running replica reports a connected peer with every other replica's id. */
  async waitConnected(timeoutMs = 20_000): Promise<void> {
    await waitFor(
      async () => {
        for (const n of this.nodes) {
          const info = await this.info(n.index);
          const live = new Set(info.peers.filter((p) => p.connected).map((p) => p.id));
          for (const m of this.nodes) if (m !== n && !live.has(m.id ?? "")) return false;
        }
        return true;
      },
      { timeoutMs, what: "all replicas connected", describe: () => this.describe() },
    );
  }

  /** Peer tables and recent output of every replica, for failure messages. */
  async describe(): Promise<string> {
    const parts: string[] = [];
    for (const n of this.nodes) {
      const p = n.process;
      parts.push(`--- ${n.name} id=${n.id ?? "?"} port=${p?.port ?? "?"} proxy=${n.proxy.port}->${n.proxy.target ?? "?"} (accepted ${n.proxy.accepted}, unidentified ${n.proxy.unidentified}, open ${n.proxy.openConnections}) alive=${p?.alive ?? false}`);
      if (p?.alive) {
        try {
          parts.push(JSON.stringify((await this.info(n.index)).peers));
        } catch (err) {
          parts.push(`GET /v1/cluster failed: ${String(err)}`);
        }
      }
      if (p?.output) parts.push(`output: ${p.output.slice(-2000)}`);
    }
    return parts.join("\n");
  }

  /** Stops every process (SIGTERM, then SIGKILL), closes the proxies, removes the temp dir. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled(this.nodes.map((n) => n.process?.stop(3000) ?? Promise.resolve()));
    await Promise.allSettled(this.nodes.map((n) => n.proxy.close()));
    await rm(this.baseDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

export interface HttpResult {
  readonly status: number;
  readonly body: unknown;
}

/**
 * One HTTP request with a JSON body (or none) to 127.0.0.1, without keep-alive; resolves with the
 * status and the parsed JSON body whatever the status.
 */
export function httpJson(method: "GET" | "POST", url: string, body?: unknown, timeoutMs = 15_000): Promise<HttpResult> {
  if (!url.startsWith("http://127.0.0.1:")) return Promise.reject(new Error(`refusing to call ${url}: 127.0.0.1 only`));
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { connection: "close" };
    if (payload) {
      headers["content-type"] = "application/json";
      headers["content-length"] = payload.length;
    }
    const req = request(url, { method, agent: false, headers, timeout: timeoutMs }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: text.length > 0 ? JSON.parse(text) : null });
        } catch {
          reject(new Error(`${method} ${url}: ${res.statusCode} with a body that is not JSON: ${text.slice(0, 200)}`));
        }
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${url} timed out after ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(payload);
  });
}
