import type { CrdtState, Json, JsonLimits, ReplicaId, TypeName } from "../crdt/index.js";
import { CrdtError, decodeState, encodeState } from "../crdt/index.js";
import type { ErrorCode } from "../protos/errors.js";
import type { Change } from "../replica/replica.js";
import type { CallInfo } from "./define-service.js";
import { LatticeError, toLatticeError } from "./errors.js";
import type { EffectCall, Outcome } from "./invocation.js";
import type { Hook, HookRequest } from "./runtime.js";

/**
 * The runtime boundary as data: what an out-of-thread runtime receives and answers. Only JSON
 * values and canonical CRDT bytes (crdt/codec.ts, protos/crdt.proto) cross it, so the same
 * messages can travel to a worker thread (structured clone), or as JSON with base64 bytes to
 * another process written in any language. functions/README.md documents every field.
 */
export const PROTOCOL_VERSION = 1;

export interface WireRequest {
  readonly v: typeof PROTOCOL_VERSION;
  /** Matches the answer to the request. */
  readonly id: number;
  /** The service's identity: its name, state model and the module that defines it. */
  readonly service: { readonly name: string; readonly type: TypeName; readonly module: string };
  readonly hook: Hook;
  /** The entity's state as `encodeState` bytes (a ydoc: its whole Yjs update); null for authorize. */
  readonly state: Uint8Array | null;
  /** ydoc only: the Yjs clientID the copy writes with, so its update continues the writer's clock. */
  readonly clientId: number;
  readonly input: Json;
  readonly info: CallInfo;
  /** This replica and the live replicas (vote tallies count self plus these). */
  readonly env: { readonly self: string; readonly live: readonly string[] };
  readonly limits: JsonLimits;
  /** Stream hooks: the stream's ctx.local (JSON-like, structured-cloneable). */
  readonly local?: Record<string, unknown>;
}

/** The net change: an encoded causal delta, a Yjs update, the entity's deletion, or nothing. */
export type WireChange =
  | { readonly kind: "causal"; readonly delta: Uint8Array }
  | { readonly kind: "ydoc"; readonly update: Uint8Array }
  | { readonly kind: "delete" }
  | null;

export interface WireOutcome {
  /** The reply as JSON; absent when the hook returned undefined (a stream pushes nothing). */
  readonly reply?: Json;
  readonly change: WireChange;
  readonly effects: readonly EffectCall[];
  readonly forward: Omit<EffectCall, "synchronous"> | null;
  /** Stream hooks: ctx.end(message?) was called. */
  readonly ended: { readonly message?: Json } | null;
  readonly local?: Record<string, unknown>;
}

/** The codes a runtime may answer with; anything else becomes function_error. */
export type WireErrorCode = "failed" | "invalid_input" | "function_error" | "unknown_command";
const WIRE_CODES: ReadonlySet<string> = new Set<WireErrorCode>(["failed", "invalid_input", "function_error", "unknown_command"]);

export interface WireError {
  readonly code: WireErrorCode;
  readonly message: string;
  readonly detail?: Json;
}

export type WireResponse =
  | { readonly id: number; readonly ok: true; readonly outcome: WireOutcome }
  | { readonly id: number; readonly ok: false; readonly error: WireError };

// ---------------------------------------------------------------------------------------------
// The replica's side.

/** Builds the request for `req`; copies (encodes) the state now, synchronously. */
export function encodeRequest(id: number, service: WireRequest["service"], req: HookRequest): WireRequest {
  const s = req.state;
  return {
    v: PROTOCOL_VERSION,
    id,
    service,
    hook: req.hook,
    state: s ? encodeState(s) : null,
    clientId: s?.type === "ydoc" ? s.doc.clientID : 0,
    input: req.input,
    info: req.info,
    env: { self: req.env.self, live: [...req.env.live] },
    limits: req.limits,
    ...(req.local ? { local: req.local } : {}),
  };
}

function bad(message: string): never {
  throw new LatticeError("function_error", `the runtime answered a malformed outcome: ${message}`);
}

function isCall(x: unknown): boolean {
  if (typeof x !== "object" || x === null) return false;
  const c = x as Record<string, unknown>;
  return typeof c["service"] === "string" && typeof c["key"] === "string" && typeof c["command"] === "string";
}

