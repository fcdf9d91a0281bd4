/**
 * A small client of the `/v1/ws` JSON protocol (SPEC §5, docs/api.md) for black-box tests:
 * requests are matched to their replies by id, and every subscription or stream gets a queue of
 * its pushes with an awaitable `next()`.
 *
 * ```ts
 * const ws = await WsClient.connect(node);
 * const reply = await ws.call("tck-gcounter", "GCounter-1", "process", { actions: [] });
 * const s = await ws.stream("tck-gcounter", "GCounter-1", "processStreamed", {});
 * assert.deepEqual(await s.next(), { sub: s.id, message: { state: { gcounter: { value: 0 } } } });
 * await s.cancel();
 * await ws.close();
 * ```
 *
 * @module
 */
import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";
import { WebSocket } from "ws";
import type { Json } from "../../crdt/index.js";
import type { LatticeNode } from "../node.js";

/** A frame the server sent (parsed JSON). */
export type Frame = Readonly<Record<string, Json>>;

/** The error body of a refused request or a failed subscription. */
export interface ErrorBody {
  readonly code: string;
  readonly message: string;
  readonly detail?: Json;
}

/** A request answered `{"id","ok":false,"error"}`. */
export class WsRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly detail: Json | undefined,
    readonly frame: Frame,
  ) {
    super(message);
    this.name = "WsRequestError";
  }
}

/** The pushes of one subscription or stream, in arrival order. */
export class PushQueue {
  private readonly items: Frame[] = [];
  private readonly waiters: { resolve: (f: Frame) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }[] = [];
  private closedWith: Error | undefined;

  constructor(readonly id: number) {}

  /** @internal */
  push(frame: Frame): void {
    const w = this.waiters.shift();
    if (w) {
      clearTimeout(w.timer);
      w.resolve(frame);
    } else {
      this.items.push(frame);
    }
  }

