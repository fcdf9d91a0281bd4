import type { Json, TypeName, YShape } from "../crdt/index.js";
import type { Consistency } from "../replica/replica.js";
import type { FromSchema, JsonSchema } from "./schema-types.js";
import type { StateOf } from "./state-types.js";

/** The replica running a call. */
export interface ReplicaInfo {
  readonly id: string;
  readonly region: string;
}

/** Verified token claims (LATTICE_AUTH_SECRET set) or null. */
export type AuthClaims = Readonly<Record<string, unknown>> | null;

/** What every hook and handler knows about the call. */
export interface CallInfo {
  readonly service: string;
  readonly key: string;
  /** The command or stream name. */
  readonly command: string;
  readonly auth: AuthClaims;
  readonly replica: ReplicaInfo;
  /** Milliseconds since the epoch, fixed for the whole call. */
  readonly now: number;
}

export interface EffectOptions {
  /** Delay the reply until the effect completed (it is still not atomic with the command). */
  readonly synchronous?: boolean;
}

/** The `ctx` of a command handler (SPEC §4). */
export interface CommandContext extends CallInfo {
  /** Refuses the command with `failed` (422): nothing changes. */
  fail(message: string, detail?: Json): never;
  /** Deletes the entity on every replica, permanently, once the command commits. */
  delete(): void;
  /** Runs another command after this one committed (not atomic with it). */
  effect(service: string, key: string, command: string, input?: Json, options?: EffectOptions): void;
  /** Replies with what another command returns, run after this one committed. */
  forward(service: string, key: string, command: string, input?: Json): void;
}

/** The `ctx` of stream hooks: a command context that can also end the stream. */
export interface StreamContext extends CommandContext {
  /** Ends the stream after pushing `message`, if given. */
  end(message?: Json): void;
  /**
   * Scratch space of this one stream: the same object in its onOpen, every onChange and its
   * onClose, and a different one for every other stream (what a closure over the stream was in
   * Cloudstate's `ctx.onStateChange`). Not replicated and not persisted; keep it small and
   * structured-cloneable. Typical use: remember the input or the last status pushed.
   */
  readonly local: Record<string, unknown>;
}

export type CommandHandler<T extends TypeName, I = Json> = (state: StateOf<T>, input: I, ctx: CommandContext) => unknown;

/**
 * A hook type whose parameters are compared bivariantly (the method-parameter rule), so that a
 * command typed by its schema (`input: {productId: string}`, see {@link command}) still fits a
 * service's `commands` record, whose entries take any JSON input. Safe here because the engine
 * only ever passes input its schema accepted.
 */
type Bivariant<T extends TypeName, I, C, R> = { hook(state: StateOf<T>, input: I, ctx: C): R }["hook"];

export interface CommandSpec<T extends TypeName, I = Json> {
  readonly handler: Bivariant<T, I, CommandContext, unknown>;
  /** JSON schema of the input; a mismatch is `invalid_input`. No coercion. */
  readonly input?: JsonSchema;
  /** Write consistency (SPEC §4), default "local". */
  readonly consistency?: Consistency;
}

export type CommandDefinition<T extends TypeName> = CommandHandler<T> | CommandSpec<T>;

export interface StreamDefinition<T extends TypeName, I = Json> {
  /** May mutate state and return a first message. */
  readonly onOpen?: Bivariant<T, I, StreamContext, unknown>;
  /** Runs on every change of the converged state; may return a message; may not mutate. */
  readonly onChange?: (state: StateOf<T>, ctx: StreamContext) => unknown;
  /** Runs when the client cancels or disconnects; may mutate. */
  readonly onClose?: (state: StateOf<T>, ctx: StreamContext) => unknown;
  readonly input?: JsonSchema;
}

/** What {@link command} takes: a handler whose `input` is typed by the schema next to it. */
export interface TypedCommandSpec<T extends TypeName, S extends JsonSchema> {
  /** JSON schema of the input, written inline or `as const`; a mismatch is `invalid_input`. */
  readonly input: S;
  readonly handler: (state: StateOf<T>, input: FromSchema<S>, ctx: CommandContext) => unknown;
  /** Write consistency (SPEC §4), default "local". */
  readonly consistency?: Consistency;
}

/**
 * A command whose `input` parameter is typed from its JSON schema ({@link FromSchema}); the
 * `state` parameter is typed by the service it is placed in.
 *
 * @example
 * addItem: command({
 *   input: { type: "object", properties: { productId: { type: "string" }, quantity: { type: "integer" } }, required: ["productId", "quantity"], additionalProperties: false },
 *   handler: (state, input) => state.get(input.productId, "pncounter").increment(input.quantity),
 * }),
 */
