/**
 * Pieces both transports share, so that they keep the {@link Connection} contract the same way:
 * the inbox that buffers events until `start` and delivers `close` exactly once, close-code and
 * close-reason rules, and the connection that is closed from birth. Internal to replica/transport.
 *
 * @module
 */
import type { Connection, ConnectionHandlers } from "./transport.js";

/** RFC 6455 limits a close frame's payload to 125 bytes, two of which carry the code. */
export const MAX_CLOSE_REASON_BYTES = 123;

/**
 * Whether `code` may be sent in a close frame. The same rule as `ws` (RFC 6455 §7.4 plus the
 * IANA registry), checked here so that the in-memory transport refuses exactly what the
 * WebSocket one would: 1005, 1006 and 1015 only ever describe a close, they are never sent.
 */
export function isSendableCloseCode(code: number): boolean {
  return (
    Number.isInteger(code) &&
    ((code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999))
  );
}

/** Throws a RangeError for a code that cannot be sent: a programming error, like `ws` treats it. */
export function assertSendableCloseCode(code: number): void {
  if (!isSendableCloseCode(code)) throw new RangeError(`close code ${code} cannot be sent in a close frame`);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Cuts `reason` to {@link MAX_CLOSE_REASON_BYTES} bytes of UTF-8 without splitting a character
 * (`ws` throws on longer reasons instead, and reasons are often built from error messages).
 */
export function truncateReason(reason: string): string {
  const bytes = encoder.encode(reason);
  if (bytes.byteLength <= MAX_CLOSE_REASON_BYTES) return reason;
  let end = MAX_CLOSE_REASON_BYTES;
  // Back up over continuation bytes (10xxxxxx) to the first byte of the character that was cut.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return decoder.decode(bytes.subarray(0, end));
}

/** Which handler threw, for the owner's fault handling. */
export type HandlerKind = keyof ConnectionHandlers;

type InboxEvent =
  | { readonly kind: "open" }
  | { readonly kind: "message"; readonly frame: Uint8Array }
  | { readonly kind: "close"; readonly code: number; readonly reason: string };

/**
 * The connection's side of the handlers: buffers events until `start`, keeps their order, drops
 * everything after `close` (so the close handler runs exactly once and last) and catches what a
 * handler throws, so that a bug above the transport never unwinds into a socket or timer callback.
 *
 * Events are delivered synchronously when they come from the network (the caller is already a
 * socket or timer callback); the backlog found by `start` is delivered through `schedule`, so a
 * handler never runs inside the `start` call itself, before the caller has finished setting up.
 */
export class Inbox {
  private handlers: ConnectionHandlers | undefined;
  private readonly queue: InboxEvent[] = [];
  private flushScheduled = false;
  private delivering = false;
  private closeSeen = false;
  private muted = false;

  constructor(
    private readonly schedule: (fn: () => void) => void,
    private readonly onHandlerError: (err: unknown, kind: HandlerKind) => void,
  ) {}

  /** Whether the close event has arrived (it may still wait in the buffer). */
  get closed(): boolean {
    return this.closeSeen;
  }

  /** Whether `start` has installed the handlers. */
  get started(): boolean {
    return this.handlers !== undefined;
  }

  /** Whether incoming frames are being discarded (this side closed, or a handler failed). */
  get isMuted(): boolean {
    return this.muted;
  }

  start(handlers: ConnectionHandlers): void {
    if (this.handlers !== undefined) throw new Error("Connection.start was already called");
    this.handlers = handlers;
    if (this.queue.length > 0) this.scheduleFlush();
  }

  open(): void {
    if (!this.closeSeen) this.push({ kind: "open" });
  }

  /** Queues or delivers a frame; false when it was discarded (muted or closed). */
  message(frame: Uint8Array): boolean {
    if (this.closeSeen || this.muted) return false;
    this.push({ kind: "message", frame });
    return true;
  }

  /** The close event; frames that arrived before it are still delivered (unless muted). */
  close(code: number, reason: string): void {
    if (this.closeSeen) return;
    this.closeSeen = true;
    this.push({ kind: "close", code, reason });
  }

  /**
   * Stops delivering frames, including ones already buffered: once this side has decided to
   * close (or its handler failed), frames still in flight are of no use to anyone.
   */
  mute(): void {
    this.muted = true;
  }

  private push(event: InboxEvent): void {
    this.queue.push(event);
    if (this.handlers !== undefined && !this.delivering && !this.flushScheduled) this.drain();
  }

  private scheduleFlush(): void {
    this.flushScheduled = true;
    this.schedule(() => {
      this.flushScheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    const handlers = this.handlers;
    if (handlers === undefined) return;
    this.delivering = true;
    try {
      for (let event = this.queue.shift(); event !== undefined; event = this.queue.shift()) {
        if (event.kind === "message" && this.muted) continue;
        try {
          if (event.kind === "open") handlers.open();
          else if (event.kind === "message") handlers.message(event.frame);
          else handlers.close(event.code, event.reason);
        } catch (err) {
          this.onHandlerError(err, event.kind);
        }
      }
    } finally {
      this.delivering = false;
    }
  }
}

/** Hands `err` to `onError`, swallowing what that throws: reporting must not become a new failure. */
export function reportSafely(onError: ((err: unknown) => void) | undefined, err: unknown): void {
  if (onError === undefined) return;
  try {
    onError(err);
  } catch {
    // The reporter itself failed; there is nowhere left to report to.
  }
}

/**
 * A dialer connection that never opens: the URL could not even be parsed, or the transport was
 * already closed. It reports its close like any failed dial (asynchronously, exactly once), so
 * callers need no special case for failures that happen before a socket exists.
 */
export class ClosedConnection implements Connection {
  readonly role = "dialer";
  private readonly inbox: Inbox;

  constructor(
    readonly remote: string,
    code: number,
    reason: string,
    schedule: (fn: () => void) => void,
    onError: ((err: unknown) => void) | undefined,
  ) {
    this.inbox = new Inbox(schedule, (err) => reportSafely(onError, err));
    const why = truncateReason(reason);
    schedule(() => this.inbox.close(code, why));
  }

  start(handlers: ConnectionHandlers): void {
    this.inbox.start(handlers);
  }

  send(_frame: Uint8Array): boolean {
    return false;
  }

  bufferedAmount(): number {
    return 0;
  }

  close(code: number, _reason: string): void {
    assertSendableCloseCode(code);
  }

  terminate(): void {}
}
