import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { createServer as createNetServer, type AddressInfo, type Socket } from "node:net";
import type { Duplex } from "node:stream";
import { after, describe, it } from "node:test";
import { WebSocketServer, type WebSocket } from "ws";
import { CloseCode, ObservedCloseCode } from "../../protos/close-codes.js";
import { eventually, InboundQueue, Probe, runTransportAcceptanceTests, sleep } from "./acceptance.js";
import { createWsTransport, DEFAULT_MAX_FRAME_BYTES, GOSSIP_PATH, type WsTransport, type WsTransportOptions } from "./ws-transport.js";

/** An HTTP server on 127.0.0.1 that upgrades /v1/gossip like the fastify app will. */
interface GossipServer {
  readonly url: string;
  readonly wss: WebSocketServer;
  /** Paths of the upgrade requests seen, in order. */
  readonly paths: string[];
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * Serves /v1/gossip: each upgraded socket goes to `onSocket` (by default the transport's
 * accept), every other upgrade is refused with 404.
 */
async function gossipServer(maxPayload: number, onSocket: (ws: WebSocket, req: IncomingMessage) => void): Promise<GossipServer> {
  const server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true, maxPayload, perMessageDeflate: false });
  const paths: string[] = [];
  const sockets = new Set<Duplex>();
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    paths.push(req.url ?? "");
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    if (req.url !== GOSSIP_PATH) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws, req));
  });
  const url = await listen(server);
  return {
    url,
    wss,
    paths,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A URL on 127.0.0.1 where nothing listens (the port was just released). */
async function deadUrl(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return url;
}

interface Setup {
  readonly a: WsTransport;
  readonly b: WsTransport;
  readonly server: GossipServer;
  readonly errors: unknown[];
  readonly teardown: () => Promise<void>;
}

async function setupPair(options: WsTransportOptions = {}): Promise<Setup> {
  const errors: unknown[] = [];
  const opts = { ...options, onError: (err: unknown) => errors.push(err) };
  const a = createWsTransport(opts);
  const b = createWsTransport(opts);
  const server = await gossipServer(b.maxFrameBytes, (ws, req) => b.accept(ws, req.socket.remoteAddress ?? "unknown"));
  return {
    a,
    b,
    server,
    errors,
    async teardown() {
      await a.close();
      await b.close();
      await server.close();
    },
  };
}

runTransportAcceptanceTests("WsTransport", async () => {
  const { a, b, server, errors, teardown } = await setupPair();
  return { a, b, urlB: server.url, nowhere: await deadUrl(), errors, teardown };
});

describe("WsTransport specifics", () => {
  const cleanups: Array<() => Promise<void>> = [];
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });
  const pair = async (options: WsTransportOptions = {}): Promise<Setup> => {
    const setup = await setupPair(options);
    cleanups.push(setup.teardown);
    return setup;
  };

  it("defaults to the 16 MiB gossip frame limit of SPEC §8", () => {
    assert.equal(DEFAULT_MAX_FRAME_BYTES, 16 * 1024 * 1024);
    assert.equal(createWsTransport().maxFrameBytes, DEFAULT_MAX_FRAME_BYTES);
  });

  it("dials <base URL>/v1/gossip, with or without a trailing slash", async () => {
    const { a, b, server } = await pair();
    new InboundQueue(b, (conn) => conn.start(new Probe()));
    for (const url of [server.url, `${server.url}/`]) {
      const probe = new Probe();
      a.dial(url).start(probe);
      await probe.untilOpen();
    }
    assert.deepEqual(server.paths, [GOSSIP_PATH, GOSSIP_PATH]);
  });

  it("a frame over maxFrameBytes from the listener closes the dialer's connection with 1009", async () => {
    const { a, b, server } = await pair({ maxFrameBytes: 1024 });
    const inbound = new InboundQueue(b);
    const dp = new Probe();
    a.dial(server.url).start(dp);
    const listener = await inbound.nth(0);
    const lp = new Probe();
    listener.start(lp);
    await dp.untilOpen();
    listener.send(new Uint8Array(1024)); // at the limit: fine
    listener.send(new Uint8Array(1025));
    assert.equal((await dp.untilClosed()).code, CloseCode.messageTooBig);
    assert.equal((await lp.untilClosed()).code, CloseCode.messageTooBig);
    assert.equal(dp.frames.length, 1);
  });

  it("a frame over maxFrameBytes from the dialer closes the listener's connection with 1009", async () => {
    const { a, b, server } = await pair({ maxFrameBytes: 1024 });
    const inbound = new InboundQueue(b, (conn) => conn.start(lp));
    const lp = new Probe();
    const dp = new Probe();
    const dialer = a.dial(server.url);
    dialer.start(dp);
    await dp.untilOpen();
    await inbound.nth(0);
    dialer.send(new Uint8Array(4096));
    assert.equal((await lp.untilClosed()).code, CloseCode.messageTooBig);
    assert.equal((await dp.untilClosed()).code, CloseCode.messageTooBig);
    assert.equal(lp.frames.length, 0);
  });

  it("an accepted socket whose server allows larger frames is still held to maxFrameBytes", async () => {
    const b = createWsTransport({ maxFrameBytes: 1024 });
    const a = createWsTransport();
    const server = await gossipServer(1 << 20, (ws) => b.accept(ws, "peer"));
    cleanups.push(async () => {
      await a.close();
      await b.close();
      await server.close();
    });
    const lp = new Probe();
    new InboundQueue(b, (conn) => conn.start(lp));
    const dp = new Probe();
    const dialer = a.dial(server.url);
    dialer.start(dp);
    await dp.untilOpen();
    dialer.send(new Uint8Array(2048));
    assert.equal((await dp.untilClosed()).code, CloseCode.messageTooBig);
    assert.equal(lp.frames.length, 0);
  });

  it("a text frame is a protocol violation: the connection closes with 1008", async () => {
    let serverSide: WebSocket | undefined;
    const serverCloses: number[] = [];
    const server = await gossipServer(1024, (ws) => {
      serverSide = ws;
      ws.on("close", (code) => serverCloses.push(code));
      ws.send("hello, I speak JSON");
    });
    const a = createWsTransport();
    cleanups.push(async () => {
      await a.close();
      await server.close();
    });
    const dp = new Probe();
    a.dial(server.url).start(dp);
    const closed = await dp.untilClosed();
    assert.equal(closed.code, CloseCode.policyViolation);
    assert.equal(dp.frames.length, 0);
    assert.ok(serverSide !== undefined);
    await eventually(() => serverCloses.length > 0, "the server side to close");
    assert.deepEqual(serverCloses, [CloseCode.policyViolation]);
  });

  it("an unparsable URL closes with 1006 exactly once instead of throwing", async () => {
    const a = createWsTransport();
    cleanups.push(() => a.close());
    const probe = new Probe();
    a.dial("not a url").start(probe);
    const closed = await probe.untilClosed();
    assert.equal(closed.code, ObservedCloseCode.abnormal);
    assert.match(closed.reason, /invalid url/i);
    await sleep(20);
    assert.equal(probe.events.length, 1);
  });

  it("an HTTP refusal of the upgrade closes with 1006 and the server's status in the reason", async () => {
    const server = await gossipServer(1024, (ws) => ws.close());
    const a = createWsTransport();
    cleanups.push(async () => {
      await a.close();
      await server.close();
    });
    const probe = new Probe();
    a.dial(`${server.url}/elsewhere`).start(probe); // dials /elsewhere/v1/gossip: 404
    const closed = await probe.untilClosed();
    assert.equal(closed.code, ObservedCloseCode.abnormal);
    assert.match(closed.reason, /404/);
    await sleep(20);
    assert.equal(probe.events.length, 1);
  });

  it("a peer that never answers the opening handshake closes with 1006 after handshakeTimeout", async () => {
    const held = new Set<Socket>();
    const silent = createNetServer((socket) => {
      held.add(socket);
      socket.on("close", () => held.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const a = createWsTransport({ handshakeTimeout: 200 });
    cleanups.push(async () => {
      await a.close();
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const probe = new Probe();
    const started = Date.now();
    a.dial(`ws://127.0.0.1:${(silent.address() as AddressInfo).port}`).start(probe);
    const closed = await probe.untilClosed();
    const elapsed = Date.now() - started;
    assert.equal(closed.code, ObservedCloseCode.abnormal);
    assert.match(closed.reason, /timed out/i);
    assert.ok(elapsed >= 150 && elapsed < 3000, `${elapsed} ms`);
  });

  it("close() terminates a peer that does not answer the closing handshake, after closeTimeoutMs", async () => {
    let serverSide: WebSocket | undefined;
    const server = await gossipServer(1024, (ws) => {
      serverSide = ws;
      ws.on("error", () => {});
      // A peer that stopped reading: the close frame is never seen, so never answered.
      ws.pause();
    });
    const a = createWsTransport({ closeTimeoutMs: 100 });
    cleanups.push(() => server.close());
    const probe = new Probe();
    a.dial(server.url).start(probe);
    await probe.untilOpen();
    assert.ok(serverSide !== undefined);
    const started = Date.now();
    await a.close();
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 80 && elapsed < 2000, `${elapsed} ms`);
    assert.deepEqual(probe.closes, [{ code: CloseCode.goingAway, reason: "going away" }]);
  });

  it("accept() after close() refuses the socket with 1001", async () => {
    const a = createWsTransport();
    const b = createWsTransport();
    await b.close();
    const server = await gossipServer(1024, (ws) => b.accept(ws, "peer"));
    cleanups.push(async () => {
      await a.close();
      await server.close();
    });
    b.onInbound(() => assert.fail("a closed transport must not hand out connections"));
    const probe = new Probe();
    a.dial(server.url).start(probe);
    assert.equal((await probe.untilClosed()).code, CloseCode.goingAway);
  });

  it("accept() of a socket that already closed reports 1006 instead of waiting forever", async () => {
    const b = createWsTransport();
    let accepted: Promise<void> | undefined;
    const probe = new Probe();
    const server = await gossipServer(1024, (ws) => {
      ws.terminate();
      // Hand it over only once it is closed, as a slow server might.
      accepted = new Promise((resolve) =>
        ws.once("close", () => {
          b.onInbound((conn) => conn.start(probe));
          b.accept(ws, "peer");
          resolve();
        }),
      );
    });
    const a = createWsTransport();
    cleanups.push(async () => {
      await a.close();
      await b.close();
      await server.close();
    });
    a.dial(server.url).start(new Probe());
    await eventually(() => accepted !== undefined, "the upgrade");
    await accepted;
    assert.equal((await probe.untilClosed()).code, ObservedCloseCode.abnormal);
  });
});
