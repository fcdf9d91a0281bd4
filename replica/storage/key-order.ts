/**
 * The order of {@link StoreKey}s: by Unicode code point, which equals the byte order of their
 * UTF-8 encoding (LevelDB's order), computed on JS strings without encoding them.
 *
 * @module
 */
import type { StoreKey } from "./store.js";

/**
 * Compares two well-formed keys by code point: negative if `a` sorts first, 0 if equal,
 * positive if `b` sorts first.
 */
export function compareKeys(a: StoreKey, b: StoreKey): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 order and code point order disagree only when one unit is a surrogate (part of a
    // code point ≥ U+10000) and the other is in U+E000…U+FFFF. Moving the surrogates above that
    // block fixes it; below U+D800 both orders agree, so only units ≥ U+D800 are remapped.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

/**
 * The least key greater than every key that starts with `prefix`, or `undefined` if there is none
 * (empty prefix, or one made only of U+10FFFF). Keys with the prefix are exactly those `k` with
 * `prefix <= k < bound`, which lets a backend turn a prefix scan into a range scan.
 */
export function prefixUpperBound(prefix: StoreKey): StoreKey | undefined {
  let end = prefix.length;
  while (end > 0) {
    const unit = prefix.charCodeAt(end - 1);
    // A low surrogate is the second half of a pair (keys are well-formed): step over both halves.
    const start = unit >= 0xdc00 && unit <= 0xdfff ? end - 2 : end - 1;
    const cp = prefix.codePointAt(start) ?? 0;
    if (cp < 0x10ffff) {
      // Surrogate code points are not characters; the next one after U+D7FF is U+E000.
      const next = cp === 0xd7ff ? 0xe000 : cp + 1;
      return prefix.slice(0, start) + String.fromCodePoint(next);
    }
    // U+10FFFF cannot be incremented: drop it and carry into the code point before.
    end = start;
  }
  return undefined;
}

/** True when `key` is a string without lone surrogates, i.e. encodable as UTF-8 losslessly. */
export function isWellFormedKey(key: unknown): key is StoreKey {
  // String.prototype.isWellFormed is ES2024: Node 20 has it but our `lib` (ES2023) does not
  // declare it, so use the equivalent regex (no `u` flag: it must see single code units).
  return typeof key === "string" && !LONE_SURROGATE.test(key);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
