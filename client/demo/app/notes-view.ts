/**
 * Shared notes with cursors: the `notes` example service is a `ydoc`, and this page edits its
 * `body` Y.Text with the stock y-websocket provider at /v1/yjs/notes/{room}. The textarea binding
 * is ours (diffs from text-sync.ts); other users' cursors come from Yjs awareness, which the
 * replicas carry across regions, and are drawn on a transparent copy of the text laid over the
 * textarea (a textarea cannot hold markup).
 *
 * @module
 */
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { diffText, transformIndex } from "../text-sync.js";
import type { DeltaOp } from "../text-sync.js";
import { colorOf, h, showError } from "./dom.js";

export interface NotesElements {
  readonly textarea: HTMLTextAreaElement;
  readonly overlay: HTMLElement;
  readonly peers: HTMLUListElement;
  readonly status: HTMLElement;
  readonly error: HTMLElement;
}

/** What each page publishes in awareness. Other clients (any y-websocket app) may publish anything. */
interface UserState {
  readonly name: string;
  readonly color: string;
  readonly region?: string;
}

/** Cursor updates sent at most this often: a caret that follows typing without flooding the room (the replica allows 60 awareness changes a second). */
const CURSOR_THROTTLE_MS = 50;

/** The transaction origin of edits made in this textarea, so that their echo is not applied twice. */
const LOCAL = { source: "textarea" };

function userOf(state: Record<string, unknown>): UserState | undefined {
  const u = state.user as Partial<UserState> | undefined;
  if (typeof u?.name !== "string" || u.name.length === 0) return undefined;
  return { name: u.name.slice(0, 60), color: typeof u.color === "string" ? u.color : colorOf(u.name), ...(typeof u.region === "string" ? { region: u.region.slice(0, 40) } : {}) };
}

/** Line and column (1-based) of `index` in `text`. */
function lineCol(text: string, index: number): string {
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  return `line ${line}, col ${index - before.lastIndexOf("\n")}`;
}

export interface NotesView {
  setRegion(region: string): void;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  stop(): void;
}

