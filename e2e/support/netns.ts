/**
 * Real network partitions for e2e tests: Linux network namespaces on a bridge (`ip netns`, veth),
 * no `tc` needed. Each node gets its own namespace with one interface (`eth0`, 10.77.0.x/24) whose
 * other end is a port of a bridge in a hub namespace of its own; taking a node's port down on the
 * hub makes its packets vanish both ways (no RST, no ICMP from the far side), which is what a
 * partitioned region looks like to TCP.
 *
 * Nothing is added to the root namespace: every link and address lives in namespaces this module
 * creates, with names unique to the process, and `destroy()` deletes them (deleting a namespace
 * deletes its veth ends). Namespaces left by a crash are deleted at process exit too.
 *
 * Tests reach a node through a small agent process running inside its namespace (HTTP to the
 * node's own 127.0.0.1 over stdin/stdout JSON lines), so the test process itself needs no route
 * into the namespaces and the agent keeps working while the node is cut off. The agent exits once
 * its stdin closes, which the death of the test process does too, so it is never left behind.
 *
 * ```ts
 * const why = await netnsUnavailable();   // a reason to skip, or undefined
 * const net = await NetnsBridge.create(3);
 * t.after(() => net.destroy());
 * const proc = new ServerProcess(undefined, args, env, { prefix: net.execPrefix(0) });  // server-cluster.ts
 * const agent = net.agent(0);             // agent.request("GET", 8080, "/readyz")
 * await net.linkDown(2);                  // node 2's packets vanish
 * await net.linkUp(2);
 * ```
 *
 * @module
 */
