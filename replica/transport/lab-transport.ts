/**
 * The partition lab (SPEC §7, `LATTICE_LAB=1`): a {@link Transport} wrapper that cuts or delays
 * gossip between named regions, so that anyone can watch replicas diverge and converge on one
 * machine, without root, `ip netns` or `tc`.
 *
 * Regions, not URLs, are what people reason about, but frames are opaque bytes and a dialed URL
 * says nothing about the region behind it. So each connection learns its peer's region from the
 * first frame the peer sends, which is always a Hello (PROTOCOL.md; Envelope field 1 and Hello are
 * frozen across protocol versions, so this peek cannot break with a new version). Until then, and
 * for a first frame that is not a Hello, the connection is neither cut nor delayed.
 *
 * A cut behaves like a silent network partition, not like a refusal: frames vanish in both
 * directions (`send` still answers true, as a socket into a dead network would), including frames
 * already delayed in flight; a close from the far side is held back as long as the cut lasts (the
 * far side's FIN would not have arrived either), so each side notices only through its own failure
 * detector. A held close is delivered once this side closes the connection itself, when the cut is
 * healed, or when the transport closes. New dials across a cut open (the HTTP upgrade is not
 * gossip) but their handshakes vanish, so they time out like a dial into a partition.
 *
 * Latency models each region's distance from the others: a frame between regions X and Y (X ≠ Y)
 * waits `latency(X) + latency(Y)` one way. It is applied where the frame is received, so every
 * replica of the cluster needs the same rules (the admin API propagates them). Order within a
 * connection is kept even when the latency changes.
 *
 * The rules are symmetric and apply to every connection of the wrapped transports, those open now
 * and those opened later.
 *
 * @module
 */
import "../../protos/runtime.js";
import { CloseCode, ObservedCloseCode } from "../../protos/close-codes.js";
import { decodeMessage } from "../../protos/decode.js";
import { lattice } from "../../protos/generated/replica.js";
import { GOSSIP_HANDSHAKE_FRAME_BYTES } from "../../protos/limits.js";
import type { Env, TimerHandle } from "../env.js";
import { reportSafely } from "./connection-core.js";
import type { Connection, ConnectionHandlers, Transport } from "./transport.js";

/** Longest latency the lab accepts per region: a minute is already far beyond any real network. */
export const MAX_LAB_LATENCY_MS = 60_000;

/** The rules in force, as the admin API reports them. */
export interface LabRules {
  /** Cut region pairs, each sorted, the list sorted. */
  readonly partitions: ReadonlyArray<readonly [string, string]>;
  /** Added one-way latency per region, in milliseconds (regions without one are omitted). */
  readonly latencyMs: Readonly<Record<string, number>>;
}

export interface LabStats {
  /** Gossip frames that vanished in a cut (sent or received). */
  readonly framesDropped: number;
  /** Received frames that waited for a latency rule. */
  readonly framesDelayed: number;
  /** Connections whose far side closed during a cut, not yet told to this side. */
  readonly closesHeld: number;
  /** Open connections, and how many of them cross a cut right now. */
  readonly connections: number;
  readonly connectionsCut: number;
}

export interface PartitionLabOptions {
  /** The region of the replica this lab runs in (LATTICE_REGION). */
  readonly region: string;
  /** Timers and clock for delays; the real ones in production, virtual ones in simulations. */
  readonly env: Env;
  /** Told about exceptions thrown by connection handlers (the connection is then closed with 4500). */
  readonly onError?: (err: unknown) => void;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** One replica's lab: the rules, and the connections they apply to. */
export class PartitionLab {
  readonly region: string;
  private readonly cuts = new Set<string>();
  private readonly latency = new Map<string, number>();
  private readonly live = new Set<LabConnection>();
  private readonly counters: Mutable<Pick<LabStats, "framesDropped" | "framesDelayed">> = { framesDropped: 0, framesDelayed: 0 };

  constructor(private readonly opts: PartitionLabOptions) {
    this.region = opts.region;
  }

  /** Cuts gossip between regions `a` and `b` (both directions). Cutting a region from itself is refused. */
  partition(a: string, b: string): void {
    if (a === b) throw new RangeError(`cannot partition region ${a} from itself`);
    this.cuts.add(pairKey(a, b));
    this.rulesChanged();
  }

