/**
 * The connection against a scripted socket playing the replica, for answers a real replica does
 * not give on demand: rate_limited refusals at chosen moments (each refusal waits its own
 * rateLimitRetryMs, counted from when that refusal arrived, and close() leaves no retry timer
 * behind), and subscribe replies without the view.
 */
import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import type { LatticeClient, LatticeError } from "./index.js";
import { createClient, isLatticeError } from "./index.js";
import type { CloseEventLike, MessageEventLike, WebSocketConstructor, WebSocketLike } from "./socket.js";

type Frame = Readonly<Record<string, unknown>>;

interface Timed {
  readonly frame: Frame;
  /** performance.now() when the frame left the client, or reached it. */
  readonly at: number;
}

/**
 * A WebSocket class whose "replica" is `answer`: every frame the client sends is recorded and
 * answered with what `answer` returns, one event-loop turn later, as a network would.
 */
function scriptedReplica(answer: (frame: Frame) => Frame): { WebSocket: WebSocketConstructor; sent: Timed[]; delivered: Timed[] } {
  const sent: Timed[] = [];
  const delivered: Timed[] = [];
  class ScriptedSocket implements WebSocketLike {
    readyState = 0;
    onopen: ((event: unknown) => void) | null = null;
    onmessage: ((event: MessageEventLike) => void) | null = null;
    onclose: ((event: CloseEventLike) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;

    constructor(_url: string) {
      setImmediate(() => {
        this.readyState = 1;
        this.onopen?.({});
      });
    }

    send(data: string): void {
      const frame = JSON.parse(data) as Frame;
      sent.push({ frame, at: performance.now() });
      const reply = answer(frame);
      setImmediate(() => {
        if (this.readyState !== 1) return;
        delivered.push({ frame: reply, at: performance.now() });
        this.onmessage?.({ data: JSON.stringify(reply) });
      });
    }

    close(code = 1000, reason = ""): void {
      if (this.readyState === 3) return;
      this.readyState = 3;
      setImmediate(() => this.onclose?.({ code, reason }));
    }
  }
  return { WebSocket: ScriptedSocket, sent, delivered };
}

const rateLimited = (id: unknown): Frame => ({ id, ok: false, error: { code: "rate_limited", message: "too many frames" } });

/** The connection probe is a cancel of its own id; a real cancel names an earlier request. */
const isProbe = (f: Frame): boolean => f.op === "cancel" && f.sub === f.id;

const RETRY_MS = 200;
/** Long enough after the first refusal that a timer shared with it would fire far too early for the second. */
const SECOND_REFUSAL_AFTER_MS = 120;

const teardown: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const t of teardown.splice(0).reverse()) await t();
});

function client(WebSocket: WebSocketConstructor): LatticeClient {
  const c = createClient("ws://replica.test", { WebSocket, rateLimitRetryMs: RETRY_MS });
  teardown.push(() => c.close());
  return c;
}