  /** @internal The socket closed: pending and later `next()` calls reject. */
  fail(err: Error): void {
    this.closedWith ??= err;
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(err);
    }
  }

  /** Pushes received and not yet taken by `next()`. */
  get pending(): readonly Frame[] {
    return this.items;
  }

  /** The next push (already received ones first); rejects after `timeoutMs`. */
  next(timeoutMs = 5000): Promise<Frame> {
    const first = this.items.shift();
    if (first) return Promise.resolve(first);
    if (this.closedWith) return Promise.reject(this.closedWith);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.findIndex((w) => w.timer === timer);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`no push on sub ${this.id} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push({ resolve, reject, timer });
    });
  }

  /** The next push's `message` (fails if it is anything else: an end or a failure). */
  async nextMessage(timeoutMs?: number): Promise<Json> {
    const f = await this.next(timeoutMs);
    assert.ok("message" in f && !("end" in f), `expected a message on sub ${this.id}, got ${JSON.stringify(f)}`);
    return f.message;
  }

  /** The next push's `state` (a subscription update; fails on anything else). */
  async nextState(timeoutMs?: number): Promise<Json> {
    const f = await this.next(timeoutMs);
    assert.ok("state" in f, `expected a state on sub ${this.id}, got ${JSON.stringify(f)}`);
    return f.state;
  }
}

/** An open subscription or stream. */
export interface Subscription {
  readonly id: number;
  /** The open reply: `{"id","ok":true}` for a stream, with `state` and `version` for a subscription. */
  readonly opened: Frame;
  readonly pushes: PushQueue;
  /** Sends `cancel` and waits for its `ok` (a stream's onClose has run by then). */
  cancel(): Promise<Frame>;
}

/** A `/v1/ws` connection. */
export class WsClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (f: Frame) => void; reject: (e: Error) => void }>();
  private readonly queues = new Map<number, PushQueue>();
  /** Frames that matched no request or subscription (should stay empty). */
  readonly stray: Frame[] = [];
  /** Resolves with the close code and reason. */
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(private readonly ws: WebSocket) {
    ws.on("message", (data, isBinary) => {
      assert.equal(isBinary, false, "the server answered a JSON request in binary");
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      this.receive(JSON.parse(bytes.toString("utf8")) as Frame);
    });
    this.closed = new Promise((resolve) => {
      ws.on("close", (code, reason) => {
        const err = new Error(`socket closed (${code} ${reason.toString()})`);
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
        for (const q of this.queues.values()) q.fail(err);
        resolve({ code, reason: reason.toString() });
      });
    });
    ws.on("error", () => {});
  }

  /** Opens `/v1/ws` on `node` and waits for the upgrade. */
  static connect(node: LatticeNode): Promise<WsClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${node.url.replace(/^http/, "ws")}/v1/ws`);
      const client = new WsClient(ws);
      ws.once("open", () => resolve(client));
      ws.once("unexpected-response", (_req, res: IncomingMessage) => reject(new Error(`upgrade refused with ${res.statusCode ?? 0}`)));
      ws.once("error", reject);
    });
  }

  private receive(frame: Frame): void {
    if (typeof frame.id === "number") {
      const p = this.pending.get(frame.id);
      if (p) {
        this.pending.delete(frame.id);
        p.resolve(frame);
        return;
      }
    } else if (typeof frame.sub === "number") {
      const q = this.queues.get(frame.sub);
      if (q) {
        q.push(frame);
        return;
      }
    }
    this.stray.push(frame);
  }

  /** Sends `frame` with a fresh id and resolves with its reply, whatever it is. */
  request(frame: Record<string, Json>, beforeSend?: (id: number) => void): Promise<Frame> {
    if (this.ws.readyState !== WebSocket.OPEN) return Promise.reject(new Error("the socket is not open"));
    const id = this.nextId++;
    const reply = new Promise<Frame>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    beforeSend?.(id);
    this.ws.send(JSON.stringify({ ...frame, id }));
    return reply;
  }

  /** `call`: the result, or throws WsRequestError with the error body. */
  async call(service: string, key: string, command: string, input: Json): Promise<Json> {
    return resultOrThrow(await this.request({ op: "call", service, key, command, input }));
  }

  /** `subscribe`: the snapshot reply and the queue of `{"sub","state","version"}` pushes. */
  subscribe(service: string, key: string): Promise<Subscription> {
    return this.open({ op: "subscribe", service, key });
  }

  /** `stream`: the `ok` reply and the queue of message, end and failure pushes. */
  stream(service: string, key: string, stream: string, input: Json): Promise<Subscription> {
    return this.open({ op: "stream", service, key, stream, input });
  }

  /** `cancel` of `sub`: the reply. */
  cancel(sub: number): Promise<Frame> {
    return this.request({ op: "cancel", sub });
  }

  private async open(frame: Record<string, Json>): Promise<Subscription> {
    let queue: PushQueue | undefined;
    // The queue exists before the request goes out: no push can arrive unrouted.
    const opened = await this.request(frame, (id) => {
      queue = new PushQueue(id);
      this.queues.set(id, queue);
    });
    assert.ok(queue);
    const q = queue;
    if (opened.ok !== true) {
      this.queues.delete(q.id);
      throw errorOf(opened);
    }
    return { id: q.id, opened, pushes: q, cancel: () => this.cancel(q.id) };
  }

  /** Closes the socket (1000) and waits until it is closed. */
  async close(): Promise<void> {
    if (this.ws.readyState !== WebSocket.CLOSED) this.ws.close(1000);
    await this.closed;
  }
}

function errorOf(frame: Frame): WsRequestError {
  const e = frame.error as unknown as ErrorBody | undefined;
  assert.ok(e && typeof e.code === "string" && typeof e.message === "string", `no error body in ${JSON.stringify(frame)}`);
  return new WsRequestError(e.code, e.message, e.detail, frame);
}

/** The `result` of an ok reply; throws the WsRequestError of an error reply. */
export function resultOrThrow(frame: Frame): Json {
  if (frame.ok === true) {
    assert.ok("result" in frame, `no result in ${JSON.stringify(frame)}`);
    return frame.result;
  }
  throw errorOf(frame);
}

/** For assert.rejects: a WsRequestError with `code` and, optionally, a part of its message. */
export function wsError(code: string, message?: string): (err: unknown) => boolean {
  return (err: unknown) => {
    assert.ok(err instanceof WsRequestError, `expected a WsRequestError, got ${String(err)}`);
    assert.equal(err.code, code, `expected ${code}, got ${err.code}: ${err.message}`);
    if (message !== undefined) assert.ok(err.message.includes(message), `message ${JSON.stringify(err.message)} lacks ${JSON.stringify(message)}`);
    return true;
  };
}
