/**
 * Clients of the Yjs endpoint for tests: the stock y-websocket `WebsocketProvider` (as a browser
 * uses it, with `ws` as its WebSocket) and a raw y-protocols client that records every frame,
 * can send arbitrary bytes and reports how the socket closed.
 *
 * @module
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { WebSocket } from "ws";
import type { LatticeNode } from "../node.js";

/** ws://host:port/v1/yjs/{service}: the provider's serverUrl. */
export function yjsServerUrl(node: LatticeNode, service: string): string {
  return `${node.url.replace(/^http/, "ws")}/v1/yjs/${service}`;
}

/** Polls `cond` every 10 ms until it holds; fails after `timeoutMs` with `what`. */
export async function until(what: string, cond: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface TestProvider {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly text: Y.Text;
  /** Server close events the provider saw (code, reason). */
  readonly closes: { code: number; reason: string }[];
  /** Set when the provider stopped for good (a 4400–4499 close). */
  terminal: { code: number; reason: string } | undefined;
  destroy(): void;
}

/**
 * A stock WebsocketProvider on `service`/`key`, exactly as a page would open it (only the
 * WebSocket class comes from `ws`, and BroadcastChannel is off so that tests in one process do
 * not sync behind the server's back).
 */
export function openProvider(node: LatticeNode, service: string, key: string, opts: { params?: Record<string, string>; user?: string } = {}): TestProvider {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(yjsServerUrl(node, service), key, doc, {
    // ws's WebSocket is the browser API's Node twin; the provider only uses that API.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    ...(opts.params ? { params: opts.params } : {}),
  });
  if (opts.user) provider.awareness.setLocalStateField("user", { name: opts.user });
  const out: TestProvider = {
    doc,
    provider,
    text: doc.getText("body"),
    closes: [],
    terminal: undefined,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.on("connection-close", (ev) => {
    // The DOM's CloseEvent type is not in this project's lib; ws's close event has the same fields.
    const close = ev as unknown as { code: number; reason: string } | null;
    if (close) out.closes.push({ code: close.code, reason: close.reason });
  });
  provider.on("closed", (ev) => {
    out.terminal = ev;
  });
  return out;
}

/** The user names of other clients that `p` currently sees through awareness. */
export function peersSeen(p: TestProvider): string[] {
  const out: string[] = [];
  for (const [id, state] of p.provider.awareness.getStates()) {
    if (id === p.doc.clientID) continue;
    const user = (state as { user?: { name?: string } }).user;
    if (user?.name) out.push(user.name);
  }
  return out.sort();
}

/** A decoded server frame. */
export type ServerFrame =
  | { kind: "step1"; stateVector: Uint8Array }
  | { kind: "step2" | "update"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array }
  | { kind: "auth"; reason: string }
  | { kind: "other"; type: number };

function decodeServerFrame(bytes: Uint8Array): ServerFrame {
  const d = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(d);
  if (type === 0) {
    const sub = decoding.readVarUint(d);
    const payload = decoding.readVarUint8Array(d);
    if (sub === 0) return { kind: "step1", stateVector: payload };
    return { kind: sub === 1 ? "step2" : "update", update: payload };
  }
  if (type === 1) return { kind: "awareness", update: decoding.readVarUint8Array(d) };
  if (type === 2) {
    decoding.readVarUint(d);
    return { kind: "auth", reason: decoding.readVarString(d) };
  }
  return { kind: "other", type };
}

/** Frames as a y-websocket client builds them. */
export const frames = {
  step1(doc: Y.Doc): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, doc);
    return encoding.toUint8Array(e);
  },
  update(update: Uint8Array, sub = 2): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, sub);
    encoding.writeVarUint8Array(e, update);
    return encoding.toUint8Array(e);
  },
  awareness(update: Uint8Array): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, update);
    return encoding.toUint8Array(e);
  },
  queryAwareness(): Uint8Array {
    return new Uint8Array([3]);
  },
};

/**
 * A y-protocols client without the provider's conveniences: it answers the server's step 1,
 * applies what it gets to its own doc and awareness, records every frame and the close.
 */
export class RawYClient {
  readonly doc = new Y.Doc();
  readonly awareness: Awareness;
  readonly received: ServerFrame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  closeEvent: { code: number; reason: string } | undefined;

  private constructor(readonly ws: WebSocket) {
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    ws.on("message", (data: Buffer) => {
      const f = decodeServerFrame(new Uint8Array(data));
      this.received.push(f);
      if (f.kind === "step1") this.ws.send(frames.update(Y.encodeStateAsUpdate(this.doc, f.stateVector), 1));
      else if (f.kind === "step2" || f.kind === "update") Y.applyUpdate(this.doc, f.update, "server");
      else if (f.kind === "awareness") applyAwarenessUpdate(this.awareness, f.update, "server");
    });
    this.closed = new Promise((resolve) => {
      ws.on("close", (code, reason) => {
        this.closeEvent = { code, reason: reason.toString() };
        resolve(this.closeEvent);
      });
    });
    ws.on("error", () => {});
  }

  /** Opens `serverUrl/key` and sends step 1 once open (as the provider does). */
  static open(serverUrl: string, key: string, opts: { headers?: Record<string, string>; query?: string; sendStep1?: boolean } = {}): Promise<RawYClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${serverUrl}/${key}${opts.query ?? ""}`, { headers: opts.headers ?? {} });
      const c = new RawYClient(ws);
      ws.once("open", () => {
        if (opts.sendStep1 !== false) ws.send(frames.step1(c.doc));
        resolve(c);
      });
      ws.once("error", reject);
    });
  }

  get synced(): boolean {
    return this.received.some((f) => f.kind === "step2");
  }

  /** Makes a local edit and sends it as an update frame. */
  edit(fn: (doc: Y.Doc) => void): Uint8Array {
    let update: Uint8Array | undefined;
    const capture = (u: Uint8Array): void => {
      update = u;
    };
    this.doc.on("update", capture);
    this.doc.transact(() => fn(this.doc));
    this.doc.off("update", capture);
    if (!update) throw new Error("the edit changed nothing");
    this.ws.send(frames.update(update));
    return update;
  }

  /** Sets this client's awareness state and sends it. */
  setAwareness(state: Record<string, unknown> | null): void {
    this.awareness.setLocalState(state);
    this.ws.send(frames.awareness(encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
  }

  send(bytes: Uint8Array | string): void {
    this.ws.send(bytes);
  }

  text(): string {
    return this.doc.getText("body").toString();
  }

  close(): void {
    this.ws.close();
  }

  destroy(): void {
    this.ws.terminate();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
