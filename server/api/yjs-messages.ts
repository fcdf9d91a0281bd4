import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { messagePermissionDenied } from "y-protocols/auth";
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from "y-protocols/sync";

/**
 * Frames of the y-websocket protocol (y-protocols PROTOCOL.md): every frame is
 * `varUint(type) • payload`. The document is named by the URL, never inside a frame.
 */
export const YjsMessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/** One decoded client frame. Byte arrays are copies: they outlive the socket's buffer. */
export type YjsMessage =
  | { readonly kind: "step1"; readonly stateVector: Uint8Array }
  | { readonly kind: "step2" | "update"; readonly update: Uint8Array }
  | { readonly kind: "awareness"; readonly update: Uint8Array }
  | { readonly kind: "queryAwareness" }
  /** An auth frame: servers send these, clients have nothing to say with them; ignored. */
  | { readonly kind: "auth" }
  /** A frame type this server does not know (a newer client): ignored, like the reference server. */
  | { readonly kind: "unknown"; readonly type: number };

/** A frame that does not decode: the socket is closed with 4400 and nothing changes. */
export class YjsFrameError extends Error {}

/**
 * Reads a varUint-length byte array, checking the length against the frame: lib0's reader builds
 * a view on the underlying ArrayBuffer, which for a pooled Node Buffer extends past the frame.
 */
function readBytes(d: decoding.Decoder, what: string): Uint8Array {
  const len = decoding.readVarUint(d);
  if (len > d.arr.length - d.pos) throw new YjsFrameError(`${what} is longer than the frame`);
  // A copy (Buffer#slice would be a view): payloads are kept after the frame's buffer is reused.
  const out = new Uint8Array(d.arr.subarray(d.pos, d.pos + len));
  d.pos += len;
  return out;
}

function end(d: decoding.Decoder, what: string): void {
  if (decoding.hasContent(d)) throw new YjsFrameError(`${what} is followed by ${d.arr.length - d.pos} unexpected bytes`);
}

/** Decodes one client frame; throws YjsFrameError for malformed bytes. */
export function decodeYjsMessage(frame: Uint8Array): YjsMessage {
  if (frame.length === 0) throw new YjsFrameError("empty frame");
  const d = decoding.createDecoder(frame);
  try {
    const type = decoding.readVarUint(d);
    switch (type) {
      case YjsMessageType.sync: {
        const sub = decoding.readVarUint(d);
        const bytes = readBytes(d, "the sync payload");
        end(d, "a sync message");
        if (sub === messageYjsSyncStep1) return { kind: "step1", stateVector: bytes };
        if (sub === messageYjsSyncStep2) return { kind: "step2", update: bytes };
        if (sub === messageYjsUpdate) return { kind: "update", update: bytes };
        throw new YjsFrameError(`unknown sync message type ${sub}`);
      }
      case YjsMessageType.awareness: {
        const update = readBytes(d, "the awareness update");
        end(d, "an awareness message");
        return { kind: "awareness", update };
      }
      case YjsMessageType.queryAwareness:
        end(d, "a query-awareness message");
        return { kind: "queryAwareness" };
      case YjsMessageType.auth:
        return { kind: "auth" };
      default:
        return { kind: "unknown", type };
    }
  } catch (err) {
    if (err instanceof YjsFrameError) throw err;
    // lib0 throws plain Errors on truncated varints and integers over 2^53.
    throw new YjsFrameError(`malformed frame: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function syncFrame(sub: number, bytes: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, YjsMessageType.sync);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, bytes);
  return encoding.toUint8Array(e);
}

/** Sync step 1: "this is what I have" (a state vector). */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return syncFrame(messageYjsSyncStep1, stateVector);
}

/** Sync step 2: the answer to a step 1, the update the asker lacks. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return syncFrame(messageYjsSyncStep2, update);
}

/** An incremental update. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return syncFrame(messageYjsUpdate, update);
}

/** An awareness update (y-protocols/awareness encoding). */
export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, YjsMessageType.awareness);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** The y-protocols auth "permission denied" message; the stock client logs the reason. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, YjsMessageType.auth);
  encoding.writeVarUint(e, messagePermissionDenied);
  encoding.writeVarString(e, reason);
  return encoding.toUint8Array(e);
}
