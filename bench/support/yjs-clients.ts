/**
 * The load generator of bench/yjs.ts: D documents × C clients, all in this process (so that the
 * send time of a keystroke and its arrival at another client are read on one clock), typing
 * into the `body` Y.Text of their document through a y-websocket server.
 *
 * Two kinds of client:
 * - `provider`: the stock y-websocket `WebsocketProvider` (ws as its WebSocket, BroadcastChannel
 *   off), a Y.Doc per client that applies every remote edit, awareness with a user name: what a
 *   browser tab runs. Remote edits are read from each transaction's before/after state vectors,
 *   never from Y.Text `event.delta` (which rescans the text on every event and would collapse
 *   the load generator, not the server).
 * - `protocol`: a bare y-protocols client over `ws` (sync step 1/2, updates, one awareness
 *   state): its Y.Doc holds only its own typing, and remote updates are read with
 *   `Y.parseUpdateMeta` (which client, which clocks) without being applied. Several times
 *   cheaper per delivery than a provider, so a saturation run measures the server, not this
 *   process.
 *
 * An edit is one character inserted at a random position (seeded) of the client's text, so the
 * n-th edit of a client is its Yjs clock n: (clientID, clock) is the edit's id, and the send time
 * of each is kept per client. A client that sees a client's clock advance from a to b has
 * received edits a…b-1; each is a delivery, timed from keystroke to arrival. A client's own
 * edits echoed back by the server are not deliveries.
 *
 * Pacing: `rate` (open loop: edits/s over all clients, round-robin in a shuffled order, ticks of
 * 2 ms) or `inFlight` (closed loop, for saturation: each client keeps that many of its edits not
 * yet seen by its observer, the next client of its document, and types the next one as soon as
 * one is seen). A run: connect and sync everyone, warm-up, measured window, then no new edits
 * and a drain until every edit reached every other client of its document (or `drainMs`).
 */
import type { IntervalHistogram } from "node:perf_hooks";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import WebSocket from "ws";
import { waitFor } from "../../e2e/support/cluster.js";
import { round } from "../harness.js";
import { closeSockets } from "./close-sockets.js";
import { Samples, sampleDistribution } from "./samples.js";
import type { Distribution } from "./stats.js";
import { seededRandom } from "./stats.js";
import { openProtocolSocket } from "./yjs-protocol-socket.js";

export type ClientKind = "provider" | "protocol";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Send times of one client's edits, indexed by Yjs clock (growable, no boxed numbers). */
class SendLog {
  constructor(readonly owner: LoadClient) {}
  times = new Float64Array(256);
  count = 0;
  /** Highest clock (exclusive) the observer has seen: the closed loop's acknowledgement. */
  acked = 0;
  push(t: number): void {
    if (this.count === this.times.length) {
      const next = new Float64Array(this.times.length * 2);
      next.set(this.times);
      this.times = next;
    }
    this.times[this.count++] = t;
  }
}

/** Counts deliveries and their latencies over all documents. */
class Tracker {
  windowFrom = Infinity;
  windowTo = Infinity;
  readonly latencies = new Samples();
  deliveredInWindow = 0;
  delivered = 0;
  sentInWindow = 0;
  sent = 0;
  /** Deliveries of clocks this process never sent (should stay 0: would mean a foreign writer). */
  unknown = 0;

  inWindow(t: number): boolean {
    return t >= this.windowFrom && t < this.windowTo;
  }
}

interface Doc {
  readonly key: string;
  readonly logs: Map<number, SendLog>;
  readonly clients: LoadClient[];
}

abstract class LoadClient {
  /** Per sender clientID: the clock (exclusive) this client has received up to. */
  private readonly seen = new Map<number, number>();
  readonly log: SendLog = new SendLog(this);
  /** The client whose deliveries acknowledge this one's edits (closed loop). */
  observer: LoadClient | undefined;
  /** Called when the observer acknowledges an edit of this client (closed loop). */
  onAck: (() => void) | undefined;
  protected readonly text: Y.Text;
  private letter = 0;
  closedUnexpectedly = false;

