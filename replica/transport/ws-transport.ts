/**
 * The production {@link Transport}: replica-to-replica connections over WebSocket at
 * `/v1/gossip` (SPEC §6), on the `ws` package. Dialing is done here; accepting is split with the
 * HTTP server, which owns the listening port and hands each upgraded `/v1/gossip` socket to
 * {@link WsTransport.accept}.
 *
 * @module
 */
import { WebSocket, type RawData } from "ws";
import { CloseCode, ObservedCloseCode } from "../../protos/close-codes.js";
import {
  assertSendableCloseCode,
  ClosedConnection,
  Inbox,
  reportSafely,
  truncateReason,
  type HandlerKind,
} from "./connection-core.js";
import type { Connection, ConnectionHandlers, Transport } from "./transport.js";

/** Largest gossip frame accepted by default (SPEC §8: gossip frame size, 16 MiB). */
export const DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
/** How long a dial may take to finish the opening handshake by default. */
export const DEFAULT_HANDSHAKE_TIMEOUT_MS = 5000;
/** How long `close()` waits for closing handshakes by default before it drops the sockets. */
export const DEFAULT_CLOSE_TIMEOUT_MS = 2000;
/** The path peers serve gossip on (SPEC §6); dial URLs are base URLs without it. */
export const GOSSIP_PATH = "/v1/gossip";

/**
 * What a text frame on /v1/gossip earns: gossip is protobuf only, so a text frame means the peer
 * speaks something else. protos/close-codes.ts assigns this case to 1008 (policy violation).
 */
const TEXT_FRAME_CLOSE = CloseCode.policyViolation;

export interface WsTransportOptions {
  /**
   * Largest frame accepted from a peer (default {@link DEFAULT_MAX_FRAME_BYTES}); a larger one
   * closes the connection with 1009. For dialed connections it is the socket's `maxPayload`, so
   * an oversized frame is refused before it is buffered; for accepted ones the HTTP server must
   * set the same `maxPayload` on its WebSocket server (see {@link WsTransport.maxFrameBytes}),
   * and this transport checks it again on arrival.
   */
  readonly maxFrameBytes?: number;
  /** Milliseconds a dial may spend on TCP connect + opening handshake (default 5000). */
  readonly handshakeTimeout?: number;
  /** Milliseconds `close()` waits for closing handshakes before terminating (default 2000). */
  readonly closeTimeoutMs?: number;
  /**
   * Told about exceptions thrown by connection handlers or the inbound handler (the connection
   * is then closed with 4500). Default: ignored. Never throws into the transport.
   */
  readonly onError?: (err: unknown) => void;
}

export interface WsTransport extends Transport {
  /** The frame limit in force, for the HTTP server's `maxPayload` on /v1/gossip. */
  readonly maxFrameBytes: number;
  /**
   * Adopts a socket the HTTP server upgraded on /v1/gossip as a listener-role connection and
   * hands it to the `onInbound` handler (closing it with 1001 when there is none, or when this
   * transport is closed). Call it synchronously in the upgrade callback: `ws` drops messages
   * that arrive while a socket has no listener.
   */
  accept(socket: WebSocket, remoteAddress: string): void;
}

