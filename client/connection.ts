/**
 * One logical connection to a replica's /v1/ws, kept up across socket drops: request ids and
 * replies, requests waiting for a connection, subscriptions and streams that are re-opened after
 * every reconnect, reconnecting with backoff, and the connection state.
 *
 * The rules a user relies on (client/README.md, "Reconnects"):
 * - a call is never dropped silently: it gets its answer, or `unknown_outcome` when it was sent
 *   and the socket died (or no answer came in `requestTimeoutMs`), or `disconnected`/`closed`/the
 *   auth error when it was never sent;
 * - requests made while there is no connection wait for one, up to `queueTimeoutMs`; at most
 *   `maxInFlight` requests await replies at once (the replica refuses more), the rest wait in order;
 * - the connection counts as open once the replica answered a probe, so a refusal (4401/4403)
 *   never catches a call in flight;
 * - reads (`get`) cannot change anything, so a read in flight when the socket dies is sent again;
 * - subscriptions and streams are opened again on every new socket, until they end or are closed;
 *   one the replica refuses with rate_limited is tried again after `rateLimitRetryMs`;
 * - close codes 4401 and 4403 end the connection for good (a new token will not appear by
 *   retrying), except a 4401 closing an open socket when the token is a function: the token
 *   expired, and the next attempt asks the function for a fresh one; every other way a socket
 *   ends is retried with backoff.
 *
 * Socket callbacks never throw: user callbacks run guarded, and anything unexpected drops the
 * socket, which is then reopened.
 */
import { CloseCode } from "../protos/close-codes.js";
import { MAX_CLIENT_REQUEST_ID } from "../protos/limits.js";
import type { ResolvedReconnect } from "./backoff.js";
import { backoffDelay } from "./backoff.js";
import { LatticeError } from "./errors.js";
import type { RequestBody, ServerFrame } from "./frames.js";
import { encodeRequest, parseServerFrame, parseVersion } from "./frames.js";
import type { WebSocketConstructor, WebSocketLike } from "./socket.js";
import { ignore, OPEN } from "./socket.js";
import { socketUrl } from "./url.js";

export type ConnectionState = "connecting" | "open" | "reconnecting" | "closed";

/** A token, or a function asked for one before every connection attempt (to pick up refreshed tokens). */
export type TokenSource = string | (() => string | undefined | Promise<string | undefined>);

export interface ConnectionOptions {
  /** The replica URL as given to createClient (http(s) or ws(s)). */
  readonly url: string;
  readonly token: TokenSource | undefined;
  readonly WebSocket: WebSocketConstructor;
  readonly reconnect: ResolvedReconnect;
  readonly connectTimeoutMs: number;
  readonly queueTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly maxFrameBytes: number;
  /** Calls, reads and opens awaiting their reply at most; more wait their turn. */
  readonly maxInFlight: number;
  /** Delay before re-trying a subscribe or stream the replica refused with rate_limited. */
  readonly rateLimitRetryMs: number;
  /** Frames sent per second at most (a token bucket like the replica's); more wait. */
  readonly maxFramesPerSecond: number;
  /** Where exceptions thrown by user callbacks go. */
  readonly onCallbackError: (err: unknown) => void;
}

/** What a subscription or stream hears. Each is called guarded. */
export interface ChannelHandlers {
  /** The open succeeded, on the first socket and again after every reconnect; `reply` is the open's reply. */
  opened(reply: Readonly<Record<string, unknown>>): void;
  /** A subscription's new state or a stream's message. */
  push(frame: Extract<ServerFrame, { kind: "state" | "message" }>): void;
  /** The replica ended the stream; it is not reopened. */
  ended(frame: Extract<ServerFrame, { kind: "end" }>): void;
  /** Over with an error (refused, failed on the replica, or the connection closed for good); it is not reopened. */
  failed(err: LatticeError): void;
}