  /** Removes every cut and every latency: a perfect network again. */
  heal(): void {
    this.cuts.clear();
    this.latency.clear();
    this.rulesChanged();
  }

  /** Sets the one-way latency added to frames entering or leaving `region`; 0 removes it. */
  setLatency(region: string, ms: number): void {
    if (!Number.isInteger(ms) || ms < 0 || ms > MAX_LAB_LATENCY_MS) throw new RangeError(`latency must be a whole number of ms in [0, ${MAX_LAB_LATENCY_MS}], got ${ms}`);
    if (ms === 0) this.latency.delete(region);
    else this.latency.set(region, ms);
    this.rulesChanged();
  }

  rules(): LabRules {
    const partitions = [...this.cuts].sort().map((k) => JSON.parse(k) as [string, string]);
    const latencyMs: Record<string, number> = {};
    for (const r of [...this.latency.keys()].sort()) latencyMs[r] = this.latency.get(r) ?? 0;
    return { partitions, latencyMs };
  }

  stats(): LabStats {
    let held = 0;
    let cut = 0;
    for (const c of this.live) {
      if (c.holdingClose) held++;
      if (c.isCut) cut++;
    }
    return { ...this.counters, closesHeld: held, connections: this.live.size, connectionsCut: cut };
  }

  /** Whether gossip with a replica in `remote` is cut. */
  isCut(remote: string): boolean {
    return remote !== this.region && this.cuts.has(pairKey(this.region, remote));
  }

  /** The delay a frame from a replica in `remote` waits on arrival. */
  delayFrom(remote: string): number {
    if (remote === this.region) return 0;
    return (this.latency.get(this.region) ?? 0) + (this.latency.get(remote) ?? 0);
  }

  /**
   * Wraps a transport: dialed and accepted connections go through the lab's rules. Accepting stays
   * with the wrapped transport (the HTTP server hands it upgraded sockets); the wrapper only sees
   * them through its `onInbound` handler.
   */
  wrap(inner: Transport): Transport {
    const mine = new Set<LabConnection>();
    const adopt = (conn: Connection): LabConnection => {
      const wrapped = new LabConnection(conn, this, () => {
        mine.delete(wrapped);
        this.live.delete(wrapped);
      });
      mine.add(wrapped);
      this.live.add(wrapped);
      return wrapped;
    };
    return {
      dial: (url) => adopt(inner.dial(url)),
      onInbound(handler) {
        inner.onInbound((conn) => handler(adopt(conn)));
      },
      async close() {
        // Every close from here on is this side's own, so none may be held back by a cut (a
        // session would otherwise wait for its own handshake or failure timer), and delayed
        // frames are of no use to anyone any more.
        for (const c of [...mine]) c.shutdown();
        const closing = inner.close();
        // Closes already held back (or queued behind delayed frames) are told now, not once every
        // other connection has finished its closing handshake; one microtask later, so that no
        // handler runs inside the caller's own call.
        await Promise.resolve();
        for (const c of [...mine]) c.tellHeldClose();
        await closing;
        // Connections adopted while the inner transport closed (dials it refused) get the same.
        for (const c of [...mine]) {
          c.shutdown();
          c.tellHeldClose();
          c.forgetIfNeverStarted();
        }
      },
    };
  }

  /** @internal */
  countDropped(): void {
    this.counters.framesDropped++;
  }

  /** @internal */
  countDelayed(): void {
    this.counters.framesDelayed++;
  }

  /** @internal */
  get env(): Env {
    return this.opts.env;
  }

  /** @internal */
  reportError(err: unknown): void {
    reportSafely(this.opts.onError, err);
  }

