/**
 * A {@link KeyValueStore} wrapper that makes every operation take virtual time, as LevelDB's do:
 * reads and writes complete after a random delay on the process's {@link Env}, so that gossip,
 * anti-entropy and commands interleave with a group commit that is still being written — the
 * window in which a SIGKILL finds a change applied in memory but not yet durable.
 *
 * Writes reach the wrapped store in call order (LevelDB appends batches to its log in order) and
 * only when their delay has passed: a process killed before that (its env's timers never fire)
 * never wrote them. Values are copied at call time, since callers may reuse their buffers.
 *
 * @module
 */
import type { Env } from "../env.js";
import type { BatchOp, BatchOptions, KeyValueStore, ScanOptions, StoreEntry, StoreKey } from "../storage/index.js";

export interface SlowStoreOptions {
  /** Upper bound of a read's (get, getMany, the start of a scan) delay, virtual ms. */
  readonly maxReadMs: number;
  /** Upper bound of an unsynced batch's delay, virtual ms. */
  readonly maxWriteMs: number;
  /** Upper bound of a synced (fsync) batch's delay, virtual ms. */
  readonly maxSyncWriteMs: number;
}

export class SlowStore implements KeyValueStore {
  private writes: Promise<void> = Promise.resolve();

  /**
   * @param opts the latency bounds; replaceable at any time (a disk that turns slow). `fixed`
   *   makes every operation take exactly its bound, for scripted scenarios.
   */
  constructor(
    private readonly inner: KeyValueStore,
    private readonly env: Env,
    public opts: SlowStoreOptions & { readonly fixed?: boolean },
  ) {}

  private delay(maxMs: number): Promise<void> {
    const ms = this.opts.fixed === true ? maxMs : this.env.random.next() * maxMs;
    return new Promise((resolve) => this.env.timers.after(ms, resolve));
  }

  async get(key: StoreKey): Promise<Uint8Array | undefined> {
    await this.delay(this.opts.maxReadMs);
    return this.inner.get(key);
  }

  async getMany(keys: readonly StoreKey[]): Promise<(Uint8Array | undefined)[]> {
    await this.delay(this.opts.maxReadMs);
    return this.inner.getMany(keys);
  }

  batch(ops: readonly BatchOp[], options?: BatchOptions): Promise<void> {
    const owned = ops.map((op): BatchOp => (op.type === "put" ? { type: "put", key: op.key, value: new Uint8Array(op.value) } : op));
    const max = options?.sync === true ? this.opts.maxSyncWriteMs : this.opts.maxWriteMs;
    const done = this.writes.then(async () => {
      await this.delay(max);
      await this.inner.batch(owned, options);
    });
    // The next batch waits for this one, whether it succeeded or not.
    this.writes = done.catch(() => undefined);
    return done;
  }

  async *scan(prefix: StoreKey, options?: ScanOptions): AsyncIterableIterator<StoreEntry> {
    await this.delay(this.opts.maxReadMs);
    yield* this.inner.scan(prefix, options);
  }

  async close(): Promise<void> {
    await this.writes;
    await this.inner.close();
  }
}
