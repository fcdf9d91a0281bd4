import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import * as Y from "yjs";
import type { DeltaOp, TextEdit } from "./text-sync.js";
import { applyEdit, diffText, transformIndex } from "./text-sync.js";

// Few distinct units, so that repeats (the ambiguous cases) and surrogate pairs are common.
const unit = fc.constantFrom("a", "b", " ", "é", "😀", "😁", "\n");
const text = fc.string({ unit, maxLength: 12 });

const isHigh = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
};
/** True when position `i` of `s` falls between the two halves of a surrogate pair. */
const splitsPair = (s: string, i: number): boolean => i > 0 && i < s.length && isHigh(s, i - 1);

describe("diffText", () => {
  it("finds the typed text, the deleted range and the caret's edit in ambiguous text", () => {
    assert.equal(diffText("same", "same"), null);
    assert.deepEqual(diffText("ac", "abc", 2), { index: 1, remove: 0, insert: "b" });
    // "aa" → "aaa": typed at the start (caret 1) or at the end (caret 3).
    assert.deepEqual(diffText("aa", "aaa", 1), { index: 0, remove: 0, insert: "a" });
    assert.deepEqual(diffText("aa", "aaa", 3), { index: 2, remove: 0, insert: "a" });
    // Backspace in "aaa" at 2 (caret 1 after it) and Delete at 0 (caret 0).
    assert.deepEqual(diffText("aaa", "aa", 1), { index: 1, remove: 1, insert: "" });
    assert.deepEqual(diffText("aaa", "aa", 0), { index: 0, remove: 1, insert: "" });
    // A selection replaced by a paste.
    assert.deepEqual(diffText("hello world", "hello there", 11), { index: 6, remove: 5, insert: "there" });
    // 😀 and 😁 share their high surrogate: the edit takes the whole pair, never half.
    assert.deepEqual(diffText("x😀y", "x😁y", 3), { index: 1, remove: 2, insert: "😁" });
  });

  it("always yields an edit that turns the old text into the new one, never splitting a surrogate pair", () => {
    fc.assert(
      fc.property(text, text, fc.option(fc.nat(), { nil: undefined }), (before, after, c) => {
        const caret = c === undefined ? undefined : c % (after.length + 1);
        const edit = diffText(before, after, caret);
        if (before === after) return edit === null;
        assert.ok(edit);
        assert.equal(applyEdit(before, edit), after);
        assert.ok(!splitsPair(before, edit.index) && !splitsPair(before, edit.index + edit.remove), JSON.stringify({ before, after, edit }));
        assert.ok(!isHigh(edit.insert, edit.insert.length - 1) && !/^[\udc00-\udfff]/.test(edit.insert));
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it("reports exactly the insertion or deletion a user made, given the caret after it", () => {
    fc.assert(
      fc.property(text, fc.nat(), text.filter((s) => s.length > 0), (base, at, typed) => {
        let i = at % (base.length + 1);
        if (splitsPair(base, i)) i--;
        // Typing `typed` at i leaves the caret after it.
        assert.deepEqual(diffText(base, base.slice(0, i) + typed + base.slice(i), i + typed.length), { index: i, remove: 0, insert: typed });
        // Deleting what was typed (a selection and Backspace) leaves the caret at i.
        assert.deepEqual(diffText(base.slice(0, i) + typed + base.slice(i), base, i), { index: i, remove: typed.length, insert: "" });
      }),
      { numRuns: 1000 },
    );
  });
});

describe("transformIndex", () => {
  /** Applies `edit` to a Y.Text holding `before` in its own transaction and returns the delta Yjs reports. */
  function deltaOf(before: string, edit: TextEdit): DeltaOp[] {
    const doc = new Y.Doc();
    const ytext = doc.getText("body");
    ytext.insert(0, before);
    let delta: DeltaOp[] = [];
    ytext.observe((event) => {
      delta = event.delta;
    });
    doc.transact(() => {
      if (edit.remove > 0) ytext.delete(edit.index, edit.remove);
      if (edit.insert.length > 0) ytext.insert(edit.index, edit.insert);
    });
    assert.equal(ytext.toString(), applyEdit(before, edit));
    doc.destroy();
    return delta;
  }

  it("moves a caret past remote text inserted or deleted before (or at) it, and leaves it alone after", () => {
    const ins = deltaOf("hello", { index: 0, remove: 0, insert: ">> " });
    assert.equal(transformIndex(0, ins), 3); // inserted at the caret: it goes before the caret
    assert.equal(transformIndex(2, ins), 5);
    const del = deltaOf("hello world", { index: 2, remove: 4, insert: "" });
    assert.equal(transformIndex(1, del), 1);
    assert.equal(transformIndex(4, del), 2); // inside the deleted range: to its start
    assert.equal(transformIndex(11, del), 7);
  });

  it("matches where the caret's neighbourhood went, for any single remote edit", () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), fc.nat(), text, (before, a, b, c, insert) => {
        // Remote clients edit whole characters, as the diff above does.
        let index = a % (before.length + 1);
        if (splitsPair(before, index)) index--;
        let remove = b % (before.length - index + 1);
        if (splitsPair(before, index + remove)) remove--;
        const caret = c % (before.length + 1);
        const edit = { index, remove, insert };
        if (remove === 0 && insert.length === 0) return true;
        const moved = transformIndex(caret, deltaOf(before, edit));
        const want = caret < index ? caret : caret >= index + remove ? caret - remove + insert.length : index;
        assert.equal(moved, want, JSON.stringify({ before, edit, caret }));
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
