/**
 * Configures the protobufjs runtime once for all of Lattice: 64-bit integer fields decode to JS
 * numbers instead of `Long` objects, matching the generated types (`--force-number`). Values past
 * 2^53 come out as unsafe numbers, which every decoder of ours rejects with Number.isSafeInteger,
 * so nothing is silently rounded into range. Import this module before decoding anything.
 */
import $protobuf from "protobufjs/minimal.js";

// reason: protobufjs documents `util.Long = null; configure()` as the way to disable Long; its
// typings declare the slot as a constructor, so null must be cast through unknown.
$protobuf.util.Long = null as unknown as typeof $protobuf.util.Long;
$protobuf.configure();

export { $protobuf };
