/**
 * Runs tasks one at a time per key (commands on one entity are handled one at a time; remote
 * deltas that arrive meanwhile wait their turn). Keys with nothing queued hold no memory.
 */
export class KeyedMutex<K> {
  private readonly tails = new Map<K, Promise<void>>();

  /** Whether a task for `key` is running or queued. */
  busy(key: K): boolean {
    return this.tails.has(key);
  }

  run<T>(key: K, task: () => Promise<T> | T): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const result = prev.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