/** Reads an answer into an Outcome; the change must be of the service's state model. */
export function decodeOutcome(w: WireOutcome, type: TypeName): Outcome {
  let change: Change | null = null;
  const c = w.change;
  if (c !== null) {
    switch (c.kind) {
      case "delete":
        change = { kind: "delete" };
        break;
      case "ydoc":
        if (type !== "ydoc" || !(c.update instanceof Uint8Array)) bad("a Yjs update for a causal state");
        change = { kind: "ydoc", update: c.update };
        break;
      case "causal": {
        if (type === "ydoc" || !(c.delta instanceof Uint8Array)) bad("a causal delta for a ydoc");
        let delta;
        try {
          delta = decodeState(c.delta);
        } catch (err) {
          bad(err instanceof CrdtError ? err.message : String(err));
        }
        if (delta.type !== type) bad(`a ${delta.type} delta for a ${type} service`);
        change = { kind: "causal", delta };
        break;
      }
      default:
        bad("unknown change kind");
    }
  }
  const effects: unknown = w.effects;
  if (!Array.isArray(effects) || !effects.every(isCall)) bad("effects");
  if (w.forward !== null && !isCall(w.forward)) bad("forward");
  return {
    reply: w.reply,
    change,
    effects: (effects as readonly EffectCall[]).map((e) => ({ service: e.service, key: e.key, command: e.command, input: e.input ?? null, synchronous: e.synchronous === true })),
    forward: w.forward ? { service: w.forward.service, key: w.forward.key, command: w.forward.command, input: w.forward.input ?? null } : undefined,
    ended: w.ended ? { message: w.ended.message } : undefined,
    ...(w.local ? { local: w.local } : {}),
  };
}

/** The error an answer carries, as a LatticeError. */
export function decodeError(e: WireError): LatticeError {
  const code: ErrorCode = WIRE_CODES.has(e.code) ? e.code : "function_error";
  return new LatticeError(code, typeof e.message === "string" ? e.message : "the function failed", e.detail);
}

// ---------------------------------------------------------------------------------------------
// The runtime's side.

/** The request's state, decoded into a private copy; env with the live set as a Set. */
export function decodeRequest(w: WireRequest): HookRequest {
  return {
    hook: w.hook,
    state: w.state ? decodeYours(w.state, w.clientId) : null,
    input: w.input,
    info: w.info,
    env: { self: w.env.self as ReplicaId, live: new Set(w.env.live as ReplicaId[]) },
    limits: w.limits,
    timeoutMs: 0,
    ...(w.local ? { local: w.local } : {}),
  };
}

/** Decodes a state; a ydoc gets the writer's clientID once its content is in (see invoke's cloneDoc). */
function decodeYours(bytes: Uint8Array, clientId: number): CrdtState {
  const s = decodeState(bytes);
  if (s.type === "ydoc") s.doc.clientID = clientId;
  return s;
}

export function encodeOutcome(o: Outcome): WireOutcome {
  const c = o.change;
  const change: WireChange =
    c === null ? null : c.kind === "causal" ? { kind: "causal", delta: encodeState(c.delta) } : c.kind === "ydoc" ? { kind: "ydoc", update: c.update } : { kind: "delete" };
  return {
    ...(o.reply !== undefined ? { reply: o.reply } : {}),
    change,
    effects: o.effects,
    forward: o.forward ?? null,
    ended: o.ended ? (o.ended.message !== undefined ? { message: o.ended.message } : {}) : null,
    ...(o.local ? { local: o.local } : {}),
  };
}

/** What a hook threw, as an answer: catalogue code, message and JSON detail (no stack). */
export function encodeError(err: unknown): WireError {
  const e = toLatticeError(err);
  const code: WireErrorCode = WIRE_CODES.has(e.code) ? (e.code as WireErrorCode) : "function_error";
  let detail: Json | undefined;
  try {
    detail = e.detail === undefined ? undefined : (JSON.parse(JSON.stringify(e.detail)) as Json);
  } catch {
    detail = undefined;
  }
  return { code, message: e.message, ...(detail !== undefined ? { detail } : {}) };
}
