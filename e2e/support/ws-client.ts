/**
 * A minimal client of the `/v1/ws` protocol (SPEC §5, JSON text frames) for e2e tests: requests
 * get ids and resolve with their reply frame; pushes (`{"sub", …}`) are kept per subscription in
 * arrival order, and {@link WsClient.waitForPush} resolves as soon as one matches.
 *
 * ```ts
 * const ws = await WsClient.open(cluster.wsUrl(1));
 * const sub = await ws.subscribe("counter", "k");   // the reply: {id, ok, state, version}
 * await ws.waitForPush(sub.id, (p) => p.state === 1, 5000, "counter k = 1");
 * await ws.close();
 * ```
 */
import WebSocket from "ws";

export interface WsError {
  readonly code: string;
  readonly message: string;
  readonly detail?: unknown;
}

/** A reply to a request: `{"id", "ok", …}`. */
export interface WsReply {
  readonly id: number;
  readonly ok: boolean;
  readonly result?: unknown;
  readonly state?: unknown;
  readonly version?: Record<string, number>;
  readonly error?: WsError;
}

/** A push of a subscription or stream: `{"sub", …}`. */
export interface WsPush {
  readonly sub: number;
  readonly state?: unknown;
  readonly version?: Record<string, number>;
  readonly message?: unknown;
  readonly end?: boolean;
  readonly ok?: boolean;
  readonly error?: WsError;
}

interface Pending {
  readonly resolve: (r: WsReply) => void;
  readonly reject: (e: Error) => void;
  readonly timer: NodeJS.Timeout;
}

interface PushWaiter {
  readonly sub: number;
  readonly match: (p: WsPush) => boolean;
  readonly resolve: (p: WsPush) => void;
}

export class WsClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly pushes = new Map<number, WsPush[]>();
  private readonly waiters = new Set<PushWaiter>();
  /** Resolves with the close code and reason once the socket closed (either side). */
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(private readonly ws: WebSocket) {
    ws.on("message", (data: WebSocket.RawData, isBinary: boolean) => {
      if (isBinary) return;
      const text = Buffer.isBuffer(data) ? data.toString("utf8") : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString("utf8");
      this.receive(JSON.parse(text) as Record<string, unknown>);
    });
    this.closed = new Promise((resolve) => {
      ws.once("close", (code: number, reason: Buffer) => {
        const err = new Error(`socket closed (${code} ${reason.toString()})`);
        for (const [id, p] of this.pending) {
          clearTimeout(p.timer);
          p.reject(err);
          this.pending.delete(id);
        }
        resolve({ code, reason: reason.toString() });
      });
    });
  }

  /** Connects; 127.0.0.1 only. */
  static open(url: string, timeoutMs = 10_000): Promise<WsClient> {
    if (!url.startsWith("ws://127.0.0.1:")) return Promise.reject(new Error(`refusing to connect to ${url}: 127.0.0.1 only`));
    const ws = new WebSocket(url, { handshakeTimeout: timeoutMs });
    return new Promise((resolve, reject) => {
      ws.once("open", () => {
        ws.off("error", reject);
        ws.on("error", () => {}); // "close" follows and rejects what is pending
        resolve(new WsClient(ws));
      });
      ws.once("error", reject);
    });
  }

  private receive(m: Record<string, unknown>): void {
    if (typeof m.sub === "number") {
      const push = m as unknown as WsPush;
      const list = this.pushes.get(push.sub) ?? [];
      list.push(push);
      this.pushes.set(push.sub, list);
      for (const w of [...this.waiters]) {
        if (w.sub === push.sub && w.match(push)) {
          this.waiters.delete(w);
          w.resolve(push);
        }
      }
      return;
    }
    const id = m.id;
    const p = typeof id === "number" ? this.pending.get(id) : undefined;
    if (!p) return;
    this.pending.delete(id as number);
    clearTimeout(p.timer);
    p.resolve(m as unknown as WsReply);
  }

  /** Sends a request frame (an id is added) and resolves with its reply, ok or not. */
  request(frame: Record<string, unknown>, timeoutMs = 15_000): Promise<WsReply> {
    const id = this.nextId++;
    return new Promise<WsReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no reply to ${JSON.stringify(frame)} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.ws.send(JSON.stringify({ id, ...frame }), (err) => {
        if (!err) return;
        clearTimeout(timer);
        this.pending.delete(id);
        reject(err);
      });
    });
  }

  call(service: string, key: string, command: string, input: unknown = null): Promise<WsReply> {
    return this.request({ op: "call", service, key, command, input });
  }

  /** The reply's id is the subscription id. */
  subscribe(service: string, key: string): Promise<WsReply> {
    return this.request({ op: "subscribe", service, key });
  }

  /** The reply's id is the stream's subscription id. */
  stream(service: string, key: string, stream: string, input: unknown = null): Promise<WsReply> {
    return this.request({ op: "stream", service, key, stream, input });
  }

  cancel(sub: number): Promise<WsReply> {
    return this.request({ op: "cancel", sub });
  }

  /** The pushes of subscription `sub` so far, oldest first. */
  pushesOf(sub: number): readonly WsPush[] {
    return this.pushes.get(sub) ?? [];
  }

  /** The first push of `sub` (already received or still to come) that matches; rejects after `timeoutMs`. */
  waitForPush(sub: number, match: (p: WsPush) => boolean, timeoutMs: number, what: string): Promise<WsPush> {
    const seen = this.pushesOf(sub).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise<WsPush>((resolve, reject) => {
      const waiter: PushWaiter = {
        sub,
        match,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; pushes of ${sub}: ${JSON.stringify(this.pushesOf(sub))}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** A clean close (1000) from the client; resolves once the socket is closed. */
  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close(1000, "bye");
    const timer = setTimeout(() => this.ws.terminate(), 5000);
    try {
      await this.closed;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Drops the TCP connection without a close frame. */
  terminate(): void {
    this.ws.terminate();
  }
}
