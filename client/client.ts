/**
 * The public face of the SDK: createClient, the client and its entity handles (SPEC §5). All
 * traffic goes over one /v1/ws WebSocket per client (see connection.ts for the reconnect rules).
 *
 * @example
 * const client = createClient("http://127.0.0.1:8080", { WebSocket }); // `ws`'s WebSocket in Node 20
 * const cart = client.entity("cart", "u1");
 * await cart.call("addItem", { productId: "p1", name: "Pen", quantity: 2 });
 * const stop = cart.subscribe((view) => render(view.state));
 * const presence = client.entity("presence", "bob").stream("connect", {}, () => {});
 * await presence.close(); stop(); await client.close();
 */
import { DEFAULT_CLIENT_FRAME_BYTES, DEFAULT_CLIENT_FRAMES_PER_SECOND, DEFAULT_CLIENT_IN_FLIGHT } from "../protos/limits.js";
import type { ReconnectOptions } from "./backoff.js";
import { reconnectOptions } from "./backoff.js";
import { MAX_TIMER_MS, numberIn } from "./check.js";
import type { ConnectionState, TokenSource } from "./connection.js";
import { Connection } from "./connection.js";
import type { LatticeError } from "./errors.js";
import type { Version } from "./frames.js";
import type { WebSocketConstructor } from "./socket.js";
import { globalWebSocket } from "./socket.js";
import { socketUrl } from "./url.js";

export interface ClientOptions {
  /**
   * An HS256 JWT, when the replica has auth on. Sent as `?token=` on the WebSocket URL (browsers
   * cannot set headers there). A function is asked before every connection attempt, so a
   * long-lived page can hand out refreshed tokens.
   */
  readonly token?: TokenSource;
  /** The WebSocket constructor. Default: the global one (browsers, Node 22+); in Node 20 pass `WebSocket` from the `ws` package. */
  readonly WebSocket?: WebSocketConstructor;
  /** Backoff between reconnect attempts (backoff.ts has the defaults), or `false` to never reconnect. */
  readonly reconnect?: ReconnectOptions | false;
  /** A connection attempt still pending after this long is abandoned and retried. Default 10 000 ms: far above a healthy handshake, well below a browser's own TCP timeout. */
  readonly connectTimeoutMs?: number;
  /** How long a call or read made while disconnected waits for a connection before failing with `disconnected`. Default 20 000 ms: a couple of retries at the backoff cap, and still an answer before a user gives up on a button. */
  readonly queueTimeoutMs?: number;
  /** A sent request without a reply after this long fails with `unknown_outcome` (0: never). Default 60 000 ms: above the replica's own limits (function and replication timeouts), so only a dead connection trips it. */
  readonly requestTimeoutMs?: number;
  /** Requests encoding to more bytes than this fail with `payload_too_large` without being sent. Default 1 048 576: the replica's default maxFrameBytes, over which it closes the socket (1009) instead of answering. */
  readonly maxFrameBytes?: number;
  /** Calls, reads and subscribe/stream opens awaiting their reply at most; more wait their turn in order. Default 64: the replica's default maxInFlight, over which it refuses requests with rate_limited. */
  readonly maxInFlight?: number;
  /** A subscribe or stream the replica refused with rate_limited (a reconnect reopening many at once) is tried again after this long, for up to queueTimeoutMs. Default 1 000 ms: the replica's frame budget refills per second. */
  readonly rateLimitRetryMs?: number;
  /** Frames sent per second at most; more wait their turn. Default 200: the replica's default maxFramesPerSecond, over which it refuses frames (and closes a connection that keeps sending them). */
  readonly maxFramesPerSecond?: number;
  /** Where exceptions thrown by your callbacks (onView, onMessage, onState, …) go. Default: console.error. */
  readonly onCallbackError?: (err: unknown) => void;
}

/** An entity's state (the service's view) and version vector. */
export interface EntityView<S = unknown> {
  readonly state: S;
  readonly version: Version;
}

