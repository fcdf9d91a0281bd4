/**
 * A bare y-protocols client connection, for the load generator of bench/yjs.ts
 * (./yjs-clients.ts): it says what a y-websocket client says (sync step 1 and one awareness state
 * when it opens, its Y.Doc's updates as they happen, step 2 in answer to the server's step 1) but
 * hands the updates it receives over as bytes instead of applying them, which is what makes it
 * several times cheaper per delivery than a provider.
 *
 * Frames are encoded and decoded with the server's y-websocket codec
 * (server/api/yjs-messages.ts): the y-protocols wire format, whichever side writes it. Every run
 * against @y/websocket-server (and bench/support/yjs-clients.test.ts) checks it against the
 * reference implementation.
 */
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";
import { decodeYjsMessage, encodeAwarenessMessage, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from "../../server/api/yjs-messages.js";

/**
 * An awareness update holding one state, `{user: {name}}` at clock 1, as y-protocols'
 * encodeAwarenessUpdate writes it; built by hand because an `Awareness` instance runs a timer
 * per client.
 */
function awarenessUpdate(clientID: number, name: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clientID);
  encoding.writeVarUint(e, 1);
  encoding.writeVarString(e, JSON.stringify({ user: { name } }));
  return encoding.toUint8Array(e);
}

export interface ProtocolSocketHandlers {
  /** Sync step 1 and the awareness state went out; from now on the doc's updates are sent. */
  readonly onOpen?: () => void;
  /** A sync step 2 (`step2`) or an update from the server; not applied to the doc. */
  readonly onUpdate: (update: Uint8Array, step2: boolean) => void;
  /** A frame that did not decode, or that `onUpdate` threw on; the socket is already terminated. */
  readonly onBadFrame: (err: Error) => void;
  readonly onError?: (err: Error) => void;
  readonly onClose?: () => void;
}

/**
 * Connects `ydoc` to `url` (a document's y-websocket URL) as a client named `name`. The caller
 * closes the socket; the doc stays the caller's too.
 */
export function openProtocolSocket(url: string, ydoc: Y.Doc, name: string, on: ProtocolSocketHandlers): WebSocket {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  ws.binaryType = "nodebuffer";
  const send = (frame: Uint8Array): void => {
    if (ws.readyState === WebSocket.OPEN) ws.send(frame);
  };
  const onDocUpdate = (update: Uint8Array): void => send(encodeSyncUpdate(update));
  ydoc.on("update", onDocUpdate);
  ws.on("open", () => {
    send(encodeSyncStep1(Y.encodeStateVector(ydoc)));
    send(encodeAwarenessMessage(awarenessUpdate(ydoc.clientID, name)));
    on.onOpen?.();
  });
  ws.on("message", (data: Buffer) => {
    try {
      const m = decodeYjsMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (m.kind === "step1") send(encodeSyncStep2(Y.encodeStateAsUpdate(ydoc, m.stateVector)));
      else if (m.kind === "step2" || m.kind === "update") on.onUpdate(m.update, m.kind === "step2");
      // Awareness and the rest are not measured.
    } catch (err) {
      ws.terminate();
      on.onBadFrame(err instanceof Error ? err : new Error(String(err)));
    }
  });
  ws.on("error", (err) => on.onError?.(err));
  ws.on("close", () => {
    ydoc.off("update", onDocUpdate);
    on.onClose?.();
  });
  return ws;
}
