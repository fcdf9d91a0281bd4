import type { EntityId } from "./entity-ref.js";
import type { Entity } from "./entity.js";

/**
 * Least-recently-used cache of entities bounded in entries and estimated bytes. Eviction skips
 * entities the caller says must stay (pinned, being committed, with a command running); those
 * may push the cache past its bounds until they become idle.
 */
export class EntityCache {
  private readonly entries = new Map<EntityId, Entity>();
  private bytes = 0;
  evictions = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
    private readonly mustStay: (e: Entity) => boolean,
    private readonly onEvict: (e: Entity) => void,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get byteSize(): number {
    return this.bytes;
  }

  get(id: EntityId): Entity | undefined {
    const e = this.entries.get(id);
    if (e) {
      // Map iteration order is insertion order: re-inserting moves the entity to the young end.
      this.entries.delete(id);
      this.entries.set(id, e);
    }
    return e;
  }

  peek(id: EntityId): Entity | undefined {
    return this.entries.get(id);
  }

  add(e: Entity): void {
    this.entries.set(e.id, e);
    this.bytes += e.bytes;
    // Never the entity just added: its caller is about to use (or pin) it, and an evicted
    // document is destroyed. It goes at a later eviction, once it is idle.
    this.evict(e);
  }

  /** Records a change of an entity's estimated size. */
  resize(e: Entity, bytes: number): void {
    if (this.entries.get(e.id) === e) this.bytes += bytes - e.bytes;
    e.bytes = bytes;
    this.evict();
  }

  evict(keep?: Entity): void {
    if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) return;
    for (const e of this.entries.values()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) return;
      if (e === keep || this.mustStay(e)) continue;
      this.entries.delete(e.id);
      this.bytes -= e.bytes;
      this.evictions++;
      this.onEvict(e);
    }
  }

  values(): IterableIterator<Entity> {
    return this.entries.values();
  }

  clear(): void {
    for (const e of this.entries.values()) this.onEvict(e);
    this.entries.clear();
    this.bytes = 0;
  }
}
