/**
 * Collaborative notes (a Yjs document per entity key). The same document is editable live with a
 * stock y-websocket client at `/v1/yjs/notes/{key}`; these commands edit it from functions.
 *
 * Shape (the view): `body`, a Y.Text with the note; `meta`, a Y.Map with `title` and `updatedAt`
 * (ms since the epoch of the last edit made through a command).
 *
 * Positions are Y.Text indexes: UTF-16 code units, as JavaScript string indexes. An index past the
 * end is `failed` (not clamped: a client computing positions on a stale copy should know).
 *
 * Commands (writes reply like `read`):
 * - `append {text}`: adds text at the end;
 * - `insert {index, text}`: inserts text at `index` (0 ≤ index ≤ length);
 * - `replace {index, length, text}`: replaces `length` characters from `index` with `text`
 *   (`text` "" deletes); an edit that changes nothing (empty insert, replacing a range with the
 *   same text) writes nothing;
 * - `setTitle {title}`;
 * - `read` → `{body, length, title, updatedAt}`.
 *
 * @module
 */
import type * as Y from "yjs";
import { command, defineService } from "../index.js";
import type { CommandContext } from "../index.js";

export type Note = {
  readonly body: string;
  readonly length: number;
  readonly title: string | null;
  readonly updatedAt: number | null;
};

function read(doc: Y.Doc): Note {
  const body = doc.getText("body").toString();
  const meta = doc.getMap("meta");
  const title = meta.get("title");
  const updatedAt = meta.get("updatedAt");
  return {
    body,
    length: body.length,
    title: typeof title === "string" ? title : null,
    updatedAt: typeof updatedAt === "number" ? updatedAt : null,
  };
}

/** Runs `edit` in one transaction and stamps the edit time if it changed the text. */
function edit(doc: Y.Doc, ctx: CommandContext, fn: (text: Y.Text) => void): Note {
  const text = doc.getText("body");
  const before = text.toString();
  doc.transact(() => {
    fn(text);
    if (text.toString() !== before) doc.getMap("meta").set("updatedAt", ctx.now);
  });
  return read(doc);
}

function checkIndex(ctx: CommandContext, index: number, length: number): void {
  if (index > length) ctx.fail(`index ${index} is past the end of the note (length ${length})`, { index, length });
}

const text = { type: "string", maxLength: 64 * 1024 } as const;
const index = { type: "integer", minimum: 0 } as const;

export default defineService({
  name: "notes",
  type: "ydoc",
  shape: { body: "text", meta: "map" },
  commands: {
    append: command({
      input: { type: "object", properties: { text }, required: ["text"], additionalProperties: false },
      handler: (doc, { text: t }, ctx) =>
        edit(doc, ctx, (body) => {
          if (t.length > 0) body.insert(body.length, t);
        }),
    }),
    insert: command({
      input: { type: "object", properties: { index, text }, required: ["index", "text"], additionalProperties: false },
      handler: (doc, { index: at, text: t }, ctx) => {
        return edit(doc, ctx, (body) => {
          checkIndex(ctx, at, body.length);
          if (t.length > 0) body.insert(at, t);
        });
      },
    }),
    replace: command({
      input: {
        type: "object",
        properties: { index, length: { type: "integer", minimum: 0 }, text },
        required: ["index", "length", "text"],
        additionalProperties: false,
      },
      handler: (doc, { index: at, length, text: t }, ctx) => {
        return edit(doc, ctx, (body) => {
          checkIndex(ctx, at + length, body.length);
          if (body.toString().slice(at, at + length) === t) return;
          if (length > 0) body.delete(at, length);
          if (t.length > 0) body.insert(at, t);
        });
      },
    }),
    setTitle: command({
      input: { type: "object", properties: { title: { type: "string", maxLength: 1000 } }, required: ["title"], additionalProperties: false },
      handler: (doc, { title }, ctx) => {
        const meta = doc.getMap("meta");
        if (meta.get("title") !== title) {
          doc.transact(() => {
            meta.set("title", title);
            meta.set("updatedAt", ctx.now);
          });
        }
        return read(doc);
      },
    }),
    read: (doc) => read(doc),
  },
});
