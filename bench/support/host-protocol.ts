/**
 * Messages between a benchmark and the replica processes it forks (./replica-host.ts), over the
 * child-process IPC channel. Every request carries an id that its reply echoes.
 */
import type { Distribution } from "./stats.js";

export type HostRequest =
  | { readonly id: number; readonly op: "status" }
  | {
      readonly id: number;
      readonly op: "load";
      /** Commands per second this replica issues (pncounter +1 on a random key). */
      readonly rate: number;
      readonly durationMs: number;
      readonly keys: number;
      readonly service: string;
      readonly seed: number;
    }
  | { readonly id: number; readonly op: "resetStats" }
  | { readonly id: number; readonly op: "stats" }
  | { readonly id: number; readonly op: "sum"; readonly keys: number; readonly service: string }
  /**
   * Round trips over a bare `ws` connection from this process to another host's echo server
   * (`echoUrl`): the transport's own floor between the same two processes. One ping at a time,
   * `count` of them, `intervalMs` apart, after a few unrecorded ones.
   */
  | { readonly id: number; readonly op: "rawPing"; readonly url: string; readonly count: number; readonly intervalMs: number }
  | { readonly id: number; readonly op: "close" };

export interface HostStatus {
  readonly replicaId: string;
  readonly region: string;
  readonly url: string;
  /** The host's bare ws echo server (no Lattice behind it), for rawPing. */
  readonly echoUrl: string;
  readonly livePeers: number;
  /** Hex of the digest-tree root. */
  readonly root: string;
  readonly queuedDeltas: number;
}

export interface LoadResult {
  readonly issued: number;
  readonly completed: number;
  readonly failed: number;
  readonly elapsedMs: number;
  /** replica.update latency (issue to durable), ms. */
  readonly latencyMs: Distribution;
}

export interface RawPingResult {
  /** Round-trip times, ms (performance.now() in the pinging process). */
  readonly rttMs: Distribution;
}

export interface HostStats {
  /** Convergence lag observations (receive time minus origin commit time), ms, by origin region. */
  readonly lagMs: Record<string, Distribution>;
  readonly deltasReceived: Record<string, { deltas: number; bytes: number }>;
  readonly deltasSent: Record<string, { deltas: number; bytes: number }>;
  readonly antiEntropyRounds: number;
  readonly entitiesRepaired: number;
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
}

export type HostReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** First message of a host: it is serving and has joined its seeds. */
export interface HostReady {
  readonly ready: true;
  readonly status: HostStatus;
}
