// Entry point of protos/: the generated message classes of the wire formats (crdt, replica,
// client), the safe decode/encode helpers, close codes and size limits. Browser-safe (no Node
// imports): the Node-only gossip constructions (AuthProof MAC, digests) are in ./gossip.js.

// First: configures the protobufjs runtime (64-bit fields as numbers) before any generated module
// evaluates, so that their prototype defaults are numbers too.
import "./runtime.js";
import { lattice as clientRoot } from "./generated/client.js";
import { lattice as crdtRoot } from "./generated/crdt.js";
import { lattice as replicaRoot } from "./generated/replica.js";

// `export import` aliases carry both the values (classes, enums) and the types, so that callers
// can write `replica.Envelope` in type positions too without reaching into generated/.
/** lattice.crdt: state and delta encoding of every state model (crdt.proto). */
export import crdt = crdtRoot.crdt;
/** lattice.replica: the replica-to-replica envelope on /v1/gossip (replica.proto). */
export import replica = replicaRoot.replica;
/** lattice.client: binary /v1/ws frames (client.proto). */
export import client = clientRoot.client;

export { ProtoDecodeError, decodeMessage, encodeMessage } from "./decode.js";
export type { DecodableType, EncodableType, ProtoDecodeErrorCode } from "./decode.js";
export { CloseCode, ObservedCloseCode, closeCodeName, isRetryableClose } from "./close-codes.js";
export * from "./limits.js";
