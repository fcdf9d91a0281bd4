import type { Json } from "../crdt/index.js";
import { KEYS } from "../replica/records.js";
import type { KeyValueStore } from "../replica/storage/index.js";
import type { AuthClaims } from "./define-service.js";

/** Storage prefix of open-stream records: in KEYS with the replica's own, so no scan of theirs sees these. */
export const OPEN_STREAM_PREFIX = KEYS.openStreamPrefix;

/** What it takes to run a stream's onClose later, in another process: the stream as it was opened. */
export interface OpenStreamRecord {
  readonly service: string;
  readonly key: string;
  readonly stream: string;
  readonly input: Json;
  readonly auth: AuthClaims;
  /** ctx.local as onOpen left it (its JSON-representable part). */
  readonly local: Record<string, unknown>;
}

/** One open stream's record: rewritten with the stream's ctx.local, removed when it closed. */
export interface JournalEntry {
  /** Records ctx.local as it is now (after onOpen), for an onClose run by a later process. */
  update(local: Record<string, unknown>): Promise<void>;
  /** The stream is over (onClose ran, or it ended without one): forget it. Idempotent. */
  remove(): Promise<void>;
}

/** A record left in the store by an earlier process: its storage key and what it holds (undefined if unreadable). */
export interface LeftoverStream {
  readonly storageKey: string;
  readonly record: OpenStreamRecord | undefined;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The record as stored. ctx.local is written as JSON; if it cannot be (a cycle, a BigInt), it is
 * stored empty rather than failing the stream. Values JSON leaves out are simply absent.
 */
function encodeRecord(record: Omit<OpenStreamRecord, "local">, local: Record<string, unknown>): Uint8Array {
  let text: string;
  try {
    text = JSON.stringify({ ...record, local });
  } catch {
    text = JSON.stringify({ ...record, local: {} });
  }
  return encoder.encode(text);
}

function decode(bytes: Uint8Array): OpenStreamRecord | undefined {
  try {
    const r = JSON.parse(decoder.decode(bytes)) as Partial<OpenStreamRecord> | null;
    if (!r || typeof r.service !== "string" || typeof r.key !== "string" || typeof r.stream !== "string") return undefined;
    const local = typeof r.local === "object" && r.local !== null && !Array.isArray(r.local) ? r.local : {};
    const auth = typeof r.auth === "object" && !Array.isArray(r.auth) ? (r.auth ?? null) : null;
    return { service: r.service, key: r.key, stream: r.stream, input: r.input ?? null, auth, local };
  } catch {
    return undefined;
  }
}

/**
 * The durable list of this process's open streams that have an onClose (SPEC §4: onClose runs
 * when the client disconnects; a replica that dies disconnects every client). A stream is
 * recorded before its onOpen runs and removed after its onClose ran, so a process that died
 * in between leaves its record, and the next process on the same store runs the onClose for it
 * (FunctionEngine.ready). Records are keyed by a per-process nonce, so the next process can tell
 * its own records from those left behind.
 */
export class StreamJournal {
  private readonly session: string;
  private seq = 0;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly store: KeyValueStore,
    /** Write records with fsync (the replica's LATTICE_FSYNC): they must survive what the state survives. */
    private readonly sync: boolean,
    nonce: Uint8Array,
  ) {
    this.session = Buffer.from(nonce).toString("hex");
  }

  /** Records an open stream; resolves once the record is durable. */
  async open(record: Omit<OpenStreamRecord, "local">): Promise<JournalEntry> {
    const storageKey = KEYS.openStream(this.session, this.seq++);
    const put = (local: Record<string, unknown>) =>
      this.store.batch([{ type: "put", key: storageKey, value: encodeRecord(record, local) }], { sync: this.sync });
    await this.track(put({}));
    // Writes of one entry run in order, so a removal never overtakes an update.
    let last: Promise<void> = Promise.resolve();
    let removed = false;
    const then = (op: () => Promise<void>): Promise<void> => (last = this.track(last.then(op, op)));
    return {
      update: (local) => (removed ? Promise.resolve() : then(() => put(local))),
      remove: () => {
        if (removed) return last;
        removed = true;
        return then(() => this.store.batch([{ type: "del", key: storageKey }], { sync: this.sync }));
      },
    };
  }

  /** Records left by earlier processes on this store (not this one's). */
  async leftovers(): Promise<LeftoverStream[]> {
    const own = KEYS.openStreamSession(this.session);
    const out: LeftoverStream[] = [];
    for await (const [storageKey, value] of this.store.scan(OPEN_STREAM_PREFIX)) {
      if (!storageKey.startsWith(own)) out.push({ storageKey, record: decode(value) });
    }
    return out;
  }

  /** Removes a leftover record once its onClose ran (or cannot run). */
  async drop(storageKey: string): Promise<void> {
    await this.track(this.store.batch([{ type: "del", key: storageKey }], { sync: this.sync }));
  }

  /** Keeps `work` in the set shutdown waits for. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const forget = () => this.pending.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Resolves once every tracked piece of work (record writes, closing streams) has settled. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