import type { ChildProcess } from "node:child_process";
import { execFile, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The subnet of every bridge (one per test run, inside its own hub namespace, so runs never clash). */
export const SUBNET_PREFIX = "10.77.0.";
const FIRST_HOST = 11;
/** How much longer than its own HTTP timeout an agent may take to answer (spawn, JSON, pipes). */
const AGENT_MARGIN_MS = 5000;
/** What an agent that died said last, for the reason its requests give. */
const AGENT_STDERR_TAIL = 2048;

/** Namespaces created by this process and not yet deleted, removed at exit if a test crashed. */
const created = new Set<string>();
process.on("exit", () => {
  for (const ns of created) {
    try {
      execFileSync("ip", ["netns", "del", ns], { stdio: "ignore" });
    } catch {
      // Already gone.
    }
  }
});

async function ip(...args: string[]): Promise<void> {
  try {
    await run("ip", args, { timeout: 10_000 });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? "";
    throw new Error(`ip ${args.join(" ")} failed: ${stderr.trim() || (err as Error).message}`);
  }
}

/** Why namespaces cannot be used here (not Linux, no `ip`, not permitted), or undefined when they can. */
export async function netnsUnavailable(): Promise<string | undefined> {
  if (process.platform !== "linux") return `network namespaces need Linux (this is ${process.platform})`;
  const probe = `lt-probe-${process.pid}-${randomBytes(3).toString("hex")}`;
  try {
    await run("ip", ["netns", "add", probe], { timeout: 10_000 });
  } catch (err) {
    const e = err as { code?: string; stderr?: string };
    if (e.code === "ENOENT") return "the `ip` command (iproute2) is not installed";
    return `cannot create a network namespace (needs root or CAP_SYS_ADMIN): ${(e.stderr ?? String(err)).trim()}`;
  }
  await run("ip", ["netns", "del", probe]).catch(() => undefined);
  return undefined;
}

export interface NetnsNode {
  readonly ns: string;
  /** The node's address on the bridge, such as 10.77.0.11. */
  readonly address: string;
}

/** One HTTP answer an agent got. */
export interface AgentResponse {
  readonly status: number;
  readonly body: unknown;
}

/**
 * The agent: plain CommonJS (no TypeScript, no loader), run with `node -e` inside a namespace.
 * One JSON request per stdin line → one JSON answer per stdout line; exits when stdin closes.
 */
const AGENT_SOURCE = `
const http = require("node:http");
const readline = require("node:readline");
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  let req;
  try { req = JSON.parse(line); } catch { return; }
  const payload = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body));
  const headers = { connection: "close" };
  if (payload) { headers["content-type"] = "application/json"; headers["content-length"] = payload.length; }
  const answer = (o) => process.stdout.write(JSON.stringify({ id: req.id, ...o }) + "\\n");
  const r = http.request({ host: "127.0.0.1", port: req.port, path: req.path, method: req.method, headers, agent: false, timeout: req.timeoutMs }, (res) => {
    let text = "";
    res.setEncoding("utf8");
    res.on("data", (c) => (text += c));
    res.on("end", () => {
      let body = null;
      try { body = text ? JSON.parse(text) : null; } catch { body = text; }
      answer({ status: res.statusCode, body });
    });
  });
  r.on("timeout", () => r.destroy(new Error("timed out")));
  r.on("error", (err) => answer({ error: err.message }));
  r.end(payload);
});
`;

/** A request channel into one namespace: HTTP to 127.0.0.1:<port> there. */
export class NsAgent {
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: AgentResponse) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private readonly exited: Promise<void>;
  /** Why the agent no longer answers, once it has exited or failed to start. */
  private dead: string | undefined;

  constructor(readonly ns: string) {
    this.child = spawn("ip", ["netns", "exec", ns, process.execPath, "-e", AGENT_SOURCE], { stdio: ["pipe", "pipe", "pipe"] });
    // A write after the agent died fails here; the close below rejects what was pending.
    this.child.stdin?.on("error", () => undefined);
    let stderr = "";
    this.child.stderr?.setEncoding("utf8").on("data", (s: string) => (stderr = (stderr + s).slice(-AGENT_STDERR_TAIL)));
    const lines = createInterface({ input: this.child.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      let msg: { id: number; status?: number; body?: unknown; error?: string };
      try {
        msg = JSON.parse(line) as typeof msg;
      } catch {
        return;
      }
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve({ status: msg.status ?? 0, body: msg.body });
    });
    let spawnError: Error | undefined;
    this.exited = new Promise((resolve) => {
      // `close`, not `exit`: it comes once stderr is read to its end (what `ip` or the agent said
      // goes into the reason), and also after a spawn that failed (no `ip`), which has no `exit`.
      // The agent starts nothing that could hold its pipes open past its exit.
      this.child.once("close", (code: number | null, signal: NodeJS.Signals | null) => {
        const said = stderr.trim();
        this.dead = spawnError ? `failed to start: ${spawnError.message}` : `exited (code ${code}, signal ${signal})${said ? `: ${said}` : ""}`;
        lines.close();
        const err = new Error(`agent in ${ns} ${this.dead}`);
        for (const p of this.pending.values()) {
          clearTimeout(p.timer);
          p.reject(err);
        }
        this.pending.clear();
        resolve();
      });
    });
    this.child.on("error", (err) => (spawnError ??= err));
  }

  /**
   * One HTTP call inside the namespace. Rejects at once when the agent is gone, when it exits
   * before answering, or when no answer came `timeoutMs` plus a margin after the agent's own
   * HTTP timeout would have answered.
   */
  request(method: "GET" | "POST", port: number, path: string, body?: unknown, timeoutMs = 10_000): Promise<AgentResponse> {
    if (this.dead !== undefined) return Promise.reject(new Error(`agent in ${this.ns} ${this.dead}: cannot ${method} ${path}`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`agent in ${this.ns} did not answer ${method} ${path} within ${timeoutMs + AGENT_MARGIN_MS} ms`));
      }, timeoutMs + AGENT_MARGIN_MS);
      this.pending.set(id, { resolve, reject, timer });
      this.child.stdin?.write(`${JSON.stringify({ id, method, port, path, body, timeoutMs })}\n`);
    });
  }

  async close(): Promise<void> {
    this.child.stdin?.end();
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 2000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** A bridge in a hub namespace and `n` node namespaces plugged into it. */
export class NetnsBridge {
  private readonly agents: NsAgent[] = [];
  private destroyed = false;

  private constructor(
    readonly hub: string,
    readonly nodes: readonly NetnsNode[],
  ) {}

  static async create(n: number): Promise<NetnsBridge> {
    const tag = `lt${process.pid.toString(36)}${randomBytes(2).toString("hex")}`;
    const hub = `${tag}-hub`;
    const nodes: NetnsNode[] = Array.from({ length: n }, (_, i) => ({ ns: `${tag}-n${i}`, address: `${SUBNET_PREFIX}${FIRST_HOST + i}` }));
    const bridge = new NetnsBridge(hub, nodes);
    try {
      for (const ns of [hub, ...nodes.map((x) => x.ns)]) {
        await ip("netns", "add", ns);
        created.add(ns);
        await ip("-n", ns, "link", "set", "lo", "up");
      }
      await ip("-n", hub, "link", "add", "br0", "type", "bridge");
      await ip("-n", hub, "link", "set", "br0", "up");
      for (const [i, node] of nodes.entries()) {
        // Both ends are created inside namespaces: no interface ever appears in the root one.
        await ip("-n", hub, "link", "add", `port${i}`, "type", "veth", "peer", "name", "eth0", "netns", node.ns);
        await ip("-n", hub, "link", "set", `port${i}`, "master", "br0");
        await ip("-n", hub, "link", "set", `port${i}`, "up");
        await ip("-n", node.ns, "addr", "add", `${node.address}/24`, "dev", "eth0");
        await ip("-n", node.ns, "link", "set", "eth0", "up");
      }
    } catch (err) {
      await bridge.destroy();
      throw err;
    }
    return bridge;
  }

  node(i: number): NetnsNode {
    const n = this.nodes[i];
    if (!n) throw new Error(`no node ${i}`);
    return n;
  }

  /**
   * The command prefix that runs a command inside node `i`'s namespace (ServerProcess's `prefix`):
   * `ip netns exec` execs the command, so its pid is the command's.
   */
  execPrefix(i: number): readonly string[] {
    return ["ip", "netns", "exec", this.node(i).ns];
  }

  /** An agent for HTTP calls inside node `i`'s namespace; closed by `destroy()`. */
  agent(i: number): NsAgent {
    const a = new NsAgent(this.node(i).ns);
    this.agents.push(a);
    return a;
  }

  /** Takes node `i`'s bridge port down: its packets vanish in both directions. */
  linkDown(i: number): Promise<void> {
    this.node(i);
    return ip("-n", this.hub, "link", "set", `port${i}`, "down");
  }

  linkUp(i: number): Promise<void> {
    this.node(i);
    return ip("-n", this.hub, "link", "set", `port${i}`, "up");
  }

  /**
   * Closes the agents and deletes every namespace (and with them every link). Processes still
   * running inside a namespace keep it alive until they exit: stop them first.
   */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    await Promise.allSettled(this.agents.map((a) => a.close()));
    for (const ns of [...this.nodes.map((x) => x.ns), this.hub]) {
      if (!created.has(ns)) continue;
      await run("ip", ["netns", "del", ns]).catch(() => undefined);
      created.delete(ns);
    }
  }
}
