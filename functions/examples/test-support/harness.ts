/**
 * Test nodes for the example services: a replica on a MemoryStore with a FunctionEngine, and a
 * recording cluster port in place of a real Cluster, which records every delta the replica
 * gossips (to check net-change deltas, and that a no-op command gossips nothing), can replay them
 * into another node (replicated deltas without a network), and answers majority/all waits.
 *
 * @module
 */
import type { Json, ReplicaId } from "../../../crdt/index.js";
import { view } from "../../../crdt/index.js";
import type { ReplicaOptions } from "../../../replica/options.js";
import type { AckTracker, ClusterPort, OutboundChange } from "../../../replica/replica.js";
import { Replica } from "../../../replica/replica.js";
import { MemoryStore } from "../../../replica/storage/memory-store.js";
import type { ServiceDefinition } from "../../define-service.js";
import { FunctionEngine } from "../../engine.js";
import { LatticeError } from "../../errors.js";
import type { StreamHandle, StreamSink } from "../../streams.js";
import { openStream } from "../../streams.js";

/** A ClusterPort that records what the replica publishes instead of sending it. */
export class RecordingPort implements ClusterPort {
  readonly published: OutboundChange[] = [];
  /** Peers each majority/all write waited for, in order. */
  readonly waits: number[] = [];
  /** Replicas in the cluster, this one included (the base of majority and all). */
  members = 1;
  /** What acknowledgement waits answer: true = acknowledged in time. */
  acknowledge = true;
  readonly liveSet = new Set<ReplicaId>();

  publish(change: OutboundChange): AckTracker {
    this.published.push(change);
    return {
      wait: (peers: number) => {
        this.waits.push(peers);
        return Promise.resolve(this.acknowledge);
      },
    };
  }

  memberCount(): number {
    return this.members;
  }

  live(): ReadonlySet<ReplicaId> {
    return this.liveSet;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

export interface TestNode {
  readonly replica: Replica;
  readonly engine: FunctionEngine;
  readonly port: RecordingPort;
  call(service: string, key: string, command: string, input?: Json): Promise<Json>;
  /** The entity's view (as GET /v1/entities would return it). */
  view(service: string, key: string): Promise<Json>;
  close(): Promise<void>;
}

export async function startNode(services: readonly ServiceDefinition[], options: Partial<ReplicaOptions> = {}, store = new MemoryStore()): Promise<TestNode> {
  const replica = await Replica.open({ store, options });
  const port = new RecordingPort();
  replica.cluster = port;
  const engine = new FunctionEngine(replica, services);
  return {
    replica,
    engine,
    port,
    call: (service, key, command, input = null) => engine.call({ service, key, command, input, auth: null }),
    view: async (service, key) => (await engine.read(service, key)).state,
    async close() {
      engine.close();
      await replica.close();
    },
  };
}

/** Deltas `node` published since `from` (an index into port.published), for one entity. */
export function deltasOf(node: TestNode, service: string, key: string, from = 0): OutboundChange[] {
  return node.port.published.slice(from).filter((c) => c.ref.service === service && c.ref.key === key);
}

/** The view of a causal delta on its own (for a counter from its first write: the net change). */
export function deltaView(node: TestNode, change: OutboundChange): Json {
  if (change.change.kind !== "causal") throw new Error(`not a causal delta: ${change.change.kind}`);
  return view(change.change.delta, node.replica.viewEnv());
}

/** Replays what `from` published (from index `since`) into `to`, as gossip would; returns the new index. */
export async function replicate(from: TestNode, to: TestNode, since = 0): Promise<number> {
  const changes = from.port.published.slice(since);
  for (const c of changes) await to.replica.applyRemote({ ref: c.ref, change: c.change, version: c.version });
  return since + changes.length;
}

/** A stream sink that records what it receives. */
export class RecordingSink implements StreamSink {
  readonly messages: Json[] = [];
  ended: { message: Json | undefined } | undefined;
  failure: LatticeError | undefined;

  message(message: Json): void {
    this.messages.push(message);
  }

  end(message?: Json): void {
    this.ended = { message };
  }

  error(err: LatticeError): void {
    this.failure = err;
  }
}

export async function stream(
  node: TestNode,
  service: string,
  key: string,
  name: string,
  input: Json = null,
): Promise<{ sink: RecordingSink; handle: StreamHandle }> {
  const sink = new RecordingSink();
  const handle = await openStream(node.engine, { service, key, stream: name, input, auth: null }, sink);
  return { sink, handle };
}

/** Resolves after `ms` real milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `cond` holds (the deadline only stops a hanging test). */
export async function waitFor(what: string, cond: () => boolean | Promise<boolean>, deadlineMs = 10_000): Promise<void> {
  const stop = performance.now() + deadlineMs;
  for (;;) {
    if (await cond()) return;
    if (performance.now() > stop) throw new Error(`timed out waiting for: ${what}`);
    await sleep(5);
  }
}

/** An assert.rejects matcher for a LatticeError with `code` (and a message containing `text`). */
export function latticeError(code: string, text?: string): (err: unknown) => boolean {
  return (err) => {
    if (!(err instanceof LatticeError)) throw new Error(`expected a LatticeError, got ${String(err)}`);
    if (err.code !== code) throw new Error(`expected ${code}, got ${err.code}: ${err.message}`);
    if (text !== undefined && !err.message.includes(text)) throw new Error(`expected "${text}" in "${err.message}"`);
    return true;
  };
}

/** Starts nodes for one test file and closes them all after each test (`afterEach(pool.closeAll)`). */
export function nodePool(services: readonly ServiceDefinition[]): {
  start(options?: Partial<ReplicaOptions>): Promise<TestNode>;
  pair(): Promise<[TestNode, TestNode]>;
  closeAll(): Promise<void>;
} {
  let open: TestNode[] = [];
  const start = async (options: Partial<ReplicaOptions> = {}): Promise<TestNode> => {
    const n = await startNode(services, options);
    open.push(n);
    return n;
  };
  return {
    start,
    /** Two nodes that count each other as live (for vote tallies); replicate with `replicate`. */
    async pair() {
      const a = await start();
      const b = await start();
      a.port.liveSet.add(b.replica.id);
      b.port.liveSet.add(a.replica.id);
      return [a, b];
    },
    async closeAll() {
      const closing = open;
      open = [];
      await Promise.all(closing.map((n) => n.close()));
    },
  };
}
