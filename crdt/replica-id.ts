import { CrdtError } from "./errors.js";

/**
 * Identifies one incarnation of a replica. Branded so that an arbitrary string (a key, a service
 * name) cannot be passed where a replica id is meant. The node mints ids (nanoid); the core only
 * validates them, because dots are keyed by `${id}:${counter}` and ids cross the wire.
 */
export type ReplicaId = string & { readonly __brand: "ReplicaId" };

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isReplicaId(value: unknown): value is ReplicaId {
  return typeof value === "string" && ID_PATTERN.test(value);
}

export function asReplicaId(value: string): ReplicaId {
  if (!isReplicaId(value)) {
    throw new CrdtError("invalid_replica_id", `replica id must match ${ID_PATTERN.source}`);
  }
  return value;
}
