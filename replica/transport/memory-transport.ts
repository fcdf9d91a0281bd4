/**
 * An in-memory network of {@link Transport}s, for deterministic simulation and tests. Time and
 * chance come only from the injected {@link Env} (`env.timers`, `env.random`), so a simulation on
 * a virtual clock with a seeded random source replays the same deliveries every run.
 *
 * A real WebSocket is ordered and reliable within a connection. This network deliberately is
 * not, when asked: {@link MemoryNetwork.setLinkFaults} drops, duplicates and delays (hence
 * reorders) frames, because gossip must stay correct under all three (deltas are joined, so
 * loss is repaired by anti-entropy and duplicates and reordering are harmless, SPEC §6). With no
 * faults configured, frames are delivered in order, each after a zero-delay timer.
 *
 * @module
 */
import type { Env, TimerHandle } from "../env.js";
import { CloseCode, ObservedCloseCode } from "../../protos/close-codes.js";
import { assertSendableCloseCode, Inbox, reportSafely, truncateReason, type HandlerKind } from "./connection-core.js";
import type { Connection, ConnectionHandlers, Transport } from "./transport.js";

/** Faults applied to every frame on every link. Omitted fields are 0. */
export interface LinkFaults {
  /** Probability in [0, 1] that a frame vanishes. */
  readonly dropRate?: number;
  /** Probability in [0, 1] that a frame that was not dropped arrives twice. */
  readonly duplicateRate?: number;
  /** Each delivery (and each connect, close notice and refusal) waits a uniformly random delay in [minDelayMs, maxDelayMs]. */
  readonly minDelayMs?: number;
  readonly maxDelayMs?: number;
}

export interface MemoryNetworkStats {
  /** Frames accepted by `send` (a duplicated frame counts once here, twice when delivered). */
  readonly framesSent: number;
  readonly bytesSent: number;
  /** Frames handed to a receiver (buffered until its `start` counts as delivered). */
  readonly framesDelivered: number;
  readonly bytesDelivered: number;
  /** Frames that vanished: random drops, partitions, and frames reaching an end already closed. */
  readonly framesDropped: number;
  readonly bytesDropped: number;
}

export interface MemoryNetworkOptions {
  /**
   * How long a dial across a partition waits before it fails with 1006 (default 5000 virtual
   * ms, like the WebSocket transport's handshake timeout): a partitioned peer does not refuse,
   * it just never answers.
   */
  readonly handshakeTimeoutMs?: number;
  /** Told about exceptions thrown by connection or inbound handlers (the connection is closed with 4500). */
  readonly onError?: (err: unknown) => void;
}

export interface MemoryNetwork {
  /**
   * The transport of the replica reachable at `url` (a base URL, as in LATTICE_PEERS). One live
   * transport per URL; after its `close()` the URL may be registered again (a restart).
   */
  transport(url: string): Transport;
  /**
   * Cuts every link between a replica in `a` and one in `b`, in both directions, until `heal`.
   * Frames vanish without a close event (packets lost, no reset), including frames in flight;
   * dials across the cut time out. Cuts accumulate.
   */
  partition(a: readonly string[], b: readonly string[]): void;
  /** Removes every partition. Connections that survived it carry frames again. */
  heal(): void;
  /** Replaces the faults of every link (`{}` restores a perfect network). */
  setLinkFaults(faults: LinkFaults): void;
  /**
   * Drops every connection of `url` as a process kill would: its ends close with 1006 now, and
   * each peer sees 1006 after a link delay (unless partitioned away: then the peer's end stays
   * half-open until it notices by itself). The transport stays registered and can dial again.
   */
  disconnect(url: string): void;
  stats(): MemoryNetworkStats;
}

const DEFAULT_HANDSHAKE_TIMEOUT_MS = 5000;

/** Creates an empty network on `env`'s timers and random source. */
export function createMemoryNetwork(env: Env, options: MemoryNetworkOptions = {}): MemoryNetwork {
  const net = new Network(env, options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS, options.onError);
  return {
    transport: (url) => net.register(url),
    partition: (a, b) => net.partition(a, b),
    heal: () => net.heal(),
    setLinkFaults: (faults) => net.setLinkFaults(faults),
    disconnect: (url) => net.disconnect(url),
    stats: () => ({ ...net.counters }),
  };
}

