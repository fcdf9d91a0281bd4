/**
 * What the client SDK's tests need around it: a real replica with the example services (and a
 * `gate` service whose command waits until the test lets it finish), a `ws` WebSocket class that
 * records every socket the SDK opens, and small waiting helpers.
 *
 * @module
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebSocket } from "ws";
import { defineService } from "../../functions/define-service.js";
import type { ServiceDefinition } from "../../functions/define-service.js";
import examples from "../../functions/examples/index.js";
import { loadConfig } from "../../server/config.js";
import type { LatticeNode } from "../../server/node.js";
import { startNode } from "../../server/node.js";
import type { ConnectionState, LatticeClient } from "../index.js";
import { LatticeError } from "../index.js";
import type { WebSocketConstructor } from "../socket.js";

export { TEST_AUTH_SECRET, signToken } from "../../server/test-support/harness.js";

/** The rejection of `p`, which must be a LatticeError. */
export async function failure(p: Promise<unknown>): Promise<LatticeError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof LatticeError, `expected a LatticeError, got ${String(err)}`);
    return err;
  }
  assert.fail("expected a rejection");
}

/** The replica's open /v1/ws subscriptions (its metrics gauge). */
export async function openSubscriptions(node: LatticeNode): Promise<number> {
  const text = await (await fetch(`${node.url}/metrics`)).text();
  return Number(/^lattice_client_subscriptions\{transport="ws"\} (\d+)/m.exec(text)?.[1] ?? 0);
}

/** A command that blocks until released: a call the test knows to be in flight. */
export class Gate {
  private release: (() => void) | undefined;
  private readonly releasedP: Promise<void>;
  /** Resolves once the command is running on the replica. */
  readonly entered: Promise<void>;
  private enter: (() => void) | undefined;

  constructor() {
    this.releasedP = new Promise((resolve) => (this.release = resolve));
    this.entered = new Promise((resolve) => (this.enter = resolve));
  }

  /** Called by the command. */
  async pass(): Promise<void> {
    this.enter?.();
    await this.releasedP;
  }

  open(): void {
    this.release?.();
  }
}

/** The gate the `gate` service's `wait` command is blocked on; tests replace it per case. */
export const gates = { current: new Gate() };

/** `gate/{key}`: `wait` counts up once the current gate opens; `count` reads the count. */
export const gateService = defineService({
  name: "gate",
  type: "gcounter",
  commands: {
    wait: async (state) => {
      await gates.current.pass();
      state.increment(1);
      return state.value;
    },
    count: (state) => state.value,
  },
});

export const SERVICES: readonly ServiceDefinition[] = [...examples, gateService];

export interface ReplicaOptions {
  readonly env?: Record<string, string>;
  /** A data directory (LevelStore) instead of memory, to restart with the same data. */
  readonly dataDir?: string;
  /** Default 0 (any free port). */
  readonly port?: number;
}

/** Starts a replica on 127.0.0.1 with the example services and `gate`. */
export async function startReplica(opts: ReplicaOptions = {}): Promise<LatticeNode> {
  const argv = ["--port", String(opts.port ?? 0), ...(opts.dataDir ? ["--data-dir", opts.dataDir] : ["--memory"])];
  const config = loadConfig({ LATTICE_CLUSTER_SECRET: "client-test-secret", ...opts.env }, argv);
  return startNode(config, { logger: false, services: SERVICES });
}

/** The port a node listens on. */
export function portOf(node: LatticeNode): number {
  return Number(new URL(node.url).port);
}

/** A fresh temporary directory and its removal. */
export async function tempDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), "lattice-client-"));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Drops every client socket of `node` without a close frame (as a network failure would). */
export function dropClientSockets(node: LatticeNode): number {
  const clients = [...node.app.websocketServer.clients];
  for (const ws of clients) ws.terminate();
  return clients.length;
}

/** A `ws` WebSocket class that records the sockets it creates and can send extra upgrade headers. */
export function recordingWebSocket(headers: Record<string, string> = {}): { WebSocket: WebSocketConstructor; sockets: WebSocket[]; urls: string[] } {
  const sockets: WebSocket[] = [];
  const urls: string[] = [];
  class Recording extends WebSocket {
    constructor(url: string) {
      super(url, { headers });
      sockets.push(this);
      urls.push(url);
    }
  }
  return { WebSocket: Recording, sockets, urls };
}

/** Resolves when `client` reaches `state` (at once if it is there). */
export function reach(client: LatticeClient, state: ConnectionState, timeoutMs = 10_000): Promise<void> {
  if (client.state === state) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`client did not reach ${state} within ${timeoutMs} ms (it is ${client.state})`));
    }, timeoutMs);
    const stop = client.onState((s) => {
      if (s !== state) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

/** Values pushed by a callback, with waiting for one that matches. */
export class Inbox<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<() => void>();

  readonly push = (item: T): void => {
    this.items.push(item);
    for (const w of [...this.waiters]) w();
  };

  /** The first item (received so far or later) matching `pred`, after `from` items. */
  waitFor(pred: (item: T) => boolean, { from = 0, timeoutMs = 10_000 }: { from?: number; timeoutMs?: number } = {}): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.items.slice(from).find(pred);
        if (found === undefined) return false;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out; received ${JSON.stringify(this.items)}`));
      }, timeoutMs);
      if (!check()) this.waiters.add(check);
    });
  }
}
