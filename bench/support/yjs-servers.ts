/**
 * The server processes of bench/yjs.ts that are not `npm start` replicas (those come from
 * ./lattice-server.ts): the reference y-websocket server (./yjs-reference-server.ts) and the
 * memory-test replica (./yjs-lattice-node.ts). Both are forked with --expose-gc, send `{port}`
 * over IPC when they serve, and answer memory requests (./yjs-child-memory.ts); this module is
 * their parent side.
 */
import type { ChildMemory, MemoryRequest } from "./yjs-child-memory.js";
import type { ServingProcess } from "./serving-process.js";
import { startServing } from "./serving-process.js";

export type { ChildMemory };

export interface YjsServerProcess extends ServingProcess {
  /** The provider's serverUrl for the `notes` service: ws://127.0.0.1:PORT/v1/yjs/notes. */
  readonly serverUrl: string;
  memory(): Promise<ChildMemory>;
}

async function start(name: string, args: readonly string[], timeoutMs: number): Promise<YjsServerProcess> {
  // A replica closing a level store with a thousand documents can take longer than an echo server.
  const server = await startServing(name, args, { what: name, nodeFlags: ["--expose-gc"], timeoutMs, stopGraceMs: 10_000 });
  const { child } = server;
  let nextId = 1;
  const waiting = new Map<number, (m: ChildMemory) => void>();
  child.on("message", (raw) => {
    const msg = raw as { id?: number; memory?: ChildMemory };
    if (msg.id === undefined || !msg.memory) return;
    waiting.get(msg.id)?.(msg.memory);
    waiting.delete(msg.id);
  });
  return {
    ...server,
    serverUrl: `ws://127.0.0.1:${server.port}/v1/yjs/notes`,
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
  };
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
