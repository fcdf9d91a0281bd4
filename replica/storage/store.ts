/**
 * The storage contract of a replica: an ordered key/value store with atomic batches and prefix
 * scans. The replica's entity store, metadata and logs are built on it; `LevelStore` implements it
 * on disk and `MemoryStore` in memory (with crash simulation), and both pass the same acceptance
 * suite (`acceptance.ts`).
 *
 * ```ts
 * const store = await LevelStore.open("data/store");
 * await store.batch([
 *   { type: "put", key: "e/counter/k1", value: snapshot },
 *   { type: "put", key: "meta/seq", value: seq },
 * ], { sync: fsync });
 * for await (const [key, value] of store.scan("e/counter/")) load(key, value);
 * await store.close();
 * ```
 *
 * @module
 */

/**
 * A key: any string that is well-formed UTF-16 (no lone surrogates); the empty string is allowed.
 *
 * @remarks
 * Keys are strings, not bytes, because the replica's keys are paths of readable names
 * (`e/<service>/<entity>`): they show up as-is in logs and debugging tools, need no codec at each
 * call site, and a JS `Map` can hold them. Keys are ordered by Unicode code point, which is the
 * same as the byte order of their UTF-8 encoding, which is LevelDB's order; so all keys sharing a
 * prefix are contiguous and a prefix scan is a range scan. (Note: this is not JS's `<` order, which
 * compares UTF-16 code units and puts U+10000… before U+E000…U+FFFF; use `compareKeys`.)
 *
 * Lone surrogates are rejected because UTF-8 cannot encode them: two different keys would be
 * stored as the same bytes. Binary parts of a key must be encoded; use fixed-width lowercase hex
 * for numbers and bytes, which keeps their order (base64 does not).
 */
export type StoreKey = string;

/** One write in a batch. Ops in a batch apply in array order, so a later op on a key wins. */
export type BatchOp =
  | { readonly type: "put"; readonly key: StoreKey; readonly value: Uint8Array }
  | { readonly type: "del"; readonly key: StoreKey };

export interface BatchOptions {
  /**
   * Wait until the batch is on stable storage (fsync) before resolving. Default `false`.
   *
   * @remarks
   * - Without `sync`, a resolved batch has been handed to the operating system: it survives a
   *   crash of the process (including SIGKILL) but may be lost if the machine loses power or the
   *   kernel crashes.
   * - With `sync`, a resolved batch survives power loss too, and so does every batch that resolved
   *   before it (the log is flushed as a whole). It costs one fsync, so group many updates into one
   *   synced batch rather than syncing each. `LATTICE_FSYNC=1` selects this mode (SPEC §6).
   */
  readonly sync?: boolean;
}

export interface ScanOptions {
  /** Stop after this many entries. A non-negative integer; default: no limit. */
  readonly limit?: number;
  /**
   * Resume after this key: only keys strictly after it in iteration order are returned, i.e.
   * greater than it in a forward scan and less than it in a reverse scan. Pass the last key of a
   * page to get the next page. The key need not exist.
   */
  readonly after?: StoreKey;
  /** Iterate from the greatest key down. Default `false`. */
  readonly reverse?: boolean;
}

/** A key and its value, as yielded by {@link KeyValueStore.scan}. */
export type StoreEntry = readonly [key: StoreKey, value: Uint8Array];

/**
 * An open handle on an ordered key/value store.
 *
 * @remarks
 * Values are always copied: mutating a `Uint8Array` after passing it to `batch`, or one returned
 * by `get`/`getMany`/`scan`, never changes what is stored. Returned values are plain `Uint8Array`s
 * (not Node `Buffer`s).
 *
 * Every method rejects with a {@link StoreError}: `"closed"` after {@link close}, `"invalid"` for
 * malformed arguments (checked before anything is read or written), and `"io"`/`"corrupt"` for
 * backend failures.
 */
export interface KeyValueStore {
  /** The value stored under `key`, or `undefined` if there is none. */
  get(key: StoreKey): Promise<Uint8Array | undefined>;

  /**
   * The values of `keys`, in the same order (duplicates allowed), `undefined` where missing.
   * All values are read from one consistent point in time.
   */
  getMany(keys: readonly StoreKey[]): Promise<(Uint8Array | undefined)[]>;

  /**
   * Applies all `ops` atomically: after a crash either every op of the batch is visible or none
   * is. The whole batch is validated first; if any op is malformed the promise rejects with
   * `"invalid"` and nothing is applied. The values are copied before this method returns, so the
   * caller may reuse its buffers at once. An empty batch is a no-op. See {@link BatchOptions.sync}
   * for what a resolved promise guarantees.
   */
  batch(ops: readonly BatchOp[], options?: BatchOptions): Promise<void>;

  /**
   * Iterates over the entries whose key starts with `prefix` (`""` for all), in key order
   * (see {@link StoreKey}), reversed if `options.reverse`.
   *
   * @remarks
   * - Nothing is read until iteration starts; the scan then sees the store as it was at that
   *   moment (a snapshot): later writes, even to keys not yet reached, are not visible to it.
   * - Breaking out of `for await`, or calling `return()`, releases the scan's resources at once.
   *   A scan that is neither finished nor broken off keeps them until {@link close}.
   * - Invalid arguments reject on the first `next()`.
   * - After {@link close}, the next `next()` rejects with `"closed"`, also mid-scan.
   */
  scan(prefix: StoreKey, options?: ScanOptions): AsyncIterableIterator<StoreEntry>;

  /**
   * Closes the store: releases open scans and, for stores on disk, the directory lock. Waits for
   * writes already started. Idempotent; every other method rejects with `"closed"` afterwards.
   */
  close(): Promise<void>;
}
