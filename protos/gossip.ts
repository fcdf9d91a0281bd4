// Reference implementation of the byte-level constructions of the gossip protocol that both ends
// must compute identically (protos/PROTOCOL.md): the AuthProof MAC, version negotiation, and the
// anti-entropy tree position and digest of an entity. Node-only (node:crypto); the browser client
// never needs it, so protos/index.ts does not re-export it.
import { createHmac, hash, timingSafeEqual } from "node:crypto";
import { CloseCode } from "./close-codes.js";
import { lattice } from "./generated/replica.js";
import { $protobuf } from "./runtime.js";

import Role = lattice.replica.Role;
import RefusalReason = lattice.replica.RefusalReason;

/** The protocol version this code speaks. */
export const GOSSIP_PROTOCOL_VERSION = 1;

/** Every protocol version this code speaks, ascending (Hello.protocol_versions). */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [GOSSIP_PROTOCOL_VERSION];

/** Length of Hello.nonce. */
export const NONCE_BYTES = 32;

/** Length of AuthProof.mac and of every digest. */
export const DIGEST_BYTES = 32;

/** Children per anti-entropy tree node (version 1). */
export const TREE_FANOUT = 256;

/** Levels below the root of the anti-entropy tree (version 1). */
export const TREE_DEPTH = 2;

/** Number of leaves of the anti-entropy tree. */
export const TREE_LEAVES = TREE_FANOUT ** TREE_DEPTH;

const AUTH_LABEL = "lattice-gossip-auth-v1";
const DIGEST_LABEL = "lattice-entity-digest-v1";

const utf8 = new TextEncoder();

/** The highest version both lists contain, or undefined if they share none. */
export function negotiateVersion(ours: readonly number[], theirs: readonly number[]): number | undefined {
  let best: number | undefined;
  for (const v of ours) if (v > 0 && theirs.includes(v) && (best === undefined || v > best)) best = v;
  return best;
}

/** What a side's AuthProof covers. All fields are as seen by the prover (the side that sends the proof). */
export interface AuthTranscript {
  /** The prover's role on this connection. */
  role: Role.DIALER | Role.LISTENER;
  /** The verifier's Hello.nonce: the challenge the proof answers. */
  challenge: Uint8Array;
  /** The prover's own Hello.nonce. */
  nonce: Uint8Array;
  /** The prover's replica id (its Hello.replica_id). */
  replicaId: string;
  /** The verifier's replica id (its Hello.replica_id). */
  peerReplicaId: string;
  /** The negotiated protocol version. */
  protocolVersion: number;
}

/**
 * The exact bytes the AuthProof MAC is computed over:
 * label || 0x00 || role || lp(challenge) || lp(nonce) || lp(replicaId) || lp(peerReplicaId) || u32be(version),
 * where role is one byte (1 dialer, 2 listener) and lp(x) = u32be(byte length of x) || x.
 */
export function authProofMessage(t: AuthTranscript): Uint8Array {
  if (t.role !== Role.DIALER && t.role !== Role.LISTENER) throw new RangeError("role must be DIALER or LISTENER");
  return concat([
    utf8.encode(AUTH_LABEL),
    Uint8Array.of(0, t.role),
    lp(t.challenge),
    lp(t.nonce),
    lp(utf8.encode(t.replicaId)),
    lp(utf8.encode(t.peerReplicaId)),
    u32(t.protocolVersion),
  ]);
}

/** HMAC-SHA256 keyed with the cluster secret (a string is used as its UTF-8 bytes) over authProofMessage(t). */
export function computeAuthProof(secret: string | Uint8Array, t: AuthTranscript): Uint8Array {
  const key = typeof secret === "string" ? utf8.encode(secret) : secret;
  return new Uint8Array(createHmac("sha256", key).update(authProofMessage(t)).digest());
}

/** Checks a received AuthProof.mac in constant time. `t` describes the PEER as prover. */
export function verifyAuthProof(secret: string | Uint8Array, t: AuthTranscript, mac: Uint8Array): boolean {
  if (mac.byteLength !== DIGEST_BYTES) return false;
  return timingSafeEqual(computeAuthProof(secret, t), mac);
}