/** Registry URLs have no trailing slash, so "ws://a:1/" and "ws://a:1" are the same replica. */
function normalize(url: string): string {
  return url.replace(/\/+$/, "");
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

class Network {
  readonly counters: Mutable<MemoryNetworkStats> = {
    framesSent: 0,
    bytesSent: 0,
    framesDelivered: 0,
    bytesDelivered: 0,
    framesDropped: 0,
    bytesDropped: 0,
  };
  private readonly transports = new Map<string, MemoryTransport>();
  private cuts: Array<{ a: ReadonlySet<string>; b: ReadonlySet<string> }> = [];
  private faults: Required<LinkFaults> = { dropRate: 0, duplicateRate: 0, minDelayMs: 0, maxDelayMs: 0 };

  constructor(
    readonly env: Env,
    readonly handshakeTimeoutMs: number,
    readonly onError: ((err: unknown) => void) | undefined,
  ) {}

  register(url: string): MemoryTransport {
    const key = normalize(url);
    if (this.transports.has(key)) throw new Error(`a transport is already registered at ${key}`);
    const transport = new MemoryTransport(this, key);
    this.transports.set(key, transport);
    return transport;
  }

  unregister(transport: MemoryTransport): void {
    if (this.transports.get(transport.url) === transport) this.transports.delete(transport.url);
  }

  lookup(url: string): MemoryTransport | undefined {
    return this.transports.get(normalize(url));
  }

  partition(a: readonly string[], b: readonly string[]): void {
    this.cuts.push({ a: new Set(a.map(normalize)), b: new Set(b.map(normalize)) });
  }

  heal(): void {
    this.cuts = [];
  }

  isCut(x: string, y: string): boolean {
    return this.cuts.some(({ a, b }) => (a.has(x) && b.has(y)) || (a.has(y) && b.has(x)));
  }

  setLinkFaults(faults: LinkFaults): void {
    const next: Required<LinkFaults> = {
      dropRate: faults.dropRate ?? 0,
      duplicateRate: faults.duplicateRate ?? 0,
      minDelayMs: faults.minDelayMs ?? 0,
      maxDelayMs: faults.maxDelayMs ?? faults.minDelayMs ?? 0,
    };
    for (const rate of [next.dropRate, next.duplicateRate]) {
      if (!(rate >= 0 && rate <= 1)) throw new RangeError(`a fault rate must be in [0, 1], got ${rate}`);
    }
    if (!(next.minDelayMs >= 0 && next.maxDelayMs >= next.minDelayMs)) {
      throw new RangeError(`need 0 <= minDelayMs <= maxDelayMs, got ${next.minDelayMs} and ${next.maxDelayMs}`);
    }
    this.faults = next;
  }

  disconnect(url: string): void {
    this.lookup(url)?.dropAll();
  }

  /** One link delay. Draws from the random source only when there is a range to draw from. */
  delay(): number {
    const { minDelayMs, maxDelayMs } = this.faults;
    return maxDelayMs > minDelayMs ? minDelayMs + this.env.random.next() * (maxDelayMs - minDelayMs) : minDelayMs;
  }

  /** Whether the next frame vanishes. Draws only when drops are configured. */
  drops(): boolean {
    return this.faults.dropRate > 0 && this.env.random.next() < this.faults.dropRate;
  }

  /** Whether the next frame arrives twice. Draws only when duplicates are configured. */
  duplicates(): boolean {
    return this.faults.duplicateRate > 0 && this.env.random.next() < this.faults.duplicateRate;
  }

  countDropped(bytes: number): void {
    this.counters.framesDropped++;
    this.counters.bytesDropped += bytes;
  }
}

class MemoryTransport implements Transport {
  /** Ends this transport owns (dialed or accepted) that are not closed yet. */
  readonly live = new Set<MemoryEnd>();
  private inboundHandler: ((conn: Connection) => void) | undefined;
  private closing: Promise<void> | undefined;

  constructor(
    readonly net: Network,
    readonly url: string,
  ) {}

  get isClosed(): boolean {
    return this.closing !== undefined;
  }

  dial(url: string): Connection {
    const end = new MemoryEnd(this, "dialer", url);
    if (this.isClosed) {
      end.failLater(CloseCode.goingAway, "transport closed", 0);
      return end;
    }
    this.live.add(end);
    end.connect(normalize(url));
    return end;
  }

  onInbound(handler: (conn: Connection) => void): void {
    this.inboundHandler = handler;
  }

  /** Called by a dialer's connect timer: adopts the listener end, as an HTTP upgrade would. */
  accept(end: MemoryEnd): void {
    this.live.add(end);
    const handler = this.inboundHandler;
    if (handler === undefined) {
      end.close(CloseCode.goingAway, "not ready");
      return;
    }
    try {
      handler(end);
    } catch (err) {
      reportSafely(this.net.onError, err);
      end.close(CloseCode.internal, "internal error");
    }
  }

  close(): Promise<void> {
    this.inboundHandler = undefined;
    this.closing ??= (async () => {
      this.net.unregister(this);
      const ends = [...this.live];
      for (const end of ends) end.close(CloseCode.goingAway, "going away");
      // Every end finishes within one link delay (a close needs no answer here), so no timeout.
      await Promise.all(ends.map((end) => end.closed));
    })();
    return this.closing;
  }

  /** disconnect(): every end of this replica drops at once. */
  dropAll(): void {
    for (const end of [...this.live]) end.drop();
  }
}

type EndState = "connecting" | "open" | "closing" | "closed";

/** One side of an in-memory connection. */
class MemoryEnd implements Connection {
  readonly closed: Promise<void>;
  peer: MemoryEnd | undefined;
  private state: EndState = "connecting";
  private readonly inbox: Inbox;
  /**
   * Timers this end started (connect, refusal, close notices, frames it sent, with the frame's
   * size), cancelled when both ends are closed: then nothing is left to receive them.
   */
  private readonly timers = new Map<TimerHandle, number | undefined>();
  private inFlightBytes = 0;
  private markClosed: () => void = () => {};

  constructor(
    private readonly owner: MemoryTransport,
    readonly role: "dialer" | "listener",
    readonly remote: string,
  ) {
    this.closed = new Promise((resolve) => {
      this.markClosed = resolve;
    });
    const { env, onError } = owner.net;
    this.inbox = new Inbox(
      (fn) => env.timers.defer(fn),
      (err, kind) => this.handlerFailed(err, kind, onError),
    );
  }

  private get net(): Network {
    return this.owner.net;
  }

  start(handlers: ConnectionHandlers): void {
    this.inbox.start(handlers);
  }

  send(frame: Uint8Array): boolean {
    const peer = this.peer;
    if (this.state !== "open" || peer === undefined) return false;
    const net = this.net;
    const bytes = frame.byteLength;
    net.counters.framesSent++;
    net.counters.bytesSent += bytes;
    // Copied now: the caller may reuse its buffer, and the receiver must not share it.
    const copy = frame.slice();
    if (net.isCut(this.owner.url, peer.owner.url) || net.drops()) {
      net.countDropped(bytes);
      return true;
    }
    const copies = net.duplicates() ? 2 : 1;
    this.inFlightBytes += bytes;
    for (let i = 0; i < copies; i++) {
      const payload = i === 0 ? copy : copy.slice();
      this.later(
        net.delay(),
        () => {
          if (i === 0) this.inFlightBytes -= bytes;
          // Checked again on arrival: a partition also swallows frames already on the wire.
          if (!net.isCut(this.owner.url, peer.owner.url) && peer.receive(payload)) {
            net.counters.framesDelivered++;
            net.counters.bytesDelivered += bytes;
          } else {
            net.countDropped(bytes);
          }
        },
        bytes,
      );
    }
    return true;
  }

  bufferedAmount(): number {
    return this.inFlightBytes;
  }

  close(code: number, reason: string): void {
    assertSendableCloseCode(code);
    const why = truncateReason(reason);
    if (this.state === "connecting") {
      this.failLater(code, why, 0);
      return;
    }
    if (this.state !== "open") return;
    this.state = "closing";
    this.inbox.mute();
    // The close frame travels like any frame; both sides learn of it when it lands (the answer
    // needs no modelling). Across a partition it vanishes and the peer stays half-open.
    const peer = this.peer;
    this.later(this.net.delay(), () => {
      if (peer !== undefined && !this.net.isCut(this.owner.url, peer.owner.url)) peer.finish(code, why);
      this.finish(code, why);
    });
  }

  terminate(): void {
    if (this.state === "connecting") {
      this.failLater(ObservedCloseCode.abnormal, "terminated", 0);
      return;
    }
    if (this.state === "closed") return;
    this.drop("terminated");
  }

  /** Dropped without a closing handshake: closed here at once, the peer notices a link delay later. */
  drop(reason = "disconnected"): void {
    if (this.state === "closed") return;
    if (this.state === "connecting") {
      this.failLater(ObservedCloseCode.abnormal, reason, 0);
      return;
    }
    const peer = this.peer;
    this.state = "closing";
    this.inbox.mute();
    if (peer !== undefined && peer.state !== "closed") {
      const net = this.net;
      const notice = net.env.timers.after(net.delay(), () => {
        peer.timers.delete(notice);
        if (!net.isCut(this.owner.url, peer.owner.url)) peer.finish(ObservedCloseCode.abnormal, "connection lost");
      });
      // Owned by the peer: this end is about to be closed, and its timers with it.
      peer.timers.set(notice, undefined);
    }
    this.later(0, () => this.finish(ObservedCloseCode.abnormal, reason));
  }

  /** Dialer: reaches the transport at `url` after a link delay, or fails like a real dial would. */
  connect(url: string): void {
    const net = this.net;
    const spent = net.delay();
    this.later(spent, () => {
      if (this.state !== "connecting") return;
      if (net.isCut(this.owner.url, url)) {
        // Still "connecting" while it waits, so that close() can give up sooner.
        this.later(Math.max(0, net.handshakeTimeoutMs - spent), () => {
          if (this.state === "connecting") this.finish(ObservedCloseCode.abnormal, "handshake timed out");
        });
        return;
      }
      const target = net.lookup(url);
      if (target === undefined || target.isClosed) {
        this.finish(ObservedCloseCode.abnormal, "unreachable");
        return;
      }
      const listener = new MemoryEnd(target, "listener", this.owner.url);
      listener.peer = this;
      this.peer = listener;
      listener.state = "open";
      this.state = "open";
      listener.inbox.open();
      target.accept(listener);
      this.inbox.open();
    });
  }

  /** A dial that fails (or is given up) before it connected. */
  failLater(code: number, reason: string, ms: number): void {
    if (this.state !== "connecting") return;
    this.state = "closing";
    this.inbox.mute();
    this.later(ms, () => this.finish(code, reason));
  }

  /** An arriving frame; false when this end discards it. */
  private receive(frame: Uint8Array): boolean {
    if (this.state !== "open") return false;
    return this.inbox.message(frame);
  }

  private finish(code: number, reason: string): void {
    if (this.state === "closed") return;
    this.state = "closed";
    this.inbox.close(code, reason);
    this.owner.live.delete(this);
    this.markClosed();
    const peer = this.peer;
    // Frames and notices still in flight matter only while one end can receive them.
    if (peer === undefined || peer.state === "closed") {
      this.cancelTimers();
      peer?.cancelTimers();
    }
  }

  /** Runs `fn` after `ms` on the env's timers; `frameBytes` marks a frame delivery, for the stats. */
  private later(ms: number, fn: () => void, frameBytes?: number): void {
    const handle = this.net.env.timers.after(ms, () => {
      this.timers.delete(handle);
      fn();
    });
    this.timers.set(handle, frameBytes);
  }

  private cancelTimers(): void {
    for (const [handle, frameBytes] of this.timers) {
      handle.cancel();
      if (frameBytes !== undefined) this.net.countDropped(frameBytes);
    }
    this.timers.clear();
  }

  private handlerFailed(err: unknown, kind: HandlerKind, onError: ((err: unknown) => void) | undefined): void {
    reportSafely(onError, err);
    if (kind !== "close" && this.state === "open") this.close(CloseCode.internal, "internal error");
  }
}
