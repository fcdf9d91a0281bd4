/**
 * The bare baselines of the client-API benchmarks, each run as its own process (forked with
 * ./child.ts), listening on 127.0.0.1 on a port of its choosing, which it sends to its parent
 * over IPC as `{port}`. It exits when the parent disconnects or on SIGTERM.
 *
 * - `fastify`: fastify 5 with its default JSON body parser and no logger;
 *   `POST /v1/entities/:service/:key/:command` answers `{"result": body}` (the URL shape and
 *   reply shape of a Lattice command, with no work behind it).
 * - `ws`: a bare `ws` WebSocketServer (no compression) that sends every message back as it came.
 */
import Fastify from "fastify";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import type { ServingChild } from "./serve-child.js";
import { serveChild } from "./serve-child.js";

async function main(): Promise<ServingChild> {
  const mode = process.argv[2];
  let close: () => Promise<void>;
  let port: number;
  if (mode === "fastify") {
    const app = Fastify({ logger: false });
    app.post("/v1/entities/:service/:key/:command", async (req) => ({ result: req.body ?? null }));
    await app.listen({ host: "127.0.0.1", port: 0 });
    port = (app.server.address() as AddressInfo).port;
    close = () => app.close();
  } else if (mode === "ws") {
    const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false });
    await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
    wss.on("connection", (socket) => {
      socket.on("message", (data, isBinary) => socket.send(data, { binary: isBinary }));
    });
    port = (wss.address() as AddressInfo).port;
    close = () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      });
  } else {
    throw new Error(`usage: echo-server fastify|ws (got ${String(mode)})`);
  }
  return { port, close };
}

serveChild("echo-server", main);