  constructor(
    readonly doc: Doc,
    protected readonly ydoc: Y.Doc,
    protected readonly tracker: Tracker,
    private readonly random: () => number,
  ) {
    this.text = ydoc.getText("body");
    doc.logs.set(ydoc.clientID, this.log);
  }

  abstract get synced(): boolean;
  abstract close(): void;

  /** One keystroke: a letter at a random position of this client's text; sent by the update handler. */
  type(): void {
    const at = Math.floor(this.random() * (this.text.length + 1));
    const ch = LETTERS[this.letter++ % LETTERS.length] as string;
    const t = performance.now();
    this.log.push(t);
    this.tracker.sent++;
    if (this.tracker.inWindow(t)) this.tracker.sentInWindow++;
    this.text.insert(at, ch);
  }

  /** Edits of `sender` with clocks [from, to) arrived now. */
  protected received(sender: number, from: number, to: number): void {
    if (sender === this.ydoc.clientID) return;
    const start = Math.max(from, this.seen.get(sender) ?? 0);
    if (to <= start) return;
    this.seen.set(sender, to);
    const log = this.doc.logs.get(sender);
    const now = performance.now();
    const tr = this.tracker;
    const counted = inWindowNow(tr, now);
    for (let c = start; c < to; c++) {
      if (!log || c >= log.count) {
        tr.unknown++;
        continue;
      }
      tr.delivered++;
      if (counted) {
        tr.deliveredInWindow++;
        tr.latencies.push(now - (log.times[c] as number));
      }
    }
    if (log && log.owner.observer === this && to > log.acked) {
      log.acked = to;
      log.owner.onAck?.();
    }
  }

  /** The client's copy of the text (a protocol client's holds only its own typing). */
  textNow(): string {
    return this.text.toString();
  }
}

const inWindowNow = (tr: Tracker, now: number): boolean => tr.inWindow(now);

/** The stock WebsocketProvider, as a page runs it. */
class ProviderClient extends LoadClient {
  private readonly provider: WebsocketProvider;

