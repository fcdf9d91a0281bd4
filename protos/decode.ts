// Safe decoding and encoding of the generated protobuf classes (protos/generated/*).
//
// Every byte string from a peer or a client goes through decodeMessage, which
// - rejects input over a size limit before reading a byte of it (`too_large`);
// - turns every failure of the generated decoder — truncated input, a bad wire type, invalid
//   UTF-8 in a string field, a group nested past the recursion limit, a stack overflow — into a
//   ProtoDecodeError (`malformed`), so that no untyped exception escapes;
// - makes every 64-bit integer field a plain number and rejects values outside the safe integer
//   range (`malformed`) instead of rounding them. The generated .d.ts files (pbjs --force-number)
//   type those fields as `number`. protos/runtime.ts configures protobufjs to decode them to
//   numbers (a value past 2^53 then comes out as an unsafe integer, rejected here); if a generated
//   module was loaded before that configuration, protobufjs yields `Long` objects instead (also
//   as the prototype default of an unset field), which are converted here. Either way the
//   declared types are true after decodeMessage.
//
// The integer check assumes messages have no `double`/`float` fields (none of ours do): an
// integral number outside the safe range in any field is rejected.
//
// Decoded `bytes` fields are views into the input buffer (no copy): copy them (`slice()`) before
// keeping them beyond the lifetime of the frame. Nothing here needs Node: the client uses it too.
import type { Reader, Writer } from "protobufjs";

/** Why a byte string could not be decoded. */
export type ProtoDecodeErrorCode = "too_large" | "malformed";

/** The only error decodeMessage throws. `cause` holds the underlying protobufjs error, if any. */
export class ProtoDecodeError extends Error {
  override readonly name = "ProtoDecodeError";
  readonly code: ProtoDecodeErrorCode;

  constructor(code: ProtoDecodeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** A generated message class, as far as decoding needs it. */
export interface DecodableType<T> {
  decode(reader: Reader | Uint8Array, length?: number): T;
}

/** A generated message class, as far as encoding needs it. */
export interface EncodableType<P> {
  encode(message: P, writer?: Writer): Writer;
}

/**
 * Decodes one message of `type` from `bytes`, which must be at most `maxBytes` long.
 * Throws ProtoDecodeError and nothing else.
 */
export function decodeMessage<T>(type: DecodableType<T>, bytes: Uint8Array | ArrayBuffer, maxBytes: number): T {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view.byteLength > maxBytes) {
    throw new ProtoDecodeError("too_large", `message of ${view.byteLength} bytes exceeds the limit of ${maxBytes} bytes`);
  }
  let message: T;
  try {
    message = type.decode(view);
  } catch (error) {
    throw new ProtoDecodeError("malformed", `malformed protobuf message: ${describe(error)}`, { cause: error });
  }
  try {
    normalizeIntegers(message, 0);
  } catch (error) {
    if (error instanceof ProtoDecodeError) throw error;
    throw new ProtoDecodeError("malformed", `malformed protobuf message: ${describe(error)}`, { cause: error });
  }
  return message;
}

/**
 * Encodes `message` (a plain object or a message instance) as `type`. Fields must be own
 * properties; proto3 default values (0, false, "", empty bytes and lists) are not written.
 */
export function encodeMessage<P>(type: EncodableType<P>, message: NoInfer<P>): Uint8Array {
  return type.encode(message).finish();
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** A protobufjs `Long` (from the `long` package), recognised without importing it. */
interface LongLike {
  low: number;
  high: number;
  unsigned: boolean;
}

function isLong(value: object): value is LongLike {
  return (value as { __isLong__?: unknown }).__isLong__ === true;
}

const TWO_32 = 4294967296;

function longToSafeNumber(value: LongLike): number {
  const low = value.low >>> 0;
  const high = value.unsigned ? value.high >>> 0 : value.high | 0;
  const result = high * TWO_32 + low;
  if (!Number.isSafeInteger(result)) {
    throw new ProtoDecodeError("malformed", "64-bit integer field outside the safe integer range");
  }
  return result;
}

// Generated messages nest at most a few levels (no message type is recursive) and decoding
// already stops at protobufjs's recursion limit of 100; this bound only guards the walk itself.
const MAX_WALK_DEPTH = 128;

/**
 * Replaces every Long reachable from a decoded message with a number, in place, and rejects
 * integers outside the safe range. `for…in` also visits prototype defaults (an unset 64-bit
 * field's default may be a zero Long) and shadows them with an own 0. Byte arrays are skipped.
 */
function normalizeIntegers(message: unknown, depth: number): void {
  if (depth > MAX_WALK_DEPTH) throw new ProtoDecodeError("malformed", "message nested too deeply");
  if (typeof message !== "object" || message === null || ArrayBuffer.isView(message)) return;
  if (Array.isArray(message)) {
    const list = message as unknown[];
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (typeof item === "number") checkSafe(item);
      else if (typeof item !== "object" || item === null) continue;
      else if (isLong(item)) list[i] = longToSafeNumber(item);
      else normalizeIntegers(item, depth + 1);
    }
    return;
  }
  const record = message as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (typeof value === "number") checkSafe(value);
    else if (typeof value !== "object" || value === null) continue;
    else if (isLong(value)) record[key] = longToSafeNumber(value);
    else normalizeIntegers(value, depth + 1);
  }
}

function checkSafe(value: number): void {
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    throw new ProtoDecodeError("malformed", "64-bit integer field outside the safe integer range");
  }
}
