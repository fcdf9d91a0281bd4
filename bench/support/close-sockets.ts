/**
 * Closing the load generators' client sockets (./ws-load.ts, ./yjs-clients.ts) at the end of a run.
 */
import WebSocket from "ws";

/**
 * Closes every socket with a normal close and resolves once each has closed; a socket whose
 * server does not answer the close within `killAfterMs` is terminated, so that a stalled server
 * cannot hold the benchmark (or leave sockets open into the next run).
 */
export function closeSockets(sockets: Iterable<WebSocket>, killAfterMs = 2000): Promise<void> {
  const closing = [...sockets].map(
    (ws) =>
      new Promise<void>((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) {
          resolve();
          return;
        }
        const kill = setTimeout(() => ws.terminate(), killAfterMs);
        ws.once("close", () => {
          clearTimeout(kill);
          resolve();
        });
        ws.close(1000, "done");
      }),
  );
  return Promise.all(closing).then(() => undefined);
}
