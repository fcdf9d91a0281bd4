import { CrdtError } from "./errors.js";

/** A JSON value as Lattice stores it: set members, map keys, register values, views. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Bounds on a JSON value; the replica passes its configured limits, the core defaults to none. */
export interface JsonLimits {
  /** Maximum length of the canonical text in UTF-16 code units. */
  readonly maxLength?: number;
  /** Maximum nesting depth of arrays and objects. */
  readonly maxDepth?: number;
}

/** Deep enough for real documents, shallow enough that validation cannot exhaust the stack. */
export const DEFAULT_MAX_JSON_DEPTH = 64;

/**
 * Canonical JSON text of a value: object keys sorted by UTF-16 code units, no whitespace, numbers
 * in ECMAScript shortest round-trip form with -0 written as 0 (the RFC 8785 rules). Equal values
 * give equal text, so the text is the identity of a set member or map key.
 *
 * Throws `invalid_value` for anything that is not plain JSON (undefined, functions, NaN, class
 * instances, cycles, excessive depth or size) and `unsafe_integer` for integers beyond 2^53-1.
 */
export function canonicalJson(value: unknown, limits: JsonLimits = {}): string {
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_JSON_DEPTH;
  const text = write(value, 0, maxDepth);
  if (limits.maxLength !== undefined && text.length > limits.maxLength) {
    throw new CrdtError("invalid_value", `value is ${text.length} characters, over the limit of ${limits.maxLength}`);
  }
  return text;
}

function write(value: unknown, depth: number, maxDepth: number): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      return writeNumber(value);
    case "object": {
      if (value === null) return "null";
      if (depth >= maxDepth) throw new CrdtError("invalid_value", `value nests deeper than ${maxDepth} levels`);
      if (Array.isArray(value)) {
        const parts: string[] = [];
        for (const item of value) parts.push(write(item, depth + 1, maxDepth));
        return `[${parts.join(",")}]`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new CrdtError("invalid_value", "only plain objects are JSON values");
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      const parts: string[] = [];
      for (const k of keys) parts.push(`${JSON.stringify(k)}:${write(record[k], depth + 1, maxDepth)}`);
      return `{${parts.join(",")}}`;
    }
    default:
      throw new CrdtError("invalid_value", `${typeof value} is not a JSON value`);
  }
}

function writeNumber(n: number): string {
  if (!Number.isFinite(n)) throw new CrdtError("invalid_value", `${n} is not a JSON number`);
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) {
    throw new CrdtError("unsafe_integer", `${n} is outside the safe integer range`);
  }
  return Object.is(n, -0) ? "0" : JSON.stringify(n);
}

/**
 * Parses canonical text produced by {@link canonicalJson}, e.g. from decoded bytes. Text that is
 * not canonical is rejected, so a peer cannot smuggle two encodings of one member into a set.
 */
export function parseCanonicalJson(text: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CrdtError("decode_error", "member is not JSON");
  }
  let again: string;
  try {
    again = canonicalJson(value);
  } catch {
    throw new CrdtError("decode_error", "member is not a canonical JSON value");
  }
  if (again !== text) throw new CrdtError("decode_error", "member is not in canonical form");
  return value as Json;
}

/** Orders canonical texts by UTF-16 code units: the order of members in encodings and views. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