/** Creates the WebSocket transport. Connections it dials or accepts are closed by `close()`. */
export function createWsTransport(options: WsTransportOptions = {}): WsTransport {
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const handshakeTimeout = options.handshakeTimeout ?? DEFAULT_HANDSHAKE_TIMEOUT_MS;
  const closeTimeoutMs = options.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS;
  const onError = options.onError;
  const live = new Set<WsConnection>();
  let inboundHandler: ((conn: Connection) => void) | undefined;
  let closing: Promise<void> | undefined;

  const track = (conn: WsConnection): void => {
    live.add(conn);
    void conn.closed.then(() => live.delete(conn));
  };

  const shutdown = async (): Promise<void> => {
    const conns = [...live];
    for (const conn of conns) conn.close(CloseCode.goingAway, "going away");
    const allClosed = Promise.all(conns.map((c) => c.closed));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, closeTimeoutMs);
    });
    try {
      await Promise.race([allClosed, timedOut]);
    } finally {
      clearTimeout(timer);
    }
    // Peers that did not answer the closing handshake in time are dropped; the close events of
    // destroyed sockets follow within a turn or two of the event loop.
    // (`live` also holds sockets accepted, and refused, while this ran.)
    const stragglers = [...live];
    for (const conn of stragglers) conn.terminate();
    await Promise.all([allClosed, ...stragglers.map((c) => c.closed)]);
  };

  return {
    maxFrameBytes,

    dial(url: string): Connection {
      const target = url.replace(/\/$/, "") + GOSSIP_PATH;
      if (closing !== undefined) {
        return new ClosedConnection(url, CloseCode.goingAway, "transport closed", queueMicrotask, onError);
      }
      let socket: WebSocket;
      try {
        socket = new WebSocket(target, {
          maxPayload: maxFrameBytes,
          handshakeTimeout,
          // Off on purpose: deltas are already compact protobuf, compression would cost CPU on
          // every frame, and inflating a peer's frames opens the door to zip bombs.
          perMessageDeflate: false,
        });
      } catch (err) {
        // An unparsable URL throws synchronously; report it as the failed dial it is.
        return new ClosedConnection(url, ObservedCloseCode.abnormal, errorMessage(err), queueMicrotask, onError);
      }
      const conn = new WsConnection(socket, "dialer", url, maxFrameBytes, onError);
      track(conn);
      return conn;
    },

    accept(socket: WebSocket, remoteAddress: string): void {
      const conn = new WsConnection(socket, "listener", remoteAddress, maxFrameBytes, onError);
      track(conn);
      const handler = inboundHandler;
      if (closing !== undefined || handler === undefined) {
        conn.close(CloseCode.goingAway, closing !== undefined ? "going away" : "not ready");
        return;
      }
      try {
        handler(conn);
      } catch (err) {
        reportSafely(onError, err);
        conn.close(CloseCode.internal, "internal error");
      }
    },

    onInbound(handler: (conn: Connection) => void): void {
      inboundHandler = handler;
    },

    close(): Promise<void> {
      inboundHandler = undefined;
      closing ??= shutdown();
      return closing;
    },
  };
}

/** A `ws` socket behind the {@link Connection} contract. */
class WsConnection implements Connection {
  /** Resolves once the socket is closed (whether or not the close handler has run yet). */
  readonly closed: Promise<void>;
  private readonly inbox: Inbox;
  /** The close that happened first: this side's close()/terminate(), or undefined. */
  private localClose: { code: number; reason: string } | undefined;
  private lastError: string | undefined;
  private socketClosed = false;
  /** Paused by us until start(), so a peer cannot fill memory before anyone reads. */
  private pausedForStart = false;
  private markClosed: () => void = () => {};

  constructor(
    private readonly socket: WebSocket,
    readonly role: "dialer" | "listener",
    readonly remote: string,
    private readonly maxFrameBytes: number,
    private readonly onError: ((err: unknown) => void) | undefined,
  ) {
    this.closed = new Promise((resolve) => {
      this.markClosed = resolve;
    });
    this.inbox = new Inbox(queueMicrotask, (err, kind) => this.handlerFailed(err, kind));
    socket.binaryType = "nodebuffer";
    socket.on("open", this.onOpen);
    socket.on("message", this.onMessage);
    socket.on("close", this.onClose);
    // Always listened to: an unhandled 'error' event would crash the process. Kept after close
    // as well, because `ws` may still report a late socket error.
    socket.on("error", this.onSocketError);

    switch (socket.readyState) {
      case WebSocket.OPEN:
        this.onOpen();
        break;
      case WebSocket.CLOSED:
        // The peer went away between the upgrade and accept(); no 'close' event will come.
        queueMicrotask(() => this.onClose(ObservedCloseCode.abnormal, Buffer.from("closed before accept")));
        break;
      default:
        break;
    }
  }

  start(handlers: ConnectionHandlers): void {
    this.inbox.start(handlers);
    this.resumeIfPaused();
  }

  send(frame: Uint8Array): boolean {
    if (this.localClose !== undefined || this.socket.readyState !== WebSocket.OPEN) return false;
    // The caller may reuse its buffer once send returns. A dialer masks into a fresh buffer
    // anyway; a listener's frames go out unmasked and `ws` would queue the caller's own bytes.
    const data = this.role === "listener" ? Buffer.from(frame) : frame;
    try {
      this.socket.send(data, { binary: true, compress: false });
      return true;
    } catch (err) {
      reportSafely(this.onError, err);
      return false;
    }
  }

  bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  close(code: number, reason: string): void {
    assertSendableCloseCode(code);
    if (this.localClose !== undefined || this.socketClosed) return;
    this.inbox.mute();
    // Already closing (the peer's close frame came first): that close is the one to report.
    if (this.socket.readyState === WebSocket.CLOSING) return;
    const why = truncateReason(reason);
    this.localClose = { code, reason: why };
    // A paused socket could not read the peer's answering close frame.
    this.resumeIfPaused();
    try {
      this.socket.close(code, why);
    } catch (err) {
      reportSafely(this.onError, err);
      this.socket.terminate();
    }
  }

  terminate(): void {
    if (this.socketClosed) return;
    if (this.socket.readyState !== WebSocket.CLOSING) {
      this.localClose ??= { code: ObservedCloseCode.abnormal, reason: "terminated" };
    }
    this.inbox.mute();
    this.socket.terminate();
  }

  private resumeIfPaused(): void {
    if (!this.pausedForStart) return;
    this.pausedForStart = false;
    this.socket.resume();
  }

  private readonly onOpen = (): void => {
    if (this.localClose !== undefined || this.inbox.isMuted) return;
    if (!this.inbox.started) {
      this.socket.pause();
      this.pausedForStart = true;
    }
    this.inbox.open();
  };

  private readonly onMessage = (data: RawData, isBinary: boolean): void => {
    if (this.inbox.isMuted) return;
    if (!isBinary) {
      this.close(TEXT_FRAME_CLOSE, "text frames are not gossip");
      return;
    }
    const frame = toUint8Array(data);
    if (frame.byteLength > this.maxFrameBytes) {
      this.close(CloseCode.messageTooBig, "frame too big");
      return;
    }
    this.inbox.message(frame);
  };

  private readonly onClose = (code: number, reason: Buffer): void => {
    if (this.socketClosed) return;
    this.socketClosed = true;
    this.socket.off("open", this.onOpen);
    this.socket.off("message", this.onMessage);
    this.socket.off("close", this.onClose);
    const reported = this.localClose ?? describeClose(code, reason.toString(), this.lastError);
    this.inbox.close(reported.code, reported.reason);
    this.markClosed();
  };

  private readonly onSocketError = (err: Error): void => {
    // Kept as the close reason: ws reports failures as 'error' then 'close' with code 1006 and
    // no reason, and "connect ECONNREFUSED" is more use to an operator than an empty string.
    this.lastError ??= err.message;
    const code = statusForError(err);
    if (code !== undefined && this.localClose === undefined) {
      // ws closes the socket itself (with `code`) after a protocol error in a peer's frame;
      // remember it, because the peer's answer may never be read and the event would say 1006.
      this.localClose = { code, reason: truncateReason(err.message) };
      this.inbox.mute();
    }
  };

  private handlerFailed(err: unknown, kind: HandlerKind): void {
    reportSafely(this.onError, err);
    if (kind !== "close") this.close(CloseCode.internal, "internal error");
  }
}

/** The close a handler sees when this side did not choose it. */
function describeClose(code: number, reason: string, lastError: string | undefined): { code: number; reason: string } {
  if (reason !== "") return { code, reason };
  if (code === ObservedCloseCode.abnormal) return { code, reason: lastError ?? "connection lost" };
  return { code, reason };
}

/**
 * The close code `ws` sends for a protocol error it found in a peer's frame, if `err` is one.
 * `ws` keeps that code under a private symbol ("status-code"); reading it follows whatever codes
 * future versions add, and the `WS_ERR_` fallback covers a version that renames the symbol.
 */
function statusForError(err: Error): number | undefined {
  for (const sym of Object.getOwnPropertySymbols(err)) {
    if (sym.description !== "status-code") continue;
    const status: unknown = (err as unknown as Record<symbol, unknown>)[sym];
    if (typeof status === "number") return status;
  }
  const code = (err as Error & { code?: unknown }).code;
  if (typeof code !== "string" || !code.startsWith("WS_ERR_")) return undefined;
  if (code.startsWith("WS_ERR_UNSUPPORTED_")) return CloseCode.messageTooBig;
  if (code === "WS_ERR_INVALID_UTF8") return ObservedCloseCode.invalidPayload;
  return ObservedCloseCode.protocolError;
}

/** A plain Uint8Array view of a binary message (never a copy, never a Buffer). */
function toUint8Array(data: RawData): Uint8Array {
  const buf = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? Buffer.from(data) : data;
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
