import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyBaseLogger } from "fastify";
import { Registry } from "prom-client";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { CloseCode } from "../../protos/close-codes.js";
import { Replica } from "../../replica/replica.js";
import { MemoryStore } from "../../replica/storage/memory-store.js";
import type { ClientSocket } from "./client-socket.js";
import { DEFAULT_API_LIMITS } from "./limits.js";
import { YjsHub } from "./yjs-hub.js";
import { YjsMessageType, decodeYjsMessage, encodeAwarenessMessage } from "./yjs-messages.js";
import { YjsMetrics } from "./yjs-metrics.js";
import { YjsSession } from "./yjs-session.js";

const noop = (): void => undefined;
const log: FastifyBaseLogger = { level: "silent", fatal: noop, error: noop, warn: noop, info: noop, debug: noop, trace: noop, silent: noop, child: () => log };

/** A socket that records what the session does with it; `bufferedAmount` is set by the test. */
class FakeSocket implements ClientSocket {
  readonly sent: Uint8Array[] = [];
  closed: { code: number; reason: string } | undefined;
  bufferedAmount = 0;
  send(data: string | Uint8Array): void {
    if (typeof data === "string") throw new Error("y-websocket frames are binary");
    this.sent.push(data);
  }
  close(code: number, reason: string): void {
    this.closed ??= { code, reason };
  }
  terminate(): void {
    this.closed ??= { code: 1006, reason: "" };
  }
}

/** The awareness states a client learns from the frames `socket` was sent. */
function statesHeard(socket: FakeSocket): Map<number, unknown> {
  const doc = new Y.Doc();
  const aw = new Awareness(doc);
  aw.setLocalState(null);
  for (const frame of socket.sent) {
    const msg = decodeYjsMessage(frame);
    if (msg.kind === "awareness") applyAwarenessUpdate(aw, msg.update, "server");
  }
  const states = new Map(aw.getStates());
  aw.destroy();
  doc.destroy();
  return states;
}

function awarenessFrame(clientID: number, state: Record<string, unknown>): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const aw = new Awareness(doc);
  aw.setLocalState(state);
  const frame = encodeAwarenessMessage(encodeAwarenessUpdate(aw, [clientID]));
  aw.destroy();
  doc.destroy();
  return frame;
}

describe("YjsSession", () => {
  let replica: Replica;
  let hub: YjsHub;
  const registry = new Registry();
  const limits = { ...DEFAULT_API_LIMITS, maxBufferedBytes: 1024 };

  before(async () => {
    replica = await Replica.open({ store: new MemoryStore() });
    hub = new YjsHub({
      replica,
      gossip: undefined,
      isYdocService: () => true,
      maxKeyBytes: 1024,
      maxAwarenessBytes: limits.maxYjsAwarenessBytes,
      maxAwarenessClients: limits.maxYjsAwarenessClients,
      awarenessGossipMs: limits.yjsAwarenessGossipMs,
      metrics: new YjsMetrics(registry),
      log,
    });
  });

  after(async () => {
    hub.close();
    await replica.close();
  });

  /** Documents with members here (the hub's gauge). */
  async function openDocuments(): Promise<number> {
    const metric = await registry.getSingleMetric("lattice_yjs_documents")?.get();
    return metric?.values[0]?.value ?? Number.NaN;
  }

  function open(): { socket: FakeSocket; session: YjsSession } {
    const socket = new FakeSocket();
    const session = new YjsSession(socket, { hub, limits, metrics: new YjsMetrics(new Registry()), log, now: () => 0 });
    return { socket, session };
  }

  it("a client that stops reading leaves the document at once, before its socket is dropped: its cursor goes for everyone", async () => {
    const ref = { service: "notes", key: "slow-reader" };
    const slow = open();
    const other = open();
    await slow.session.start(ref, false);
    await other.session.start(ref, false);
    slow.session.receive(Buffer.from(awarenessFrame(101, { user: "slow" })), true);
    assert.deepEqual(statesHeard(other.socket).get(101), { user: "slow" });

    // The slow client's buffer is full: the next broadcast to it (the other client's cursor) closes it.
    slow.socket.bufferedAmount = limits.maxBufferedBytes + 1;
    other.session.receive(Buffer.from(awarenessFrame(202, { user: "other" })), true);
    assert.equal(slow.socket.closed?.code, CloseCode.tryAgainLater);
    await Promise.resolve();

    // `ws` has not reported the close (no dispose), yet the slow client's cursor is gone here.
    assert.equal(statesHeard(other.socket).has(101), false);
    assert.deepEqual(statesHeard(other.socket).get(202), { user: "other" });
    const removal = other.socket.sent.at(-1);
    assert.equal(removal?.[0], YjsMessageType.awareness);
    // The close event arriving later changes nothing more.
    const frames = other.socket.sent.length;
    slow.session.dispose();
    assert.equal(other.socket.sent.length, frames);
    assert.equal(await openDocuments(), 1);
    other.session.dispose();
    assert.equal(await openDocuments(), 0);
  });

  it("a session closed while its document loads never stays in the room", async () => {
    const ref = { service: "notes", key: "closed-while-loading" };
    const early = open();
    const joining = early.session.start(ref, false);
    early.session.terminate(CloseCode.goingAway, "bye");
    await joining;
    assert.equal(early.socket.sent.length, 0);
    assert.equal(await openDocuments(), 0);
  });
});
