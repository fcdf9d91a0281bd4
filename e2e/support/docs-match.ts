/**
 * Comparing what a sample printed with what the docs say it prints (docs/README.md, "Code
 * samples"). Expected output is JSON where `…` elides: `{…}` any object, `[…]` any array, a
 * bare `…` any value, `…` inside a string any text, and a last member `…` in an object other
 * keys. The sample replica id `kq3Xb1nR0pWc7sLd` stands for the id of the replica that ran it.
 * A line that is not such JSON is compared as text, `…` matching any text.
 *
 * @module
 */
import { isDeepStrictEqual } from "node:util";

/** The replica id the docs show; the test replaces it with the real one. */
export const SAMPLE_REPLICA_ID = "kq3Xb1nR0pWc7sLd";

const ANY = "\u0001any";
const ANY_OBJECT = "\u0001object";
const ANY_ARRAY = "\u0001array";
const MORE = "\u0001more";

/** Parses elided JSON into a pattern, or undefined when the text is not JSON even with elisions. */
export function parsePattern(text: string, replicaId: string): unknown {
  const src = text
    .replaceAll(SAMPLE_REPLICA_ID, replicaId)
    .replace(/\{\s*…\s*\}/g, JSON.stringify(ANY_OBJECT))
    .replace(/\[\s*…\s*\]/g, JSON.stringify(ANY_ARRAY))
    .replace(/,\s*…\s*\}/g, `,${JSON.stringify(MORE)}:true}`)
    // A bare … as a value (after : , [ or at the start), not one inside a string.
    .replace(/(^|[:,[]\s*)…(?=\s*[,}\]]|\s*$)/g, `$1${JSON.stringify(ANY)}`);
  try {
    return JSON.parse(src) as unknown;
  } catch {
    return undefined;
  }
}

function textMatches(pattern: string, actual: string): boolean {
  if (!pattern.includes("…")) return pattern === actual;
  const re = new RegExp(`^${pattern.split("…").map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[\\s\\S]*")}$`);
  return re.test(actual);
}

/** Whether `actual` (plain JSON) fits the pattern. */
export function matches(pattern: unknown, actual: unknown): boolean {
  if (pattern === ANY) return true;
  if (pattern === ANY_OBJECT) return typeof actual === "object" && actual !== null && !Array.isArray(actual);
  if (pattern === ANY_ARRAY) return Array.isArray(actual);
  if (typeof pattern === "string") return typeof actual === "string" && textMatches(pattern, actual);
  if (Array.isArray(pattern)) {
    return Array.isArray(actual) && actual.length === pattern.length && pattern.every((p, i) => matches(p, actual[i]));
  }
  if (typeof pattern === "object" && pattern !== null) {
    if (typeof actual !== "object" || actual === null || Array.isArray(actual)) return false;
    const p = pattern as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const keys = Object.keys(p).filter((k) => k !== MORE);
    if (!(MORE in p) && Object.keys(a).length !== keys.length) return false;
    return keys.every((k) => k in a && matches(p[k], a[k]));
  }
  return isDeepStrictEqual(pattern, actual);
}

/**
 * Compares an output (lines) with the expected text: line by line, each line as elided JSON if
 * it parses, else as text. Returns a message describing the first difference, or undefined.
 */
export function compareOutput(expected: string, actualLines: readonly string[], replicaId: string): string | undefined {
  const want = expected.split("\n").map((l) => l.trimEnd()).filter((l) => l.trim() !== "");
  const got = actualLines.map((l) => l.trimEnd()).filter((l) => l.trim() !== "");
  // Pretty-printed JSON spread over lines is one value: compare it with the whole output.
  const whole = want.length > 1 ? parsePattern(want.join("\n"), replicaId) : undefined;
  if (whole !== undefined) {
    let actual: unknown;
    try {
      actual = JSON.parse(got.join("\n")) as unknown;
    } catch {
      return `expected one JSON value\n${want.join("\n")}\n  got:\n${got.join("\n")}`;
    }
    return matches(whole, actual) ? undefined : `output differs\n  expected: ${want.join("\n")}\n  got:      ${got.join("\n")}`;
  }
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    const w = want[i];
    const g = got[i];
    if (w === undefined) return `unexpected extra output line ${i + 1}: ${g}`;
    if (g === undefined) return `missing output line ${i + 1}: expected ${w}`;
    const pattern = parsePattern(w, replicaId);
    let ok: boolean;
    if (pattern !== undefined) {
      let actual: unknown;
      try {
        actual = JSON.parse(g) as unknown;
      } catch {
        return `line ${i + 1}: expected JSON ${w}\n  got: ${g}`;
      }
      ok = matches(pattern, actual);
    } else ok = textMatches(w.replaceAll(SAMPLE_REPLICA_ID, replicaId), g);
    if (!ok) return `line ${i + 1} differs\n  expected: ${w}\n  got:      ${g}`;
  }
  return undefined;
}
