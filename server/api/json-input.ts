import type { Json } from "../../crdt/index.js";
import { LatticeError } from "../../functions/errors.js";

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Decodes strict UTF-8 (SPEC §5: invalid UTF-8 is invalid_input); a byte order mark is refused too. */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new LatticeError("invalid_input", `${what} is not valid UTF-8`);
  }
}

/**
 * Parses client JSON text: malformed JSON and values nested deeper than `maxDepth` are
 * `invalid_input`. JSON.parse itself is not recursive in V8, but schema validation, encoding and
 * handlers are, so depth is bounded before anything else sees the value.
 */
export function parseJsonText(text: string, maxDepth: number, what: string): Json {
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch (err) {
    throw new LatticeError("invalid_input", `${what} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  checkDepth(value, maxDepth, what);
  return value;
}

/** Rejects a JSON value whose arrays and objects nest deeper than `maxDepth` (iteratively). */
export function checkDepth(value: unknown, maxDepth: number, what: string): void {
  if (typeof value !== "object" || value === null) return;
  const stack: [unknown, number][] = [[value, 1]];
  for (;;) {
    const top = stack.pop();
    if (!top) return;
    const [node, depth] = top;
    if (depth > maxDepth) throw new LatticeError("invalid_input", `${what} nests deeper than ${maxDepth} levels`);
    const children = Array.isArray(node) ? (node as unknown[]) : Object.values(node as Record<string, unknown>);
    for (const child of children) {
      if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
    }
  }
}
