/**
 * Frames of the /v1/ws client protocol (SPEC §5, protos/PROTOCOL.md "Client frames"): parsing
 * JSON text and protobuf binary frames into one request type, and encoding replies and pushes in
 * the form of the request they answer. Nothing here throws: every failure is a value.
 *
 * @example
 * const parsed = parseTextFrame('{"id":1,"op":"call","service":"cart","key":"u1","command":"get"}', 64);
 * if (parsed.kind === "request") encodeServerMessage({ kind: "result", id: 1, result: 3 }, "json");
 */
import type { Json } from "../../crdt/index.js";
import { LatticeError } from "../../functions/errors.js";
import { client, decodeMessage, encodeMessage } from "../../protos/index.js";
import { MAX_CLIENT_REQUEST_ID } from "../../protos/limits.js";
import type { ErrorBody } from "./errors.js";
import { checkDepth, parseJsonText } from "./json-input.js";

/** The form a frame came in; replies and pushes go out in the form of their request. */
export type Form = "json" | "binary";

export type ClientRequest =
  | { readonly op: "call"; readonly id: number; readonly service: string; readonly key: string; readonly command: string; readonly input: Json }
  | { readonly op: "subscribe"; readonly id: number; readonly service: string; readonly key: string }
  | { readonly op: "stream"; readonly id: number; readonly service: string; readonly key: string; readonly stream: string; readonly input: Json }
  | { readonly op: "cancel"; readonly id: number; readonly sub: number };

export type ParsedFrame =
  /** A well-formed request. */
  | { readonly kind: "request"; readonly request: ClientRequest }
  /** A frame with a usable id that is otherwise invalid: answered with this error. */
  | { readonly kind: "invalid"; readonly id: number; readonly error: LatticeError }
  /** Not JSON, not protobuf, or no usable id: nothing can be answered; the socket closes with 4400. */
  | { readonly kind: "unusable"; readonly reason: string };

/** What the server sends on /v1/ws (before encoding). */
export type ServerMessage =
  | { readonly kind: "result"; readonly id: number; readonly result: Json }
  | { readonly kind: "ok"; readonly id: number }
  | { readonly kind: "error"; readonly id: number; readonly error: ErrorBody }
  | { readonly kind: "snapshot"; readonly id: number; readonly state: Json; readonly version: Readonly<Record<string, number>> }
  | { readonly kind: "state"; readonly sub: number; readonly state: Json; readonly version: Readonly<Record<string, number>> }
  | { readonly kind: "message"; readonly sub: number; readonly message: Json }
  | { readonly kind: "end"; readonly sub: number; readonly message?: Json }
  | { readonly kind: "failed"; readonly sub: number; readonly error: ErrorBody };

function isId(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= MAX_CLIENT_REQUEST_ID;
}

function invalid(id: number, message: string): ParsedFrame {
  return { kind: "invalid", id, error: new LatticeError("invalid_input", message) };
}

/** Checks the fields of a request whose id is known to be usable. */
function build(id: number, op: unknown, f: Readonly<Record<string, unknown>>, input: () => Json): ParsedFrame {
  const name = (field: string): string | undefined => {
    const v = f[field];
    return typeof v === "string" && v.length > 0 ? v : undefined;
  };
  const key = f.key;
  try {
    switch (op) {
      case "call": {
        const service = name("service");
        const command = name("command");
        if (!service) return invalid(id, "call needs a non-empty string service");
        if (typeof key !== "string") return invalid(id, "call needs a string key");
        if (!command) return invalid(id, "call needs a non-empty string command");
        return { kind: "request", request: { op, id, service, key, command, input: input() } };
      }
      case "subscribe": {
        const service = name("service");
        if (!service) return invalid(id, "subscribe needs a non-empty string service");
        if (typeof key !== "string") return invalid(id, "subscribe needs a string key");
        return { kind: "request", request: { op, id, service, key } };
      }
      case "stream": {
        const service = name("service");
        const stream = name("stream");
        if (!service) return invalid(id, "stream needs a non-empty string service");
        if (typeof key !== "string") return invalid(id, "stream needs a string key");
        if (!stream) return invalid(id, "stream needs a non-empty string stream");
        return { kind: "request", request: { op, id, service, key, stream, input: input() } };
      }
      case "cancel": {
        const sub = f.sub;
        if (!isId(sub)) return invalid(id, "cancel needs sub, the id of a subscribe or stream request");
        return { kind: "request", request: { op, id, sub } };
      }
      default:
        return invalid(id, op === undefined ? "the frame has no op" : `unknown op ${JSON.stringify(op)}; expected call, subscribe, stream or cancel`);
    }
  } catch (err) {
    if (err instanceof LatticeError) return { kind: "invalid", id, error: err };
    return invalid(id, "the frame is invalid");
  }
}