export interface SubscribeOptions {
  /** The subscription is over: the entity was deleted (`entity_deleted`), the service is unknown, or the client closed for good (`unauthorized`, …). */
  readonly onError?: (err: LatticeError) => void;
}

export interface StreamOptions {
  /** The stream is open on the replica: after the first open and again after every reconnect. */
  readonly onOpen?: () => void;
  /** The replica ended the stream (`ctx.end(message?)`). A final message went to onMessage just before. */
  readonly onEnd?: () => void;
  /** The stream failed or was refused (`unknown_command`, `forbidden`, a hook that threw, …), or the client closed for good. */
  readonly onError?: (err: LatticeError) => void;
}

export interface StreamHandle {
  /** Cancels the stream; resolves once the replica ran its onClose (or there was no connection to tell). */
  close(): Promise<void>;
}

export type { ConnectionState };

/** Defaults of the ClientOptions timeouts and limits (reasons on the options). */
export const CLIENT_DEFAULTS = Object.freeze({
  connectTimeoutMs: 10_000,
  queueTimeoutMs: 20_000,
  requestTimeoutMs: 60_000,
  maxFrameBytes: DEFAULT_CLIENT_FRAME_BYTES,
  maxInFlight: DEFAULT_CLIENT_IN_FLIGHT,
  rateLimitRetryMs: 1_000,
  maxFramesPerSecond: DEFAULT_CLIENT_FRAMES_PER_SECOND,
});

/** A timer option: at most setTimeout's range (Infinity or more would fire at once). */
function ms(name: string, value: number | undefined, fallback: number, allowZero = false): number {
  return numberIn(name, value ?? fallback, allowZero ? 0 : Number.MIN_VALUE, MAX_TIMER_MS);
}

function atLeastOne(name: string, value: number | undefined, fallback: number): number {
  return numberIn(name, value ?? fallback, 1);
}

/** A client of one replica: one WebSocket, reconnected as needed. */
export class LatticeClient {
  private readonly connection: Connection;

  constructor(url: string, options: ClientOptions = {}) {
    const WebSocket = options.WebSocket ?? globalWebSocket();
    if (!WebSocket) throw new TypeError("no WebSocket implementation: pass { WebSocket } (from the ws package in Node 20)");
    // Fail now, not on every reconnect, when the URL is unusable.
    socketUrl(url);
    this.connection = new Connection({
      url,
      token: options.token,
      WebSocket,
      reconnect: reconnectOptions(options.reconnect),
      connectTimeoutMs: ms("connectTimeoutMs", options.connectTimeoutMs, CLIENT_DEFAULTS.connectTimeoutMs),
      queueTimeoutMs: ms("queueTimeoutMs", options.queueTimeoutMs, CLIENT_DEFAULTS.queueTimeoutMs),
      requestTimeoutMs: ms("requestTimeoutMs", options.requestTimeoutMs, CLIENT_DEFAULTS.requestTimeoutMs, true),
      maxFrameBytes: atLeastOne("maxFrameBytes", options.maxFrameBytes, CLIENT_DEFAULTS.maxFrameBytes),
      maxInFlight: atLeastOne("maxInFlight", options.maxInFlight, CLIENT_DEFAULTS.maxInFlight),
      rateLimitRetryMs: ms("rateLimitRetryMs", options.rateLimitRetryMs, CLIENT_DEFAULTS.rateLimitRetryMs),
      maxFramesPerSecond: atLeastOne("maxFramesPerSecond", options.maxFramesPerSecond, CLIENT_DEFAULTS.maxFramesPerSecond),
      onCallbackError: options.onCallbackError ?? ((err) => console.error("lattice client: a callback threw", err)),
    });
  }

  /** "connecting" (first attempt), "open", "reconnecting" (after a drop, until the next open), or "closed" (for good). */
  get state(): ConnectionState {
    return this.connection.state;
  }

  /** Why the client closed by itself (`unauthorized`, `forbidden`, or `disconnected` when retries ran out); undefined otherwise. */
  get error(): LatticeError | undefined {
    return this.connection.error;
  }

