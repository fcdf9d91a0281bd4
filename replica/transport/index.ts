/**
 * The replica's gossip transport (SPEC §6): the {@link Transport} contract, its WebSocket and
 * in-memory implementations, and the close-code and reason rules they share. The acceptance
 * suite is imported from `./acceptance.js` directly, so production code does not load `node:test`.
 *
 * @module
 */
export type { Connection, ConnectionHandlers, Transport } from "./transport.js";
export {
  createWsTransport,
  DEFAULT_CLOSE_TIMEOUT_MS,
  DEFAULT_HANDSHAKE_TIMEOUT_MS,
  DEFAULT_MAX_FRAME_BYTES,
  GOSSIP_PATH,
  type WsTransport,
  type WsTransportOptions,
} from "./ws-transport.js";
export {
  createMemoryNetwork,
  type LinkFaults,
  type MemoryNetwork,
  type MemoryNetworkOptions,
  type MemoryNetworkStats,
} from "./memory-transport.js";
export { isSendableCloseCode, MAX_CLOSE_REASON_BYTES, truncateReason } from "./connection-core.js";
