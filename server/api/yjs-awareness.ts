import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { YjsFrameError } from "./yjs-messages.js";

/** One entry of a y-protocols awareness update: a client's state (JSON text, "null" = gone). */
export interface AwarenessRecord {
  readonly clientId: number;
  readonly clock: number;
  /** The state as JSON text, exactly as received; null when the client is gone. */
  readonly state: string | null;
}

/**
 * Who controls an awareness client: a local connection (any object; its entries are gossiped)
 * or, as a string, the id of the replica the client is connected to.
 */
export type AwarenessOwner = object | string;

interface Entry {
  clock: number;
  state: string | null;
  /** Monotonic ms of the last accepted change. */
  updatedMs: number;
  owner: AwarenessOwner;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes an awareness update (`varUint n`, then n × `varUint clientID, varUint clock,
 * varString JSON`) completely, so that a malformed one changes nothing; throws YjsFrameError.
 */
export function decodeAwarenessUpdate(bytes: Uint8Array): AwarenessRecord[] {
  const d = decoding.createDecoder(bytes);
  try {
    const n = decoding.readVarUint(d);
    // Each record takes at least 3 bytes: a count beyond that is a lie, not a reason to allocate.
    if (n > bytes.length) throw new YjsFrameError("the awareness update counts more clients than it can hold");
    const out: AwarenessRecord[] = [];
    for (let i = 0; i < n; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const len = decoding.readVarUint(d);
      if (len > d.arr.length - d.pos) throw new YjsFrameError("an awareness state is longer than the update");
      const text = utf8.decode(d.arr.subarray(d.pos, d.pos + len));
      d.pos += len;
      const value: unknown = JSON.parse(text);
      out.push({ clientId, clock, state: value === null ? null : text });
    }
    if (decoding.hasContent(d)) throw new YjsFrameError("the awareness update has trailing bytes");
    return out;
  } catch (err) {
    if (err instanceof YjsFrameError) throw err;
    throw new YjsFrameError(`malformed awareness update: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * The awareness states of one document on this replica (what y-protocols' `Awareness` keeps),
 * without a Y.Doc and without a timer: the hub expires states for all documents with one sweep.
 * Rules are y-protocols': a record wins with a higher clock, or with the same clock when it
 * removes a present state. A removed client stays as a tombstone (its clock) until it expires,
 * so that an older record arriving late does not bring it back.
 */
export class AwarenessTable {
  private readonly entries = new Map<number, Entry>();

  /** Clients with a state (not removed). */
  get liveCount(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.state !== null) n++;
    return n;
  }

  get size(): number {
    return this.entries.size;
  }

  private wins(r: AwarenessRecord): boolean {
    const cur = this.entries.get(r.clientId);
    return cur === undefined ? r.state !== null : cur.clock < r.clock || (cur.clock === r.clock && r.state === null && cur.state !== null);
  }

  /** Whether applying `records` would change anything (echoes of known states do not). */
  accepts(records: readonly AwarenessRecord[]): boolean {
    return records.some((r) => this.wins(r));
  }

  /**
   * Applies decoded records; returns the clients whose record was accepted (to relay). A record
   * that would make `owner` hold more than `maxOwned` live clients is dropped.
   */
  apply(records: readonly AwarenessRecord[], owner: AwarenessOwner, nowMs: number, maxOwned = Infinity): number[] {
    const accepted: number[] = [];
    let owned = maxOwned === Infinity ? 0 : this.ownedBy(owner);
    for (const r of records) {
      if (!this.wins(r)) continue;
      const cur = this.entries.get(r.clientId);
      const adds = r.state !== null && (cur === undefined || cur.owner !== owner || cur.state === null);
      if (adds && owned >= maxOwned) continue;
      if (adds) owned++;
      else if (r.state === null && cur?.owner === owner && cur.state !== null) owned--;
      this.entries.set(r.clientId, { clock: r.clock, state: r.state, updatedMs: nowMs, owner });
      accepted.push(r.clientId);
    }
    return accepted;
  }

  private ownedBy(owner: AwarenessOwner): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.owner === owner && e.state !== null) n++;
    return n;
  }

  /** Removes the states `owner` controls (its socket closed, or its replica went away). */
  removeOwned(owner: AwarenessOwner, nowMs: number): number[] {
    const removed: number[] = [];
    for (const [id, e] of this.entries) {
      if (e.owner !== owner || e.state === null) continue;
      e.state = null;
      e.updatedMs = nowMs;
      removed.push(id);
    }
    return removed;
  }

  /** Raises the clock of every live state of a local connection by one; returns those clients. */
  renewLocal(nowMs: number): number[] {
    const renewed: number[] = [];
    for (const [id, e] of this.entries) {
      if (typeof e.owner === "string" || e.state === null) continue;
      e.clock++;
      e.updatedMs = nowMs;
      renewed.push(id);
    }
    return renewed;
  }

  /**
   * Removes states not renewed for `timeoutMs` (y-protocols clients renew every 15 s and drop
   * others after 30 s) and forgets tombstones as old; returns the clients removed now.
   */
  expire(nowMs: number, timeoutMs: number): number[] {
    const removed: number[] = [];
    for (const [id, e] of this.entries) {
      if (nowMs - e.updatedMs < timeoutMs) continue;
      if (e.state === null) {
        this.entries.delete(id);
      } else {
        e.state = null;
        e.updatedMs = nowMs;
        removed.push(id);
      }
    }
    return removed;
  }

  /** Clients with a state, for a newcomer or a query-awareness. */
  live(): number[] {
    const out: number[] = [];
    for (const [id, e] of this.entries) if (e.state !== null) out.push(id);
    return out;
  }

  /** Whether `owner` controls the client (replica-level gossip only sends local clients). */
  ownedLocally(clientId: number): boolean {
    const e = this.entries.get(clientId);
    return e !== undefined && typeof e.owner !== "string";
  }

  /** The y-protocols awareness update of the given clients as they are now (unknown ones skipped). */
  encode(clientIds: Iterable<number>): Uint8Array {
    const picked: [number, Entry][] = [];
    for (const id of clientIds) {
      const e = this.entries.get(id);
      if (e) picked.push([id, e]);
    }
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, picked.length);
    for (const [id, e] of picked) {
      encoding.writeVarUint(enc, id);
      encoding.writeVarUint(enc, e.clock);
      encoding.writeVarString(enc, e.state ?? "null");
    }
    return encoding.toUint8Array(enc);
  }
}
