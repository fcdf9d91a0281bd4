/**
 * {@link KeyValueStore} in memory, with the same semantics as `LevelStore` (both pass
 * `acceptance.ts`). Used by unit tests and by the deterministic simulation, which crashes its
 * {@link MemoryDisk} to test recovery.
 *
 * Everything happens synchronously inside each call (the returned promises are already settled),
 * so a simulation's event order alone decides the outcome.
 *
 * @module
 */
import { MemoryDisk, type DiskSession } from "./memory-disk.js";
import type { BatchOp, BatchOptions, KeyValueStore, ScanOptions, StoreEntry, StoreKey } from "./store.js";
import { StoreError } from "./store-error.js";
import { checkBatch, checkKey, checkKeys, checkScan } from "./validate.js";

export class MemoryStore implements KeyValueStore {
  /** The disk this handle is open on; crash it to simulate a kill or a power loss. */
  readonly disk: MemoryDisk;
  readonly #session: DiskSession;

  /**
   * Opens a handle on `disk` (a new, empty one by default).
   *
   * @throws StoreError `"locked"` if another handle on `disk` is open.
   */
  constructor(disk: MemoryDisk = new MemoryDisk()) {
    this.disk = disk;
    this.#session = disk.attach();
  }

  get(key: StoreKey): Promise<Uint8Array | undefined> {
    return settled(() => {
      this.#assertOpen();
      checkKey(key);
      return copyOrUndefined(this.#session.get(key));
    });
  }

  getMany(keys: readonly StoreKey[]): Promise<(Uint8Array | undefined)[]> {
    return settled(() => {
      this.#assertOpen();
      checkKeys(keys);
      return keys.map((key) => copyOrUndefined(this.#session.get(key)));
    });
  }

  batch(ops: readonly BatchOp[], options?: BatchOptions): Promise<void> {
    return settled(() => {
      this.#assertOpen();
      checkBatch(ops, options);
      // Like LevelDB, an empty batch writes nothing, so it is no sync barrier either.
      if (ops.length === 0) return;
      const owned = ops.map(
        (op): BatchOp => (op.type === "put" ? { type: "put", key: op.key, value: copy(op.value) } : { type: "del", key: op.key }),
      );
      this.#session.write(owned, options?.sync === true);
    });
  }

  async *scan(prefix: StoreKey, options?: ScanOptions): AsyncIterableIterator<StoreEntry> {
    this.#assertOpen();
    checkScan(prefix, options);
    // range() returns a fresh array of references to stored values, which are never mutated in
    // place (writes replace them), so it is a snapshot; values are copied only when yielded.
    const { after, reverse, limit } = options ?? {};
    const entries = this.#session.range({ prefix, after, reverse, limit });
    for (const [key, value] of entries) {
      this.#assertOpen();
      yield [key, copy(value)];
    }
  }

  close(): Promise<void> {
    this.#session.end();
    return Promise.resolve();
  }

  #assertOpen(): void {
    if (!this.#session.alive) throw new StoreError("closed", "the store is closed");
  }
}

/** Runs `fn` now and returns its outcome as a settled promise (a throw becomes a rejection). */
function settled<T>(fn: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(fn()));
}

/** A plain `Uint8Array` copy (`Buffer#slice` would return a view, hence the constructor). */
function copy(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

function copyOrUndefined(bytes: Uint8Array | undefined): Uint8Array | undefined {
  return bytes === undefined ? undefined : copy(bytes);
}
