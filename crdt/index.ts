/**
 * The pure delta-state CRDT core of Lattice: nine state models, their joins, views, canonical
 * encoding and digests. No I/O, timers, sockets or randomness: replica ids and clocks come in as
 * arguments. See README.md in this folder for the model and crdt.proto for the encoding.
 *
 * @example
 * const s = emptyState("orset");
 * const d = addToSet(s, replicaA, "milk");   // a delta, itself an orset state
 * if (d) mergeInto(s, { type: "orset", ...d });
 */
export { CausalContext } from "./causal-context.js";
export type { Causal, CausalState } from "./causal.js";
export { asType, cloneState, delta, emptyState, isEmptyState, join, mergeInto, view } from "./causal.js";
export type { CrdtState, DecodeOptions, TypeName } from "./codec.js";
export { FORMAT, MAX_NESTING, decodeState, encodeState } from "./codec.js";
export { digest } from "./digest.js";
export type { Dot } from "./dot.js";
export { compareDots, dot, dotKey } from "./dot.js";
export type { CrdtErrorCode } from "./errors.js";
export { CrdtError, checkSafeInteger } from "./errors.js";
export type { Json, JsonLimits } from "./json.js";
export { DEFAULT_MAX_JSON_DEPTH, canonicalJson, compareText, parseCanonicalJson } from "./json.js";
export type { CausalType, ViewEnv } from "./kinds/kind.js";
export { CAUSAL_TYPES } from "./kinds/kind.js";
export { counterValue } from "./kinds/counter.js";
export { visibleEntries, viewKey } from "./kinds/map.js";
export { kindOf } from "./kinds/registry.js";
export type { StoreOf } from "./kinds/registry.js";
export { winner } from "./kinds/register.js";
export { memberValues } from "./kinds/set.js";
export type * from "./kinds/stores.js";
export type { VoteView } from "./kinds/vote.js";
export { tally, voteOf } from "./kinds/vote.js";
export { addToCounter } from "./ops/counter-ops.js";
export { enableFlag } from "./ops/flag-ops.js";
export { clearMap, deleteMapKey, mapKeyType, mapValue, updateMap } from "./ops/map-ops.js";
export type { RegisterClock } from "./ops/register-ops.js";
export { DEFAULT_CLOCK, setRegister } from "./ops/register-ops.js";
export { addToSet, clearSet, hasMember, removeFromSet } from "./ops/set-ops.js";
export { castVote } from "./ops/vote-ops.js";
export type { ReplicaId } from "./replica-id.js";
export { asReplicaId, isReplicaId } from "./replica-id.js";
export type { YDocState, YRootKind, YShape } from "./ydoc.js";
export { applyYUpdate, emptyYDoc, joinYDocs, mergeYInto, yFullUpdate, yIdentity, yTransact, yView } from "./ydoc.js";