/** Parses a JSON text frame. `maxDepth` bounds the nesting of `input`. */
export function parseTextFrame(text: string, maxDepth: number): ParsedFrame {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return { kind: "unusable", reason: "the text frame is not JSON" };
  }
  if (typeof frame !== "object" || frame === null || Array.isArray(frame)) return { kind: "unusable", reason: "the text frame is not a JSON object" };
  const f = frame as Record<string, unknown>;
  if (!isId(f.id)) return { kind: "unusable", reason: "the frame has no usable id (an integer from 1 to 4294967295)" };
  return build(f.id, f.op, f, () => {
    const input = f.input === undefined ? null : (f.input as Json);
    checkDepth(input, maxDepth, "input");
    return input;
  });
}

/** Parses a binary frame (a protobuf ClientFrame of at most `maxBytes`). */
export function parseBinaryFrame(bytes: Uint8Array, maxBytes: number, maxDepth: number): ParsedFrame {
  let frame: client.ClientFrame;
  try {
    frame = decodeMessage(client.ClientFrame, bytes, maxBytes);
  } catch (err) {
    return { kind: "unusable", reason: `the binary frame does not decode: ${err instanceof Error ? err.message : String(err)}` };
  }
  const id = frame.id;
  if (!isId(id)) return { kind: "unusable", reason: "the frame has no usable id (1 to 4294967295)" };
  const jsonInput = (raw: string | null | undefined) => (): Json => (raw ? parseJsonText(raw, maxDepth, "input") : null);
  switch (frame.op) {
    case "call": {
      const c = frame.call;
      return build(id, "call", { service: c?.service, key: c?.key, command: c?.command }, jsonInput(c?.inputJson));
    }
    case "subscribe": {
      const s = frame.subscribe;
      return build(id, "subscribe", { service: s?.service, key: s?.key }, () => null);
    }
    case "stream": {
      const s = frame.stream;
      return build(id, "stream", { service: s?.service, key: s?.key, stream: s?.stream }, jsonInput(s?.inputJson));
    }
    case "cancel":
      return build(id, "cancel", { sub: frame.cancel?.sub }, () => null);
    default:
      return invalid(id, "the frame has no op this server knows (call, subscribe, stream or cancel)");
  }
}

/** The JSON text form of a server message (SPEC §5). */
export function jsonFrame(msg: ServerMessage): Record<string, unknown> {
  switch (msg.kind) {
    case "result":
      return { id: msg.id, ok: true, result: msg.result };
    case "ok":
      return { id: msg.id, ok: true };
    case "error":
      return { id: msg.id, ok: false, error: msg.error };
    case "snapshot":
      return { id: msg.id, ok: true, state: msg.state, version: msg.version };
    case "state":
      return { sub: msg.sub, state: msg.state, version: msg.version };
    case "message":
      return { sub: msg.sub, message: msg.message };
    case "end":
      return msg.message === undefined ? { sub: msg.sub, end: true } : { sub: msg.sub, end: true, message: msg.message };
    case "failed":
      return { sub: msg.sub, ok: false, error: msg.error };
  }
}

function errorInfo(e: ErrorBody): client.ErrorInfo.$Properties {
  return e.detail === undefined ? { code: e.code, message: e.message } : { code: e.code, message: e.message, detailJson: JSON.stringify(e.detail) };
}

function stateOf(state: Json, version: Readonly<Record<string, number>>): client.State.$Properties {
  const entries = Object.keys(version)
    .sort()
    .map((replica) => ({ replica, count: version[replica] ?? 0 }))
    .filter((e) => e.count > 0);
  return { stateJson: JSON.stringify(state), version: entries };
}

/** The protobuf form of a server message (protos/client.proto ServerFrame). */
export function binaryFrame(msg: ServerMessage): client.ServerFrame.$Properties {
  switch (msg.kind) {
    case "result":
      return { id: msg.id, result: { json: JSON.stringify(msg.result) } };
    case "ok":
      return { id: msg.id, ok: {} };
    case "error":
      return { id: msg.id, error: errorInfo(msg.error) };
    case "snapshot":
      return { id: msg.id, state: stateOf(msg.state, msg.version) };
    case "state":
      return { sub: msg.sub, state: stateOf(msg.state, msg.version) };
    case "message":
      return { sub: msg.sub, message: { json: JSON.stringify(msg.message) } };
    case "end":
      return { sub: msg.sub, end: msg.message === undefined ? {} : { messageJson: JSON.stringify(msg.message) } };
    case "failed":
      return { sub: msg.sub, error: errorInfo(msg.error) };
  }
}

/** Encodes a server message in `form`: a JSON string for text frames, bytes for binary frames. */
export function encodeServerMessage(msg: ServerMessage, form: Form): string | Uint8Array {
  return form === "json" ? JSON.stringify(jsonFrame(msg)) : encodeMessage(client.ServerFrame, binaryFrame(msg));
}
