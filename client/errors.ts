/**
 * Errors of the client SDK: the replica's catalogue codes (SPEC §5, protos/errors.ts) plus the
 * codes only a client can observe, about the connection rather than the request.
 *
 * The catalogue codes come from protos/errors.ts itself, which has no imports and so is safe in a
 * browser bundle: a copy here could fall behind a code added there, and the SDK would then turn
 * that code into a protocol_error. The price is the catalogue's meanings in the bundle: about
 * 1.4 KB minified, 0.6 KB gzipped.
 *
 * @example
 * try {
 *   await cart.call("addItem", { productId: "p1", quantity: 0 });
 * } catch (err) {
 *   if (err instanceof LatticeError && err.code === "failed") showMessage(err.message);
 *   else if (err instanceof LatticeError && err.code === "unknown_outcome") reloadAndCheck();
 *   else throw err;
 * }
 */

import type { ErrorCode as CatalogueCode } from "../protos/errors.js";
import { ERROR_CATALOGUE, isErrorCode } from "../protos/errors.js";

/** Codes the replica answers with (the catalogue of protos/errors.ts). */
export type ServerErrorCode = CatalogueCode;

/** Codes the replica answers with, in the catalogue's order. */
export const SERVER_ERROR_CODES: readonly ServerErrorCode[] = Object.freeze(Object.keys(ERROR_CATALOGUE) as ServerErrorCode[]);

/**
 * Codes the SDK raises itself:
 * - `unknown_outcome`: a call was sent but no answer came (the socket died, the client was closed,
 *   or `requestTimeoutMs` passed). It MAY OR MAY NOT have been applied: read the state to find out.
 * - `disconnected`: the request was never sent, because no connection came up within
 *   `queueTimeoutMs` (or the SDK gave up reconnecting). It was certainly not applied.
 * - `closed`: the client was closed before the request could be sent. Certainly not applied.
 * - `protocol_error`: the replica sent something this SDK does not understand (a frame that is not
 *   JSON, an unknown error code); the connection is dropped and reopened.
 */
export const CLIENT_ERROR_CODES = ["unknown_outcome", "disconnected", "closed", "protocol_error"] as const;

export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
export type ErrorCode = ServerErrorCode | ClientErrorCode;

export function isServerErrorCode(code: unknown): code is ServerErrorCode {
  return isErrorCode(code);
}

/** Every failure the SDK reports: a catalogue code from the replica, or a client-side code. */
export class LatticeError extends Error {
  override readonly name = "LatticeError";

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** `ctx.fail`'s detail, `{path, keyword}` for schema mismatches, or what the SDK knows about a client-side failure. */
    readonly detail?: unknown,
  ) {
    super(message);
  }

  /** The `{code, message, detail?}` body, as the replica sends it. */
  toJSON(): { code: ErrorCode; message: string; detail?: unknown } {
    return this.detail === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, detail: this.detail };
  }
}

/** Whether `err` is a LatticeError, optionally with `code`. */
export function isLatticeError(err: unknown, code?: ErrorCode): err is LatticeError {
  return err instanceof LatticeError && (code === undefined || err.code === code);
}
