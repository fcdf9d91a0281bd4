/**
 * In-process clusters for tests: replicas on MemoryStores, meshed over the in-memory network
 * with real timers and short protocol periods, plus a transport wrapper that counts open
 * connections (to check that exactly one session per peer pair survives).
 *
 * @module
 */
import { Cluster } from "../cluster.js";
import type { ClusterObserver } from "../cluster-observer.js";
import { realEnv } from "../env.js";
import type { ReplicaOptions } from "../options.js";
import { Replica } from "../replica.js";
import { MemoryStore } from "../storage/memory-store.js";
import { createMemoryNetwork } from "../transport/memory-transport.js";
import type { MemoryNetwork } from "../transport/memory-transport.js";
import type { Connection, ConnectionHandlers, Transport } from "../transport/transport.js";

/** Short periods so that failure detection and anti-entropy happen within a test. */
export const FAST_OPTIONS: Partial<ReplicaOptions> = Object.freeze({
  heartbeatMs: 50,
  peerTimeoutMs: 300,
  antiEntropyIntervalMs: 200,
  reconnectMinMs: 20,
  reconnectMaxMs: 200,
  handshakeTimeoutMs: 500,
});

export const SECRET = "test-cluster-secret";

/** A transport that knows how many of its connections are open (started and not yet closed). */
export class CountingTransport implements Transport {
  private readonly live = new Set<Connection>();
  /** Connections started so far, open or not. */
  started = 0;

  constructor(private readonly inner: Transport) {}

  get openConnections(): number {
    return this.live.size;
  }

  /** Roles of the open connections ("dialer" for the ones this replica opened). */
  openRoles(): ("dialer" | "listener")[] {
    return [...this.live].map((c) => c.role);
  }

  private track(conn: Connection): Connection {
    const live = this.live;
    const onStart = (): void => {
      this.started++;
    };
    return {
      role: conn.role,
      remote: conn.remote,
      start(handlers: ConnectionHandlers): void {
        live.add(this);
        onStart();
        conn.start({
          open: () => handlers.open(),
          message: (frame) => handlers.message(frame),
          close: (code, reason) => {
            live.delete(this);
            handlers.close(code, reason);
          },
        });
      },
      send: (frame) => conn.send(frame),
      bufferedAmount: () => conn.bufferedAmount(),
      close: (code, reason) => conn.close(code, reason),
      terminate: () => conn.terminate(),
    };
  }

  dial(url: string): Connection {
    return this.track(this.inner.dial(url));
  }

  onInbound(handler: (conn: Connection) => void): void {
    this.inner.onInbound((conn) => handler(this.track(conn)));
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Counts what a cluster reports (refusals in particular). */
export class RecordingObserver implements ClusterObserver {
  readonly refusals: { url: string; reason: string }[] = [];
  rounds = 0;
  repaired = 0;
  sent = 0;

  deltasSent(_region: string, deltas: number): void {
    this.sent += deltas;
  }

  deltasReceived(): void {}

  convergenceLag(): void {}

  antiEntropyRound(): void {
    this.rounds++;
  }

  entitiesRepaired(_region: string, n: number): void {
    this.repaired += n;
  }

  peerRefused(url: string, reason: string): void {
    this.refusals.push({ url, reason });
  }
}

export interface TestNode {
  readonly url: string;
  readonly replica: Replica;
  readonly cluster: Cluster;
  readonly transport: CountingTransport;
  readonly observer: RecordingObserver;
  /** Warnings the cluster logged. */
  readonly warnings: string[];
}

export interface NodeInit {
  readonly seeds?: readonly string[];
  readonly secret?: string;
  readonly options?: Partial<ReplicaOptions>;
  readonly region?: string;
}

/** A memory network plus the replicas started on it; `close()` shuts every replica down. */
export class TestNet {
  readonly network: MemoryNetwork;
  readonly nodes: TestNode[] = [];

  constructor() {
    // Dials across a partition give up as quickly as the handshake deadline.
    this.network = createMemoryNetwork(realEnv(), { handshakeTimeoutMs: 500 });
  }

  /** Starts a replica and its cluster. */
  async start(url: string, init: NodeInit = {}): Promise<TestNode> {
    const node = await this.add(url, init);
    node.cluster.start();
    return node;
  }

  /** Opens a replica with its cluster, not started yet (call `node.cluster.start()`). */
  async add(url: string, init: NodeInit = {}): Promise<TestNode> {
    const replica = await Replica.open({
      store: new MemoryStore(),
      options: { ...FAST_OPTIONS, region: init.region ?? "local", ...init.options },
    });
    const transport = new CountingTransport(this.network.transport(url));
    const observer = new RecordingObserver();
    const warnings: string[] = [];
    const cluster = new Cluster({
      replica,
      transport,
      secret: init.secret ?? SECRET,
      advertiseUrl: url,
      seeds: init.seeds ?? [],
      observer,
      log: (level, msg) => {
        if (level === "warn") warnings.push(msg);
      },
    });
    replica.cluster = cluster;
    const node: TestNode = { url, replica, cluster, transport, observer, warnings };
    this.nodes.push(node);
    return node;
  }

  async close(): Promise<void> {
    this.network.heal();
    await Promise.all(this.nodes.map((n) => n.replica.close()));
  }
}

/** True when `node` has an authenticated session with every replica in `others`. */
export function connectedTo(node: TestNode, others: readonly TestNode[]): boolean {
  const live = node.cluster.live();
  return others.every((o) => live.has(o.replica.id));
}

/** True when every pair of `nodes` is connected. */
export function fullyMeshed(nodes: readonly TestNode[]): boolean {
  return nodes.every((n) => connectedTo(n, nodes.filter((o) => o !== n)));
}
