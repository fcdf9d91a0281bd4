import { truncateReason } from "../../replica/transport/index.js";

/** What a client session needs of its WebSocket (the `ws` WebSocket satisfies it). */
export interface ClientSocket {
  send(data: string | Uint8Array): void;
  close(code: number, reason: string): void;
  /** Drops the connection without a closing handshake. */
  terminate(): void;
  readonly bufferedAmount: number;
  /** Stops reading frames (backpressure while commits are pending); optional. */
  pause?(): void;
  resume?(): void;
}

/** Raw data of a `ws` message event. */
export type RawData = Buffer | ArrayBuffer | Buffer[];

/** The bytes of a `ws` message event (no copy unless it came in fragments). */
export function bytesOf(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/**
 * Closes a client socket with `code`. The reason is cut to the 123 bytes of UTF-8 a close frame
 * holds (`ws` throws on a longer one, and reasons quote client-chosen names and messages); if
 * closing still throws, the socket is dropped, so that a refused socket never stays open.
 */
export function closeSocket(socket: Pick<ClientSocket, "close" | "terminate">, code: number, reason: string, log: { debug: (o: object, m: string) => void }): void {
  try {
    socket.close(code, truncateReason(reason));
  } catch (err) {
    log.debug({ err }, "closing a client socket failed; dropping it");
    socket.terminate();
  }
}
