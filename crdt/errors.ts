/**
 * The one error type of the CRDT core. `code` is stable and machine-readable; the replica and
 * server map it to the client error catalogue (`unsafe_integer` and `invalid_value` become
 * `invalid_input`).
 */
export type CrdtErrorCode =
  | "invalid_value" // not a JSON value, too deep, too large, or wrong type for the operation
  | "unsafe_integer" // an integer outside Number.MIN_SAFE_INTEGER..MAX_SAFE_INTEGER
  | "type_mismatch" // an ormap key already holds another state model, or states of two types joined
  | "invalid_replica_id"
  | "decode_error"; // bytes that are not a canonical encoding of a state

export class CrdtError extends Error {
  readonly code: CrdtErrorCode;

  constructor(code: CrdtErrorCode, message: string) {
    super(message);
    this.name = "CrdtError";
    this.code = code;
  }
}

export function checkSafeInteger(n: number, what: string): void {
  if (typeof n !== "number" || !Number.isInteger(n)) {
    throw new CrdtError("invalid_value", `${what} must be an integer`);
  }
  if (!Number.isSafeInteger(n)) {
    throw new CrdtError("unsafe_integer", `${what} ${n} is outside the safe integer range`);
  }
}
