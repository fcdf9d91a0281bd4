import { Counter, Gauge } from "prom-client";
import type { Registry } from "prom-client";

export type YjsRefusal =
  | "frame_size"
  | "update_size"
  | "awareness_size"
  | "bad_frame"
  | "bad_update"
  | "frame_rate"
  | "awareness_rate"
  | "slow_reader"
  | "per_ip"
  | "read_only"
  | "origin"
  | "token"
  | "forbidden"
  | "not_found";

/**
 * Prometheus metrics of the Yjs endpoint, registered in the client API's registry (served by
 * GET /metrics). No per-document labels: documents are unbounded.
 */
export class YjsMetrics {
  private readonly documents: Gauge;
  private readonly connections: Gauge;
  private readonly updates: Counter<"direction">;
  private readonly awareness: Counter<"direction">;
  private readonly refusals: Counter<"reason">;

  constructor(registry: Registry) {
    const registers = [registry];
    this.documents = new Gauge({ name: "lattice_yjs_documents", help: "Yjs documents with open /v1/yjs connections on this replica", registers });
    this.connections = new Gauge({ name: "lattice_yjs_connections", help: "Open /v1/yjs connections", registers });
    this.updates = new Counter({
      name: "lattice_yjs_updates_total",
      help: "Yjs update frames: in = committed from clients, out = sent to clients",
      labelNames: ["direction"],
      registers,
    });
    this.awareness = new Counter({
      name: "lattice_yjs_awareness_total",
      help: "Awareness updates: in/out = from/to clients, gossip_in/gossip_out = from/to peer replicas",
      labelNames: ["direction"],
      registers,
    });
    this.refusals = new Counter({
      name: "lattice_yjs_refusals_total",
      help: "/v1/yjs frames dropped and sockets closed by a limit or a check, by reason",
      labelNames: ["reason"],
      registers,
    });
  }

  documentOpened(): void {
    this.documents.inc();
  }
  documentClosed(): void {
    this.documents.dec();
  }
  connectionOpened(): void {
    this.connections.inc();
  }
  connectionClosed(): void {
    this.connections.dec();
  }
  updateIn(): void {
    this.updates.inc({ direction: "in" });
  }
  updatesOut(n: number): void {
    this.updates.inc({ direction: "out" }, n);
  }
  awarenessCount(direction: "in" | "out" | "gossip_in" | "gossip_out", n = 1): void {
    this.awareness.inc({ direction }, n);
  }
  refused(reason: YjsRefusal): void {
    this.refusals.inc({ reason });
  }
}
