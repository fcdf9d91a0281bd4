/**
 * The part of a WebSocket the SDK uses: what the browser's WebSocket and the `ws` package's both
 * offer. Declared here instead of relying on DOM typings, so the SDK type-checks under the
 * project's Node-only `lib` and accepts either implementation.
 */

/**
 * An event handler whose parameter is checked bivariantly (method syntax), so that handlers typed
 * with the browser's or `ws`'s own event classes fit.
 */
type Handler<E> = { bivarianceHack(event: E): void }["bivarianceHack"];

export interface MessageEventLike {
  /** A string for text frames; the SDK only ever receives text frames. */
  readonly data: unknown;
}

export interface CloseEventLike {
  readonly code: number;
  readonly reason: string;
}

export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed (the WebSocket standard's values). */
  readonly readyState: number;
  send(data: string): void;
  /** Browsers accept only 1000 and 3000–4999 as `code`. */
  close(code?: number, reason?: string): void;
  onopen: Handler<unknown> | null;
  onmessage: Handler<MessageEventLike> | null;
  onclose: Handler<CloseEventLike> | null;
  onerror: Handler<unknown> | null;
}

/** A WebSocket constructor: the browser's global `WebSocket`, or `WebSocket` from the `ws` package in Node. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

export const OPEN = 1;

/** The global WebSocket (browsers, Node 22+, Deno, Bun), if there is one. */
export function globalWebSocket(): WebSocketConstructor | undefined {
  const g = globalThis as { WebSocket?: WebSocketConstructor };
  return typeof g.WebSocket === "function" ? g.WebSocket : undefined;
}

/** A handler that does nothing: detached sockets keep one, since `ws` throws on an 'error' event nobody listens to. */
export const ignore = (): void => undefined;
