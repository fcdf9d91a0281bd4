import type { WireRequest, WireResponse } from "./runtime-protocol.js";

/** What a pool worker starts with (its workerData). */
export interface WorkerInit {
  /** Module URLs to import before announcing readiness, so the first call pays no import. */
  readonly modules: readonly string[];
}

/** Sent once by a worker when its modules are imported and it takes requests. */
export interface WorkerReady {
  readonly ready: true;
}

/** Pool → worker: one request at a time. */
export type ToWorker = WireRequest;

/** Worker → pool. */
export type FromWorker = WorkerReady | WireResponse;
