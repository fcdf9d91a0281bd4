import type { CrdtState, Json, JsonLimits, TypeName, ViewEnv } from "../crdt/index.js";
import type { CallInfo, ServiceDefinition, StreamContext } from "./define-service.js";
import { LatticeError } from "./errors.js";
import type { Outcome } from "./invocation.js";
import type { StateOf } from "./state-types.js";

/**
 * The runtime boundary (SPEC §4 "Runtimes"; functions/README.md describes it for implementers).
 *
 * A runtime runs one hook of one service: it gets the service's identity, which hook, a snapshot
 * of the entity's locally converged state, the input and what the call knows (CallInfo, the live
 * replicas), and answers an Outcome: the reply, the net change, effects, a forward, whether a
 * stream ended. It never touches the entity: the engine commits the change (or not). Everything
 * that crosses the boundary is JSON or canonical CRDT bytes, so a runtime may live in this
 * thread (inline), in a worker thread (worker), or in another process or language.
 */
export interface Runtime {
  /** "inline", "worker", …: what ServiceDefinition.runtime names. */
  readonly name: string;
  /**
   * Runs `req.hook` of `service` and answers what it produced. The state in the request is only
   * read, and only synchronously: a runtime that needs it later copies (encodes) it before its
   * first await. Rejects with a LatticeError: `failed` (ctx.fail), `invalid_input` (a value the
   * state rejects), `function_error` (a throw, a non-JSON reply, a write where writes are
   * refused), `function_timeout` (ran past `req.timeoutMs`, where the runtime can stop it).
   */
  run(service: RuntimeService, req: HookRequest): Promise<Outcome>;
  /** Stops the runtime: a worker runtime terminates its workers and fails later runs with `unavailable`. */
  close(): Promise<void>;
}

/** A service as a runtime sees it: its definition and where the definition came from. */
export interface RuntimeService {
  readonly def: ServiceDefinition;
  /** The URL of the module whose exports define the service (required by out-of-thread runtimes). */
  readonly module: string | undefined;
}

export type StreamPhase = "onOpen" | "onChange" | "onClose";

/** Which piece of user code to run. */
export type Hook =
  /** A command handler `(state, input, ctx) => reply`. */
  | { readonly kind: "command"; readonly name: string }
  /** A stream hook; onChange is read-only. */
  | { readonly kind: "stream"; readonly name: string; readonly phase: StreamPhase }
  /** The service's own `view(state)`; read-only; the reply is the view. */
  | { readonly kind: "view" }
  /** The service's `authorize(ctx)`; no state; the reply is its boolean answer. */
  | { readonly kind: "authorize"; readonly call: "command" | "stream" };

export interface HookRequest {
  readonly hook: Hook;
  /** The entity's locally converged state (null for authorize). Read only; see Runtime.run. */
  readonly state: CrdtState | null;
  /** The command or stream input (null when there is none). */
  readonly input: Json;
  readonly info: CallInfo;
  /** This replica and the live ones (vote tallies). */
  readonly env: ViewEnv;
  /** Member/value size limit of state writes. */
  readonly limits: JsonLimits;
  /** The call's time limit; enforced by runtimes that can stop a running handler. */
  readonly timeoutMs: number;
  /**
   * Stream hooks: the stream's `ctx.local`. The runtime leaves it holding what the hook left in
   * it (inline: the same object, mutated in place; worker: a copy goes in and its contents come
   * back, only when the hook succeeds).
   */
  readonly local?: Record<string, unknown>;
}

/** The time limit of a call when the service does not set `timeoutMs` (SPEC §4). */
export const DEFAULT_TIMEOUT_MS = 1000;

/** Why a hook may not write, if it may not. */
export function readOnlyReason(hook: Hook): string | undefined {
  if (hook.kind === "view") return "a view may not change state";
  if (hook.kind === "stream" && hook.phase === "onChange") return "onChange may not change state";
  return undefined;
}

type HookFn = (state: StateOf<TypeName>, ctx: StreamContext) => unknown;

/**
 * The user function a state hook runs, looked up by name in the definition (own properties only,
 * so a name like "constructor" is never found on a prototype).
 */
export function hookFunction(def: ServiceDefinition, hook: Hook, input: Json): HookFn {
  switch (hook.kind) {
    case "command": {
      const c = Object.hasOwn(def.commands, hook.name) ? def.commands[hook.name] : undefined;
      const handler = typeof c === "function" ? c : c?.handler;
      if (typeof handler !== "function") throw new LatticeError("unknown_command", `service ${def.name} has no command ${JSON.stringify(hook.name)}`);
      return (state, ctx) => handler(state, input, ctx);
    }
    case "stream": {
      const s = def.streams && Object.hasOwn(def.streams, hook.name) ? def.streams[hook.name] : undefined;
      if (!s) throw new LatticeError("unknown_command", `service ${def.name} has no stream ${JSON.stringify(hook.name)}`);
      if (hook.phase === "onOpen") {
        const f = s.onOpen;
        if (f) return (state, ctx) => f(state, input, ctx);
      } else {
        const f = s[hook.phase];
        if (f) return (state, ctx) => f(state, ctx);
      }
      // A missing hook does nothing: the engine normally does not call it at all.
      return () => undefined;
    }
    case "view": {
      const view = def.view;
      if (!view) throw new LatticeError("function_error", `service ${def.name} has no view function`);
      return (state) => view(state);
    }
    case "authorize":
      throw new Error("authorize has no state; use runAuthorize");
  }
}

/** Runs a service's authorize hook; the reply is true only for a literal `true`. */
export async function runAuthorize(def: ServiceDefinition, info: CallInfo, call: "command" | "stream"): Promise<boolean> {
  if (!def.authorize) return true;
  return (await def.authorize({ ...info, kind: call })) === true;
}

// ---------------------------------------------------------------------------------------------
// Where services came from. A worker (or any out-of-thread runtime) cannot receive functions: it
// imports the module that defined the service and finds it there by name. The loader records
// the module of every service it loads; a service defined inline (in the server's own code or a
// test) has none and cannot use the worker runtime.

const moduleOfService = new WeakMap<ServiceDefinition, string>();

/** Records that `def` is exported by the module at `moduleUrl` (a file: URL). */
export function setServiceModule(def: ServiceDefinition, moduleUrl: string): void {
  moduleOfService.set(def, moduleUrl);
}

/** The module URL recorded for `def`, if it was loaded from a module. */
export function serviceModule(def: ServiceDefinition): string | undefined {
  return moduleOfService.get(def);
}

/** Replaces the contents of `target` by those of `src`, keeping `target`'s identity. */
export function replaceContents(target: Record<string, unknown>, src: Record<string, unknown>): void {
  for (const k of Object.keys(target)) delete target[k];
  Object.assign(target, src);
}
