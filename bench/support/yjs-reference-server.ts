/**
 * The reference y-websocket server for bench/yjs.ts, as its own process (forked with ./child.ts
 * by ./yjs-servers.ts): `@y/websocket-server` 0.1.1's `setupWSConnection` behind a plain
 * `http` server and a `ws` WebSocketServer (no compression), the way the package's own
 * `src/server.js` wires them, on 127.0.0.1 and a port of the system's choosing. Persistence is
 * off (its default: YPERSISTENCE unset), and so is the update callback (CALLBACK_URL unset).
 *
 * The document name is the URL path without its leading slash, so the same provider URL as
 * Lattice's (`/v1/yjs/notes/<key>`) gives one document per key here too.
 *
 * IPC: sends `{port}` once listening; answers `{op: "memory", id}` with `{id, memory}` (after a
 * full GC when node runs with --expose-gc, so heap figures are live objects only). Exits when the
 * parent disconnects or on SIGTERM.
 */
import { docs, setupWSConnection } from "@y/websocket-server/utils";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import type { ServingChild } from "./serve-child.js";
import { serveChild } from "./serve-child.js";
import { answerMemoryRequests } from "./yjs-child-memory.js";

async function main(): Promise<ServingChild> {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("okay");
  });
  wss.on("connection", (socket, req) => setupWSConnection(socket, req));
  server.on("upgrade", (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  answerMemoryRequests(() => ({ documents: docs.size, cachedEntities: null }));
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}

serveChild("yjs-reference-server", main);
