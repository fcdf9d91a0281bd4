/**
 * The pure half of the demo's textarea ⇄ Y.Text binding, kept free of the DOM so that Node tests
 * can check it: the one edit a textarea `input` event made (to apply to the Y.Text), and where a
 * caret index moves when a remote change (a Y.Text delta) lands.
 *
 * Indexes are UTF-16 code units on both sides: `textarea.selectionStart` and Y.Text positions
 * count the same way, so no conversion is needed, only care not to split a surrogate pair.
 *
 * @module
 */

/** Remove `remove` code units at `index`, then insert `insert` there. */
export interface TextEdit {
  readonly index: number;
  readonly remove: number;
  readonly insert: string;
}

/** One operation of a Y.Text delta (Y.YTextEvent.delta), as far as positions are concerned. */
export interface DeltaOp {
  readonly retain?: number;
  readonly delete?: number;
  readonly insert?: unknown;
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * The single edit turning `before` into `after` (null when they are equal). A textarea reports
 * only the new value, and text like "aa" → "aaa" fits many edits; `caret` (the selection end
 * after the input, where typing and pasting leave it) picks the one the user made, so that the
 * other users' cursors move the right way. The edit never starts or ends inside a surrogate pair.
 */
export function diffText(before: string, after: string, caret?: number): TextEdit | null {
  if (before === after) return null;
  const grown = Math.max(0, after.length - before.length);
  // What was typed or pasted ends at the caret, so it starts `grown` units before it.
  let maxPrefix = Math.min(before.length, after.length);
  if (caret !== undefined) maxPrefix = Math.min(maxPrefix, Math.max(0, caret - grown));
  let prefix = 0;
  while (prefix < maxPrefix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHigh(before.charCodeAt(prefix - 1))) prefix--;

  let maxSuffix = Math.min(before.length, after.length) - prefix;
  if (caret !== undefined) maxSuffix = Math.min(maxSuffix, Math.max(0, after.length - caret));
  let suffix = 0;
  while (suffix < maxSuffix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLow(before.charCodeAt(before.length - suffix))) suffix--;

  return { index: prefix, remove: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) };
}

/** `text` with `edit` applied. */
export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.index) + edit.insert + text.slice(edit.index + edit.remove);
}

/**
 * Where `index` (a caret in the text before the change) is after the change `delta`. The caret
 * sticks to the character on its right, as a Yjs relative position does: text inserted exactly at
 * the caret goes before it, and a deleted range holding the caret leaves it at the range's start.
 */
export function transformIndex(index: number, delta: readonly DeltaOp[]): number {
  let at = 0; // position in the text before the change
  let shift = 0;
  for (const op of delta) {
    if (at > index) break;
    if (op.retain !== undefined) {
      at += op.retain;
    } else if (op.delete !== undefined) {
      if (at < index) shift -= Math.min(op.delete, index - at);
      at += op.delete;
    } else if (op.insert !== undefined) {
      // Embeds (not used by the notes text) count as one position, as in Yjs.
      if (at <= index) shift += typeof op.insert === "string" ? op.insert.length : 1;
    }
  }
  return index + shift;
}
