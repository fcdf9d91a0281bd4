import { DEFAULT_CLIENT_FRAME_BYTES, DEFAULT_CLIENT_FRAMES_PER_SECOND, DEFAULT_CLIENT_IN_FLIGHT } from "../../protos/limits.js";

/**
 * The limits of the client API (SPEC §8). Each is an option (`startNode(config, {limits})`, or
 * `LATTICE_LIMITS=name=value,…`) with a default; the comment says why the default is what it is.
 * docs/api.md lists them for operators.
 */
export interface ApiLimits {
  /**
   * Largest HTTP request body in bytes; larger bodies are `payload_too_large` (413). Default 1 MiB
   * (SPEC §8): far above any command input a person types, small enough that a burst of
   * concurrent uploads cannot exhaust memory.
   */
  readonly maxBodyBytes: number;
  /**
   * Largest /v1/ws frame, text or binary, in bytes; a larger frame closes the socket with 1009.
   * Default 1 MiB (SPEC §8; the `ws` default of 100 MiB is far too large).
   */
  readonly maxFrameBytes: number;
  /**
   * Deepest nesting of arrays and objects in a command or stream input; deeper input is
   * `invalid_input`. Default 64: deeper than any real document, and it keeps recursive code
   * (schema validation, canonical encoding, handlers) far from the stack limit.
   */
  readonly maxInputDepth: number;
  /**
   * Frames a /v1/ws connection may send per second (token bucket, burst of the same size). A frame
   * over the rate is refused with `rate_limited`; a full second's worth of refused frames in a row
   * closes the socket with 4429. Default 200: ample for typing, cursors and presence, while one
   * socket cannot keep a replica busy.
   */
  readonly maxFramesPerSecond: number;
  /**
   * Calls, subscribes and stream opens a /v1/ws connection may have awaiting a reply; one more is
   * refused with `rate_limited`. Default 64: enough to pipeline, and it bounds the work one socket
   * can queue on entities (commands on one entity run one at a time).
   */
  readonly maxInFlight: number;
  /**
   * Open subscriptions plus streams per /v1/ws connection; one more is refused with
   * `rate_limited`. Default 1024: a page may watch many entities, but each one pins an entity in
   * the replica's cache, so one socket cannot pin an unbounded number.
   */
  readonly maxSubscriptions: number;
  /**
   * Bytes a /v1/ws connection may have queued for sending; past this the client is not reading
   * and the socket is closed with 4429. Default 16 MiB: room for several maximum-size frames, but a
   * stalled client cannot make the replica buffer without bound.
   */
  readonly maxBufferedBytes: number;
  /**
   * Interval of WebSocket pings on /v1/ws; a client that has not answered the previous ping by the
   * next one is dropped. Default 30 s: a client that vanished without closing (no FIN) is noticed
   * within a minute, so its streams' onClose runs (presence goes offline).
   */
  readonly pingIntervalMs: number;
  /**
   * Interval of SSE heartbeat comments. Default 15 s: well under the idle timeouts of common
   * proxies and load balancers (nginx 60 s, AWS ALB 60 s), so they keep the stream open.
   */
  readonly sseHeartbeatMs: number;
  /**
   * Largest /v1/yjs frame in bytes; a larger frame closes the socket with 4413. Default 4 MiB +
   * 1 KiB: one update of the largest size (maxYjsUpdateBytes) plus its framing.
   */
  readonly maxYjsFrameBytes: number;
  /**
   * Largest Yjs update (sync step 2 or update) a /v1/yjs client may send; a larger one closes the
   * socket with 4413 and changes nothing. Default 4 MiB (SPEC §8): a long document pasted at once
   * fits, while one update cannot stall the replica applying it.
   */
  readonly maxYjsUpdateBytes: number;
  /**
   * Largest awareness update a /v1/yjs client may send; larger closes the socket with 4413.
   * Default 64 KiB: a cursor and a user name take a few hundred bytes, and the stock client
   * answers a query-awareness with every state it knows, which in a crowded room is tens of KiB.
   */
  readonly maxYjsAwarenessBytes: number;
  /**
   * Awareness changes a /v1/yjs connection may make per second (token bucket, burst of the same
   * size); more are dropped (the client's next change or 15-s renewal carries its whole state).
   * Default 60: a cursor that follows every keystroke or animation frame, while one client cannot
   * make every other client of the document redraw without bound.
   */
  readonly maxYjsAwarenessPerSecond: number;
  /**
   * Awareness clients one /v1/yjs connection may hold states for; records that would add more
   * are dropped. Default 8: the stock client holds one (its own), and without a cap one socket
   * could fill a document's awareness, and every newcomer's first message, with made-up clients.
   */
  readonly maxYjsAwarenessClients: number;
  /**
   * Frames a /v1/yjs connection may send per second. An awareness frame over the rate is dropped;
   * a sync frame over it, or a full second's worth of frames over it, closes the socket with 1013
   * (the stock client reconnects and resyncs, so no edit is lost). Default 1000: the stock client
   * sends every awareness change it hears back to the server, so in a busy document it sends as
   * many frames as all other clients together.
   */
  readonly maxYjsFramesPerSecond: number;
  /**
   * Open /v1/yjs sockets per client IP address; one more is closed with 1013 (retried). The stock
   * client opens one socket per document, so this is the per-client cap on open documents.
   * Default 1024: many tabs times many documents, and users behind one NAT, while one address
   * cannot pin an unbounded number of documents in memory.
   */
  readonly maxYjsSocketsPerIp: number;
  /**
   * Awareness changes of local clients are coalesced per document and sent to peer replicas at
   * most once per this many ms. Default 100: cursors in another region lag by at most a tenth of
   * a second, and a typing crowd costs each peer link at most 10 messages per second per document.
   */
  readonly yjsAwarenessGossipMs: number;
}

export const DEFAULT_API_LIMITS: ApiLimits = {
  maxBodyBytes: 1024 * 1024,
  maxFrameBytes: DEFAULT_CLIENT_FRAME_BYTES,
  maxInputDepth: 64,
  maxFramesPerSecond: DEFAULT_CLIENT_FRAMES_PER_SECOND,
  maxInFlight: DEFAULT_CLIENT_IN_FLIGHT,
  maxSubscriptions: 1024,
  maxBufferedBytes: 16 * 1024 * 1024,
  pingIntervalMs: 30_000,
  sseHeartbeatMs: 15_000,
  maxYjsFrameBytes: 4 * 1024 * 1024 + 1024,
  maxYjsUpdateBytes: 4 * 1024 * 1024,
  maxYjsAwarenessBytes: 64 * 1024,
  maxYjsAwarenessPerSecond: 60,
  maxYjsAwarenessClients: 8,
  maxYjsFramesPerSecond: 1000,
  maxYjsSocketsPerIp: 1024,
  yjsAwarenessGossipMs: 100,
};

/** The limit names, for parsing LATTICE_LIMITS. */
export const API_LIMIT_NAMES = Object.keys(DEFAULT_API_LIMITS) as (keyof ApiLimits)[];
