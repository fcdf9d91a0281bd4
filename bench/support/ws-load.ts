/**
 * A closed-loop WebSocket load generator for ws.ts: `clients` sockets, each keeping `inFlight`
 * request frames outstanding (a reply is answered with the next request at once), for a warm-up
 * and then a measured window of fixed length. Every frame carries an integer `id`, which the
 * server's reply carries back (a Lattice reply `{"id":…,"ok":…}`, or the frame itself from an
 * echo server); the round trip of each request is timed from its send to its reply.
 *
 * Counted: replies that arrive inside the measured window (their latencies too). After the
 * window no new requests are sent; outstanding replies are awaited for at most `drainMs`, then
 * the sockets are closed. A reply holding `"ok":false` counts as an error (the first one is
 * kept). Everything is bounded by time: the whole run takes at most warm-up + window + drain
 * (+ connection set-up).
 */
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import { closeSockets } from "./close-sockets.js";
import type { Distribution } from "./stats.js";
import { Samples, sampleDistribution } from "./samples.js";

export interface WsLoadOptions {
  readonly url: string;
  readonly clients: number;
  readonly inFlight: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  /** The text frame of request `id` (1, 2, … per client) of client `client`. */
  readonly frame: (id: number, client: number) => string;
  /** How long to wait for outstanding replies after the window (default 5000). */
  readonly drainMs?: number;
}

export interface WsLoadResult {
  clients: number;
  inFlightPerClient: number;
  /** The measured window, ms (as planned; replies are counted by arrival time). */
  windowMs: number;
  /** Replies received in the window. */
  roundTrips: number;
  roundTripsPerSec: number;
  /** Round-trip latency of the replies received in the window, ms. */
  latencyMs: Distribution;
  errors: number;
  firstError: string | null;
  /** Requests sent, and replies to them received, over the whole run (warm-up and drain included). */
  sent: number;
  answered: number;
  /** Of `answered`, replies without `"ok":false`. */
  answeredOk: number;
  /** Requests still unanswered when the sockets were closed. */
  unanswered: number;
}

const ID_PREFIX = '{"id":';

/** The id of a reply frame, cheaply when it starts with `{"id":`. */
function idOf(text: string): number {
  if (text.startsWith(ID_PREFIX)) return parseInt(text.slice(ID_PREFIX.length, ID_PREFIX.length + 12), 10);
  const m = JSON.parse(text) as { id?: unknown };
  return typeof m.id === "number" ? m.id : NaN;
}

function openSocket(url: string, timeoutMs = 10_000): Promise<WebSocket> {
  if (!url.startsWith("ws://127.0.0.1:")) return Promise.reject(new Error(`refusing to connect to ${url}: 127.0.0.1 only`));
  const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: timeoutMs });
  return new Promise((resolve, reject) => {
    ws.once("open", () => {
      ws.off("error", reject);
      resolve(ws);
    });
    ws.once("error", reject);
  });
}

export async function runWsLoad(opts: WsLoadOptions): Promise<WsLoadResult> {
  const opening = await Promise.allSettled(Array.from({ length: opts.clients }, () => openSocket(opts.url)));
  const sockets = opening.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
  const failed = opening.find((o) => o.status === "rejected");
  if (failed) {
    // The sockets that did open would otherwise stay open into the next run.
    await closeSockets(sockets);
    throw new Error(`${opening.length - sockets.length} of ${opts.clients} sockets did not open: ${String(failed.reason)}`);
  }
  const latencies = new Samples();
  let roundTrips = 0;
  let errors = 0;
  let firstError: string | null = null;
  let sent = 0;
  let answered = 0;
  let unanswered = 0;

  const t0 = performance.now();
  const measureStart = t0 + opts.warmupMs;
  const measureEnd = measureStart + opts.durationMs;
  const drainMs = opts.drainMs ?? 5000;

  const runs = sockets.map(
    (ws, c) =>
      new Promise<void>((resolve) => {
        const pending = new Map<number, number>();
        let nextId = 1;
        let done = false;
        const finish = (): void => {
          if (done) return;
          done = true;
          clearTimeout(drainTimer);
          unanswered += pending.size;
          resolve();
        };
        const send = (): void => {
          const id = nextId++;
          pending.set(id, performance.now());
          sent++;
          ws.send(opts.frame(id, c));
        };
        ws.on("error", () => {});
        ws.on("close", finish);
        ws.on("message", (data: WebSocket.RawData) => {
          const now = performance.now();
          // binaryType is the default "nodebuffer": every message arrives as one Buffer.
          const text = (data as Buffer).toString("utf8");
          const id = idOf(text);
          const at = pending.get(id);
          if (at === undefined) return;
          pending.delete(id);
          answered++;
          if (text.includes('"ok":false')) {
            errors++;
            firstError ??= text.slice(0, 300);
          }
          if (now >= measureStart && now < measureEnd) {
            roundTrips++;
            latencies.push(now - at);
          }
          if (now < measureEnd) send();
          else if (pending.size === 0) finish();
        });
        const drainTimer = setTimeout(finish, measureEnd - t0 + drainMs);
        for (let i = 0; i < opts.inFlight; i++) send();
      }),
  );
  await Promise.all(runs);
  await closeSockets(sockets);
  const lat = sampleDistribution(latencies);
  return {
    clients: opts.clients,
    inFlightPerClient: opts.inFlight,
    windowMs: opts.durationMs,
    roundTrips,
    roundTripsPerSec: Math.round((roundTrips * 1000) / opts.durationMs),
    latencyMs: lat,
    errors,
    firstError,
    sent,
    answered,
    answeredOk: answered - errors,
    unanswered,
  };
}
