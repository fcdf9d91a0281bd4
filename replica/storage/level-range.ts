/**
 * Turns a prefix scan into LevelDB range options. Exactly one bound is given per side because
 * `level` silently prefers `gte` over `gt` (and `lte` over `lt`) when both are present.
 *
 * @module
 */
import { compareKeys, prefixUpperBound } from "./key-order.js";
import type { ScanOptions, StoreKey } from "./store.js";

export interface LevelRange {
  gt?: StoreKey;
  gte?: StoreKey;
  lt?: StoreKey;
  reverse: boolean;
  /** `level`'s "no limit" is -1. */
  limit: number;
}

export function levelRange(prefix: StoreKey, options: ScanOptions = {}): LevelRange {
  const { after, reverse = false, limit = -1 } = options;
  const range: LevelRange = { reverse, limit };
  const upper = prefixUpperBound(prefix);
  // `after` narrows the side the scan moves towards; if it lies outside the prefix's range on
  // that side it changes nothing (or, beyond the other side, leaves an empty range).
  if (!reverse && after !== undefined && compareKeys(after, prefix) >= 0) range.gt = after;
  else range.gte = prefix;
  if (reverse && after !== undefined && (upper === undefined || compareKeys(after, upper) < 0)) {
    range.lt = after;
  } else if (upper !== undefined) range.lt = upper;
  return range;
}
