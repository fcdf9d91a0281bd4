/**
 * Every tunable of a replica, with its default and the reason for it. The server maps the
 * LATTICE_* environment and command-line flags onto these.
 */
export interface ReplicaOptions {
  /** Free-form region label shown in status and metrics. */
  readonly region: string;
  /** fsync every commit batch: survive power loss, not just a process kill (SPEC §6). */
  readonly fsync: boolean;
  /** Cached entities at most: the hot working set; idle entities reload from the store. */
  readonly cacheMaxEntries: number;
  /** Estimated bytes of cached state at most, so a few huge entities cannot exhaust memory. */
  readonly cacheMaxBytes: number;
  /** Yjs log rows per document before compaction into one snapshot (y-leveldb compacts at 500). */
  readonly yjsCompactEvery: number;
  /** A peer silent for this long is marked down and its connection dropped (SPEC §6 default). */
  readonly peerTimeoutMs: number;
  /** Heartbeat period: several beats fit in one timeout, so one lost beat is not a failure. */
  readonly heartbeatMs: number;
  /** Anti-entropy period (SPEC §6 default); it also runs on every (re)connection. */
  readonly antiEntropyIntervalMs: number;
  /** Entities queued per peer before the queue is dropped in favour of anti-entropy. */
  readonly maxQueuedEntitiesPerPeer: number;
  /**
   * Least time between two delta pushes to the peers under load (a quiet replica pushes at once):
   * batches a busy replica's deltas into one frame per peer per interval, for a few ms of lag.
   */
  readonly gossipIntervalMs: number;
  /** Encoded bytes per delta batch frame; far below the 16 MiB gossip frame limit. */
  readonly maxBatchBytes: number;
  /** Bytes a peer connection may have buffered before pushes wait (backpressure). */
  readonly maxBufferedBytes: number;
  /** How long a `majority`/`all` write waits for acknowledgements (SPEC §4 default). */
  readonly consistencyTimeoutMs: number;
  /** First reconnect delay; doubled per failure up to reconnectMaxMs, with jitter. */
  readonly reconnectMinMs: number;
  readonly reconnectMaxMs: number;
  /** A handshake that has not completed by then is abandoned. */
  readonly handshakeTimeoutMs: number;
  /** Entities per anti-entropy state reply frame, to keep frames well under the size limit. */
  readonly antiEntropyBatchEntities: number;
}

export const DEFAULT_OPTIONS: ReplicaOptions = Object.freeze({
  region: "local",
  fsync: false,
  cacheMaxEntries: 100_000,
  cacheMaxBytes: 256 * 1024 * 1024,
  yjsCompactEvery: 500,
  peerTimeoutMs: 5000,
  heartbeatMs: 1000,
  antiEntropyIntervalMs: 5000,
  maxQueuedEntitiesPerPeer: 10_000,
  gossipIntervalMs: 4,
  maxBatchBytes: 1024 * 1024,
  maxBufferedBytes: 8 * 1024 * 1024,
  consistencyTimeoutMs: 5000,
  reconnectMinMs: 100,
  reconnectMaxMs: 10_000,
  handshakeTimeoutMs: 5000,
  antiEntropyBatchEntities: 500,
});
