/**
 * The user-function API of Lattice (SPEC §4): what a module named in LATTICE_FUNCTIONS imports
 * as `import { defineService } from "lattice"`.
 *
 * @example
 * export default defineService({
 *   name: "counter",
 *   type: "pncounter",
 *   commands: {
 *     increment: { handler: (state, input) => { state.increment(Number(input ?? 1)); return state.value; } },
 *     get: (state) => state.value,
 *   },
 * });
 */
export { defineService } from "./define-service.js";
export type {
  AuthClaims,
  CallInfo,
  CommandContext,
  CommandDefinition,
  CommandHandler,
  CommandSpec,
  EffectOptions,
  ReplicaInfo,
  ServiceDefinition,
  StreamContext,
  StreamDefinition,
} from "./define-service.js";
export type {
  ClockSpec,
  FlagState,
  GCounterState,
  GSetState,
  LWWRegisterState,
  ORMapState,
  ORSetState,
  PNCounterState,
  StateOf,
  VoteState,
} from "./state-types.js";
export type { Json, TypeName, VoteView, YShape } from "../crdt/index.js";
