// Entry point of protos/: the generated message classes of all three .proto files, the safe
// decode/encode helpers, close codes and size limits. Browser-safe (no Node imports): the
// Node-only gossip constructions (AuthProof MAC, digests) are in ./gossip.js.
// First: configures the protobufjs runtime (64-bit fields as numbers) before any generated module
// evaluates, so that their prototype defaults are numbers too.
import "./runtime.js";
import $protobuf from "protobufjs/minimal.js";
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

// Each generated module resolves nested message types at call time through
// `$protobuf.roots[<root>].lattice.<package>`. While scripts/gen-protos.mjs generates every file
// into the same root ("default": no `--root` flag), each generated module REPLACES
// `roots.default.lattice` with an object holding only its own package when it loads, after which
// decoding a message of any earlier-loaded file that nests another message throws a TypeError.
// The block below repairs that: it re-assembles one namespace object and turns later
// replacements (a generated module loaded after this one) into merges. It does nothing once the
// generator gives each file its own root (`pbjs --root <file name>`), and can then be deleted.
{
  const roots = $protobuf.roots as Record<string, { lattice?: object } | undefined>;
  const shared = roots["default"];
  if (shared?.lattice !== undefined) {
    const merged: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, shared.lattice, {
      crdt: crdtRoot.crdt,
      replica: replicaRoot.replica,
      client: clientRoot.client,
    });
    Object.defineProperty(shared, "lattice", {
      configurable: true,
      enumerable: true,
      get: () => merged,
      set: (next: object) => {
        Object.assign(merged, next);
      },
    });
  }
}
