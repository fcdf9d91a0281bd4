/**
 * A {@link KeyValueStore} wrapper that records every batch written through it and can be told to
 * fail the next batches (as a full disk would), for tests of the entity store's batching.
 *
 * @module
 */
import type { BatchOp, BatchOptions, KeyValueStore, ScanOptions, StoreEntry, StoreKey } from "../storage/store.js";
import { StoreError } from "../storage/store-error.js";

export class RecordingStore implements KeyValueStore {
  readonly batches: (readonly BatchOp[])[] = [];
  /** Batches still to fail with StoreError "io" (nothing of them is written). */
  failNext = 0;

  constructor(readonly inner: KeyValueStore) {}

  get(key: StoreKey): Promise<Uint8Array | undefined> {
    return this.inner.get(key);
  }

  getMany(keys: readonly StoreKey[]): Promise<(Uint8Array | undefined)[]> {
    return this.inner.getMany(keys);
  }

  batch(ops: readonly BatchOp[], options?: BatchOptions): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      return Promise.reject(new StoreError("io", "injected write failure"));
    }
    this.batches.push([...ops]);
    return this.inner.batch(ops, options);
  }

  scan(prefix: StoreKey, options?: ScanOptions): AsyncIterableIterator<StoreEntry> {
    return this.inner.scan(prefix, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** Keys under `prefix`, in order. */
  async keys(prefix: StoreKey): Promise<string[]> {
    const out: string[] = [];
    for await (const [k] of this.inner.scan(prefix)) out.push(k);
    return out;
  }
}
