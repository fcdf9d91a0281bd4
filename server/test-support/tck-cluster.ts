/**
 * Real nodes for the server-level TCK tests (server/tck-http.test.ts, server/tck-ws.test.ts): a
 * replica on port 0 with in-memory storage and the example services (the TCK set included),
 * optionally meshed with others over real WebSockets (`--peers`, a shared `--cluster-secret`),
 * plus the HTTP calls of the client API and bounded polling.
 *
 * ```ts
 * const a = await startTckNode();
 * const b = await startTckNode({ peers: [a] });
 * await waitMeshed([a, b]);
 * const r = await httpPost(a, "tck-gcounter", "GCounter-1", "process", { actions: [] });
 * ```
 *
 * @module
 */
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import type { Json } from "../../crdt/index.js";
import { examples } from "../../functions/examples/index.js";
import type { TckType } from "../../functions/examples/tck.js";
import { modelOf, serviceOf } from "../../functions/examples/tck.js";
import type { ReplicaOptions } from "../../replica/options.js";
import { loadConfig } from "../config.js";
import type { LatticeNode } from "../node.js";
import { startNode } from "../node.js";

export const TCK_CLUSTER_SECRET = "tck-server-test-cluster-secret";

/** Fast heartbeats and reconnects, so that a mesh forms in milliseconds. */
export const FAST_REPLICA: Partial<ReplicaOptions> = {
  heartbeatMs: 100,
  peerTimeoutMs: 3000,
  antiEntropyIntervalMs: 500,
  reconnectMinMs: 20,
  reconnectMaxMs: 200,
  handshakeTimeoutMs: 2000,
};

export interface TckNodeOptions {
  /** Nodes to dial at start (their advertised ws:// URLs). */
  readonly peers?: readonly LatticeNode[];
  readonly replicaOptions?: Partial<ReplicaOptions>;
}

/** The ws://host:port base of a node, as `--peers` takes it. */
export const wsBase = (node: LatticeNode): string => node.url.replace(/^http/, "ws");

/** Starts a node on port 0 with the example services; `close` it in teardown. */
export async function startTckNode(opts: TckNodeOptions = {}): Promise<LatticeNode> {
  const peers = opts.peers ?? [];
  const argv = ["--memory", "--port", "0", "--cluster-secret", TCK_CLUSTER_SECRET];
  if (peers.length > 0) argv.push("--peers", peers.map(wsBase).join(","));
  return startNode(loadConfig({}, argv), {
    services: examples,
    logger: false,
    replicaOptions: { ...FAST_REPLICA, ...opts.replicaOptions },
  });
}

/** Polls `cond` every 10 ms until it holds; fails after `timeoutMs` with `what` and the last value seen. */
export async function eventually<T>(what: string, probe: () => Promise<T> | T, cond: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (cond(v)) return v;
    if (performance.now() > deadline) assert.fail(`timed out waiting for ${what}; last seen ${JSON.stringify(v)}`);
    await sleep(10);
  }
}

interface PeerInfo {
  readonly id: string | null;
  readonly connected: boolean;
}

/** GET /v1/cluster's peers. */
export async function peersOf(node: LatticeNode): Promise<PeerInfo[]> {
  const res = await fetch(`${node.url}/v1/cluster`);
  assert.equal(res.status, 200);
  return ((await res.json()) as { peers: PeerInfo[] }).peers;
}

/** Waits until every node has a connected session with every other one. */
export async function waitMeshed(nodes: readonly LatticeNode[], timeoutMs = 10_000): Promise<void> {
  for (const n of nodes) {
    const others = nodes.filter((o) => o !== n).map((o) => o.replica.id);
    await eventually(
      `${n.url} connected to ${others.join(", ")}`,
      () => peersOf(n),
      (peers) => others.every((id) => peers.some((p) => p.id === id && p.connected)),
      timeoutMs,
    );
  }
}

/** An HTTP answer: its status and parsed JSON body. */
export interface HttpAnswer {
  readonly status: number;
  readonly body: Json;
}

async function answer(res: Response): Promise<HttpAnswer> {
  const text = await res.text();
  return { status: res.status, body: text === "" ? null : (JSON.parse(text) as Json) };
}

