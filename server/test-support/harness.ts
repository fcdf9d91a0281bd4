/**
 * Test harness of the client API: a real node on port 0 with in-memory storage, a WebSocket
 * client that records every frame (JSON or binary, decoded) and how the socket closed, an SSE
 * reader, and HS256 token signing.
 *
 * @module
 */
import { request as httpRequest } from "node:http";
import type { IncomingMessage } from "node:http";
import { SignJWT } from "jose";
import { WebSocket } from "ws";
import type { ServiceDefinition } from "../../functions/define-service.js";
import { client, decodeMessage, encodeMessage } from "../../protos/index.js";
import type { ReplicaOptions } from "../../replica/options.js";
import type { ApiLimits } from "../api/limits.js";
import { loadConfig } from "../config.js";
import type { LatticeNode } from "../node.js";
import { startNode } from "../node.js";
import { ALL_SERVICES } from "./services.js";

export const TEST_AUTH_SECRET = "a-test-secret-that-is-at-least-32-bytes-long";

/** Short periods for nodes in tests: meshes form, dead peers are noticed and repairs run within a test. */
export const FAST_REPLICA_OPTIONS: Partial<ReplicaOptions> = Object.freeze({
  heartbeatMs: 50,
  peerTimeoutMs: 1000,
  antiEntropyIntervalMs: 200,
  reconnectMinMs: 20,
  reconnectMaxMs: 200,
  handshakeTimeoutMs: 1000,
});

export interface TestNodeOptions {
  readonly services?: readonly ServiceDefinition[];
  readonly env?: NodeJS.ProcessEnv;
  readonly limits?: Partial<ApiLimits>;
  readonly replicaOptions?: Partial<ReplicaOptions>;
  readonly authClockToleranceSec?: number;
}

/** Starts a node on port 0 with the test services; `close` it in the test's teardown. */
export async function startTestNode(opts: TestNodeOptions = {}): Promise<LatticeNode> {
  const config = loadConfig({ LATTICE_CLUSTER_SECRET: "server-test-secret", ...opts.env }, ["--memory", "--port", "0"]);
  return startNode(config, {
    logger: false,
    services: opts.services ?? ALL_SERVICES,
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(opts.replicaOptions ? { replicaOptions: opts.replicaOptions } : {}),
    ...(opts.authClockToleranceSec !== undefined ? { authClockToleranceSec: opts.authClockToleranceSec } : {}),
  });
}

/** Signs an HS256 token (default secret TEST_AUTH_SECRET) that expires in `expiresInSec` (default 1 h). */
export async function signToken(claims: Record<string, unknown>, opts: { secret?: string; expiresInSec?: number; alg?: string } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: opts.alg ?? "HS256" })
    .setIssuedAt(now)
    .setExpirationTime(now + (opts.expiresInSec ?? 3600))
    .sign(new TextEncoder().encode(opts.secret ?? TEST_AUTH_SECRET));
}

/** A frame the server sent: the parsed JSON of a text frame, or the decoded ServerFrame of a binary one. */
export type Received = { readonly form: "json"; readonly frame: Record<string, unknown> } | { readonly form: "binary"; readonly frame: client.ServerFrame };

