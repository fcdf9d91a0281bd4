/**
 * Argument checks shared by every store implementation, so that all of them reject exactly the
 * same inputs with the same `"invalid"` error, before touching any data. They check `unknown`
 * values because the replica feeds stores with keys derived from untrusted client input.
 *
 * @module
 */
import { isWellFormedKey } from "./key-order.js";
import type { BatchOp, BatchOptions, ScanOptions, StoreKey } from "./store.js";
import { StoreError } from "./store-error.js";

export function checkKey(key: unknown, what = "key"): asserts key is StoreKey {
  if (typeof key !== "string") {
    throw new StoreError("invalid", `${what} must be a string, got ${typeof key}`);
  }
  if (!isWellFormedKey(key)) {
    throw new StoreError("invalid", `${what} contains a lone surrogate, which UTF-8 cannot store`);
  }
}

export function checkKeys(keys: unknown): asserts keys is readonly StoreKey[] {
  if (!Array.isArray(keys)) throw new StoreError("invalid", "keys must be an array");
  keys.forEach((key, i) => checkKey(key, `keys[${i}]`));
}

export function checkBatch(ops: unknown, options: unknown): asserts ops is readonly BatchOp[] {
  if (!Array.isArray(ops)) throw new StoreError("invalid", "batch operations must be an array");
  ops.forEach((op: unknown, i) => {
    if (typeof op !== "object" || op === null) {
      throw new StoreError("invalid", `batch[${i}] must be an object`);
    }
    const { type, key, value } = op as { type?: unknown; key?: unknown; value?: unknown };
    if (type !== "put" && type !== "del") {
      throw new StoreError("invalid", `batch[${i}].type must be "put" or "del"`);
    }
    checkKey(key, `batch[${i}].key`);
    if (type === "put" && !(value instanceof Uint8Array)) {
      throw new StoreError("invalid", `batch[${i}].value must be a Uint8Array`);
    }
  });
  checkOptionsObject(options, "batch options");
  const { sync } = (options ?? {}) as BatchOptions;
  if (sync !== undefined && typeof sync !== "boolean") {
    throw new StoreError("invalid", "batch option sync must be a boolean");
  }
}

export function checkScan(prefix: unknown, options: unknown): asserts options is ScanOptions | undefined {
  checkKey(prefix, "scan prefix");
  checkOptionsObject(options, "scan options");
  const { limit, after, reverse } = (options ?? {}) as ScanOptions;
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0)) {
    throw new StoreError("invalid", "scan option limit must be a non-negative integer");
  }
  if (after !== undefined) checkKey(after, "scan option after");
  if (reverse !== undefined && typeof reverse !== "boolean") {
    throw new StoreError("invalid", "scan option reverse must be a boolean");
  }
}

function checkOptionsObject(options: unknown, what: string): void {
  if (options !== undefined && (typeof options !== "object" || options === null)) {
    throw new StoreError("invalid", `${what} must be an object`);
  }
}
