/**
 * The client side of the /v1/ws JSON frames (SPEC §5, docs/api.md): what the SDK sends, and the
 * server frames it understands. The SDK speaks only the JSON form: it keeps protobuf out of the
 * browser bundle, and the replica answers each request in the form it came in. Parsing never
 * throws; a frame it cannot use is `undefined` and the connection treats it as a protocol error.
 *
 * @example
 * parseServerFrame('{"id":1,"ok":true,"result":3}'); // { kind: "ok", id: 1, body: {...} }
 * parseServerFrame('{"sub":2,"message":"hi"}');      // { kind: "message", sub: 2, message: "hi" }
 */
import { MAX_CLIENT_REQUEST_ID } from "../protos/limits.js";
import { isServerErrorCode, LatticeError } from "./errors.js";

/** A replica's version vector: replica id → count of its changes. */
export type Version = Readonly<Record<string, number>>;

/** What the SDK sends (the id is added when it goes out). */
export type RequestBody =
  | { readonly op: "call"; readonly service: string; readonly key: string; readonly command: string; readonly input: unknown }
  | { readonly op: "subscribe"; readonly service: string; readonly key: string }
  | { readonly op: "stream"; readonly service: string; readonly key: string; readonly stream: string; readonly input: unknown }
  | { readonly op: "cancel"; readonly sub: number };

export type ServerFrame =
  /** A successful reply; `body` holds `result`, or `state` and `version`, or nothing. */
  | { readonly kind: "ok"; readonly id: number; readonly body: Readonly<Record<string, unknown>> }
  | { readonly kind: "error"; readonly id: number; readonly error: LatticeError }
  | { readonly kind: "state"; readonly sub: number; readonly state: unknown; readonly version: Version }
  | { readonly kind: "message"; readonly sub: number; readonly message: unknown }
  | { readonly kind: "end"; readonly sub: number; readonly message: unknown; readonly hasMessage: boolean }
  | { readonly kind: "failed"; readonly sub: number; readonly error: LatticeError };

function isId(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= MAX_CLIENT_REQUEST_ID;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A version vector as sent by the replica, or undefined if it is not one. */
export function parseVersion(v: unknown): Version | undefined {
  if (!isRecord(v)) return undefined;
  for (const n of Object.values(v)) if (typeof n !== "number") return undefined;
  return v as Version;
}

/**
 * The error of an `{"code","message","detail"?}` body. A code outside the catalogue (a newer
 * replica) is a `protocol_error` that keeps the replica's code and message in its detail.
 */
export function parseError(v: unknown): LatticeError | undefined {
  if (!isRecord(v) || typeof v.code !== "string" || typeof v.message !== "string") return undefined;
  if (!isServerErrorCode(v.code)) return new LatticeError("protocol_error", `the replica answered with an unknown error code ${v.code}: ${v.message}`, { code: v.code, detail: v.detail });
  return new LatticeError(v.code, v.message, v.detail);
}

/** Parses one text frame from the replica. */
export function parseServerFrame(text: string): ServerFrame | undefined {
  let f: unknown;
  try {
    f = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(f)) return undefined;
  if (isId(f.id)) {
    if (f.ok === true) return { kind: "ok", id: f.id, body: f };
    if (f.ok === false) {
      const error = parseError(f.error);
      return error && { kind: "error", id: f.id, error };
    }
    return undefined;
  }
  if (!isId(f.sub)) return undefined;
  if (f.ok === false) {
    const error = parseError(f.error);
    return error && { kind: "failed", sub: f.sub, error };
  }
  if (f.end === true) return { kind: "end", sub: f.sub, message: f.message, hasMessage: "message" in f };
  if ("message" in f) return { kind: "message", sub: f.sub, message: f.message };
  if ("state" in f) {
    const version = parseVersion(f.version);
    return version && { kind: "state", sub: f.sub, state: f.state, version };
  }
  return undefined;
}

/**
 * The text frame of a request, or the error that stops it from being sent: input JSON cannot
 * encode (a BigInt, a cycle), or a frame over `maxBytes` (the replica would close the socket
 * with 1009 instead of answering, which would drop every other request in flight).
 */
export function encodeRequest(id: number, body: RequestBody, maxBytes: number): string | LatticeError {
  let text: string;
  try {
    text = JSON.stringify({ id, ...body });
  } catch (err) {
    return new LatticeError("invalid_input", `the input cannot be encoded as JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  // A UTF-16 code unit is at most 3 bytes of UTF-8: count the bytes only when it might matter.
  if (text.length * 3 > maxBytes) {
    const bytes = new TextEncoder().encode(text).byteLength;
    if (bytes > maxBytes) return new LatticeError("payload_too_large", `the request is ${bytes} bytes, over the frame limit of ${maxBytes}`, { bytes, limit: maxBytes });
  }
  return text;
}