export function command<const S extends JsonSchema, T extends TypeName = TypeName>(spec: TypedCommandSpec<T, S>): CommandSpec<T, FromSchema<S>> {
  if (typeof spec !== "object" || spec === null || typeof spec.handler !== "function") throw new TypeError("command() needs {input, handler}");
  if (typeof spec.input !== "object" || spec.input === null) throw new TypeError("command() needs an input schema (an object); a command without one can be a plain function");
  return spec;
}

/** What {@link stream} takes: hooks whose onOpen `input` is typed by the schema next to it. */
export interface TypedStreamSpec<T extends TypeName, S extends JsonSchema> {
  readonly input: S;
  readonly onOpen?: (state: StateOf<T>, input: FromSchema<S>, ctx: StreamContext) => unknown;
  readonly onChange?: (state: StateOf<T>, ctx: StreamContext) => unknown;
  readonly onClose?: (state: StateOf<T>, ctx: StreamContext) => unknown;
}

/** A stream whose onOpen `input` is typed from its JSON schema, as {@link command} for commands. */
export function stream<const S extends JsonSchema, T extends TypeName = TypeName>(spec: TypedStreamSpec<T, S>): StreamDefinition<T, FromSchema<S>> {
  if (typeof spec !== "object" || spec === null || typeof spec.input !== "object" || spec.input === null) throw new TypeError("stream() needs an input schema (an object)");
  return spec;
}

/** A service (SPEC §4): a name, one state model, command handlers, optional streams. */
export interface ServiceDefinition<T extends TypeName = TypeName> {
  readonly name: string;
  readonly type: T;
  /** "inline" (same thread, default) or "worker" (a worker-thread pool, enforces timeoutMs). */
  readonly runtime?: "inline" | "worker";
  /** Per-call time limit in ms (worker runtime) and majority/all wait (default 1000 / 5000). */
  readonly timeoutMs?: number;
  readonly commands: Readonly<Record<string, CommandDefinition<T>>>;
  readonly streams?: Readonly<Record<string, StreamDefinition<T>>>;
  /** The JSON clients read and subscribe to; default the state model's view. */
  readonly view?: (state: StateOf<T>) => Json;
  /** Runs before every command and stream; false answers `forbidden`. */
  readonly authorize?: (ctx: CallInfo & { readonly kind: "command" | "stream" }) => boolean | Promise<boolean>;
  /** ydoc only: the root shared types that make up the view. */
  readonly shape?: YShape;
}

/**
 * A service of any one state model: a union discriminated by `type`, so that TypeScript picks the
 * model from the `type` written in the definition before it types the hooks, also inside
 * {@link command} and {@link stream} calls (a generic `ServiceDefinition<T>` parameter would type
 * their `state` as the union of every model's state).
 */
export type AnyServiceDefinition = { [T in TypeName]: ServiceDefinition<T> }[TypeName];

const SERVICE_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * Declares a service. Returns the definition itself (typed by its state model), after checking
 * what a typo would otherwise break at run time: the name, the model, handler shapes.
 */
export function defineService<D extends AnyServiceDefinition>(definition: D): ServiceDefinition<D["type"]> {
  // The union parameter exists for the types above; one definition is one model's.
  const def: ServiceDefinition<D["type"]> = definition;
  if (!SERVICE_NAME.test(def.name)) throw new TypeError(`service name "${def.name}" must match ${SERVICE_NAME.source}`);
  const models: readonly string[] = ["gcounter", "pncounter", "gset", "orset", "lwwregister", "flag", "ormap", "vote", "ydoc"];
  if (!models.includes(def.type)) throw new TypeError(`service ${def.name}: unknown state model "${String(def.type)}"`);
  if (def.runtime !== undefined && def.runtime !== "inline" && def.runtime !== "worker") {
    throw new TypeError(`service ${def.name}: runtime must be "inline" or "worker"`);
  }
  for (const [name, c] of Object.entries(def.commands)) {
    if (typeof c !== "function" && (typeof c !== "object" || c === null || typeof c.handler !== "function")) {
      throw new TypeError(`service ${def.name}: command ${name} must be a function or {handler}`);
    }
  }
  if (def.type === "ydoc" && (!def.shape || Object.keys(def.shape).length === 0)) {
    throw new TypeError(`service ${def.name}: a ydoc service declares its root types in shape`);
  }
  return def;
}
