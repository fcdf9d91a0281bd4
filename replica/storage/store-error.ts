/**
 * The one error type of the storage layer. Every store implementation rejects with a
 * `StoreError`, never with a backend's own error, so callers branch on `code` alone.
 */
export type StoreErrorCode =
  | "closed" // the handle was closed (or its process "died" in a simulated crash)
  | "locked" // the data directory is held by another open store (another process, or this one)
  | "corrupt" // the backend found damaged data; the directory needs repair or replacement
  | "io" // the operating system refused (disk full, permissions, path is not a directory, …)
  | "invalid"; // the caller passed a malformed key, value, batch or option; nothing was applied

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreError";
    this.code = code;
  }
}

/** True when `err` is a {@link StoreError}, and (if given) has the given `code`. */
export function isStoreError(err: unknown, code?: StoreErrorCode): err is StoreError {
  return err instanceof StoreError && (code === undefined || err.code === code);
}