/** A WebSocket client that records frames and the close. */
export class TestSocket {
  readonly received: Received[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data, isBinary) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      this.received.push(
        isBinary
          ? { form: "binary", frame: decodeMessage(client.ServerFrame, bytes, 64 * 1024 * 1024) }
          : { form: "json", frame: JSON.parse(bytes.toString("utf8")) as Record<string, unknown> },
      );
      for (const w of this.waiters.splice(0)) w();
    });
    this.closed = new Promise((resolve) => {
      ws.on("close", (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const w of this.waiters.splice(0)) w();
      });
    });
    ws.on("error", () => {});
  }

  /** Opens `url` (ws://…) and waits for the upgrade. */
  static open(url: string, headers: Record<string, string> = {}): Promise<TestSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      const s = new TestSocket(ws);
      ws.once("open", () => resolve(s));
      ws.once("unexpected-response", (_req, res: IncomingMessage) => reject(new Error(`upgrade refused with ${res.statusCode ?? 0}`)));
      ws.once("error", reject);
    });
  }

  send(frame: unknown): void {
    this.ws.send(JSON.stringify(frame));
  }

  sendBinary(frame: client.ClientFrame.$Properties): void {
    this.ws.send(encodeMessage(client.ClientFrame, frame));
  }

  sendRaw(data: string | Uint8Array, binary: boolean): void {
    this.ws.send(data, { binary });
  }

  /** JSON frames received so far. */
  json(): Record<string, unknown>[] {
    return this.received.flatMap((r) => (r.form === "json" ? [r.frame] : []));
  }

  /** Waits for a received frame matching `pred` (already received ones count) and returns it. */
  async waitFor<T extends Received>(pred: (r: Received) => r is T, timeoutMs?: number): Promise<T>;
  async waitFor(pred: (r: Received) => boolean, timeoutMs?: number): Promise<Received>;
  async waitFor(pred: (r: Received) => boolean, timeoutMs = 5000): Promise<Received> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(pred);
      if (found) return found;
      if (this.ws.readyState === WebSocket.CLOSED) throw new Error(`socket closed while waiting; received ${JSON.stringify(this.json())}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for a frame; received ${JSON.stringify(this.json())}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Waits for the JSON frame whose `field` equals `value` (e.g. `reply("id", 3)`). */
  async reply(field: "id" | "sub", value: number, extra: (f: Record<string, unknown>) => boolean = () => true): Promise<Record<string, unknown>> {
    const r = await this.waitFor((x) => x.form === "json" && x.frame[field] === value && extra(x.frame));
    return r.frame as Record<string, unknown>;
  }

  /** Sends a JSON request and waits for its reply. */
  async request(frame: Record<string, unknown> & { id: number }): Promise<Record<string, unknown>> {
    this.send(frame);
    return this.reply("id", frame.id);
  }

  close(): void {
    this.ws.close();
  }
}

/** The ws:// URL of `path` on `node`. */
export function wsUrl(node: LatticeNode, path = "/v1/ws"): string {
  return `${node.url.replace(/^http/, "ws")}${path}`;
}

export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

/** An SSE connection: parsed events and comment lines as they arrive. */
export class SseReader {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  ended = false;
  private buffer = "";
  private readonly waiters: (() => void)[] = [];

  private constructor(
    readonly res: IncomingMessage,
    private readonly destroy: () => void,
  ) {
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      this.buffer += chunk;
      for (;;) {
        const i = this.buffer.indexOf("\n\n");
        if (i < 0) break;
        const block = this.buffer.slice(0, i);
        this.buffer = this.buffer.slice(i + 2);
        let event = "message";
        const data: string[] = [];
        let comment = false;
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) comment = true;
          else if (line.startsWith("event: ")) event = line.slice(7);
          else if (line.startsWith("data: ")) data.push(line.slice(6));
        }
        if (comment && data.length === 0) this.comments.push(block);
        else this.events.push({ event, data: data.join("\n") });
      }
      this.wake();
    });
    res.on("end", () => {
      this.ended = true;
      this.wake();
    });
    res.on("close", () => {
      this.ended = true;
      this.wake();
    });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** GETs `url` and resolves with the reader once headers arrived (any status). */
  static open(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(url, { headers: { accept: "text/event-stream", ...headers } }, (res) => resolve(new SseReader(res, () => req.destroy())));
      req.on("error", reject);
      req.end();
    });
  }

  /** Waits until at least `n` events arrived (or the stream ended). */
  async waitForEvents(n: number, timeoutMs = 5000): Promise<SseEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length < n) {
      if (this.ended) throw new Error(`stream ended after ${this.events.length} events`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out with ${this.events.length} of ${n} events`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.events;
  }

  /** Waits until the server ended the stream. */
  async waitForEnd(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error("timed out waiting for the stream to end");
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** The whole body read so far, for non-200 responses. */
  async text(): Promise<string> {
    await this.waitForEnd();
    return this.buffer;
  }

  close(): void {
    this.destroy();
  }
}