export function startNotesView(room: string, user: string, token: string | undefined, el: NotesElements): NotesView {
  const doc = new Y.Doc();
  const text = doc.getText("body");
  const serverUrl = `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/v1/yjs/notes`;
  // disableBc: tabs of one browser would otherwise sync through a BroadcastChannel, hiding
  // whether edits really cross the replicas.
  const provider = new WebsocketProvider(serverUrl, room, doc, { disableBc: true, params: token ? { token } : {} });
  const awareness = provider.awareness;
  let me: UserState = { name: user, color: colorOf(user) };
  awareness.setLocalStateField("user", me);
  const { textarea, overlay } = el;
  textarea.disabled = true;
  textarea.placeholder = "Connecting…";

  // ---- textarea → Y.Text
  const onInput = (): void => {
    const edit = diffText(text.toString(), textarea.value, textarea.selectionEnd);
    if (edit) {
      doc.transact(() => {
        if (edit.remove > 0) text.delete(edit.index, edit.remove);
        if (edit.insert.length > 0) text.insert(edit.index, edit.insert);
      }, LOCAL);
    }
    sendCursor();
  };

  // ---- Y.Text → textarea (remote edits), keeping the local selection and scroll where they were
  const onText = (event: Y.YTextEvent, tx: Y.Transaction): void => {
    if (tx.origin !== LOCAL) {
      const delta = event.delta as DeltaOp[];
      const start = transformIndex(textarea.selectionStart, delta);
      const end = transformIndex(textarea.selectionEnd, delta);
      const direction = textarea.selectionDirection;
      const scroll = textarea.scrollTop;
      textarea.value = text.toString();
      textarea.setSelectionRange(start, end, direction);
      textarea.scrollTop = scroll;
    }
    render();
  };
  text.observe(onText);

  // ---- local cursor → awareness (relative positions survive concurrent edits)
  let cursorTimer: ReturnType<typeof setTimeout> | undefined;
  let sent = "";
  const sendCursorNow = (): void => {
    cursorTimer = undefined;
    if (textarea.disabled) return;
    const anchor: unknown = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, textarea.selectionStart));
    const head: unknown = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, textarea.selectionEnd));
    // Remote edits shift the caret's index but not its relative position: nothing to tell then.
    const key = JSON.stringify([anchor, head]);
    if (key === sent) return;
    sent = key;
    awareness.setLocalStateField("cursor", { anchor, head });
  };
  const sendCursor = (): void => {
    cursorTimer ??= setTimeout(sendCursorNow, CURSOR_THROTTLE_MS);
  };
  const onSelectionChange = (): void => {
    if (document.activeElement === textarea) sendCursor();
  };

  // ---- other users: carets over the text, and a list with where they are
  const render = (): void => {
    const value = textarea.value;
    const carets: { index: number; user: UserState; id: number }[] = [];
    const rows: HTMLLIElement[] = [];
    for (const [id, state] of awareness.getStates()) {
      if (id === doc.clientID) continue;
      const u = userOf(state);
      if (!u) continue;
      const cursor = state.cursor as { head?: unknown } | undefined;
      let index: number | undefined;
      if (cursor?.head !== undefined) {
        try {
          const abs = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(cursor.head), doc);
          if (abs && abs.type === text) index = Math.min(abs.index, value.length);
        } catch {
          // another app's malformed cursor: show the user without one
        }
      }
      if (index !== undefined) carets.push({ index, user: u, id });
      const dot = h("span", { class: "dot" });
      dot.style.setProperty("--user", u.color);
      rows.push(
        h(
          "li",
          { "data-user": u.name, "data-region": u.region },
          dot,
          h("span", { class: "user-name" }, u.name),
          h("span", { class: "muted" }, `${u.region ? ` in ${u.region}` : ""}${index !== undefined ? ` · ${lineCol(value, index)}` : ""}`),
        ),
      );
    }
    if (rows.length === 0) rows.push(h("li", { class: "muted" }, "Nobody else is here yet."));
    el.peers.replaceChildren(...rows);

    carets.sort((a, b) => a.index - b.index || a.id - b.id);
    const nodes: (Node | string)[] = [];
    let at = 0;
    for (const c of carets) {
      nodes.push(value.slice(at, c.index));
      const caret = h("span", { class: "caret", "data-user": c.user.name }, h("span", { class: "caret-label" }, c.user.name));
      caret.style.setProperty("--user", c.user.color);
      nodes.push(caret);
      at = c.index;
    }
    // A zero-width space keeps a trailing newline's line box, as the textarea shows it.
    nodes.push(value.slice(at), "\u200b");
    overlay.replaceChildren(...nodes);
    layout();
  };

  /** The copy covers the textarea's content box exactly (its scrollbar excluded) and scrolls with it. */
  const layout = (): void => {
    overlay.style.setProperty("width", `${textarea.clientWidth}px`);
    overlay.style.setProperty("height", `${textarea.clientHeight}px`);
    overlay.style.setProperty("top", `${textarea.offsetTop + textarea.clientTop}px`);
    overlay.style.setProperty("left", `${textarea.offsetLeft + textarea.clientLeft}px`);
    overlay.scrollTop = textarea.scrollTop;
  };
  const resize = new ResizeObserver(layout);
  resize.observe(textarea);
  const onScroll = (): void => {
    overlay.scrollTop = textarea.scrollTop;
  };
  awareness.on("change", render);

  const onStatus = ({ status }: { status: string }): void => {
    el.status.textContent = status;
    el.status.dataset.status = status;
  };
  const onSync = (synced: boolean): void => {
    if (!synced) return;
    textarea.disabled = false;
    textarea.placeholder = "Type here; the other region sees it as you type.";
    el.status.dataset.synced = "true";
    render();
  };
  const onClose = (event: CloseEvent | null): void => {
    // 4401/4403 (token refused, origin refused) and 4404 are final: the provider stops retrying.
    if (event && event.code >= 4400 && event.code < 4500) {
      showError(el.error, Object.assign(new Error(event.reason || "the replica refused the notes connection"), { code: `close ${event.code}` }));
    }
  };
  provider.on("status", onStatus);
  provider.on("sync", onSync);
  provider.on("connection-close", onClose);
  textarea.addEventListener("input", onInput);
  textarea.addEventListener("scroll", onScroll);
  for (const type of ["select", "keyup", "mouseup", "focus"]) textarea.addEventListener(type, sendCursor);
  document.addEventListener("selectionchange", onSelectionChange);

  return {
    doc,
    provider,
    setRegion: (region) => {
      if (me.region === region) return;
      me = { ...me, region };
      awareness.setLocalStateField("user", me);
    },
    stop: () => {
      clearTimeout(cursorTimer);
      document.removeEventListener("selectionchange", onSelectionChange);
      textarea.removeEventListener("input", onInput);
      textarea.removeEventListener("scroll", onScroll);
      for (const type of ["select", "keyup", "mouseup", "focus"]) textarea.removeEventListener(type, sendCursor);
      resize.disconnect();
      awareness.off("change", render);
      text.unobserve(onText);
      provider.destroy();
      doc.destroy();
    },
  };
}
