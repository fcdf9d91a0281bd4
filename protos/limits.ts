// Default size limits of the wire protocols (SPEC §8; protos/PROTOCOL.md, "Size limits").
// Each is the default of a configurable option; the option itself lives with the code that
// enforces it. Also the range of client request ids, which the wire format fixes. No Node
// imports: the browser client uses this file.

/**
 * Client request ids (/v1/ws) run from 1 to 2^32 - 1: `id` and `sub` are uint32 in client.proto,
 * and the JSON form keeps to the same range so that either form can carry any request.
 */
export const MAX_CLIENT_REQUEST_ID = 0xffff_ffff;

/** Client WebSocket frame (/v1/ws), text or binary: 1 MiB. */
export const DEFAULT_CLIENT_FRAME_BYTES = 1024 * 1024;

/**
 * Client frames per second per /v1/ws connection: 200. The client SDK paces itself to it, so it
 * never meets the replica's refusal.
 */
export const DEFAULT_CLIENT_FRAMES_PER_SECOND = 200;

/** Requests awaiting their reply per /v1/ws connection: 64 (the SDK queues the rest). */
export const DEFAULT_CLIENT_IN_FLIGHT = 64;

/** Gossip frame (/v1/gossip) once the session is authenticated: 16 MiB. */
export const DEFAULT_GOSSIP_FRAME_BYTES = 16 * 1024 * 1024;

/** Gossip frame before the peer is authenticated (Hello, AuthProof, AuthResult): 64 KiB. */
export const GOSSIP_HANDSHAKE_FRAME_BYTES = 64 * 1024;

/** Incoming Yjs update: 4 MiB. */
export const DEFAULT_YJS_UPDATE_BYTES = 4 * 1024 * 1024;

/** Entity key, in UTF-8 bytes. */
export const DEFAULT_ENTITY_KEY_BYTES = 512;