  private rulesChanged(): void {
    for (const c of [...this.live]) c.rulesChanged();
  }
}

function pairKey(a: string, b: string): string {
  return JSON.stringify(a < b ? [a, b] : [b, a]);
}

type Pending = { readonly at: number; readonly kind: "message"; readonly frame: Uint8Array } | { readonly at: number; readonly kind: "close"; readonly code: number; readonly reason: string };

/** The region a peer gave in its Hello, or undefined when `frame` is not a Hello. */
function helloRegion(frame: Uint8Array): string | undefined {
  try {
    const env = decodeMessage(lattice.replica.Envelope, frame, GOSSIP_HANDSHAKE_FRAME_BYTES);
    const region = env.body === "hello" ? env.hello?.region : undefined;
    return region ? region.slice(0, 64) : undefined;
  } catch {
    // Not a Hello this lab can read: the session above refuses the peer; the lab stays out of it.
    return undefined;
  }
}

/** One connection under the lab's rules. */
class LabConnection implements Connection {
  private handlers: ConnectionHandlers | undefined;
  private remoteRegion: string | undefined;
  private firstFrameSeen = false;
  private readonly queue: Pending[] = [];
  private timer: TimerHandle | undefined;
  private lastAt = 0;
  /** This side called close/terminate: whatever the rules, the close is told. */
  private localClose: { code: number; reason: string } | undefined;
  /** The far side's close, held back while the connection is cut. */
  private heldClose: { code: number; reason: string } | undefined;
  private closeTold = false;
  /** The transport is closing: every close is told as it comes, whatever the rules. */
  private shuttingDown = false;

  constructor(
    private readonly inner: Connection,
    private readonly lab: PartitionLab,
    private readonly forget: () => void,
  ) {}

  get role(): "dialer" | "listener" {
    return this.inner.role;
  }

  get remote(): string {
    return this.inner.remote;
  }

  get isCut(): boolean {
    return this.remoteRegion !== undefined && this.lab.isCut(this.remoteRegion);
  }

  get holdingClose(): boolean {
    return this.heldClose !== undefined && !this.closeTold;
  }

  start(handlers: ConnectionHandlers): void {
    if (this.handlers !== undefined) throw new Error("Connection.start was already called");
    this.handlers = handlers;
    // The inner connection delivers its backlog after start returns, as the contract requires.
    this.inner.start({
      open: () => handlers.open(),
      message: (frame) => this.onMessage(frame),
      close: (code, reason) => this.onClose(code, reason),
    });
  }

  send(frame: Uint8Array): boolean {
    if (this.localClose !== undefined || this.shuttingDown) return false;
    if (this.isCut) {
      // Into a dead network: accepted, never delivered.
      this.lab.countDropped();
      return true;
    }
    return this.inner.send(frame);
  }

  bufferedAmount(): number {
    return this.inner.bufferedAmount();
  }

  close(code: number, reason: string): void {
    if (this.localClose !== undefined || this.closeTold) {
      this.inner.close(code, reason);
      return;
    }
    this.inner.close(code, reason);
    this.localClose = { code, reason };
    this.tellHeldCloseAs(this.localClose);
    this.forgetIfNeverStarted();
  }

  terminate(): void {
    if (this.localClose === undefined && !this.closeTold) this.localClose = { code: ObservedCloseCode.abnormal, reason: "terminated" };
    this.inner.terminate();
    if (this.localClose) this.tellHeldCloseAs(this.localClose);
    this.forgetIfNeverStarted();
  }

  /**
   * Drops a closed connection nobody started from the lab's books: its close event waits in the
   * inner connection for a start that may never come (a refusal during shutdown), so it would
   * count as open for good. A later start still gets the close; forgetting twice is harmless.
   */
  forgetIfNeverStarted(): void {
    if (this.handlers === undefined) this.forget();
  }

  /** The rules changed: a healed connection delivers the close it held back. */
  rulesChanged(): void {
    if (!this.isCut && this.heldClose !== undefined) this.release();
  }

  /** Tells a held close now (heal, or the transport closing). */
  release(): void {
    const held = this.heldClose;
    if (held === undefined || this.closeTold) return;
    this.lab.env.timers.defer(() => this.tellClose(held.code, held.reason));
  }

  /**
   * The transport is closing: delayed frames are dropped (the inner connection discards frames
   * once it is closed, too) and no delay timer outlives the transport. A close queued behind
   * them waits in `heldClose` for {@link tellHeldClose}; one that arrives later is told at once.
   */
  shutdown(): void {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    const queued = this.queue.find((p) => p.kind === "close");
    this.timer?.cancel();
    this.timer = undefined;
    this.queue.length = 0;
    if (queued?.kind === "close") this.heldClose ??= { code: queued.code, reason: queued.reason };
  }

