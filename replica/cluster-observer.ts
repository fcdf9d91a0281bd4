/**
 * What the cluster reports as it works; the metrics module implements it with Prometheus
 * instruments, tests and the simulation can count with plain objects.
 */
export interface ClusterObserver {
  deltasSent(peerRegion: string, deltas: number, bytes: number): void;
  deltasReceived(peerRegion: string, deltas: number, bytes: number): void;
  /** Time from a change's commit at its origin to its arrival here. */
  convergenceLag(originRegion: string, ms: number): void;
  antiEntropyRound(peerRegion: string): void;
  entitiesRepaired(peerRegion: string, n: number): void;
  peerRefused(url: string, reason: string): void;
}

export const NO_OBSERVER: ClusterObserver = {
  deltasSent() {},
  deltasReceived() {},
  convergenceLag() {},
  antiEntropyRound() {},
  entitiesRepaired() {},
  peerRefused() {},
};
