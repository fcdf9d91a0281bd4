/**
 * How replicas reach each other: a small interface with a WebSocket implementation (production)
 * and an in-memory one (simulation, tests), in the manner of automerge-repo's network adapters.
 * Frames are opaque bytes (encoded replica.proto Envelopes); the peer session above decodes them.
 *
 * Both implementations pass the same acceptance suite (./acceptance.ts), which is the executable
 * form of the contract documented here.
 */
export interface ConnectionHandlers {
  /** The connection is open and frames can flow (dialed connections start closed). */
  open(): void;
  /** One binary frame, as a plain Uint8Array (never a Buffer) that the receiver may keep. */
  message(frame: Uint8Array): void;
  /**
   * Called exactly once, and last, whether the peer, the network or this side closed the
   * connection. When this side closed it first, `code` and `reason` are the ones it gave; a
   * connection that dropped or never opened reports 1006 with a human-readable reason.
   *
   * A handler never throws into the transport: an exception from `open` or `message` is reported
   * (through the implementation's `onError` option) and closes the connection with 4500; one
   * from `close` is only reported.
   */
  close(code: number, reason: string): void;
}

export interface Connection {
  /** Which side opened it: the dialer or the listener. */
  readonly role: "dialer" | "listener";
  /** Where it goes (dialer: the URL dialed) or comes from (listener: the remote address). */
  readonly remote: string;
  /**
   * Installs the handlers; frames and events before this call are buffered, never lost, and
   * delivered in order after `start` returns (never inside the call, so the caller can finish
   * setting up first). Calling it twice throws.
   */
  start(handlers: ConnectionHandlers): void;
  /**
   * Queues a frame; returns false (and drops it) when the connection is not open, including
   * once this side has called `close`. True means queued, not delivered. The caller may reuse
   * `frame` as soon as `send` returns.
   */
  send(frame: Uint8Array): boolean;
  /** Bytes queued but not yet handed to the network: backpressure for the gossip queues. */
  bufferedAmount(): number;
  /**
   * Closes with a code from protos/close-codes.ts; a code that cannot be sent in a close frame
   * (1005, 1006, 1015, outside 1000–4999) throws a RangeError. `reason` is cut to 123 bytes of
   * UTF-8 (the WebSocket limit). Frames arriving afterwards are discarded.
   */
  close(code: number, reason: string): void;
  /** Drops the connection without a closing handshake (a peer that stopped answering): 1006 on both sides. */
  terminate(): void;
}

export interface Transport {
  /**
   * Opens a connection to a peer's base URL (such as ws://10.0.0.2:8080). Never throws: a dial
   * that cannot even start (a malformed URL, a closed transport) closes asynchronously instead.
   */
  dial(url: string): Connection;
  /**
   * Registers the handler for connections peers open to this replica (a later call replaces it).
   * While none is registered, inbound connections are refused with 1001.
   */
  onInbound(handler: (conn: Connection) => void): void;
  /**
   * Closes every connection (1001) and releases listeners; resolves once the connections are
   * closed. Later dials close at once, later inbound connections are refused.
   */
  close(): Promise<void>;
}