/** The close code that goes with a refusal reason (PROTOCOL.md, "Close codes"). */
export function refusalCloseCode(reason: RefusalReason): CloseCode {
  switch (reason) {
    case RefusalReason.BAD_PROOF:
      return CloseCode.authFailed;
    case RefusalReason.VERSION_MISMATCH:
      return CloseCode.versionMismatch;
    case RefusalReason.SAME_REPLICA_ID:
      return CloseCode.sameReplicaId;
    case RefusalReason.DUPLICATE_SESSION:
      return CloseCode.duplicateSession;
    case RefusalReason.TIMEOUT:
      return CloseCode.timeout;
    case RefusalReason.UNAVAILABLE:
      return CloseCode.goingAway;
    case RefusalReason.MALFORMED:
    default:
      return CloseCode.badFrame;
  }
}

/** Where an entity sits in the anti-entropy tree. */
export interface TreePosition {
  /** Level-1 bucket, 0–255: the first byte of the hash. */
  bucket: number;
  /** Leaf index, 0–65,535: the first two bytes of the hash, big-endian (so bucket * 256 + second byte). */
  leaf: number;
}

/**
 * The entity id used for placement: encodeURIComponent(service) + "/" + encodeURIComponent(key).
 * Injective, because neither encoded part can contain "/". The replica's entity id is this id
 * (replica/entity-ref.ts), so it keys the store and is computed for every command.
 */
export function placementId(service: string, key: string): string {
  return `${uriComponent(service)}/${uriComponent(key)}`;
}

/** The characters encodeURIComponent leaves as they are: A–Z a–z 0–9 - _ . ! ~ * ' ( ). */
const UNRESERVED = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()") UNRESERVED[c.charCodeAt(0)] = 1;

/**
 * encodeURIComponent(s), without the call for a string it would return unchanged: most services
 * and keys are such strings, and every command computes an id, which skipping the call makes
 * about twice as fast (bench: ~95 → ~50 ns for ids like the examples').
 */
function uriComponent(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || UNRESERVED[c] === 0) return encodeURIComponent(s);
  }
  return s;
}

/** The tree position of (service, key): the first two bytes of SHA-256(UTF-8 of placementId(service, key)). */
export function treePosition(service: string, key: string): TreePosition {
  const leaf = treeLeaf(placementId(service, key));
  return { bucket: leaf >> 8, leaf };
}

/**
 * The leaf of a placement id (see treePosition): for callers that have the id already, as the
 * replica has its entity ids. The string is hashed as UTF-8 in place, with no byte array between.
 */
export function treeLeaf(placementId: string): number {
  const h = hash("sha256", placementId, "buffer");
  return (h[0] ?? 0) * TREE_FANOUT + (h[1] ?? 0);
}

/** What an entity digest covers. */
export interface EntityDigestInput {
  service: string;
  key: string;
  /** Tombstone: a deleted entity's digest covers only its identity and the deletion. */
  deleted: boolean;
  /** The entity's version, in any order (sorted here; zero counts left out). Ignored when deleted. */
  version: ReadonlyArray<{ readonly replica: string; readonly count: number }>;
  /** The 32-byte digest of the entity's state (crdt/digest.ts `digest`). Ignored when deleted. */
  stateDigest: Uint8Array;
  /** placementId(service, key), when the caller has it already (the replica's entity id is it). */
  placementId?: string;
}

/**
 * The digest of one entity in the anti-entropy tree and in EntityDigest.digest:
 * SHA-256(label || 0x00 || lp(placementId) || 0x01) for a deleted entity, otherwise
 * SHA-256(label || 0x00 || lp(placementId) || 0x00 || u32be(n) || n × (lp(replica) || u64be(count)) || stateDigest).
 * The identity must be inside: tree nodes XOR entity digests, and two entities with equal states
 * (common: a counter incremented once by the same replica) would otherwise cancel out.
 */