  /** Calls `listener` on every state change (with `error` once closed by the replica or out of retries); returns its unsubscribe. */
  onState(listener: (state: ConnectionState, error?: LatticeError) => void): () => void {
    return this.connection.onState(listener);
  }

  /** A handle on one entity. Cheap: it holds nothing open by itself. */
  entity(service: string, key: string): Entity {
    if (typeof service !== "string" || service.length === 0) throw new TypeError("service must be a non-empty string");
    if (typeof key !== "string") throw new TypeError("key must be a string");
    return new Entity(this.connection, service, key);
  }

  /**
   * Closes the socket and stops reconnecting. Requests not yet sent fail with `closed`, calls in
   * flight with `unknown_outcome`; subscriptions and streams stop without callbacks. Resolves
   * once the socket is closed.
   */
  close(): Promise<void> {
    return this.connection.close();
  }
}

/** One entity of one service. */
export class Entity {
  constructor(
    private readonly connection: Connection,
    readonly service: string,
    readonly key: string,
  ) {}

  /**
   * Runs `command` with `input` (default null) and resolves with its result, or rejects with a
   * LatticeError: a catalogue code from the replica, or `unknown_outcome` when the connection
   * dropped before the answer (the call may or may not have been applied), or `disconnected` /
   * `closed` when it was never sent. `R` is not checked: it is what you expect the command to return.
   */
  async call<R = unknown>(command: string, input: unknown = null): Promise<R> {
    const reply = await this.connection.request({ op: "call", service: this.service, key: this.key, command, input }, false);
    return (reply.result ?? null) as R;
  }

  /**
   * The entity's current state and version, without running any function (like GET
   * /v1/entities/{service}/{key}). It rides the WebSocket as a subscribe answered by its first
   * state and cancelled at once; a read in flight when the socket drops is sent again.
   */
  async get<S = unknown>(): Promise<EntityView<S>> {
    const reply = await this.connection.request({ op: "subscribe", service: this.service, key: this.key }, true);
    return { state: reply.state as S, version: reply.version as Version };
  }

  /**
   * Calls `onView` with the current state now and after every change, on this replica or any
   * other, until unsubscribed. After a reconnect it is called again with the current state
   * (changes made while disconnected arrive as one new state). Returns the unsubscribe function.
   */
  subscribe<S = unknown>(onView: (view: EntityView<S>) => void, options: SubscribeOptions = {}): () => void {
    const handle = this.connection.openChannel(
      { op: "subscribe", service: this.service, key: this.key },
      {
        opened: (reply) => onView({ state: reply.state as S, version: reply.version as Version }),
        push: (frame) => {
          if (frame.kind === "state") onView({ state: frame.state as S, version: frame.version });
        },
        ended: () => undefined,
        failed: (err) => options.onError?.(err),
      },
    );
    return () => {
      void handle.close();
    };
  }

  /**
   * Opens stream `name` with `input` and calls `onMessage` with each message. After a reconnect
   * the stream is opened again with the same input (its onOpen runs again on the replica, and its
   * onClose ran when the old socket went). It ends when the replica ends it (`onEnd`), fails
   * (`onError`), or you close it.
   */
  stream<M = unknown>(name: string, input: unknown, onMessage: (message: M) => void, options: StreamOptions = {}): StreamHandle {
    const handle = this.connection.openChannel(
      { op: "stream", service: this.service, key: this.key, stream: name, input: input ?? null },
      {
        opened: () => options.onOpen?.(),
        push: (frame) => {
          if (frame.kind === "message") onMessage(frame.message as M);
        },
        ended: (frame) => {
          try {
            if (frame.hasMessage) onMessage(frame.message as M);
          } finally {
            options.onEnd?.();
          }
        },
        failed: (err) => options.onError?.(err),
      },
    );
    return { close: () => handle.close() };
  }
}

/** Creates a client of the replica at `url` (http(s):// or ws(s)://; /v1/ws is added). It connects at once. */
export function createClient(url: string, options: ClientOptions = {}): LatticeClient {
  return new LatticeClient(url, options);
}
