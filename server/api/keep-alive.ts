import type { WebSocket } from "ws";

/**
 * WebSocket pings every `intervalMs`; a client that has not answered the previous one is dropped
 * (a socket whose peer vanished without a FIN would otherwise hold its subscriptions, streams or
 * awareness forever). A socket the server paused (backpressure while its writes commit) reads
 * nothing, pongs included, so it is neither pinged nor judged until it resumes. Returns the
 * teardown: the timer and the pong listener.
 */
export function keepAlive(socket: WebSocket, intervalMs: number, log: { debug: (o: object, m: string) => void }): () => void {
  let alive = true;
  const onPong = (): void => {
    alive = true;
  };
  socket.on("pong", onPong);
  const ping = setInterval(() => {
    if (socket.isPaused) return;
    if (!alive) {
      socket.terminate();
      return;
    }
    alive = false;
    try {
      socket.ping();
    } catch (err) {
      log.debug({ err }, "ping failed");
    }
  }, intervalMs);
  return () => {
    clearInterval(ping);
    socket.off("pong", onPong);
  };
}

/**
 * What every accepted client socket (/v1/ws, /v1/yjs) needs for its lifetime: its frames handed
 * to `onMessage`, keepAlive, and the cancel of its token-expiry timer, the last two undone when
 * the socket closes, before `onClose` runs.
 */
export function superviseSocket(
  socket: WebSocket,
  opts: {
    intervalMs: number;
    log: { debug: (o: object, m: string) => void };
    onMessage: (data: WebSocket.RawData, isBinary: boolean) => void;
    cancelExpiry: () => void;
    onClose: () => void;
  },
): void {
  // Attached in the upgrade's own turn: `ws` drops frames that arrive while a socket has no listener.
  socket.on("message", opts.onMessage);
  const stopPings = keepAlive(socket, opts.intervalMs, opts.log);
  socket.on("close", () => {
    stopPings();
    opts.cancelExpiry();
    opts.onClose();
  });
}