const path = (...segments: string[]): string => segments.map(encodeURIComponent).join("/");

/** POST /v1/entities/{service}/{key}/{command} with `input` as the JSON body. */
export async function httpPost(node: LatticeNode, service: string, key: string, command: string, input: Json): Promise<HttpAnswer> {
  const res = await fetch(`${node.url}/v1/entities/${path(service, key, command)}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  });
  return answer(res);
}

/** GET /v1/entities/{service}/{key}. */
export async function httpGet(node: LatticeNode, service: string, key: string): Promise<HttpAnswer> {
  return answer(await fetch(`${node.url}/v1/entities/${path(service, key)}`));
}

/** The `result` of a 200 answer (fails the test with the body otherwise). */
export function resultOf(a: HttpAnswer): Json {
  assert.equal(a.status, 200, `expected 200, got ${a.status} ${JSON.stringify(a.body)}`);
  const body = a.body as { result?: Json };
  assert.ok(body !== null && typeof body === "object" && "result" in body, `no result in ${JSON.stringify(a.body)}`);
  return body.result as Json;
}

/** Asserts a catalogue error answer: status, code and (optionally) a part of the message. */
export function assertHttpError(a: HttpAnswer, status: number, code: string, message?: string | RegExp): void {
  assert.equal(a.status, status, `expected ${status} ${code}, got ${a.status} ${JSON.stringify(a.body)}`);
  const err = (a.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  assert.ok(err && typeof err === "object", `no error body in ${JSON.stringify(a.body)}`);
  assert.equal(err.code, code);
  assert.equal(typeof err.message, "string");
  if (typeof message === "string") assert.ok((err.message as string).includes(message), `message ${JSON.stringify(err.message)} lacks ${JSON.stringify(message)}`);
  else if (message) assert.match(err.message as string, message);
}

/** The model service of a TCK key's prefix (`GCounter-1` → `tck-gcounter`). */
export function tckServiceOf(key: string): string {
  const type: TckType | undefined = modelOf(key);
  assert.ok(type, `no model prefix in ${key}`);
  return serviceOf(type);
}

/** `process` (or `command`) on the model service of the key's prefix, over HTTP. */
export function tckProcess(node: LatticeNode, key: string, actions: Json[], command = "process"): Promise<HttpAnswer> {
  return httpPost(node, tckServiceOf(key), key, command, { actions });
}

/** The TCK state in the reply of `process` with `actions` (none: a read through the function). */
export async function tckState(node: LatticeNode, key: string, actions: Json[] = []): Promise<Json> {
  const result = resultOf(await tckProcess(node, key, actions)) as { state?: Json };
  assert.ok(result && typeof result === "object" && "state" in result, `no state in ${JSON.stringify(result)}`);
  return result.state as Json;
}

/** `{replicaId: n}` of GET /v1/entities/{service}/{key}. */
export async function versionOf(node: LatticeNode, service: string, key: string): Promise<Record<string, number>> {
  const a = await httpGet(node, service, key);
  assert.equal(a.status, 200, JSON.stringify(a.body));
  return (a.body as { version: Record<string, number> }).version;
}

/** How many committed changes the version counts, over all replicas. */
export const changesIn = (version: Readonly<Record<string, number>>): number => Object.values(version).reduce((n, c) => n + c, 0);

/** tck-two's call count for `id` (its gcounter view), over HTTP. */
export async function tckTwoCalls(node: LatticeNode, id: string): Promise<number> {
  const a = await httpGet(node, "tck-two", id);
  assert.equal(a.status, 200, JSON.stringify(a.body));
  return (a.body as { state: number }).state;
}

/** Whether `x` and `y` are deeply and strictly equal (assert.deepEqual's notion), for polling conditions. */
export function isDeepEqual(x: unknown, y: unknown): boolean {
  try {
    assert.deepEqual(x, y);
    return true;
  } catch {
    return false;
  }
}

/** A key unique within this process: `${prefix}-${label}-${n}`. */
let counter = 0;
export const uniqueKey = (prefix: string, label: string): string => `${prefix}-${label}-${++counter}`;
