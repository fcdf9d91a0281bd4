/**
 * A map from keys to values that also keeps its keys sorted (by {@link compareKeys}), for the
 * in-memory store: lookups are O(1), a range of k entries is found in O(log n + k), and an insert
 * or delete of a key costs one binary search plus an array splice (a memmove, cheap up to a few
 * hundred thousand keys, which is beyond what simulations hold).
 *
 * @module
 */
import { compareKeys, prefixUpperBound } from "./key-order.js";
import type { StoreKey } from "./store.js";

export interface RangeQuery {
  readonly prefix: StoreKey;
  /** Exclusive cursor in iteration order (see `ScanOptions.after`). */
  readonly after?: StoreKey | undefined;
  readonly reverse?: boolean | undefined;
  readonly limit?: number | undefined;
}

export class SortedMap<V> {
  readonly #values = new Map<StoreKey, V>();
  readonly #keys: StoreKey[] = [];

  get size(): number {
    return this.#keys.length;
  }

  get(key: StoreKey): V | undefined {
    return this.#values.get(key);
  }

  set(key: StoreKey, value: V): void {
    if (!this.#values.has(key)) this.#keys.splice(this.#lowerBound(key), 0, key);
    this.#values.set(key, value);
  }

  delete(key: StoreKey): void {
    if (!this.#values.delete(key)) return;
    this.#keys.splice(this.#lowerBound(key), 1);
  }

  /** The entries matching `query`, in iteration order, as a new array (a snapshot). */
  range(query: RangeQuery): [StoreKey, V][] {
    const { prefix, after, reverse = false, limit } = query;
    const upper = prefixUpperBound(prefix);
    let lo = this.#lowerBound(prefix);
    let hi = upper === undefined ? this.#keys.length : this.#lowerBound(upper);
    if (after !== undefined) {
      if (reverse) hi = Math.min(hi, this.#lowerBound(after));
      else lo = Math.max(lo, this.#upperBound(after));
    }
    const count = Math.max(0, Math.min(hi - lo, limit ?? Infinity));
    const keys = reverse ? this.#keys.slice(hi - count, hi).reverse() : this.#keys.slice(lo, lo + count);
    // The keys came from #keys, so every lookup hits; `as V` only tells the compiler so.
    return keys.map((key) => [key, this.#values.get(key) as V]);
  }

  /** Index of the first key >= `key`. */
  #lowerBound(key: StoreKey): number {
    return this.#search((k) => compareKeys(k, key) < 0);
  }

  /** Index of the first key > `key`. */
  #upperBound(key: StoreKey): number {
    return this.#search((k) => compareKeys(k, key) <= 0);
  }

  /** Index of the first key for which `before` is false; `before` must be monotone over #keys. */
  #search(before: (key: StoreKey) => boolean): number {
    let lo = 0;
    let hi = this.#keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.#keys[mid] as StoreKey)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
