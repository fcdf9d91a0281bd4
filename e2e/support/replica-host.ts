/**
 * Test host: one real replica process for the multi-process e2e tests (see cluster.ts).
 *
 * Started with `child_process.fork` (through tsx when running from source), it reads the replica's
 * configuration from argv and LATTICE_* variables exactly as `npm start` does, plus
 * `E2E_REPLICA_OPTIONS` (JSON, extra ReplicaOptions such as antiEntropyIntervalMs), starts the
 * node, then serves requests from the parent over the IPC channel:
 *
 * ```
 * → {id, op: "add", key, value, consistency?, timeoutMs?}   orset add on service "e2e-set"
 * → {id, op: "incr", key, n, consistency?, timeoutMs?}      gcounter increment on service "e2e-counter"
 * → {id, op: "read", key, type?: "orset" | "gcounter"}      {view, digest (hex, null if never stored), version}
 * → {id, op: "digests"}                                     {root (hex), entities}
 * → {id, op: "status"}                                      {id, region, url, peers: GET /v1/cluster's peers}
 * ← {id, ok: true, result} | {id, ok: false, error: {code, message}}
 * ```
 *
 * A write is answered ok ONLY after `replica.update` resolved, so an ok reply is an acknowledged
 * write (durable locally, and acknowledged by peers for majority/all). Once started it sends
 * `{op: "ready", id, url, port}`; a start failure is `{op: "fatal", message}` and exit code 1.
 * SIGTERM (or the parent going away) closes the node cleanly and exits 0. Malformed requests
 * get an error reply and never crash the host.
 */
import type { CausalState } from "../../crdt/index.js";
import { addToCounter, addToSet, digest, view } from "../../crdt/index.js";
import { ReplicaError } from "../../replica/errors.js";
import type { ReplicaOptions } from "../../replica/options.js";
import type { Consistency } from "../../replica/replica.js";
import { versionToJson } from "../../replica/version.js";
import { loadConfig } from "../../server/config.js";
import type { LatticeNode } from "../../server/node.js";
import { startNode } from "../../server/node.js";

export const SET_SERVICE = "e2e-set";
export const COUNTER_SERVICE = "e2e-counter";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function send(msg: Record<string, unknown>): void {
  if (!process.connected || !process.send) return;
  try {
    process.send(msg);
  } catch {
    // The parent is gone; the "disconnect" handler shuts down.
  }
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

class BadRequest extends Error {}

function str(m: Record<string, unknown>, name: string): string {
  const v = m[name];
  if (typeof v !== "string" || v.length === 0) throw new BadRequest(`${name} must be a non-empty string`);
  return v;
}

function consistencyOf(m: Record<string, unknown>): { consistency: Consistency; timeoutMs?: number } {
  const c = m.consistency ?? "local";
  if (c !== "local" && c !== "majority" && c !== "all") throw new BadRequest("consistency must be local, majority or all");
  const t = m.timeoutMs;
  if (t !== undefined && (typeof t !== "number" || !Number.isSafeInteger(t) || t <= 0)) throw new BadRequest("timeoutMs must be a positive integer");
  return t === undefined ? { consistency: c } : { consistency: c, timeoutMs: t };
}

async function handle(node: LatticeNode, m: Record<string, unknown>): Promise<Json> {
  const { replica, cluster } = node;
  switch (m.op) {
    case "add": {
      const key = str(m, "key");
      if (!("value" in m)) throw new BadRequest("value is required");
      const value = m.value;
      const r = await replica.update(
        { service: SET_SERVICE, key },
        "orset",
        (e) => {
          if (e.state.type !== "orset") throw new BadRequest(`${key} is not an orset`);
          const d = addToSet(e.state as CausalState<"orset">, replica.id, value);
          return d ? { kind: "causal", delta: { type: "orset", ...d } } : null;
        },
        consistencyOf(m),
      );
      return { changed: r.changed, version: versionToJson(r.version) };
    }
    case "incr": {
      const key = str(m, "key");
      const n = m.n;
      if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) throw new BadRequest("n must be a non-negative integer");
      const r = await replica.update(
        { service: COUNTER_SERVICE, key },
        "gcounter",
        (e) => {
          if (e.state.type !== "gcounter") throw new BadRequest(`${key} is not a gcounter`);
          const d = addToCounter(e.state as CausalState<"gcounter">, replica.id, n, "gcounter");
          return d ? { kind: "causal", delta: { type: "gcounter", ...d } } : null;
        },
        consistencyOf(m),
      );
      return { changed: r.changed, version: versionToJson(r.version) };
    }
    case "read": {
      const key = str(m, "key");
      const type = m.type ?? "orset";
      if (type !== "orset" && type !== "gcounter") throw new BadRequest("type must be orset or gcounter");
      const e = await replica.read({ service: type === "orset" ? SET_SERVICE : COUNTER_SERVICE, key }, type);
      if (!e || e.state.type === "ydoc") throw new BadRequest("unreadable entity");
      return {
        view: view(e.state, replica.viewEnv()),
        digest: e.digest ? hex(e.digest) : null,
        stateDigest: hex(digest(e.state)),
        version: versionToJson(e.version),
        deleted: e.deleted,
      };
    }
    case "digests":
      return { root: hex(replica.tree.root), entities: replica.tree.entityCount() };
    case "status":
      return {
        id: replica.id,
        region: replica.region,
        url: cluster.advertiseUrl,
        peers: cluster.status().map((p) => ({ ...p })),
      };
    default:
      throw new BadRequest(`unknown op ${JSON.stringify(m.op) ?? "undefined"}`);
  }
}

function errorOf(err: unknown): { code: string; message: string } {
  if (err instanceof BadRequest) return { code: "bad_request", message: err.message };
  if (err instanceof ReplicaError) return { code: err.code, message: err.message };
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { code: typeof code === "string" ? code : err.name, message: err.message };
  }
  return { code: "error", message: String(err) };
}

async function main(): Promise<void> {
  let node: LatticeNode;
  try {
    const config = loadConfig(process.env, process.argv.slice(2));
    const raw = process.env.E2E_REPLICA_OPTIONS;
    const replicaOptions = raw ? (JSON.parse(raw) as Partial<ReplicaOptions>) : {};
    node = await startNode(config, { logger: process.env.E2E_LOG === "1" ? undefined : false, replicaOptions });
  } catch (err) {
    send({ op: "fatal", message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    process.stderr.write(`replica-host: failed to start: ${String(err)}\n`);
    process.exitCode = 1;
    process.disconnect?.();
    return;
  }

  let stopping = false;
  const stop = (why: string): void => {
    if (stopping) return;
    stopping = true;
    if (process.env.E2E_LOG === "1") process.stderr.write(`replica-host ${node.replica.id}: ${why}, closing\n`);
    node.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`replica-host: close failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("disconnect", () => stop("parent disconnected"));

  process.on("message", (raw: unknown) => {
    const m = typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
    const id = m && (typeof m.id === "number" || typeof m.id === "string") ? m.id : null;
    if (!m || id === null) {
      send({ id, ok: false, error: { code: "bad_request", message: "a request is an object with a number or string id" } });
      return;
    }
    if (stopping) {
      send({ id, ok: false, error: { code: "unavailable", message: "the host is shutting down" } });
      return;
    }
    handle(node, m).then(
      (result) => send({ id, ok: true, result }),
      (err: unknown) => send({ id, ok: false, error: errorOf(err) }),
    );
  });

  const address = node.app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  send({ op: "ready", id: node.replica.id, url: node.url, port, createdNow: node.replica.createdNow });
}

void main();
