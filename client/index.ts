/**
 * The Lattice client SDK (SPEC §5) for browsers and Node: calls, reads, subscriptions and streams
 * over one reconnecting /v1/ws WebSocket, with typed errors. No Node-only imports: in Node 20 pass
 * the `ws` package's WebSocket as an option.
 *
 * @example
 * import { createClient, LatticeError } from "lattice/client";
 * const client = createClient("http://127.0.0.1:8080", { WebSocket });
 * const result = await client.entity("cart", "u1").call("addItem", { productId: "p1", quantity: 1 });
 *
 * @module
 */
export { createClient, CLIENT_DEFAULTS, Entity, LatticeClient } from "./client.js";
export type { ClientOptions, ConnectionState, EntityView, StreamHandle, StreamOptions, SubscribeOptions } from "./client.js";
export { DEFAULT_RECONNECT } from "./backoff.js";
export type { ReconnectOptions } from "./backoff.js";
export type { TokenSource } from "./connection.js";
export { CLIENT_ERROR_CODES, isLatticeError, LatticeError, SERVER_ERROR_CODES } from "./errors.js";
export type { ClientErrorCode, ErrorCode, ServerErrorCode } from "./errors.js";
export type { Version } from "./frames.js";
export type { WebSocketConstructor, WebSocketLike } from "./socket.js";
