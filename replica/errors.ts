/**
 * Failures the replica reports to its callers. Codes match the client error catalogue of SPEC §5
 * so the server can pass them through unchanged.
 */
export type ReplicaErrorCode = "entity_deleted" | "replication_timeout" | "unavailable";

export class ReplicaError extends Error {
  readonly code: ReplicaErrorCode;

  constructor(code: ReplicaErrorCode, message: string) {
    super(message);
    this.name = "ReplicaError";
    this.code = code;
  }
}