/** An open subscription or stream, as its owner holds it. */
export interface ChannelHandle {
  /** Cancels it; resolves once the replica confirmed (its stream's onClose ran) or there is no socket to tell. */
  close(): Promise<void>;
}

interface Channel {
  readonly body: Extract<RequestBody, { op: "subscribe" | "stream" }>;
  readonly handlers: ChannelHandlers;
  /** The id of its open request on the current socket, while it is opening or open. */
  id: number | undefined;
  done: boolean;
  /** Refused with rate_limited: waits in `heldChannels` for its retry. */
  held: boolean;
  /** When the first of the rate_limited refusals in a row came (performance.now(): a clock that does not step). */
  refusedSince: number | undefined;
}

/** A call or a read from the user. */
interface Op {
  readonly body: RequestBody;
  /** A read: sent again after a drop, and its subscription cancelled once answered. */
  readonly read: boolean;
  readonly resolve: (reply: Readonly<Record<string, unknown>>) => void;
  readonly reject: (err: LatticeError) => void;
  /** The queue timer while waiting for a connection, the reply timer once sent. */
  timer: ReturnType<typeof setTimeout> | undefined;
  settled: boolean;
}

/** A cancel of subscription `sub`; `done` runs once the replica confirmed it or the socket went. */
interface Cancel {
  readonly sub: number;
  readonly done: () => void;
}

/** A request on the current socket awaiting its reply, by id. */
type Sent =
  | { readonly kind: "op"; readonly op: Op }
  | { readonly kind: "open"; readonly channel: Channel }
  | ({ readonly kind: "cancel" } & Cancel)
  | { readonly kind: "probe" };

/**
 * The only closes that end the client. Unlike `isRetryableClose` (for sockets that would send the
 * same thing again), 4400 and 1009 end one call here, never the client: a call the socket died
 * under is settled unknown_outcome and not resent, so a reconnect cannot repeat the bad frame.
 */
const FATAL: Readonly<Record<number, "unauthorized" | "forbidden">> = { [CloseCode.unauthorized]: "unauthorized", [CloseCode.forbidden]: "forbidden" };

export class Connection {
  private current: ConnectionState = "connecting";
  private fatal: LatticeError | undefined;
  private socket: WebSocketLike | undefined;
  private nextId = 1;
  private readonly sent = new Map<number, Sent>();
  /** Calls and reads waiting for a connection or their turn (maxInFlight), in order. */
  private readonly outbox: Op[] = [];
  /** Subscriptions and streams to keep open. */
  private readonly channels = new Set<Channel>();
  /** Channels to open on the current socket when the window allows, in order. */
  private toOpen: Channel[] = [];
  /** Calls, reads and opens sent on the current socket and not answered yet (the replica's maxInFlight counts these). */
  private inFlight = 0;
  /** Channels the replica refused to open for now (rate_limited), reopened after rateLimitRetryMs. */
  private readonly heldChannels: RetryQueue<Channel>;
  /** Cancels to send (never limited by maxInFlight, only by the frame rate). */
  private cancels: Cancel[] = [];
  /** Cancels the replica refused for now (rate_limited), asked again after rateLimitRetryMs. */
  private readonly refusedCancels: RetryQueue<Cancel>;
  /** The frame budget of the current socket: tokens, refilled at maxFramesPerSecond. */
  private tokens = 0;
  private tokensAt = 0;
  private pumpTimer: ReturnType<typeof setTimeout> | undefined;
  /** Channels open (or opening) on the current socket, by their id. */
  private readonly byId = new Map<number, Channel>();
  /** Subscription ids being cancelled on the current socket: not reusable until the replica confirmed. */
  private readonly releasing = new Set<number>();
  private readonly listeners = new Set<(state: ConnectionState, error: LatticeError | undefined) => void>();
  /** Consecutive failed attempts, for the backoff. */
  private attempts = 0;
  private openedAt = 0;
  /** Bumped whenever a connection attempt starts or the connection closes, so stale async steps stop. */
  private generation = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private connectTimer: ReturnType<typeof setTimeout> | undefined;
  private closing: Promise<void> | undefined;