export function entityDigest(input: EntityDigestInput): Uint8Array {
  // Laid out in one buffer, strings written straight into it, and hashed in one call: every
  // commit on every replica computes this, and intermediate arrays per part cost more than the
  // hashing itself.
  const id = input.placementId ?? placementId(input.service, input.key);
  const idBytes = Buffer.byteLength(id);
  const head = LABEL_BYTES.byteLength + 1 + 4 + idBytes + 1;
  if (input.deleted) {
    const out = Buffer.allocUnsafe(head);
    const at = writeHead(out, id, idBytes);
    out[at] = 1;
    return sha256(out);
  }
  if (input.stateDigest.byteLength !== DIGEST_BYTES) throw new RangeError("stateDigest must be 32 bytes");
  const version = input.version
    .filter((e) => e.count !== 0)
    .sort((a, b) => (a.replica < b.replica ? -1 : a.replica > b.replica ? 1 : 0));
  let size = head + 4 + DIGEST_BYTES;
  for (const e of version) size += 4 + Buffer.byteLength(e.replica) + 8;
  const out = Buffer.allocUnsafe(size);
  let at = writeHead(out, id, idBytes);
  out[at++] = 0;
  at = out.writeUInt32BE(checkedU32(version.length), at);
  for (const entry of version) {
    const n = Buffer.byteLength(entry.replica);
    at = out.writeUInt32BE(checkedU32(n), at);
    at += out.write(entry.replica, at, n, "utf8");
    at = writeU64(out, entry.count, at);
  }
  out.set(input.stateDigest, at);
  return sha256(out);
}

const LABEL_BYTES = utf8.encode(DIGEST_LABEL);

/** label || 0x00 || lp(id); returns the offset after it. */
function writeHead(out: Buffer, id: string, idBytes: number): number {
  out.set(LABEL_BYTES, 0);
  let at = LABEL_BYTES.byteLength;
  out[at++] = 0;
  at = out.writeUInt32BE(checkedU32(idBytes), at);
  return at + out.write(id, at, idBytes, "utf8");
}

function checkedU32(n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`not a uint32: ${n}`);
  return n;
}

function writeU64(out: Buffer, n: number, at: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a safe uint64: ${n}`);
  out.writeUInt32BE(Math.floor(n / 2 ** 32), at);
  return out.writeUInt32BE(n >>> 0, at + 4);
}

/** XORs `digest` into `acc` in place: adds an entity digest to, or removes it from, a tree node. */
export function xorDigest(acc: Uint8Array, digest: Uint8Array): void {
  if (acc.byteLength !== DIGEST_BYTES || digest.byteLength !== DIGEST_BYTES) throw new RangeError("digests are 32 bytes");
  for (let i = 0; i < DIGEST_BYTES; i++) acc[i] = (acc[i] ?? 0) ^ (digest[i] ?? 0);
}

/** One-shot SHA-256 (no Hash object to create: every commit computes an entity digest). */
function sha256(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(hash("sha256", bytes, "buffer"));
}

function u32(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`not a uint32: ${n}`);
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n);
  return out;
}

function lp(bytes: Uint8Array): Uint8Array {
  return concat([u32(bytes.byteLength), bytes]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.byteLength;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out;
}

/**
 * An Envelope carrying a DeltaBatch whose deltas are already encoded `Delta` messages: the same
 * bytes `Envelope.encode({protocolVersion, deltaBatch: {batchSeq, deltas}})` writes (a nested
 * message is its length-prefixed bytes on the wire). A replica pushes one change to every peer,
 * so it encodes each Delta once and splices it into every peer's frame.
 */
export function encodeDeltaBatchEnvelope(protocolVersion: number, batchSeq: number, deltas: readonly Uint8Array[]): Uint8Array {
  const w = $protobuf.Writer.create();
  // Field numbers of replica.proto: Envelope.protocol_version = 1, Envelope.delta_batch = 8,
  // DeltaBatch.batch_seq = 1, DeltaBatch.deltas = 2; wire types varint (0) and length-delimited (2).
  w.uint32((1 << 3) | 0).uint32(protocolVersion);
  w.uint32((8 << 3) | 2).fork();
  w.uint32((1 << 3) | 0).uint64(batchSeq);
  for (const d of deltas) w.uint32((2 << 3) | 2).bytes(d);
  w.ldelim();
  return w.finish();
}
