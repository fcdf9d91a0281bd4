/**
 * The server processes of bench/yjs.ts that are not `npm start` replicas (those come from
 * ./lattice-server.ts): the reference y-websocket server (./yjs-reference-server.ts) and the
 * memory-test replica (./yjs-lattice-node.ts). Both are forked with --expose-gc, send `{port}`
 * over IPC when they serve, and answer memory requests (./yjs-child-memory.ts); this module is
 * their parent side.
 */
import type { ChildProcess } from "node:child_process";
import { forkSupport } from "./child.js";
import type { ChildMemory, MemoryRequest } from "./yjs-child-memory.js";

export type { ChildMemory };

export interface YjsServerProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly port: number;
  /** The provider's serverUrl for the `notes` service: ws://127.0.0.1:PORT/v1/yjs/notes. */
  readonly serverUrl: string;
  memory(): Promise<ChildMemory>;
  stop(): Promise<void>;
}

function start(name: string, args: readonly string[], timeoutMs: number): Promise<YjsServerProcess> {
  const child = forkSupport(name, args, ["--expose-gc"]);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let nextId = 1;
  const waiting = new Map<number, (m: ChildMemory) => void>();
  child.on("message", (raw) => {
    const msg = raw as { id?: number; memory?: ChildMemory };
    if (msg.id === undefined || !msg.memory) return;
    waiting.get(msg.id)?.(msg.memory);
    waiting.delete(msg.id);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${name} did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready (${signal ?? code})`));
    };
    child.once("exit", onExit);
    const onPort = (raw: unknown): void => {
      const { port } = raw as { port?: number };
      if (typeof port !== "number") return;
      child.off("message", onPort);
      child.off("exit", onExit);
      clearTimeout(timer);
      resolve({
        child,
        pid: child.pid as number,
        port,
        serverUrl: `ws://127.0.0.1:${port}/v1/yjs/notes`,
        memory: () =>
          new Promise((resolveMemory, rejectMemory) => {
            if (child.exitCode !== null || child.signalCode !== null) {
              rejectMemory(new Error(`${name} has exited`));
              return;
            }
            const id = nextId++;
            const t = setTimeout(() => {
              waiting.delete(id);
              rejectMemory(new Error(`${name} did not answer a memory request`));
            }, 30_000);
            waiting.set(id, (m) => {
              clearTimeout(t);
              resolveMemory(m);
            });
            child.send({ op: "memory", id } satisfies MemoryRequest);
          }),
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
          const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
          await exited;
          clearTimeout(kill);
        },
      });
    };
    child.on("message", onPort);
  });
}

/** `@y/websocket-server` 0.1.1, persistence off, in its own process. */
export function startReferenceServer(timeoutMs = 20_000): Promise<YjsServerProcess> {
  return start("yjs-reference-server", [], timeoutMs);
}

export interface LatticeNodeOptions {
  /** Level data directory (absolute). */
  readonly dataDir: string;
  /** The replica's entity cache bound (ReplicaOptions.cacheMaxEntries). */
  readonly cacheMaxEntries: number;
  /** LATTICE_LIMITS, e.g. "maxYjsSocketsPerIp=100000". */
  readonly limits?: string;
}

/** A lone Lattice replica (level store, fsync off, the example services) with a cache bound. */
export function startLatticeNode(opts: LatticeNodeOptions, timeoutMs = 30_000): Promise<YjsServerProcess> {
  const flags = ["--port", "0", "--region", "bench", "--data-dir", opts.dataDir, "--fsync", "0", "--log-level", "warn", "--cluster-secret", "bench-cluster-secret"];
  if (opts.limits) flags.push("--limits", opts.limits);
  return start("yjs-lattice-node", [String(opts.cacheMaxEntries), ...flags], timeoutMs);
}
