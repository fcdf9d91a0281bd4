/**
 * The user-function API of Lattice (SPEC §4): what a module named in LATTICE_FUNCTIONS imports
 * as `import { defineService } from "lattice"`.
 *
 * @example
 * export default defineService({
 *   name: "counter",
 *   type: "pncounter",
 *   commands: {
 *     // `input` is typed from the schema: { amount?: number } | null
 *     increment: command({
 *       input: { type: ["object", "null"], properties: { amount: { type: "integer" } }, additionalProperties: false },
 *       handler: (state, input) => { state.increment(input?.amount ?? 1); return state.value; },
 *     }),
 *     get: (state) => state.value,
 *   },
 * });
 */
export { command, defineService, stream } from "./define-service.js";
export type {
  AnyServiceDefinition,
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
  TypedCommandSpec,
  TypedStreamSpec,
} from "./define-service.js";
export type { FromSchema, JsonSchema } from "./schema-types.js";
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
