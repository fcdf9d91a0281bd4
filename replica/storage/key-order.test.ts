import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { compareKeys, isWellFormedKey, prefixUpperBound } from "./key-order.js";

/** Strings over code points chosen around the UTF-16/UTF-8 order seams, so prefixes collide often. */
const seamString = fc.string({
  unit: fc.constantFrom("\u0000", "a", "b", "\u00e9", "\ud7ff", "\ue000", "\uffff", "\u{10000}", "\u{10ffff}"),
  maxLength: 6,
});
/** Any well-formed string, supplementary planes included. */
const anyString = fc.string({ unit: "binary", maxLength: 12 });
const key = fc.oneof(seamString, anyString);

const utf8 = (s: string): Buffer => Buffer.from(s, "utf8");

describe("compareKeys", () => {
  it("agrees with the byte order of the UTF-8 encoding (LevelDB's order)", () => {
    fc.assert(
      fc.property(key, key, (a, b) => {
        assert.equal(Math.sign(compareKeys(a, b)), Math.sign(Buffer.compare(utf8(a), utf8(b))));
      }),
      { numRuns: 5000 },
    );
  });

  it("puts U+10000 after U+FFFF, unlike JS's < operator", () => {
    assert.ok(compareKeys("\uffff", "\u{10000}") < 0);
    assert.ok("\u{10000}" < "\uffff");
  });
});

describe("prefixUpperBound", () => {
  it("bounds exactly the keys that start with the prefix", () => {
    fc.assert(
      fc.property(key, key, (prefix, k) => {
        const upper = prefixUpperBound(prefix);
        const inRange = compareKeys(prefix, k) <= 0 && (upper === undefined || compareKeys(k, upper) < 0);
        assert.equal(inRange, k.startsWith(prefix));
      }),
      { numRuns: 5000 },
    );
  });

  it("carries over U+10FFFF and skips the surrogate range", () => {
    assert.equal(prefixUpperBound(""), undefined);
    assert.equal(prefixUpperBound("\u{10ffff}\u{10ffff}"), undefined);
    assert.equal(prefixUpperBound("ab"), "ac");
    assert.equal(prefixUpperBound("a\u{10ffff}"), "b");
    assert.equal(prefixUpperBound("\ud7ff"), "\ue000");
    assert.equal(prefixUpperBound("\uffff"), "\u{10000}");
    assert.equal(prefixUpperBound("x\u{1f600}"), "x\u{1f601}");
  });
});

describe("isWellFormedKey", () => {
  it("rejects exactly the strings with lone surrogates", () => {
    const units = fc.string({ unit: fc.constantFrom("a", "\ud800", "\udbff", "\udc00", "\udfff", "\uffff"), maxLength: 6 });
    fc.assert(
      fc.property(units, (s) => {
        // The ES2024 built-in (present in Node 20, missing from our ES2023 lib typings) is the oracle.
        const oracle = (s as string & { isWellFormed(): boolean }).isWellFormed();
        assert.equal(isWellFormedKey(s), oracle);
      }),
      { numRuns: 2000 },
    );
    assert.equal(isWellFormedKey(42), false);
  });
});
