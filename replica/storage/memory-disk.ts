/**
 * The in-memory stand-in for a data directory, with a crash model for deterministic simulation.
 * A {@link MemoryStore} is an open handle on a `MemoryDisk`, the way a `LevelStore` is an open
 * handle on a directory; the disk outlives its handles, so a simulated replica can "restart".
 *
 * ```ts
 * const disk = new MemoryDisk();
 * let store = new MemoryStore(disk);
 * await store.batch([{ type: "put", key: "a", value }]);              // survives a kill only
 * await store.batch([{ type: "put", key: "b", value }], { sync: true }); // durable, and so is "a"
 * await store.batch([{ type: "put", key: "c", value }]);
 * disk.simulatePowerLoss();   // store is dead; "c" is gone, "a" and "b" remain
 * store = new MemoryStore(disk);
 * ```
 *
 * The model follows LevelDB's write-ahead log: batches are appended in order, a batch without
 * `sync` reaches the OS page cache (which a killed process cannot lose), and a synced batch
 * fsyncs the log, which makes it and every batch before it durable. So a power loss loses a suffix
 * of the unsynced batches, never a batch in the middle and never part of a batch.
 *
 * @module
 */
import { SortedMap, type RangeQuery } from "./sorted-map.js";
import type { BatchOp, StoreKey } from "./store.js";
import { StoreError } from "./store-error.js";

export interface PowerLossOptions {
  /**
   * How many of the unsynced batches, oldest first, the OS happened to write back before the
   * power went out. Default 0 (all lost). A simulator draws it from its seeded RNG, between 0
   * and {@link MemoryDisk.unsyncedBatches}, to explore every outcome LevelDB allows.
   */
  readonly keepUnsynced?: number;
}

/**
 * The access an open handle has to its disk. It dies (`alive` turns false) when the handle ends
 * it or the disk "crashes"; from then on its methods throw `"closed"`.
 *
 * @remarks
 * The disk does not copy: values given to `write` belong to the disk afterwards, and values it
 * returns are its own and must not be mutated. {@link MemoryStore} copies on both sides.
 */
export interface DiskSession {
  readonly alive: boolean;
  get(key: StoreKey): Uint8Array | undefined;
  /** A fresh array (a snapshot of the keys), holding the disk's own values. */
  range(query: RangeQuery): [StoreKey, Uint8Array][];
  write(ops: readonly BatchOp[], sync: boolean): void;
  end(): void;
}

/** What a key held before an unsynced op overwrote it; replayed backwards on power loss. */
interface UndoRecord {
  readonly key: StoreKey;
  readonly previous: Uint8Array | undefined;
}

export class MemoryDisk {
  readonly #data = new SortedMap<Uint8Array>();
  /** One undo list per batch written without sync since the last synced batch or flush. */
  #unsynced: UndoRecord[][] = [];
  #session: { alive: boolean } | undefined;

  /** Number of batches that a power loss could lose now. */
  get unsyncedBatches(): number {
    return this.#unsynced.length;
  }

  /** Number of keys stored (synced or not). */
  get size(): number {
    return this.#data.size;
  }

  /**
   * Opens a session for a handle. Like LevelDB's directory lock, only one session may be alive
   * at a time: a second one fails with `"locked"` until the first ends or the disk crashes.
   */
  attach(): DiskSession {
    if (this.#session?.alive === true) {
      throw new StoreError("locked", "the memory disk is already open by another store");
    }
    const state = { alive: true };
    this.#session = state;
    const data = this.#data;
    // A dead session must never touch the data, even if a handle forgets to check `alive`.
    const live = (): void => {
      if (!state.alive) throw new StoreError("closed", "the store is closed");
    };
    return {
      get alive() {
        return state.alive;
      },
      get: (key) => {
        live();
        return data.get(key);
      },
      range: (query) => {
        live();
        return data.range(query);
      },
      write: (ops, sync) => {
        live();
        this.#write(ops, sync);
      },
      end: () => {
        state.alive = false;
      },
    };
  }

  /**
   * Simulates SIGKILL of the process holding the disk: the open handle dies (its calls reject
   * with `"closed"`) and the lock is released. Every batch written so far survives.
   */
  simulateKill(): void {
    if (this.#session !== undefined) this.#session.alive = false;
  }

  /**
   * Simulates the machine losing power: like {@link simulateKill}, and batches written without
   * `sync` since the last synced batch are rolled back, except the oldest `keepUnsynced`.
   */
  simulatePowerLoss(options: PowerLossOptions = {}): void {
    const keep = options.keepUnsynced ?? 0;
    if (!Number.isSafeInteger(keep) || keep < 0) {
      throw new StoreError("invalid", "keepUnsynced must be a non-negative integer");
    }
    this.simulateKill();
    for (let i = this.#unsynced.length - 1; i >= keep; i--) {
      const undo = this.#unsynced[i] ?? [];
      for (let j = undo.length - 1; j >= 0; j--) {
        const { key, previous } = undo[j] as UndoRecord;
        if (previous === undefined) this.#data.delete(key);
        else this.#data.set(key, previous);
      }
    }
    this.#unsynced = [];
  }

  /**
   * Simulates the OS writing dirty pages back: every batch written so far becomes durable, as if
   * synced. Simulators call it periodically to model writeback (and to bound the undo log).
   */
  flush(): void {
    this.#unsynced = [];
  }

  #write(ops: readonly BatchOp[], sync: boolean): void {
    // A synced batch makes everything before it durable, so its undo records would be dropped
    // at once: skip recording them.
    const undo: UndoRecord[] | undefined = sync ? undefined : [];
    for (const op of ops) {
      undo?.push({ key: op.key, previous: this.#data.get(op.key) });
      if (op.type === "put") this.#data.set(op.key, op.value);
      else this.#data.delete(op.key);
    }
    if (undo === undefined) this.#unsynced = [];
    else this.#unsynced.push(undo);
  }
}
