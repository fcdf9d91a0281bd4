// WebSocket close codes shared by the server, the client SDK and the gossip layer
// (protos/PROTOCOL.md, "Close codes"). Scheme:
//   1000–1015  RFC 6455 codes, used with their standard meaning;
//   4000–4099  gossip session codes (/v1/gossip only);
//   4400–4599  request-level refusals on any socket: 4000 + the HTTP status of the matching error
//              code of SPEC §5 (4401 ↔ unauthorized 401, 4429 ↔ rate_limited 429, …).
// No Node imports: the browser client uses this file.

/** Close codes Lattice sends. */
export const CloseCode = {
  /** Normal closure: the client or the replica is done with the connection. */
  normal: 1000,
  /** Going away: the replica is shutting down (or not ready); reconnect, with backoff, elsewhere or later. */
  goingAway: 1001,
  /** Policy violation: a frame kind the endpoint never accepts (a text frame on /v1/gossip, a binary frame where only text is allowed). */
  policyViolation: 1008,
  /** Message too big: a frame over the endpoint's size limit (client 1 MiB, gossip 16 MiB, 64 KiB before gossip authentication). */
  messageTooBig: 1009,
  /** Try again later: /v1/yjs over a rate or buffer limit, or too many sockets from one address; the stock y-websocket client reconnects and resyncs. */
  tryAgainLater: 1013,

  /** Gossip: authentication failed (AuthProof did not verify, or a data frame before authentication). Refusal reason BAD_PROOF. */
  authFailed: 4001,
  /** Gossip: no protocol version in common, or an envelope in another version than agreed. Refusal reason VERSION_MISMATCH. */
  versionMismatch: 4002,
  /** Gossip: the peer claims the receiver's own replica id. Refusal reason SAME_REPLICA_ID. */
  sameReplicaId: 4003,
  /** Gossip: a second session with an already connected replica lost the tie-break. Refusal reason DUPLICATE_SESSION. */
  duplicateSession: 4004,

  /** Bad frame: undecodable bytes, invalid JSON, a frame with no usable id, a malformed handshake (MALFORMED). */
  badFrame: 4400,
  /** Unauthorized: no token or a bad token (SPEC §5). */
  unauthorized: 4401,
  /** Forbidden: the token is valid but `authorize` refused (SPEC §5). */
  forbidden: 4403,
  /** Not found: unknown service, or a service that is not a ydoc on /v1/yjs (SPEC §5). */
  notFound: 4404,
  /** Timeout: the handshake did not finish in time, or the peer stopped answering heartbeats (TIMEOUT). */
  timeout: 4408,
  /** Entity deleted: the Yjs document's entity was deleted (SPEC §4, entity_deleted). */
  entityDeleted: 4410,
  /** Payload too large: a /v1/yjs frame, Yjs update or awareness update over its limit (4xxx: the stock y-websocket client stops instead of resending it forever). */
  payloadTooLarge: 4413,
  /** Rate limited: more frames per second than the connection's limit (SPEC §8). */
  rateLimited: 4429,
  /** Internal error: an unexpected failure in the replica; reconnecting may succeed. */
  internal: 4500,
} as const;

/** One of the close codes Lattice sends. */
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes a peer may observe without Lattice sending them (set by the `ws` library or the browser). */
export const ObservedCloseCode = {
  /** Protocol error at the WebSocket layer (bad framing); sent by `ws`. */
  protocolError: 1002,
  /** No status code was present in the close frame. Never sent. */
  noStatus: 1005,
  /** The connection dropped without a close frame. Never sent. */
  abnormal: 1006,
  /** A text frame that is not valid UTF-8; sent by `ws`. */
  invalidPayload: 1007,
} as const;

const names = new Map<number, string>(
  [...Object.entries(CloseCode), ...Object.entries(ObservedCloseCode)].map(([name, code]) => [code, name]),
);

/** The camelCase name of a close code (`4429` → `"rateLimited"`), or undefined for unknown codes. */
export function closeCodeName(code: number): string | undefined {
  return names.get(code);
}

/** Whether a client should reconnect (with backoff) after the server closed with `code`. */
export function isRetryableClose(code: number): boolean {
  switch (code) {
    case CloseCode.unauthorized:
    case CloseCode.forbidden:
    case CloseCode.notFound:
    case CloseCode.entityDeleted:
    case CloseCode.badFrame:
    case CloseCode.policyViolation:
    case CloseCode.messageTooBig:
    case CloseCode.payloadTooLarge:
    case CloseCode.authFailed:
    case CloseCode.versionMismatch:
    case CloseCode.sameReplicaId:
    case CloseCode.normal:
      return false;
    default:
      return true;
  }
}
