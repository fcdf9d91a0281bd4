import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { ClusterObserver } from "./cluster-observer.js";
import type { Replica } from "./replica.js";

/**
 * The replica's Prometheus instruments (SPEC §5 /metrics). One registry per replica instead of
 * prom-client's global one, so that several replicas in one process (tests) do not collide.
 */
export class ReplicaMetrics implements ClusterObserver {
  readonly registry = new Registry();
  private readonly sent: Counter<"peer_region">;
  private readonly sentBytes: Counter<"peer_region">;
  private readonly received: Counter<"peer_region">;
  private readonly receivedBytes: Counter<"peer_region">;
  private readonly lag: Histogram<"origin_region">;
  private readonly rounds: Counter<"peer_region">;
  private readonly repaired: Counter<"peer_region">;
  private readonly refused: Counter;
  readonly batchLatency: Histogram;
  readonly batchEntities: Histogram;

  constructor(replica: Replica, queueDepth: () => number) {
    const r = this.registry;
    r.setDefaultLabels({ region: replica.region });
    this.sent = new Counter({ name: "lattice_deltas_sent_total", help: "Deltas pushed to peers", labelNames: ["peer_region"], registers: [r] });
    this.sentBytes = new Counter({ name: "lattice_delta_bytes_sent_total", help: "Encoded delta bytes pushed to peers", labelNames: ["peer_region"], registers: [r] });
    this.received = new Counter({ name: "lattice_deltas_received_total", help: "Deltas received from peers", labelNames: ["peer_region"], registers: [r] });
    this.receivedBytes = new Counter({ name: "lattice_delta_bytes_received_total", help: "Encoded delta bytes received from peers", labelNames: ["peer_region"], registers: [r] });
    this.lag = new Histogram({
      name: "lattice_convergence_lag_seconds",
      help: "Time from a change's commit at its origin to its arrival here (wall clocks: includes skew)",
      labelNames: ["origin_region"],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [r],
    });
    this.rounds = new Counter({ name: "lattice_anti_entropy_rounds_total", help: "Anti-entropy rounds started", labelNames: ["peer_region"], registers: [r] });
    this.repaired = new Counter({ name: "lattice_anti_entropy_entities_repaired_total", help: "Entities repaired by anti-entropy", labelNames: ["peer_region"], registers: [r] });
    this.refused = new Counter({ name: "lattice_peers_refused_total", help: "Gossip peers refused (bad secret, version, malformed)", registers: [r] });
    this.batchLatency = new Histogram({
      name: "lattice_store_batch_seconds",
      help: "Latency of group-commit batches",
      buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
      registers: [r],
    });
    this.batchEntities = new Histogram({
      name: "lattice_store_batch_entities",
      help: "Entities written per group-commit batch",
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 1000],
      registers: [r],
    });
    new Gauge({ name: "lattice_gossip_queue_depth", help: "Entities queued for peers", registers: [r], collect() { this.set(queueDepth()); } });
    new Gauge({ name: "lattice_cache_entities", help: "Entities in the cache", registers: [r], collect() { this.set(replica.entities.cache.size); } });
    new Gauge({ name: "lattice_cache_bytes", help: "Estimated bytes of cached state", registers: [r], collect() { this.set(replica.entities.cache.byteSize); } });
    new Gauge({ name: "lattice_cache_evictions", help: "Entities evicted from the cache since start", registers: [r], collect() { this.set(replica.entities.cache.evictions); } });
    new Gauge({ name: "lattice_live_peers", help: "Peers currently connected", registers: [r], collect() { this.set(replica.cluster?.live().size ?? 0); } });
    replica.entities.onFlush = (s) => {
      this.batchLatency.observe(s.ms / 1000);
      this.batchEntities.observe(s.entities);
    };
  }

  deltasSent(peerRegion: string, deltas: number, bytes: number): void {
    this.sent.inc({ peer_region: peerRegion }, deltas);
    this.sentBytes.inc({ peer_region: peerRegion }, bytes);
  }

  deltasReceived(peerRegion: string, deltas: number, bytes: number): void {
    this.received.inc({ peer_region: peerRegion }, deltas);
    this.receivedBytes.inc({ peer_region: peerRegion }, bytes);
  }

  convergenceLag(originRegion: string, ms: number): void {
    this.lag.observe({ origin_region: originRegion }, ms / 1000);
  }

  antiEntropyRound(peerRegion: string): void {
    this.rounds.inc({ peer_region: peerRegion });
  }

  entitiesRepaired(peerRegion: string, n: number): void {
    if (n > 0) this.repaired.inc({ peer_region: peerRegion }, n);
  }

  peerRefused(): void {
    this.refused.inc();
  }
}
