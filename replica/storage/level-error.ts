/**
 * Maps errors thrown by `level`/`classic-level` to {@link StoreError}s. Level wraps the cause of a
 * failed open (`LEVEL_DATABASE_NOT_OPEN` with `cause.code` `LEVEL_LOCKED`, …), so the whole cause
 * chain is searched for the most specific code.
 *
 * @module
 */
import { StoreError, type StoreErrorCode } from "./store-error.js";

/** Level's error codes that mean something to callers; everything else is `"io"`. */
const CODES: Readonly<Record<string, StoreErrorCode>> = {
  LEVEL_LOCKED: "locked",
  LEVEL_CORRUPTION: "corrupt",
  LEVEL_IO_ERROR: "io",
  LEVEL_DATABASE_NOT_OPEN: "closed",
  LEVEL_ITERATOR_NOT_OPEN: "closed",
};

export function toStoreError(err: unknown, doing: string): StoreError {
  if (err instanceof StoreError) return err;
  let code: StoreErrorCode | undefined;
  let innermost: unknown = err;
  // Walk down the causes: an inner code (why the open failed) beats an outer one (that it did).
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const found = CODES[String((e as { code?: unknown }).code)];
    if (found !== undefined) code = found;
    innermost = e;
  }
  // A failed open reports LEVEL_DATABASE_NOT_OPEN around a non-Level cause (e.g. EEXIST from
  // mkdir when the path is a file): that is an I/O problem, not a closed store.
  if (code === "closed" && innermost !== err) code = "io";
  const detail = innermost instanceof Error ? innermost.message : String(innermost);
  return new StoreError(code ?? "io", `${doing} failed: ${detail}`, { cause: err });
}
