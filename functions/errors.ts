import { CrdtError } from "../crdt/index.js";
import type { ErrorCode } from "../protos/errors.js";
import { ReplicaError } from "../replica/errors.js";
// The error class alone: the storage index would load the LevelDB binding into every worker.
import { StoreError } from "../replica/storage/store-error.js";

/** An error with a catalogue code (protos/errors.ts); what clients see over HTTP and WebSocket. */
export class LatticeError extends Error {
  readonly code: ErrorCode;
  readonly detail: unknown;

  constructor(code: ErrorCode, message: string, detail?: unknown) {
    super(message);
    this.name = "LatticeError";
    this.code = code;
    this.detail = detail;
  }
}

/**
 * Maps anything thrown below the functions layer to a catalogue error: state rejections are the
 * caller's input, store failures make the replica unavailable, and anything else a handler threw
 * is a function_error (its message is kept; its stack is not sent to clients).
 */
export function toLatticeError(err: unknown): LatticeError {
  if (err instanceof LatticeError) return err;
  if (err instanceof CrdtError) return new LatticeError("invalid_input", err.message);
  if (err instanceof ReplicaError) return new LatticeError(err.code, err.message);
  if (err instanceof StoreError) return new LatticeError("unavailable", "the replica cannot write to its store");
  const message = err instanceof Error ? err.message : String(err);
  return new LatticeError("function_error", message);
}