  /** Tells the close held back by a cut or queued behind delayed frames (transport closing). */
  tellHeldClose(): void {
    if (this.heldClose === undefined) return;
    // A close our side made meanwhile is the one reported (see tellHeldCloseAs), not the far side's.
    const close = this.localClose ?? this.heldClose;
    this.tellClose(close.code, close.reason);
  }

  private tellHeldCloseAs(close: { code: number; reason: string }): void {
    // Our side closes a connection whose far side is already gone (its close was held back):
    // the close we chose is the one reported, as when the far side's FIN never arrived.
    if (this.heldClose === undefined) return;
    this.lab.env.timers.defer(() => this.tellClose(close.code, close.reason));
  }

  private onMessage(frame: Uint8Array): void {
    if (!this.firstFrameSeen) {
      this.firstFrameSeen = true;
      this.remoteRegion = helloRegion(frame);
    }
    if (this.localClose !== undefined || this.shuttingDown) return;
    if (this.isCut) {
      this.lab.countDropped();
      return;
    }
    const delay = this.remoteRegion === undefined ? 0 : this.lab.delayFrom(this.remoteRegion);
    if (delay === 0 && this.queue.length === 0) {
      // Straight through, inside the inner connection's callback: a handler that throws is
      // reported and closes the connection by the inner transport's own rules.
      this.handlers?.message(frame);
      return;
    }
    if (delay > 0) this.lab.countDelayed();
    this.enqueue({ at: this.dueAt(delay), kind: "message", frame });
  }

  private onClose(code: number, reason: string): void {
    if (this.localClose !== undefined || this.shuttingDown) {
      // This side closed, the connection or the whole transport: the inner connection's report
      // follows its own contract (ours, or the far side's when that one's close frame crossed
      // ours). Cuts no longer matter.
      this.tellClose(code, reason);
      return;
    }
    if (this.queue.length > 0) {
      this.enqueue({ at: this.dueAt(0), kind: "close", code, reason });
      return;
    }
    this.deliverClose(code, reason);
  }

  private deliverClose(code: number, reason: string): void {
    if (this.isCut && this.localClose === undefined) {
      this.heldClose = { code, reason };
      return;
    }
    this.tellClose(code, reason);
  }

  private tellClose(code: number, reason: string): void {
    if (this.closeTold) return;
    this.closeTold = true;
    this.timer?.cancel();
    this.timer = undefined;
    this.queue.length = 0;
    this.forget();
    try {
      this.handlers?.close(code, reason);
    } catch (err) {
      this.lab.reportError(err);
    }
  }

  private dueAt(delay: number): number {
    const at = Math.max(this.lab.env.clock.monotonic() + delay, this.lastAt);
    this.lastAt = at;
    return at;
  }

  private enqueue(p: Pending): void {
    this.queue.push(p);
    if (this.queue.length === 1) this.schedule();
  }

  private schedule(): void {
    const head = this.queue[0];
    if (head === undefined || this.timer !== undefined) return;
    const wait = Math.max(0, head.at - this.lab.env.clock.monotonic());
    this.timer = this.lab.env.timers.after(wait, () => {
      this.timer = undefined;
      this.flush();
    });
  }

  private flush(): void {
    const now = this.lab.env.clock.monotonic();
    for (let head = this.queue[0]; head !== undefined && head.at <= now && !this.closeTold; head = this.queue[0]) {
      this.queue.shift();
      if (head.kind === "close") {
        this.deliverClose(head.code, head.reason);
        continue;
      }
      if (this.localClose !== undefined) continue;
      if (this.isCut) {
        // In flight when the cut began: lost, like packets on a link that went down.
        this.lab.countDropped();
        continue;
      }
      try {
        this.handlers?.message(head.frame);
      } catch (err) {
        this.lab.reportError(err);
        this.close(CloseCode.internal, "internal error");
      }
    }
    if (!this.closeTold) this.schedule();
  }
}