  constructor(serverUrl: string, doc: Doc, tracker: Tracker, random: () => number, name: string) {
    const ydoc = new Y.Doc();
    super(doc, ydoc, tracker, random);
    this.provider = new WebsocketProvider(serverUrl, doc.key, ydoc, {
      // ws's WebSocket is the browser API's Node twin; the provider only uses that API.
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    this.provider.awareness.setLocalStateField("user", { name });
    this.provider.on("connection-close", () => {
      if (this.provider.shouldConnect) this.closedUnexpectedly = true;
    });
    ydoc.on("afterTransaction", (tr: Y.Transaction) => {
      if (tr.local) return;
      for (const [client, after] of tr.afterState) {
        const before = tr.beforeState.get(client) ?? 0;
        if (after > before) this.received(client, before, after);
      }
    });
  }

  get synced(): boolean {
    return this.provider.synced;
  }

  close(): void {
    this.provider.destroy();
    this.ydoc.destroy();
  }
}

/** A bare y-protocols client: sync, updates out, remote updates counted but not applied. */
class ProtocolClient extends LoadClient {
  private readonly ws: WebSocket;
  private isSynced = false;
  private closing = false;

  constructor(serverUrl: string, doc: Doc, tracker: Tracker, random: () => number, name: string) {
    const ydoc = new Y.Doc();
    super(doc, ydoc, tracker, random);
    this.ws = openProtocolSocket(`${serverUrl}/${doc.key}`, ydoc, name, {
      onUpdate: (update, step2) => {
        if (step2) this.isSynced = true;
        const { from, to } = Y.parseUpdateMeta(update);
        for (const [client, end] of to) this.received(client, from.get(client) ?? 0, end);
      },
      onBadFrame: (err) => process.stderr.write(`[bench] yjs protocol client: bad frame: ${err.message}\n`),
      onClose: () => {
        if (!this.closing) this.closedUnexpectedly = true;
      },
    });
  }

  get synced(): boolean {
    return this.isSynced;
  }

  close(): void {
    this.closing = true;
    this.ws.close();
    this.ydoc.destroy();
  }
}

export interface YjsLoadOptions {
  /** The provider's serverUrl: ws://127.0.0.1:PORT/v1/yjs/notes (documents are `${serverUrl}/${key}`). */
  readonly serverUrl: string;
  readonly kind: ClientKind;
  readonly docs: number;
  readonly clientsPerDoc: number;
  /** Document keys are `${keyPrefix}-${i}`: a fresh prefix per run gives empty documents. */
  readonly keyPrefix: string;
  readonly warmupMs: number;
  readonly durationMs: number;
  /** Open loop: edits per second over all clients. */
  readonly rate?: number;
  /** Closed loop: edits per client not yet seen by its observer. */
  readonly inFlight?: number;
  readonly seed?: number;
  /** Longest wait after the window for every edit to reach every other client (default 10 s). */
  readonly drainMs?: number;
  /** Longest wait for every client to connect and sync (default 30 s). */
  readonly connectTimeoutMs?: number;
  /**
   * Keeps the window open past `durationMs`, the load going on, until this many deliveries have
   * arrived in it; fails if that takes more than `minDeliveriesTimeoutMs` (default 30 s) longer.
   * For tests: a count asserts the same on an idle machine and a loaded one, where a rate would
   * not. `windowMs` is then the window's actual length.
   */
  readonly minDeliveries?: number;
  readonly minDeliveriesTimeoutMs?: number;
  /** Called as the measured window opens and closes (to measure other processes over it). */
  readonly onWindowStart?: () => void;
  readonly onWindowEnd?: () => void;
}

export interface YjsLoadResult {
  kind: ClientKind;
  docs: number;
  clientsPerDoc: number;
  /** Open loop: the edit rate asked for; null for a closed-loop run. */
  offeredEditsPerSec: number | null;
  /** Closed loop: edits in flight per client; null for an open-loop run. */
  inFlightPerClient: number | null;
  windowMs: number;
  /** Edits typed in the window, and per second. */
  edits: number;
  editsPerSec: number;
  /** Edits arriving at another client in the window. */
  deliveries: number;
  /** Edits arriving at another client in the window, per second (each edit: C − 1 deliveries). */
  deliveriesPerSec: number;
  /** Keystroke → arrival at another client, deliveries arriving in the window, ms. */
  latencyMs: Distribution;
  /** Over the whole run (warm-up and drain included): every edit should reach C − 1 clients. */
  totals: { edits: number; expectedDeliveries: number; delivered: number; missing: number; unknown: number };
  /** Clients whose socket closed without being asked (a server refusal, a crash). */
  clientsDropped: number;
  connectMs: number;
  drainMs: number;
  /** This process over the window: % of one core, and the event loop's delay p99 (ms). */
  loadGenerator: { cpuPercent: number; eventLoopDelayP99Ms: number; eventLoopDelayMaxMs: number };
  /** Provider clients only: whether every client of each document ended with the same text. */
  converged: boolean | null;
  /** Edits typed per document key (for checking the server's copy). */
  editsPerDoc: Record<string, number>;
}

/** How often a wait polls the clients: the connect time is read to this. */
const POLL_MS = 10;

export async function runYjsLoad(opts: YjsLoadOptions): Promise<YjsLoadResult> {
  if (!opts.serverUrl.startsWith("ws://127.0.0.1:")) throw new Error(`refusing to connect to ${opts.serverUrl}: 127.0.0.1 only`);
  if ((opts.rate === undefined) === (opts.inFlight === undefined)) throw new Error("runYjsLoad: give exactly one of rate and inFlight");
  if (opts.inFlight !== undefined && opts.clientsPerDoc < 2) throw new Error("runYjsLoad: a closed loop needs 2+ clients per document");
  const random = seededRandom(opts.seed ?? 1);
  const tracker = new Tracker();
  const docs: Doc[] = [];
  const all: LoadClient[] = [];
  const Kind = opts.kind === "provider" ? ProviderClient : ProtocolClient;
  // Each stock provider adds a process 'exit' listener (to announce its leaving); that many are expected here.
  const maxListeners = process.getMaxListeners();
  if (opts.kind === "provider") process.setMaxListeners(maxListeners + opts.docs * opts.clientsPerDoc);
  // Everything that keeps running by itself, stopped in the finally: a failed run must not go on
  // typing into (or sampling) the next one.
  let ticker: NodeJS.Timeout | undefined;
  let loop: IntervalHistogram | undefined;
  let stopped = false;
  const t0 = performance.now();
  try {
    for (let d = 0; d < opts.docs; d++) {
      const doc: Doc = { key: `${opts.keyPrefix}-${d}`, logs: new Map(), clients: [] };
      docs.push(doc);
      for (let c = 0; c < opts.clientsPerDoc; c++) {
        const client = new Kind(opts.serverUrl, doc, tracker, random, `user ${d}.${c}`);
        doc.clients.push(client);
        all.push(client);
      }
      doc.clients.forEach((c, i) => (c.observer = doc.clients[(i + 1) % doc.clients.length]));
    }
    await waitFor(() => all.every((c) => c.synced), { what: `${all.length} clients to sync`, timeoutMs: opts.connectTimeoutMs ?? 30_000, intervalMs: POLL_MS });
    const connectMs = round(performance.now() - t0, 1);

    const start = performance.now();
    tracker.windowFrom = start + opts.warmupMs;
    tracker.windowTo = tracker.windowFrom + opts.durationMs;
    if (opts.rate !== undefined) {
      const rate = opts.rate;
      const order = all.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      let typed = 0;
      ticker = setInterval(() => {
        // windowTo, not a copy: a window kept open for minDeliveries keeps the typing going.
        const due = Math.floor(((Math.min(performance.now(), tracker.windowTo) - start) / 1000) * rate);
        for (; typed < due; typed++) all[order[typed % order.length] as number]?.type();
      }, 2);
    } else {
      const inFlight = opts.inFlight as number;
      for (const c of all) {
        const pump = (): void => {
          if (stopped || c.closedUnexpectedly) return;
          while (c.log.count - c.log.acked < inFlight) c.type();
        };
        c.onAck = pump;
      }
      for (const c of all) c.onAck?.();
    }

    await sleep(Math.max(0, tracker.windowFrom - performance.now()));
    opts.onWindowStart?.();
    const cpu0 = process.cpuUsage();
    loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    await sleep(Math.max(0, tracker.windowTo - performance.now()));
    let windowMs = opts.durationMs;
    const minDeliveries = opts.minDeliveries ?? 0;
    if (tracker.deliveredInWindow < minDeliveries) {
      tracker.windowTo = Infinity;
      await waitFor(() => tracker.deliveredInWindow >= minDeliveries, {
        what: `${minDeliveries} deliveries in the window`,
        timeoutMs: opts.minDeliveriesTimeoutMs ?? 30_000,
        intervalMs: POLL_MS,
        describe: () => `${tracker.deliveredInWindow} arrived, ${tracker.sentInWindow} edits typed`,
      });
      tracker.windowTo = performance.now();
      windowMs = round(tracker.windowTo - tracker.windowFrom, 1);
    }
    stopped = true;
    clearInterval(ticker);
    loop.disable();
    const cpu = process.cpuUsage(cpu0);
    const windowS = (performance.now() - tracker.windowFrom) / 1000;
    opts.onWindowEnd?.();

    const expected = (): number => docs.reduce((n, d) => n + d.clients.reduce((m, c) => m + c.log.count, 0) * (d.clients.length - 1), 0);
    const drainStart = performance.now();
    const drainLimit = opts.drainMs ?? 10_000;
    while (tracker.delivered < expected() && performance.now() - drainStart < drainLimit && !all.some((c) => c.closedUnexpectedly)) await sleep(20);
    const drainMs = round(performance.now() - drainStart, 1);

    let converged: boolean | null = null;
    if (opts.kind === "provider") {
      converged = docs.every((d) => {
        const texts = d.clients.map((c) => c.textNow());
        return texts.every((t) => t === texts[0]);
      });
    }
    const editsPerDoc: Record<string, number> = {};
    for (const d of docs) editsPerDoc[d.key] = d.clients.reduce((n, c) => n + c.log.count, 0);
    return {
      kind: opts.kind,
      docs: opts.docs,
      clientsPerDoc: opts.clientsPerDoc,
      offeredEditsPerSec: opts.rate ?? null,
      inFlightPerClient: opts.inFlight ?? null,
      windowMs,
      edits: tracker.sentInWindow,
      editsPerSec: Math.round(tracker.sentInWindow / (windowMs / 1000)),
      deliveries: tracker.deliveredInWindow,
      deliveriesPerSec: Math.round(tracker.deliveredInWindow / (windowMs / 1000)),
      latencyMs: sampleDistribution(tracker.latencies),
      totals: { edits: tracker.sent, expectedDeliveries: expected(), delivered: tracker.delivered, missing: expected() - tracker.delivered, unknown: tracker.unknown },
      clientsDropped: all.filter((c) => c.closedUnexpectedly).length,
      connectMs,
      drainMs,
      loadGenerator: {
        cpuPercent: round(((cpu.user + cpu.system) / 1e6 / windowS) * 100, 1),
        eventLoopDelayP99Ms: round(loop.percentile(99) / 1e6, 2),
        eventLoopDelayMaxMs: round(loop.max / 1e6, 2),
      },
      converged,
      editsPerDoc,
    };
  } finally {
    stopped = true;
    clearInterval(ticker);
    loop?.disable();
    for (const c of all) c.close();
    process.setMaxListeners(maxListeners);
  }
}

export interface OpenDocuments {
  /** Sockets that closed without being asked. */
  dropped(): number;
  /** Closes every socket and waits until each has closed. */
  close(): Promise<void>;
}

/**
 * Opens one bare y-protocols connection to each of `keys` (at most `concurrency` opening at
 * once), writes `textBytes` of text into each document and resolves once the server has echoed
 * every write back (for Lattice: once it is durable). For the memory figures: each document then
 * has one open connection and its text. If any document fails to open, every socket opened so far
 * is terminated and every timer cleared before the error is thrown.
 */
export async function openDocuments(serverUrl: string, keys: readonly string[], textBytes: number, concurrency = 50, timeoutMs = 60_000): Promise<OpenDocuments> {
  if (!serverUrl.startsWith("ws://127.0.0.1:")) throw new Error(`refusing to connect to ${serverUrl}: 127.0.0.1 only`);
  const sockets: WebSocket[] = [];
  /** Fails each document still opening: its timer cleared, its doc destroyed. */
  const opening = new Set<(err: Error) => void>();
  let closing = false;
  let dropped = 0;
  const body = "x".repeat(textBytes);
  const openOne = (key: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const ydoc = new Y.Doc();
      const timer = setTimeout(() => settle(new Error(`document ${key}: no echo of its text within ${timeoutMs} ms`)), timeoutMs);
      // The doc is only needed until its text is echoed; every way out ends here, once.
      const settle = (err?: Error): void => {
        if (!opening.delete(settle)) return;
        clearTimeout(timer);
        ydoc.destroy();
        if (err) reject(err);
        else resolve();
      };
      opening.add(settle);
      const ws = openProtocolSocket(`${serverUrl}/${key}`, ydoc, key, {
        onOpen: () => ydoc.getText("body").insert(0, body),
        onUpdate: (update) => {
          if ((Y.parseUpdateMeta(update).to.get(ydoc.clientID) ?? 0) >= body.length) settle();
        },
        onBadFrame: (err) => settle(err),
        onError: (err) => settle(err),
        onClose: () => {
          if (closing) return;
          dropped++;
          settle(new Error(`document ${key}: the socket closed before its text was echoed`));
        },
      });
      sockets.push(ws);
    });
  try {
    for (let i = 0; i < keys.length; i += concurrency) await Promise.all(keys.slice(i, i + concurrency).map(openOne));
  } catch (err) {
    closing = true;
    const aborted = new Error("another document failed to open");
    for (const fail of [...opening]) fail(aborted);
    for (const ws of sockets) ws.terminate();
    throw err;
  }
  return {
    dropped: () => dropped,
    close: async () => {
      closing = true;
      await closeSockets(sockets);
    },
  };
}
