import type { ReplicaId } from "../crdt/index.js";
import { asReplicaId } from "../crdt/index.js";
import type { Env } from "./env.js";
import { KEYS, decodeReplicaMeta, decodeSeq, encodeReplicaMeta, encodeSeq } from "./records.js";
import type { KeyValueStore } from "./storage/index.js";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * 16 characters of a 62-letter alphabet (95 bits) drawn from the injected random source: unique
 * across incarnations without coordination, short enough to repeat in every dot.
 */
export function mintReplicaId(env: Env): ReplicaId {
  const bytes = env.random.bytes(32);
  let id = "";
  for (let i = 0; id.length < 16 && i < bytes.length; i++) {
    const b = bytes[i] as number;
    // Rejection sampling keeps the letters uniform (248 = 4 * 62).
    if (b < 248) id += ALPHABET[b % 62];
  }
  while (id.length < 16) id += ALPHABET[Math.floor(env.random.next() * 62)];
  return asReplicaId(id);
}

export interface Identity {
  readonly id: ReplicaId;
  /** True when the data directory was empty: this start is a new incarnation. */
  readonly created: boolean;
  /** The replica's commit sequence as of the last durable batch. */
  readonly seq: number;
}

/**
 * Reads the replica id stored with the data, or mints one for an empty store. An id lives and
 * dies with its data: a replica whose data directory was lost starts as a new incarnation with a
 * new id, because reusing an id would re-issue dots its peers have already seen.
 */
export async function loadIdentity(store: KeyValueStore, env: Env): Promise<Identity> {
  const meta = await store.get(KEYS.replica);
  if (meta) {
    const { id } = decodeReplicaMeta(meta);
    const seqBytes = await store.get(KEYS.seq);
    return { id: asReplicaId(id), created: false, seq: seqBytes ? decodeSeq(seqBytes) : 0 };
  }
  const id = mintReplicaId(env);
  await store.batch(
    [
      { type: "put", key: KEYS.replica, value: encodeReplicaMeta(id, env.clock.now()) },
      { type: "put", key: KEYS.seq, value: encodeSeq(0) },
    ],
    { sync: true },
  );
  return { id, created: true, seq: 0 };
}