  constructor(private readonly opts: ConnectionOptions) {
    this.heldChannels = new RetryQueue(opts.rateLimitRetryMs, (channels) => {
      for (const c of channels) {
        // Closed by its owner while it waited.
        if (c.done) continue;
        c.held = false;
        this.toOpen.push(c);
      }
      this.pump();
    });
    this.refusedCancels = new RetryQueue(opts.rateLimitRetryMs, (cancels) => {
      this.cancels.push(...cancels);
      this.pump();
    });
    void this.attempt();
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** Why the connection closed for good, unless the user closed it. */
  get error(): LatticeError | undefined {
    return this.fatal;
  }

  onState(listener: (state: ConnectionState, error: LatticeError | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Sends a call or read; resolves with its reply (the whole reply frame). */
  request(body: RequestBody, read: boolean): Promise<Readonly<Record<string, unknown>>> {
    return new Promise((resolve, reject) => {
      const op: Op = { body, read, resolve, reject, timer: undefined, settled: false };
      if (this.current === "closed") {
        this.settle(op, this.fatal ?? new LatticeError("closed", "the client is closed"));
        return;
      }
      this.enqueue(op);
      this.pump();
    });
  }

  /** Opens a subscription or stream, kept open across reconnects until it ends or is closed. */
  openChannel(body: Extract<RequestBody, { op: "subscribe" | "stream" }>, handlers: ChannelHandlers): ChannelHandle {
    const channel: Channel = { body, handlers, id: undefined, done: false, held: false, refusedSince: undefined };
    if (this.current === "closed") {
      channel.done = true;
      const err = this.fatal ?? new LatticeError("closed", "the client is closed");
      // Not synchronously: the caller has not got its handle yet.
      queueMicrotask(() => this.guard(() => handlers.failed(err)));
    } else {
      this.channels.add(channel);
      if (this.isOpen()) {
        this.toOpen.push(channel);
        this.pump();
      }
    }
    return { close: () => this.closeChannel(channel) };
  }

  /** Closes for good: unsent requests reject with `closed`, calls in flight with `unknown_outcome`. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    // Already closed for good (a fatal close, or reconnecting gave up): keep the error it left.
    if (this.current === "closed" && !this.socket) return (this.closing = Promise.resolve());
    const socket = this.socket;
    this.socket = undefined;
    this.shutdown(undefined, new LatticeError("closed", "the client was closed before the request was sent"), "the client was closed while the call was in flight; it may or may not have been applied");
    this.closing = new Promise<void>((resolve) => {
      if (!socket) {
        resolve();
        return;
      }
      socket.onopen = ignore;
      socket.onmessage = ignore;
      socket.onclose = () => resolve();
      try {
        socket.close(CloseCode.normal, "client closed");
      } catch {
        resolve();
      }
    });
    return this.closing;
  }

  // ---- connecting ----

  private async attempt(): Promise<void> {
    const generation = ++this.generation;
    let token: string | undefined;
    try {
      const source = this.opts.token;
      token = typeof source === "function" ? await source() : source;
    } catch (err) {
      if (generation !== this.generation) return;
      this.opts.onCallbackError(err);
      this.dropped(undefined, "the token function failed", false);
      return;
    }
    if (generation !== this.generation || this.current === "closed") return;
    let socket: WebSocketLike;
    try {
      socket = new this.opts.WebSocket(socketUrl(this.opts.url, token));
    } catch (err) {
      this.opts.onCallbackError(err);
      this.dropped(undefined, "the WebSocket could not be created", false);
      return;
    }
    this.socket = socket;
    socket.onopen = () => this.onOpen(socket);
    socket.onmessage = (ev) => this.onMessage(socket, ev.data);
    socket.onclose = (ev) => this.onClose(socket, ev.code, ev.reason);
    // An error is always followed by a close event, which does the work.
    socket.onerror = ignore;
    this.connectTimer = setTimeout(() => {
      this.connectTimer = undefined;
      if (this.socket === socket && this.current !== "open") this.abandon(socket, `no connection within ${this.opts.connectTimeoutMs} ms`);
    }, this.opts.connectTimeoutMs);
  }

  /**
   * The upgrade succeeded, but a replica refusing the token or the origin also accepts the upgrade
   * (then closes with 4401/4403). So the connection counts as open only once the replica answered
   * a probe: a `cancel` of an id never opened, which changes nothing. Until then no call is sent,
   * so a refusal leaves no call with an unknown outcome, and the state never flickers to "open".
   */
  private onOpen(socket: WebSocketLike): void {
    if (socket !== this.socket) return;
    // The replica's budget is per connection: a new socket starts with a full one.
    this.tokens = this.opts.maxFramesPerSecond - 1;
    this.tokensAt = performance.now();
    const id = this.allocId();
    this.sent.set(id, { kind: "probe" });
    if (!this.send(socket, JSON.stringify({ id, op: "cancel", sub: id }))) this.abandon(socket, "sending failed", CloseCode.internal);
  }

  /** The replica answered the probe: flush what waited. */
  private confirmed(socket: WebSocketLike): void {
    try {
      clearTimeout(this.connectTimer);
      this.connectTimer = undefined;
      this.openedAt = performance.now();
      this.setState("open");
      // Subscriptions and streams first: what a page shows comes back before new work goes out.
      this.toOpen = [...this.channels];
      this.pump();
    } catch (err) {
      this.opts.onCallbackError(err);
      this.abandon(socket, "internal error", CloseCode.internal);
    }
  }

  private onMessage(socket: WebSocketLike, data: unknown): void {
    if (socket !== this.socket) return;
    try {
      const frame = typeof data === "string" ? parseServerFrame(data) : undefined;
      if (!frame) {
        this.abandon(socket, "the replica sent a frame this client does not understand", CloseCode.badFrame);
        return;
      }
      this.dispatch(frame);
    } catch (err) {
      this.opts.onCallbackError(err);
      this.abandon(socket, "internal error", CloseCode.internal);
    }
  }

  private onClose(socket: WebSocketLike, code: number, reason: string): void {
    if (socket !== this.socket) return;
    // The state is "open" only once the current socket opened.
    const wasOpen = this.current === "open";
    this.detach(socket);
    this.dropped(code, reason, wasOpen);
  }

  /**
   * Gives up on a socket at once (no waiting for its close event) and treats it as dropped. The
   * SDK closes only with 1000, 4400 and 4500 (browsers allow only 1000 and 3000–4999).
   */
  private abandon(socket: WebSocketLike, reason: string, code: number = CloseCode.normal): void {
    const wasOpen = this.current === "open";
    this.detach(socket);
    try {
      socket.close(code, reason);
    } catch {
      // Already closing or closed: nothing more to do with it.
    }
    this.dropped(undefined, reason, wasOpen);
  }

  private detach(socket: WebSocketLike): void {
    if (this.socket === socket) this.socket = undefined;
    socket.onopen = ignore;
    socket.onmessage = ignore;
    socket.onclose = ignore;
    clearTimeout(this.connectTimer);
    this.connectTimer = undefined;
  }

  /** The socket is gone (or never came up): settle what was in flight, then retry or give up. */
  private dropped(code: number | undefined, reason: string, wasOpen: boolean): void {
    this.generation++;
    const inFlight = [...this.sent.values()];
    this.sent.clear();
    this.byId.clear();
    this.releasing.clear();
    this.resetWindow();
    const resend: Op[] = [];
    for (const s of inFlight) {
      if (s.kind === "cancel") s.done();
      else if (s.kind === "op" && !s.op.settled) {
        clearTimeout(s.op.timer);
        s.op.timer = undefined;
        if (s.op.read) resend.push(s.op);
        else this.settle(s.op, unknownOutcome(`the connection dropped while the call was in flight${reason ? ` (${reason})` : ""}; it may or may not have been applied`));
      }
    }
    // Reads go first: they were asked for before anything still waiting.
    this.outbox.unshift(...resend);
    if (this.current === "closed") {
      for (const op of this.outbox.splice(0)) this.settle(op, this.fatal ?? new LatticeError("closed", "the client is closed"));
      return;
    }
    const fatal = code === undefined ? undefined : FATAL[code];
    // A token function can hand out a fresh token, so a socket that was open and then closed 4401
    // (its token expired) is retried; a refusal of a new socket's token stays final, so a function
    // that keeps returning a bad token cannot loop.
    const refreshable = fatal === "unauthorized" && wasOpen && typeof this.opts.token === "function";
    if (fatal && !refreshable) {
      const err = new LatticeError(fatal, reason || (fatal === "unauthorized" ? "the replica refused the token" : "the replica refused the connection"));
      this.shutdown(err, err, "");
      return;
    }
    for (const op of resend) this.startQueueTimer(op);
    if (wasOpen && performance.now() - this.openedAt >= this.opts.reconnect.resetAfterMs) this.attempts = 0;
    if (this.attempts >= this.opts.reconnect.maxAttempts) {
      const err = new LatticeError("disconnected", `no connection to the replica after ${this.attempts} retries`);
      this.shutdown(err, err, "");
      return;
    }
    const delay = backoffDelay(this.attempts, this.opts.reconnect);
    this.attempts++;
    this.setState("reconnecting");
    if (this.current !== "reconnecting") return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.attempt();
    }, delay);
  }

  /**
   * Ends the connection for good. `fatal` (the replica refused us, or retries ran out) is what open
   * channels get; without it the user closed the client and channels stop quietly. Requests not
   * sent (and reads) get `unsent`, calls in flight `unknown_outcome` with `inFlightMessage`.
   */
  private shutdown(fatal: LatticeError | undefined, unsent: LatticeError, inFlightMessage: string): void {
    this.generation++;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    clearTimeout(this.connectTimer);
    this.connectTimer = undefined;
    this.resetWindow();
    this.fatal = fatal;
    for (const s of this.sent.values()) {
      if (s.kind === "cancel") s.done();
      else if (s.kind === "op") this.settle(s.op, s.op.read ? unsent : unknownOutcome(inFlightMessage));
    }
    this.sent.clear();
    this.byId.clear();
    this.releasing.clear();
    for (const op of this.outbox.splice(0)) this.settle(op, unsent);
    const channels = [...this.channels];
    this.channels.clear();
    for (const channel of channels) {
      channel.done = true;
      channel.id = undefined;
      if (fatal) this.guard(() => channel.handlers.failed(fatal));
    }
    this.setState("closed");
  }

  // ---- requests ----

  private isOpen(socket: WebSocketLike | undefined = this.socket): socket is WebSocketLike {
    return socket !== undefined && socket === this.socket && this.current === "open" && socket.readyState === OPEN;
  }

  private allocId(): number {
    for (;;) {
      const id = this.nextId;
      this.nextId = id >= MAX_CLIENT_REQUEST_ID ? 1 : id + 1;
      if (!this.sent.has(id) && !this.byId.has(id) && !this.releasing.has(id)) return id;
    }
  }

  /** Sends a frame on the open socket; false (and the socket dropped) if it could not be sent. */
  private send(socket: WebSocketLike, text: string): boolean {
    try {
      socket.send(text);
      return true;
    } catch (err) {
      this.opts.onCallbackError(err);
      return false;
    }
  }

  /** Nothing is in flight on a new socket, and held channels are reopened with everything else. */
  private resetWindow(): void {
    this.inFlight = 0;
    this.toOpen = [];
    // The replica cancels everything of a socket that goes.
    for (const c of this.cancels.splice(0)) c.done();
    for (const c of this.refusedCancels.clear()) c.done();
    this.heldChannels.clear();
    clearTimeout(this.pumpTimer);
    this.pumpTimer = undefined;
    for (const channel of this.channels) {
      channel.id = undefined;
      channel.held = false;
      // A new socket is a new window: refusals on the old one do not count against it.
      channel.refusedSince = undefined;
    }
  }

  /**
   * Sends what waits while the socket is open: cancels first, then channel opens, then calls and
   * reads in order, within maxInFlight and the frame budget (the replica refuses frames over its
   * rate, and closes a connection that keeps sending them).
   */
  private pump(): void {
    const socket = this.socket;
    while (this.isOpen(socket)) {
      const cancel = this.cancels[0];
      if (cancel) {
        if (!this.take()) return;
        this.cancels.shift();
        this.transmitCancel(socket, cancel.sub, cancel.done);
        continue;
      }
      if (this.inFlight >= this.opts.maxInFlight) return;
      const channel = this.toOpen[0];
      if (channel) {
        if (channel.done || channel.id !== undefined || channel.held) {
          this.toOpen.shift();
          continue;
        }
        if (!this.take()) return;
        this.toOpen.shift();
        this.sendOpen(channel);
        continue;
      }
      const op = this.outbox[0];
      if (!op) return;
      if (op.settled) {
        this.outbox.shift();
        continue;
      }
      if (!this.take()) return;
      this.outbox.shift();
      this.transmit(op);
    }
  }

  /** Takes a frame token, or schedules the pump for when there is one. */
  private take(): boolean {
    const now = performance.now();
    const rate = this.opts.maxFramesPerSecond;
    this.tokens = Math.min(rate, this.tokens + ((now - this.tokensAt) / 1000) * rate);
    this.tokensAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    this.pumpTimer ??= setTimeout(
      () => {
        this.pumpTimer = undefined;
        this.pump();
      },
      Math.ceil(((1 - this.tokens) / rate) * 1000),
    );
    return false;
  }

  /** The replica refused to open `channel` for now (rate_limited): try again shortly, for up to queueTimeoutMs. */
  private hold(channel: Channel, err: LatticeError): void {
    const now = performance.now();
    channel.refusedSince ??= now;
    if (now - channel.refusedSince >= this.opts.queueTimeoutMs) {
      this.finish(channel);
      this.guard(() => channel.handlers.failed(err));
      return;
    }
    channel.held = true;
    this.heldChannels.add(channel);
  }

  private enqueue(op: Op): void {
    this.outbox.push(op);
    this.startQueueTimer(op);
  }

  private startQueueTimer(op: Op): void {
    op.timer = setTimeout(() => {
      op.timer = undefined;
      const i = this.outbox.indexOf(op);
      if (i >= 0) this.outbox.splice(i, 1);
      this.settle(op, new LatticeError("disconnected", `the request could not be sent within ${this.opts.queueTimeoutMs} ms (no connection to the replica, or maxInFlight requests ahead of it); it was not applied`));
    }, this.opts.queueTimeoutMs);
  }

  private transmit(op: Op): void {
    const socket = this.socket as WebSocketLike;
    clearTimeout(op.timer);
    op.timer = undefined;
    const id = this.allocId();
    const text = encodeRequest(id, op.body, this.opts.maxFrameBytes);
    if (typeof text !== "string") {
      this.settle(op, text);
      return;
    }
    this.sent.set(id, { kind: "op", op });
    if (!this.send(socket, text)) {
      // Certainly not sent: it waits for the next socket.
      this.sent.delete(id);
      this.outbox.unshift(op);
      this.startQueueTimer(op);
      this.abandon(socket, "sending failed", CloseCode.internal);
      return;
    }
    this.inFlight++;
    if (this.opts.requestTimeoutMs > 0) {
      op.timer = setTimeout(() => {
        op.timer = undefined;
        this.settle(op, unknownOutcome(`no reply within ${this.opts.requestTimeoutMs} ms; the request may or may not have been applied`));
        // Only a dead connection (a half-open socket after sleep or a NAT drop) answers this late:
        // drop it, so that the client reconnects and its subscriptions and streams come back.
        if (this.socket === socket) this.abandon(socket, "no reply in time");
      }, this.opts.requestTimeoutMs);
    }
  }

  private sendOpen(channel: Channel): void {
    const socket = this.socket as WebSocketLike;
    const id = this.allocId();
    const text = encodeRequest(id, channel.body, this.opts.maxFrameBytes);
    if (typeof text !== "string") {
      this.finish(channel);
      this.guard(() => channel.handlers.failed(text));
      return;
    }
    channel.id = id;
    this.byId.set(id, channel);
    this.sent.set(id, { kind: "open", channel });
    if (this.send(socket, text)) this.inFlight++;
    else this.abandon(socket, "sending failed", CloseCode.internal);
  }

  /** Cancels subscription `sub` on the open socket; `done` runs on the reply or when the socket goes. */
  private sendCancel(sub: number, done: () => void): void {
    if (!this.isOpen()) {
      done();
      return;
    }
    // Reserved from now on: the replica holds `sub` open until the cancel is answered.
    this.releasing.add(sub);
    this.cancels.push({ sub, done });
    this.pump();
  }

  private transmitCancel(socket: WebSocketLike, sub: number, done: () => void): void {
    const id = this.allocId();
    this.sent.set(id, { kind: "cancel", sub, done });
    if (!this.send(socket, JSON.stringify({ id, op: "cancel", sub }))) this.abandon(socket, "sending failed", CloseCode.internal);
  }

  private closeChannel(channel: Channel): Promise<void> {
    if (channel.done) return Promise.resolve();
    const sub = channel.id;
    this.finish(channel);
    if (sub === undefined) return Promise.resolve();
    return new Promise((resolve) => this.sendCancel(sub, resolve));
  }

  /** A channel is over: it is neither pushed to nor reopened. */
  private finish(channel: Channel): void {
    channel.done = true;
    this.channels.delete(channel);
    if (channel.id !== undefined && this.byId.get(channel.id) === channel) this.byId.delete(channel.id);
    channel.id = undefined;
  }

  private dispatch(frame: ServerFrame): void {
    if (frame.kind === "ok" || frame.kind === "error") {
      const s = this.sent.get(frame.id);
      if (!s) return;
      this.sent.delete(frame.id);
      switch (s.kind) {
        case "probe":
          if (this.socket) this.confirmed(this.socket);
          return;
        case "cancel":
          if (frame.kind === "error" && frame.error.code === "rate_limited") {
            // The subscription is still open on the replica (and counts against its limit):
            // ask again shortly; meanwhile its id stays reserved and its pushes are ignored.
            this.refusedCancels.add(s);
            return;
          }
          if (frame.kind === "ok") this.releasing.delete(s.sub);
          s.done();
          return;
        case "open":
          this.inFlight--;
          this.opened(s.channel, frame);
          this.pump();
          return;
        case "op":
          this.inFlight--;
          this.answered(s.op, frame);
          this.pump();
          return;
      }
    }
    const channel = this.byId.get(frame.sub);
    if (!channel || channel.done) return;
    switch (frame.kind) {
      case "state":
      case "message":
        this.guard(() => channel.handlers.push(frame));
        return;
      case "end":
        this.finish(channel);
        this.guard(() => channel.handlers.ended(frame));
        return;
      case "failed":
        this.finish(channel);
        this.guard(() => channel.handlers.failed(frame.error));
        return;
    }
  }

  private opened(channel: Channel, frame: Extract<ServerFrame, { kind: "ok" | "error" }>): void {
    // Closed by its owner while opening: the cancel is already on its way.
    if (channel.done || channel.id !== frame.id) return;
    if (frame.kind === "error") {
      if (frame.error.code === "rate_limited") {
        // Too many frames or subscriptions right now (a reconnect reopening many at once):
        // not a reason to give up on something the page wants kept open.
        if (this.byId.get(frame.id) === channel) this.byId.delete(frame.id);
        channel.id = undefined;
        this.hold(channel, frame.error);
        return;
      }
      this.finish(channel);
      this.guard(() => channel.handlers.failed(frame.error));
      return;
    }
    channel.refusedSince = undefined;
    const malformed = channel.body.op === "subscribe" ? viewlessReply(frame.body) : undefined;
    if (malformed) {
      this.finish(channel);
      this.sendCancel(frame.id, ignore);
      this.guard(() => channel.handlers.failed(malformed));
      return;
    }
    this.guard(() => channel.handlers.opened(frame.body));
  }

  private answered(op: Op, frame: Extract<ServerFrame, { kind: "ok" | "error" }>): void {
    // A read is a subscription opened only for its first state: cancel it, answered in time or not.
    if (op.read && frame.kind === "ok") this.sendCancel(frame.id, ignore);
    if (op.settled) return;
    if (frame.kind === "error") this.settle(op, frame.error);
    else this.settle(op, (op.read ? viewlessReply(frame.body) : undefined) ?? frame.body);
  }

  private settle(op: Op, outcome: LatticeError | Readonly<Record<string, unknown>>): void {
    if (op.settled) return;
    op.settled = true;
    clearTimeout(op.timer);
    op.timer = undefined;
    if (outcome instanceof LatticeError) op.reject(outcome);
    else op.resolve(outcome);
  }

  // ---- state ----

  private setState(state: ConnectionState): void {
    if (state === this.current) return;
    this.current = state;
    for (const listener of [...this.listeners]) this.guard(() => listener(state, this.fatal));
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.opts.onCallbackError(err);
    }
  }
}

