import "../protos/runtime.js";
import { lattice } from "../protos/generated/storage.js";
import type { Version } from "./version.js";
import { versionEntries } from "./version.js";

import pb = lattice.storage;

/** Storage key layout. Prefixes are one letter so scans of one kind never see another. */
export const KEYS = {
  replica: "m/replica",
  seq: "m/seq",
  entity: (id: string) => `e/${id}`,
  entityPrefix: "e/",
  digest: (leaf: number, id: string) => `d/${leafHex(leaf)}/${id}`,
  digestLeafPrefix: (leaf: number) => `d/${leafHex(leaf)}/`,
  digestPrefix: "d/",
  ySnapshot: (id: string) => `s/${id}`,
  yLog: (id: string, n: number) => `y/${id}/${n.toString(36).padStart(11, "0")}`,
  yLogPrefix: (id: string) => `y/${id}/`,
  /** The functions layer's journal of open streams (functions/stream-journal.ts), per process nonce. */
  openStream: (session: string, n: number) => `o/${session}/${n.toString(16).padStart(12, "0")}`,
  openStreamSession: (session: string) => `o/${session}/`,
  openStreamPrefix: "o/",
};

function leafHex(leaf: number): string {
  return leaf.toString(16).padStart(4, "0");
}

export interface StoredEntity {
  readonly state: Uint8Array;
  readonly version: Version;
  readonly deleted: boolean;
  readonly firstLog: number;
  readonly nextLog: number;
  readonly digest: Uint8Array;
  /** ydoc only (empty otherwise). */
  readonly stateVector: Uint8Array;
}

/** `entries`: `versionEntries(r.version)` when the caller has it already (the commit computes it for the digest). */
export function encodeRecord(r: StoredEntity, entries = versionEntries(r.version)): Uint8Array {
  return pb.EntityRecord.encode({
    format: 1,
    state: r.state,
    version: entries,
    deleted: r.deleted,
    firstLog: r.firstLog,
    nextLog: r.nextLog,
    digest: r.digest,
    stateVector: r.stateVector,
  }).finish();
}

/** Records are written only by this replica; a record that fails to decode means disk corruption. */
export function decodeRecord(bytes: Uint8Array): StoredEntity {
  const m = pb.EntityRecord.decode(bytes);
  return {
    state: m.state,
    version: new Map(m.version.map((v) => [v.replica ?? "", v.count ?? 0])),
    deleted: m.deleted,
    firstLog: m.firstLog,
    nextLog: m.nextLog,
    digest: m.digest,
    stateVector: m.stateVector,
  };
}

export function encodeReplicaMeta(id: string, createdMs: number): Uint8Array {
  return pb.ReplicaMeta.encode({ format: 1, replicaId: id, createdMs }).finish();
}

export function decodeReplicaMeta(bytes: Uint8Array): { id: string; createdMs: number } {
  const m = pb.ReplicaMeta.decode(bytes);
  return { id: m.replicaId, createdMs: m.createdMs };
}

export function encodeSeq(seq: number): Uint8Array {
  return pb.SequenceMeta.encode({ seq }).finish();
}

export function decodeSeq(bytes: Uint8Array): number {
  return pb.SequenceMeta.decode(bytes).seq;
}