async function until(what: string, pred: () => boolean, timeoutMs = 5_000): Promise<void> {
  const start = performance.now();
  while (!pred()) {
    if (performance.now() - start > timeoutMs) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * For each refusal in `delivered`, how long after it arrived the client sent the same request
 * again (`same` tells which later frame that is).
 */
function retryDelays(sent: readonly Timed[], delivered: readonly Timed[], same: (refused: Frame, later: Frame) => boolean): number[] {
  const delays: number[] = [];
  for (const refusal of delivered) {
    if (refusal.frame.ok !== false) continue;
    const refused = sent.find((s) => s.frame.id === refusal.frame.id);
    assert.ok(refused, "a refusal answers a sent frame");
    const again = sent.find((s) => s.at >= refusal.at && s !== refused && same(refused.frame, s.frame));
    assert.ok(again, `${JSON.stringify(refused.frame)} was sent again`);
    delays.push(again.at - refusal.at);
  }
  return delays;
}

describe("client retries after rate_limited", () => {
  it("a subscribe refused after another waits its own rateLimitRetryMs, not what is left of the first one's", async () => {
    const refusedOnce = new Set<unknown>();
    const replica = scriptedReplica((f) => {
      if (f.op !== "subscribe") return { id: f.id, ok: true };
      if (refusedOnce.has(f.key)) return { id: f.id, ok: true, state: 0, version: {} };
      refusedOnce.add(f.key);
      return rateLimited(f.id);
    });
    const c = client(replica.WebSocket);
    const views: string[] = [];
    c.entity("counter", "a").subscribe(() => views.push("a"));
    await until("a's refusal", () => replica.delivered.some((d) => d.frame.ok === false));
    await sleep(SECOND_REFUSAL_AFTER_MS);
    c.entity("counter", "b").subscribe(() => views.push("b"));
    await until("both views", () => views.length === 2);

    const delays = retryDelays(replica.sent, replica.delivered, (refused, later) => later.op === "subscribe" && later.key === refused.key);
    assert.equal(delays.length, 2);
    for (const delay of delays) assert.ok(delay >= RETRY_MS - 1, `retried ${delay.toFixed(1)} ms after its refusal, before rateLimitRetryMs (${RETRY_MS})`);
    assert.deepEqual(views.sort(), ["a", "b"]);
  });

  it("a cancel refused after another waits its own rateLimitRetryMs too", async () => {
    const refusedOnce = new Set<unknown>();
    const replica = scriptedReplica((f) => {
      if (f.op === "subscribe") return { id: f.id, ok: true, state: 0, version: {} };
      if (isProbe(f) || refusedOnce.has(f.sub)) return { id: f.id, ok: true };
      refusedOnce.add(f.sub);
      return rateLimited(f.id);
    });
    const c = client(replica.WebSocket);
    const views: string[] = [];
    const stopA = c.entity("counter", "a").subscribe(() => views.push("a"));
    const stopB = c.entity("counter", "b").subscribe(() => views.push("b"));
    await until("both views", () => views.length === 2);
    stopA();
    await until("a's cancel refused", () => replica.delivered.some((d) => d.frame.ok === false));
    await sleep(SECOND_REFUSAL_AFTER_MS);
    stopB();
    const cancels = (): Timed[] => replica.sent.filter((s) => s.frame.op === "cancel" && !isProbe(s.frame));
    await until("both cancels sent again", () => cancels().length === 4);

    const delays = retryDelays(replica.sent, replica.delivered, (refused, later) => later.op === "cancel" && later.sub === refused.sub);
    assert.equal(delays.length, 2);
    for (const delay of delays) assert.ok(delay >= RETRY_MS - 1, `retried ${delay.toFixed(1)} ms after its refusal, before rateLimitRetryMs (${RETRY_MS})`);
  });

  it("close() with a subscribe and a cancel waiting for their retry leaves no timer behind", async () => {
    const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    const replica = scriptedReplica((f) => {
      if (f.op === "subscribe") return f.key === "held" ? rateLimited(f.id) : { id: f.id, ok: true, state: 0, version: {} };
      return isProbe(f) ? { id: f.id, ok: true } : rateLimited(f.id);
    });
    const c = createClient("ws://replica.test", { WebSocket: replica.WebSocket, rateLimitRetryMs: 60_000 });
    // If an assertion fails first, its 60 s retry timers must not keep the test process alive.
    teardown.push(() => c.close());
    let opened = false;
    const stop = c.entity("counter", "cancelled").subscribe(() => (opened = true));
    c.entity("counter", "held").subscribe(() => assert.fail("never opens"));
    await until("the subscription", () => opened);
    stop();
    await until("both refusals", () => replica.delivered.filter((d) => d.frame.ok === false).length === 2);
    await c.close();
    assert.equal(timers(), before);
  });
});

describe("client replies to a subscribe", () => {
  it("without state and version are a protocol_error, for a read and for a subscription", async () => {
    const replica = scriptedReplica((f) => ({ id: f.id, ok: true }));
    const c = client(replica.WebSocket);
    const counter = c.entity("counter", "viewless");
    await assert.rejects(counter.get(), (err) => isLatticeError(err, "protocol_error"));
    const errors: LatticeError[] = [];
    counter.subscribe(() => assert.fail("no view"), { onError: (err) => errors.push(err) });
    await until("the subscription's error", () => errors.length === 1);
    assert.equal(errors[0]?.code, "protocol_error");
    assert.match(errors[0]?.message ?? "", /without state and version/);
  });
});