/**
 * The protocol_error of a subscribe's reply (a subscription's or a read's) that lacks the view, or
 * undefined when it has one: the SDK hands `state` and `version` to the user as they are.
 */
function viewlessReply(body: Readonly<Record<string, unknown>>): LatticeError | undefined {
  if ("state" in body && parseVersion(body.version)) return undefined;
  return new LatticeError("protocol_error", "the replica answered a subscribe without state and version");
}

/**
 * What the replica refused with rate_limited, each item let go `delayMs` after its own refusal.
 * One timer, armed for the earliest deadline and re-armed for the next: a timer armed by the first
 * refusal and shared by those that follow would let a later one go early, before the replica's
 * budget had time to refill, and get it refused again.
 */
class RetryQueue<T> {
  /** In deadline order: items come in time order and all wait the same delay. */
  private readonly waiting: { readonly item: T; readonly due: number }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly delayMs: number,
    private readonly release: (items: T[]) => void,
  ) {}

  add(item: T): void {
    // performance.now(): a wall clock stepped back would hold the item for as long again.
    this.waiting.push({ item, due: performance.now() + this.delayMs });
    this.arm();
  }

  /** Stops the timer and hands back what was waiting, which is not released. */
  clear(): T[] {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.waiting.splice(0).map((w) => w.item);
  }

  private arm(): void {
    const head = this.waiting[0];
    if (this.timer !== undefined || !head) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        const now = performance.now();
        const due = this.waiting.findIndex((w) => w.due > now);
        const items = this.waiting.splice(0, due < 0 ? this.waiting.length : due).map((w) => w.item);
        // Armed first, so that what still waits keeps a timer whatever the release runs into.
        this.arm();
        // Empty when the timer fired a fraction of a millisecond before performance.now() reached the deadline.
        if (items.length > 0) this.release(items);
      },
      Math.max(0, Math.ceil(head.due - performance.now())),
    );
  }
}

function unknownOutcome(message: string): LatticeError {
  return new LatticeError("unknown_outcome", message);
}
