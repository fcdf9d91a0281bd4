import * as Y from "yjs";
import "../protos/runtime.js";
import { CloseCode } from "../protos/close-codes.js";
import { lattice as crdtPb } from "../protos/generated/crdt.js";
import { lattice } from "../protos/generated/replica.js";
import { DIGEST_BYTES, TREE_DEPTH, TREE_FANOUT, TREE_LEAVES } from "../protos/gossip.js";
import { DEFAULT_GOSSIP_FRAME_BYTES } from "../protos/limits.js";
import type { ReplicaId } from "../crdt/index.js";
import { CrdtError, decodeState, encodeState } from "../crdt/index.js";
import type { ClusterObserver } from "./cluster-observer.js";
import { NO_OBSERVER } from "./cluster-observer.js";
import { differingSlots, leafOf } from "./digest-tree.js";
import type { EntityId, EntityRef } from "./entity-ref.js";
import { entityId, refOf } from "./entity-ref.js";
import type { Entity } from "./entity.js";
import type { TimerHandle } from "./env.js";
import { ChangeAcks, GossipQueue } from "./gossip-queue.js";
import type { QueuedChange } from "./gossip-queue.js";
import type { Envelope, SessionEvents } from "./peer-session.js";
import { PeerSession } from "./peer-session.js";
import type { AckTracker, Change, ClusterPort, OutboundChange, Replica } from "./replica.js";
import type { Connection, Transport } from "./transport/transport.js";
import { versionEntries } from "./version.js";

import pb = lattice.replica;
import RefusalReason = lattice.replica.RefusalReason;

export interface ClusterInit {
  readonly replica: Replica;
  readonly transport: Transport;
  /** LATTICE_CLUSTER_SECRET: peers prove they know it; it never crosses the wire. */
  readonly secret: string;
  /** LATTICE_ADVERTISE_URL: where peers reach this replica (ws://host:port). */
  readonly advertiseUrl: string;
  /** LATTICE_PEERS: base URLs to start from; the rest is learned from peers. */
  readonly seeds: readonly string[];
  /** Largest gossip frame accepted (SPEC §8 default 16 MiB). */
  readonly maxFrameBytes?: number;
  readonly observer?: ClusterObserver;
  readonly log?: (level: "info" | "warn", msg: string) => void;
}

/** A replica this one has been connected to. */
interface Member {
  readonly id: ReplicaId;
  region: string;
  url: string;
  session: PeerSession | undefined;
  readonly queue: GossipQueue;
  readonly inflight: Map<number, QueuedChange[]>;
  /** Batches from this peer held back because Yjs updates in them wait for missing updates. */
  readonly heldAcks: Map<number, Set<EntityId>>;
  batchSeq: number;
  lastHeardMs: number;
  lastAntiEntropyMs: number | undefined;
  nextAntiEntropyMs: number;
}

/** A URL this replica dials. */
interface DialTarget {
  readonly url: string;
  peerId: ReplicaId | undefined;
  session: PeerSession | undefined;
  failures: number;
  timer: TimerHandle | undefined;
  lastError: string | undefined;
}

export interface PeerStatus {
  readonly url: string;
  readonly id: string | null;
  readonly region: string | null;
  readonly connected: boolean;
  readonly lastHeardMs: number | null;
  readonly queuedDeltas: number;
  readonly lastAntiEntropyMs: number | null;
  readonly error?: string;
}

function normalizeUrl(url: string): string {
  return url.trim().replace(/\/+$/, "");
}

/**
 * Replication of one replica with its peers: membership and dialing with backoff, heartbeats,
 * delta push with per-peer coalescing queues and acknowledgements, and anti-entropy over the
 * digest tree (PROTOCOL.md). Everything time- or random-dependent goes through replica.env.
 */
export class Cluster implements ClusterPort {
  private readonly members = new Map<ReplicaId, Member>();
  private readonly targets = new Map<string, DialTarget>();
  private readonly replica: Replica;
  observer: ClusterObserver;
  private readonly maxFrameBytes: number;
  private tickTimer: TimerHandle | undefined;
  private lastHeartbeatMs = 0;
  private flushScheduled = false;
  private flushTimer: TimerHandle | undefined;
  /** Monotonic time of the last push to the peers (see scheduleFlush). */
  private lastFlushMs = -Infinity;
  private closing = false;
  private closed: Promise<void> | undefined;
  private round = 0;
  /**
   * Every session not yet closed, dialed or accepted, authenticated or still in its handshake:
   * close() ends them itself instead of trusting the transport to.
   */
  private readonly sessions = new Set<PeerSession>();
  /** Resolves close() once the last session has reported its close. */
  private lastSessionClosed: (() => void) | undefined;
  /** Recent refusals of peers that dialed us (bad secret, version): shown in status, bounded. */
  private readonly refusedInbound = new Map<string, string>();
  private readonly awarenessListeners = new Set<(ref: EntityRef, update: Uint8Array, origin: string) => void>();
  private readonly peerDownListeners = new Set<(peer: ReplicaId) => void>();
  private readonly peerUpListeners = new Set<(peer: ReplicaId) => void>();

  /** Where peers reach this replica; settable until start() for servers bound to port 0. */
  advertiseUrl: string;

  constructor(private readonly init: ClusterInit) {
    this.advertiseUrl = init.advertiseUrl;
    this.replica = init.replica;
    this.observer = init.observer ?? NO_OBSERVER;
    this.maxFrameBytes = init.maxFrameBytes ?? DEFAULT_GOSSIP_FRAME_BYTES;
  }

  private get opts() {
    return this.replica.options;
  }

  private now(): number {
    return this.replica.env.clock.monotonic();
  }

  private log(level: "info" | "warn", msg: string): void {
    this.init.log?.(level, msg);
  }

  start(): void {
    this.init.transport.onInbound((conn) => this.accept(conn));
    for (const url of this.init.seeds) this.addTarget(url);
    this.scheduleTick();
  }

  // -------------------------------------------------------------------------------------------
  // Connections

  private addTarget(raw: string): void {
    const url = normalizeUrl(raw);
    if (!url || url === normalizeUrl(this.advertiseUrl) || this.targets.has(url)) return;
    this.targets.set(url, { url, peerId: undefined, session: undefined, failures: 0, timer: undefined, lastError: undefined });
    this.dial(url);
  }

  private dial(url: string): void {
    const t = this.targets.get(url);
    if (!t || this.closing || t.session || t.timer) return;
    if (t.peerId && this.members.get(t.peerId)?.session) return;
    const session = this.newSession(this.init.transport.dial(url));
    t.session = session;
    this.startSession(session);
  }

  private redialLater(t: DialTarget): void {
    if (this.closing || t.timer) return;
    const base = Math.min(this.opts.reconnectMaxMs, this.opts.reconnectMinMs * 2 ** Math.min(t.failures, 20));
    // Full jitter in [base/2, base): replicas that lost the same peer do not return in lockstep.
    const delay = base / 2 + this.replica.env.random.next() * (base / 2);
    t.timer = this.replica.env.timers.after(delay, () => {
      t.timer = undefined;
      this.dial(t.url);
    });
  }

  private accept(conn: Connection): void {
    if (this.closing) {
      conn.close(CloseCode.goingAway, "shutting down");
      return;
    }
    this.startSession(this.newSession(conn));
  }

  /** A session whose start failed never reports a close: it must not be one close() waits for. */
  private startSession(s: PeerSession): void {
    try {
      s.start();
    } catch (err) {
      this.sessions.delete(s);
      throw err;
    }
  }

  private newSession(conn: Connection): PeerSession {
    const events: SessionEvents = {
      authenticated: (s) => this.onAuthenticated(s),
      envelope: (s, env) => this.onEnvelope(s, env),
      closed: (s, code, reason) => this.onSessionClosed(s, code, reason),
      refused: (s, reason, cause) => {
        this.log("warn", `gossip peer ${s.peer?.id ?? s.conn.remote}: ${reason}`);
        this.observer.peerRefused(s.conn.remote, reason);
        const t = this.targetOf(s);
        if (t) {
          t.lastError = reason;
          return;
        }
        // A handshake that timed out, on either side, before the peer's Hello arrived (a dial
        // whose Hello vanished in a partition, the lab's cuts included) names no peer and tells
        // nothing of one. Listed under the connection's address, it would pass for a broken peer
        // in status and stay there after the heal: a session that authenticates clears only its
        // own address, and a dialed one not even that. The log line and the metric count it.
        const anonymousTimeout = cause === RefusalReason.TIMEOUT && s.peer === undefined;
        if (s.conn.role === "listener" && !s.authenticated && !anonymousTimeout) this.noteRefusedInbound(s.peer?.url || s.conn.remote, reason);
      },
    };
    const session = new PeerSession(
      conn,
      { id: this.replica.id, region: this.replica.region, advertiseUrl: this.advertiseUrl, secret: this.init.secret },
      this.replica.env,
      events,
      { handshakeTimeoutMs: this.opts.handshakeTimeoutMs, maxFrameBytes: this.maxFrameBytes },
    );
    this.sessions.add(session);
    return session;
  }

  private noteRefusedInbound(from: string, reason: string): void {
    this.refusedInbound.delete(from);
    this.refusedInbound.set(from, reason);
    // Sixteen are enough to diagnose a misconfigured peer without letting scanners grow memory.
    for (const k of this.refusedInbound.keys()) {
      if (this.refusedInbound.size <= 16) break;
      this.refusedInbound.delete(k);
    }
  }

  private targetOf(s: PeerSession): DialTarget | undefined {
    if (s.conn.role !== "dialer") return undefined;
    const t = this.targets.get(normalizeUrl(s.conn.remote));
    return t?.session === s ? t : undefined;
  }

  private dialerId(s: PeerSession): string {
    return s.conn.role === "dialer" ? this.replica.id : (s.peer?.id ?? "");
  }

  private onAuthenticated(s: PeerSession): boolean {
    const peer = s.peer;
    if (!peer || this.closing) return false;
    // A refusal from this peer is history once it got in (a handshake that timed out during a
    // partition, a secret since fixed): status should not keep listing it as a broken peer.
    this.refusedInbound.delete(peer.url);
    this.refusedInbound.delete(s.conn.remote);
    let m = this.members.get(peer.id);
    if (m?.session && m.session !== s) {
      // Both sides dialed each other: keep the session whose dialer has the smaller id, a rule
      // both ends evaluate identically, so exactly one session survives.
      if (this.dialerId(s) >= this.dialerId(m.session)) return false;
      m.session.close(CloseCode.duplicateSession, "replaced by a duplicate session");
    }
    if (!m) {
      m = {
        id: peer.id,
        region: peer.region,
        url: peer.url,
        session: undefined,
        queue: new GossipQueue(this.opts.maxQueuedEntitiesPerPeer),
        inflight: new Map(),
        heldAcks: new Map(),
        batchSeq: 0,
        lastHeardMs: this.now(),
        lastAntiEntropyMs: undefined,
        nextAntiEntropyMs: 0,
      };
      this.members.set(peer.id, m);
    }
    m.session = s;
    m.region = peer.region;
    m.url = peer.url;
    this.forgetOldIncarnations(m);
    this.replica.liveSetChanged();
    m.lastHeardMs = this.now();
    const t = this.targetOf(s);
    if (t) {
      t.peerId = peer.id;
      t.failures = 0;
      t.lastError = undefined;
    }
    if (peer.url) this.addKnownUrl(peer.url, peer.id);
    this.log("info", `gossip session with ${peer.id} (${peer.region}) open`);
    this.sendMembership(m);
    this.notify(this.peerUpListeners, (fn) => fn(m.id));
    // One side starts the first round: a round exchanges differences both ways, so two rounds
    // at once would ship every divergent entity twice. The other side's first round is due an
    // interval later.
    if (s.conn.role === "dialer") this.startAntiEntropy(m);
    else m.nextAntiEntropyMs = this.now() + this.opts.antiEntropyIntervalMs;
    this.flushMember(m);
    return true;
  }

  /**
   * A replica restarted on an empty data directory comes back under a new id at the same URL.
   * The old id will never return (ids are not reused), so it stops counting as a member: it
   * would otherwise raise the majority/all thresholds and collect queued deltas forever.
   */
  private forgetOldIncarnations(current: Member): void {
    if (!current.url) return;
    for (const [id, other] of this.members) {
      if (id !== current.id && !other.session && normalizeUrl(other.url) === normalizeUrl(current.url)) {
        this.members.delete(id);
        this.log("info", `replica ${id} at ${other.url} replaced by new incarnation ${current.id}`);
      }
    }
  }

  /** Remembers where a peer can be reached without dialing it while a session exists. */
  private addKnownUrl(raw: string, id: ReplicaId): void {
    const url = normalizeUrl(raw);
    if (!url || url === normalizeUrl(this.advertiseUrl)) return;
    const t = this.targets.get(url);
    if (t) t.peerId = id;
    else this.targets.set(url, { url, peerId: id, session: undefined, failures: 0, timer: undefined, lastError: undefined });
  }

  private onSessionClosed(s: PeerSession, code: number, reason: string): void {
    this.sessions.delete(s);
    if (this.sessions.size === 0) this.lastSessionClosed?.();
    const peerId = s.peer?.id;
    const m = peerId ? this.members.get(peerId) : undefined;
    if (m && m.session === s) {
      m.session = undefined;
      // Unacknowledged batches may be lost; anti-entropy on the next session repairs them.
      m.inflight.clear();
      m.heldAcks.clear();
      this.replica.liveSetChanged();
      this.log("info", `gossip session with ${m.id} closed (${code} ${reason})`);
      this.notify(this.peerDownListeners, (fn) => fn(m.id));
    }
    const t = this.targetOf(s);
    if (t) {
      t.session = undefined;
      if (!s.authenticated) {
        t.failures++;
        t.lastError ??= `connection closed (${code}${reason ? ` ${reason}` : ""})`;
      }
      this.redialLater(t);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Periodic work: heartbeats, failure detection, anti-entropy, redials

  /**
   * Ticks often enough that a silent peer is marked down within peerTimeoutMs (the SPEC bound),
   * not a whole heartbeat period later: the period is at most a fifth of the timeout, and a peer
   * counts as silent after the timeout minus one period.
   */
  private tickPeriod(): number {
    return Math.max(10, Math.min(this.opts.heartbeatMs, this.opts.peerTimeoutMs / 5));
  }

  private scheduleTick(): void {
    if (this.closing) return;
    this.tickTimer = this.replica.env.timers.after(this.tickPeriod(), () => {
      this.tick();
      this.scheduleTick();
    });
  }

  private tick(): void {
    const now = this.now();
    const silenceLimit = this.opts.peerTimeoutMs - this.tickPeriod();
    const beat = now - this.lastHeartbeatMs >= this.opts.heartbeatMs;
    if (beat) this.lastHeartbeatMs = now;
    for (const m of this.members.values()) {
      const s = m.session;
      if (!s) continue;
      m.lastHeardMs = s.lastHeardMs;
      if (now - s.lastHeardMs > silenceLimit) {
        // Packets vanish without a reset in a partition: silence is the only signal.
        this.log("warn", `peer ${m.id} silent for ${Math.round(now - s.lastHeardMs)} ms: marked down`);
        s.terminate();
        continue;
      }
      if (!beat) continue;
      s.send({ heartbeat: { timeMs: this.replica.env.clock.now() } });
      if (now >= m.nextAntiEntropyMs || m.queue.overflowed) this.startAntiEntropy(m);
      this.flushMember(m);
    }
    if (!beat) return;
    for (const t of this.targets.values()) {
      if (!t.session && !t.timer && !(t.peerId && this.members.get(t.peerId)?.session)) this.redialLater(t);
    }
  }

  // -------------------------------------------------------------------------------------------
  // ClusterPort

  publish(change: OutboundChange): AckTracker {
    const acks = new ChangeAcks((ms, fn) => this.replica.env.timers.after(ms, fn));
    for (const m of this.members.values()) m.queue.push(change, acks);
    this.scheduleFlush();
    return acks;
  }

  memberCount(): number {
    return 1 + this.members.size;
  }

  live(): ReadonlySet<ReplicaId> {
    const out = new Set<ReplicaId>();
    for (const m of this.members.values()) if (m.session) out.add(m.id);
    return out;
  }

  status(): PeerStatus[] {
    const now = this.now();
    const out: PeerStatus[] = [];
    const seen = new Set<ReplicaId>();
    for (const t of this.targets.values()) {
      const m = t.peerId ? this.members.get(t.peerId) : undefined;
      if (m) {
        if (seen.has(m.id)) continue;
        seen.add(m.id);
      }
      out.push(this.statusOf(t.url, m, now, t.lastError));
    }
    for (const m of this.members.values()) if (!seen.has(m.id)) out.push(this.statusOf(m.url, m, now, undefined));
    for (const [from, reason] of this.refusedInbound) {
      if (!out.some((p) => p.url === from)) out.push(this.statusOf(from, undefined, now, `refused: ${reason}`));
    }
    return out;
  }

  private statusOf(url: string, m: Member | undefined, now: number, error: string | undefined): PeerStatus {
    return {
      url: m?.url || url,
      id: m?.id ?? null,
      region: m?.region ?? null,
      connected: m?.session !== undefined,
      lastHeardMs: m ? Math.round(now - (m.session?.lastHeardMs ?? m.lastHeardMs)) : null,
      queuedDeltas: m?.queue.size ?? 0,
      lastAntiEntropyMs: m?.lastAntiEntropyMs === undefined ? null : Math.round(now - m.lastAntiEntropyMs),
      ...(error && !m?.session ? { error } : {}),
    };
  }

  /** Relays an awareness update to every connected peer (ephemeral: never stored). */
  broadcastAwareness(ref: EntityRef, update: Uint8Array): void {
    for (const m of this.members.values()) {
      m.session?.send({ awareness: { service: ref.service, key: ref.key, update, origin: this.replica.id } });
    }
  }

  onAwareness(fn: (ref: EntityRef, update: Uint8Array, origin: string) => void): () => void {
    this.awarenessListeners.add(fn);
    return () => this.awarenessListeners.delete(fn);
  }

  /**
   * Runs `fn` when the session with a peer ends (ephemeral state learned from it is stale).
   * A down could be read off the replica's live-set announcement too (Replica.liveSetChanged:
   * previous minus current), but an up could not (see onPeerUp), and the Yjs hub takes both
   * from the source of the awareness relay itself, per session and by the session's peer id.
   */
  onPeerDown(fn: (peer: ReplicaId) => void): () => void {
    this.peerDownListeners.add(fn);
    return () => this.peerDownListeners.delete(fn);
  }

  /** Calls each listener; one that throws is logged and does not stop the others or the session. */
  private notify<F>(listeners: ReadonlySet<F>, call: (fn: F) => void): void {
    for (const fn of listeners) {
      try {
        call(fn);
      } catch (err) {
        this.log("warn", `a cluster listener failed: ${String(err)}`);
      }
    }
  }

  /**
   * Runs `fn` when a session with a peer opens (first contact, or after a partition healed).
   * Every session, unlike the live set (Replica.liveSetChanged), which does not change when a
   * duplicate session replaces the current one: the peer may have seen its end of the old one
   * close first, and dropped this replica's awareness clients, which the Yjs hub must then
   * announce again although nothing changed here (docs/decisions.md, "Awareness after a heal").
   */
  onPeerUp(fn: (peer: ReplicaId) => void): () => void {
    this.peerUpListeners.add(fn);
    return () => this.peerUpListeners.delete(fn);
  }

  /** Resolves once every session has closed; a second call gets the first call's promise. */
  close(): Promise<void> {
    this.closed ??= this.shutdown();
    return this.closed;
  }

  private async shutdown(): Promise<void> {
    this.closing = true;
    this.tickTimer?.cancel();
    this.flushTimer?.cancel();
    for (const t of this.targets.values()) t.timer?.cancel();
    // Closes are reported later, and only the report stops a session (its handshake timer, the
    // peer-down listeners): waiting for the last one leaves nothing of the cluster running.
    const allClosed = new Promise<void>((resolve) => {
      this.lastSessionClosed = resolve;
      if (this.sessions.size === 0) resolve();
    });
    for (const s of [...this.sessions]) s.close(CloseCode.goingAway, "shutting down");
    await this.init.transport.close();
    await allClosed;
  }

  // -------------------------------------------------------------------------------------------
  // Delta push

  /**
   * Pushes queued deltas at the end of this turn, or, when the last push was less than
   * gossipIntervalMs ago, once that interval is over: a quiet replica pushes at once, a busy one
   * sends one frame per peer per interval (each frame costs a system call and a wake-up of the
   * peer, far more than the deltas it carries).
   */
  private scheduleFlush(): void {
    if (this.flushScheduled || this.closing) return;
    this.flushScheduled = true;
    const flushAll = (): void => {
      this.flushScheduled = false;
      this.flushTimer = undefined;
      this.lastFlushMs = this.replica.env.clock.monotonic();
      for (const m of this.members.values()) this.flushMember(m);
    };
    const wait = this.lastFlushMs + this.opts.gossipIntervalMs - this.replica.env.clock.monotonic();
    if (wait <= 0) this.replica.env.timers.defer(flushAll);
    else this.flushTimer = this.replica.env.timers.after(wait, flushAll);
  }

  private flushMember(m: Member): void {
    const s = m.session;
    if (!s) return;
    while (m.queue.size > 0 && s.conn.bufferedAmount() < this.opts.maxBufferedBytes) {
      const items: QueuedChange[] = [];
      const deltas: Uint8Array[] = [];
      let bytes = 0;
      let payload = 0;
      while (bytes < this.opts.maxBatchBytes) {
        const [item] = m.queue.take(1);
        if (!item) break;
        const d = encodedDelta(item);
        bytes += d.message.length;
        payload += d.payloadBytes;
        items.push(item);
        deltas.push(d.message);
      }
      const batchSeq = ++m.batchSeq;
      m.inflight.set(batchSeq, items);
      s.sendDeltaBatch(batchSeq, deltas);
      this.observer.deltasSent(m.region, deltas.length, payload);
    }
  }

  private onEnvelope(s: PeerSession, env: Envelope): void {
    const m = s.peer ? this.members.get(s.peer.id) : undefined;
    if (!m || m.session !== s) return;
    switch (env.body) {
      case "heartbeat":
        s.send({ heartbeatReply: { echoTimeMs: env.heartbeat?.timeMs ?? 0, seq: env.heartbeat?.seq ?? 0, timeMs: this.replica.env.clock.now() } });
        return;
      case "heartbeatReply":
        return;
      case "membership":
        for (const mm of env.membership?.members ?? []) if (mm.replicaId !== this.replica.id && mm.url) this.addTarget(mm.url);
        return;
      case "deltaBatch":
        void this.onDeltaBatch(m, s, env.deltaBatch as pb.DeltaBatch).catch((err: unknown) => this.fail(s, err));
        return;
      case "ack": {
        const items = m.inflight.get(env.ack?.batchSeq ?? 0);
        m.inflight.delete(env.ack?.batchSeq ?? 0);
        for (const item of items ?? []) for (const a of item.acks) a.ack(m.id);
        return;
      }
      case "digestSummary":
        this.onDigestSummary(s, env.digestSummary as pb.DigestSummary);
        return;
      case "bucketDigests":
        void this.onBucketDigests(m, s, env.bucketDigests as pb.BucketDigests).catch((err: unknown) => this.fail(s, err));
        return;
      case "entityDigests":
        void this.onEntityDigests(m, s, env.entityDigests as pb.EntityDigests).catch((err: unknown) => this.fail(s, err));
        return;
      case "stateRequest":
        void this.onStateRequest(s, env.stateRequest as pb.StateRequest).catch((err: unknown) => this.fail(s, err));
        return;
      case "stateReply":
        void this.onStateReply(m, env.stateReply as pb.StateReply).catch((err: unknown) => this.fail(s, err));
        return;
      case "yjsSync":
        void this.onYjsSync(s, env.yjsSync as pb.YjsSync).catch((err: unknown) => this.fail(s, err));
        return;
      case "yjsDiff":
        void this.onYjsDiff(m, env.yjsDiff as pb.YjsDiff).catch((err: unknown) => this.fail(s, err));
        return;
      case "awareness": {
        const a = env.awareness as pb.Awareness;
        // The session's authenticated peer, not the message's own origin field: states are
        // dropped by that id when the session ends (onPeerDown), so a peer cannot leave ghosts.
        this.notify(this.awarenessListeners, (fn) => fn({ service: a.service, key: a.key }, a.update, m.id));
        return;
      }
      default:
        return; // unknown bodies are ignored (PROTOCOL.md, versions)
    }
  }

  private fail(s: PeerSession, err: unknown): void {
    this.log("warn", `gossip with ${s.peer?.id ?? "?"} failed: ${String(err)}`);
    s.close(CloseCode.internal, "internal error");
  }

  private async onDeltaBatch(m: Member, s: PeerSession, batch: pb.DeltaBatch): Promise<void> {
    let bytes = 0;
    const now = this.replica.env.clock.now();
    const incomplete: EntityRef[] = [];
    const results = await Promise.allSettled(
      batch.deltas.map(async (d) => {
        const delta = d.delta ?? new Uint8Array();
        bytes += delta.length;
        const ref = checkedRef(d.service, d.key);
        const change = decodeChange(delta, d.deleted === true);
        if (!(await this.replica.applyRemote({ ref, change, version: versionOf(d.version) }))) incomplete.push(ref);
        const origin = d.originTimeMs ?? 0;
        if (origin > 0) this.observer.convergenceLag(m.region, Math.max(0, now - origin));
      }),
    );
    for (const r of results) if (r.status === "rejected") this.log("warn", `delta from ${m.id} not applied: ${String(r.reason)}`);
    this.observer.deltasReceived(m.region, batch.deltas.length, bytes);
    if (incomplete.length > 0) {
      // A Yjs update waiting for updates it depends on is not applied yet: acknowledging it would
      // let a majority/all write count a replica that cannot show it. Ask the sender for what is
      // missing instead; the batch stays unacknowledged (the write's tracker may time out, and
      // the update still spreads). The batch is acknowledged once the diffs complete them.
      m.heldAcks.set(batch.batchSeq, new Set(incomplete.map(entityId)));
      for (const ref of incomplete) {
        const e = await this.replica.entities.get(ref);
        if (e?.state.type !== "ydoc") continue;
        s.send({ yjsSync: { requestId: 0, service: ref.service, key: ref.key, stateVector: Y.encodeStateVector(e.state.doc) } });
      }
      return;
    }
    // Acknowledge once durable; a delta that cannot be applied at all is not retried (it never will be).
    s.send({ ack: { batchSeq: batch.batchSeq } });
  }

  /** Acknowledges held batches whose Yjs updates are now all integrated. */
  private releaseHeldAcks(m: Member, id: EntityId): void {
    for (const [batchSeq, waiting] of m.heldAcks) {
      waiting.delete(id);
      if (waiting.size > 0) continue;
      m.heldAcks.delete(batchSeq);
      m.session?.send({ ack: { batchSeq } });
    }
  }

  private sendMembership(m: Member): void {
    const members = [...this.members.values()]
      .filter((x) => x.id !== m.id && x.url)
      .map((x): pb.Member.$Properties => ({ replicaId: x.id, region: x.region, url: x.url, connected: x.session !== undefined }));
    for (const t of this.targets.values()) {
      if (!t.peerId && t.url !== m.url) members.push({ replicaId: "", region: "", url: t.url, connected: false });
    }
    m.session?.send({ membership: { members } });
  }

  // -------------------------------------------------------------------------------------------
  // Anti-entropy: summary → differing buckets → differing leaves → differing entities → states

  private startAntiEntropy(m: Member): void {
    const s = m.session;
    if (!s) return;
    m.queue.overflowed = false;
    // Jitter spreads the rounds of many peers; the next round is due one interval later.
    m.nextAntiEntropyMs = this.now() + this.opts.antiEntropyIntervalMs * (0.8 + 0.4 * this.replica.env.random.next());
    const tree = this.replica.tree;
    s.send({ digestSummary: { round: ++this.round, fanout: TREE_FANOUT, depth: TREE_DEPTH, root: tree.root.slice(), buckets: tree.buckets.slice() } });
    this.observer.antiEntropyRound(m.region);
  }

  private onDigestSummary(s: PeerSession, d: pb.DigestSummary): void {
    const tree = this.replica.tree;
    if (d.fanout !== TREE_FANOUT || d.depth !== TREE_DEPTH || d.buckets.length !== TREE_FANOUT * DIGEST_BYTES) {
      s.close(CloseCode.badFrame, "unsupported anti-entropy tree shape");
      return;
    }
    const buckets = differingSlots(d.buckets, tree.buckets).map((b) => ({ bucket: b, leaves: tree.leavesOf(b).slice() }));
    s.send({ bucketDigests: { round: d.round, buckets } });
  }

  private async onBucketDigests(m: Member, s: PeerSession, d: pb.BucketDigests): Promise<void> {
    const tree = this.replica.tree;
    const leaves: number[] = [];
    for (const b of d.buckets) {
      const bucket = b.bucket ?? 0;
      const theirs = b.leaves ?? new Uint8Array();
      if (bucket >= TREE_FANOUT || theirs.length !== TREE_FANOUT * DIGEST_BYTES) continue;
      for (const slot of differingSlots(theirs, tree.leavesOf(bucket))) leaves.push(bucket * TREE_FANOUT + slot);
    }
    m.lastAntiEntropyMs = this.now();
    if (leaves.length === 0) return;
    const entities: pb.EntityDigest.$Properties[] = [];
    for (const leaf of leaves) {
      for (const e of await this.replica.entities.leafEntries(leaf)) {
        const ref = refOf(e.id);
        entities.push({ service: ref.service, key: ref.key, digest: e.digest });
      }
    }
    s.send({ entityDigests: { round: d.round, leaves, entities } });
  }

  private async onEntityDigests(m: Member, s: PeerSession, d: pb.EntityDigests): Promise<void> {
    // The peer's digests grouped by leaf, so each leaf compares only its own entities: the cost
    // stays proportional to the entities in differing leaves.
    const theirsByLeaf = new Map<number, Map<EntityId, Uint8Array>>();
    for (const e of d.entities) {
      const id = entityId(checkedRef(e.service, e.key));
      const leaf = leafOf(id);
      let inLeaf = theirsByLeaf.get(leaf);
      if (!inLeaf) theirsByLeaf.set(leaf, (inLeaf = new Map<EntityId, Uint8Array>()));
      inLeaf.set(id, e.digest ?? new Uint8Array());
    }
    const push = new Set<EntityId>();
    const want = new Set<EntityId>();
    const theyHave = new Set<EntityId>();
    for (const leaf of new Set(d.leaves)) {
      if (leaf >= TREE_LEAVES) continue;
      const theirs: Map<EntityId, Uint8Array> = theirsByLeaf.get(leaf) ?? new Map<EntityId, Uint8Array>();
      const mine = new Map((await this.replica.entities.leafEntries(leaf)).map((e) => [e.id, e.digest] as const));
      for (const [id, digest] of mine) {
        const other = theirs.get(id);
        if (other && sameBytes(other, digest)) continue;
        push.add(id);
        if (other) want.add(id);
      }
      for (const id of theirs.keys()) {
        theyHave.add(id);
        if (!mine.has(id)) want.add(id);
      }
    }
    // Differing entities both ways: send ours, ask for theirs. A document both sides hold is
    // asked for by state vector (PROTOCOL.md 2.8: the reply is a diff, with the peer's version,
    // so versions converge too) and the peer's own rounds ask us for what it lacks.
    const pushStates: StateToSend[] = [];
    const wants: pb.StateWant.$Properties[] = [];
    for (const id of new Set([...push, ...want])) {
      const ref = refOf(id);
      const info = push.has(id) ? await this.replica.entities.syncInfo(id) : undefined;
      if (info?.ydocStateVector && theyHave.has(id)) {
        wants.push({ service: ref.service, key: ref.key, stateVector: info.ydocStateVector });
        continue;
      }
      if (push.has(id)) pushStates.push({ id });
      if (want.has(id)) wants.push({ service: ref.service, key: ref.key });
    }
    if (wants.length > 0) s.send({ stateRequest: { round: d.round, entities: wants } });
    await this.sendStates(s, d.round, pushStates);
    m.lastAntiEntropyMs = this.now();
  }

  private async sendStates(s: PeerSession, round: number, states: readonly StateToSend[]): Promise<void> {
    for (let i = 0; i < states.length; i += this.opts.antiEntropyBatchEntities) {
      const entities: pb.EntityState.$Properties[] = [];
      for (const { id, stateVector } of states.slice(i, i + this.opts.antiEntropyBatchEntities)) {
        // Causal entities: only what is durable, never a change still being written (see
        // EntityStore.durableState). Documents: the live document.
        const stored = await this.replica.entities.durableState(id);
        if (stored === undefined) continue;
        if (stored !== "ydoc") {
          const ref = refOf(id);
          const base = { service: ref.service, key: ref.key, version: versionEntries(stored.version) };
          entities.push(stored.deleted ? { ...base, deleted: true } : { ...base, state: stored.state });
          continue;
        }
        const e = await this.replica.entities.get(refOf(id));
        if (!e) continue;
        entities.push(entityStateOf(e, stateVector));
      }
      if (entities.length > 0) s.send({ stateReply: { round, entities } });
    }
  }

  private async onStateRequest(s: PeerSession, r: pb.StateRequest): Promise<void> {
    const states = r.entities.map((w): StateToSend => ({ id: entityId(checkedRef(w.service, w.key)), stateVector: w.stateVector }));
    await this.sendStates(s, r.round, states);
  }

  private async onStateReply(m: Member, r: pb.StateReply): Promise<void> {
    let repaired = 0;
    await Promise.all(
      r.entities.map(async (e) => {
        try {
          const ref = checkedRef(e.service, e.key);
          const change = decodeChange(e.state ?? new Uint8Array(), e.deleted === true);
          const complete = await this.replica.applyRemote({ ref, change, version: versionOf(e.version) });
          repaired++;
          if (complete) this.releaseHeldAcks(m, entityId(ref));
        } catch (err) {
          this.log("warn", `state from ${m.id} not applied: ${String(err)}`);
        }
      }),
    );
    this.observer.entitiesRepaired(m.region, repaired);
  }

  private async onYjsSync(s: PeerSession, y: pb.YjsSync): Promise<void> {
    const ref = checkedRef(y.service, y.key);
    const e = await this.replica.entities.get(ref);
    if (!e) {
      // We have nothing: ask for everything.
      if (y.requestId % 2 === 0) s.send({ yjsSync: { requestId: y.requestId + 1, service: y.service, key: y.key, stateVector: Y.encodeStateVector(new Y.Doc()) } });
      return;
    }
    if (e.deleted) {
      s.send({ yjsDiff: { requestId: y.requestId, service: y.service, key: y.key, deleted: true } });
      return;
    }
    if (e.state.type !== "ydoc") return;
    s.send({ yjsDiff: { requestId: y.requestId, service: y.service, key: y.key, update: Y.encodeStateAsUpdate(e.state.doc, y.stateVector) } });
    // An even request id is a first step: answer with our own state vector, as y-protocols' step 1.
    if (y.requestId % 2 === 0) {
      s.send({ yjsSync: { requestId: y.requestId + 1, service: y.service, key: y.key, stateVector: Y.encodeStateVector(e.state.doc) } });
    }
  }

  private async onYjsDiff(m: Member, y: pb.YjsDiff): Promise<void> {
    try {
      const ref = checkedRef(y.service, y.key);
      const change: Change = y.deleted ? { kind: "delete" } : { kind: "ydoc", update: y.update };
      const complete = await this.replica.applyRemote({ ref, change, version: [] });
      this.observer.entitiesRepaired(m.region, 1);
      if (complete) this.releaseHeldAcks(m, entityId(ref));
    } catch (err) {
      this.log("warn", `Yjs diff from ${m.id} not applied: ${String(err)}`);
    }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function versionOf(entries: readonly pb.VersionEntry.$Properties[] | null | undefined): [string, number][] {
  return (entries ?? []).map((v) => [v.replica ?? "", v.count ?? 0]);
}

function checkedRef(service: string | null | undefined, key: string | null | undefined): EntityRef {
  if (typeof service !== "string" || typeof key !== "string") throw new CrdtError("decode_error", "malformed entity reference");
  if (!service || service.length > 256 || key.length > 4096) throw new CrdtError("decode_error", "malformed entity reference");
  return { service, key };
}

/** A queued change as an encoded Delta message, and the size of the CRDT payload inside. */
interface EncodedDelta {
  readonly message: Uint8Array;
  readonly payloadBytes: number;
}

function encodedDelta(item: QueuedChange): EncodedDelta {
  // Until an item absorbs a second change (owned), it is the published change itself, the same
  // in every peer's queue: its Delta is encoded once for all the peers.
  const cached = item.owned ? undefined : encodedDeltas.get(item.change);
  if (cached) return cached;
  const c = item.change;
  const delta = c.kind === "delete" ? undefined : c.kind === "ydoc" ? encodeYUpdate(c.update) : encodeState(c.delta);
  const message = pb.Delta.encode({
    service: item.ref.service,
    key: item.ref.key,
    origin: item.origin,
    seq: item.seq,
    firstSeq: item.firstSeq,
    originTimeMs: item.originTimeMs,
    version: versionEntries(item.version),
    ...(delta ? { delta } : { deleted: true }),
  }).finish();
  const out = { message, payloadBytes: delta?.length ?? 0 };
  if (!item.owned) encodedDeltas.set(c, out);
  return out;
}

/** Encoded Deltas of shared (not owned) queued changes, by change object. */
const encodedDeltas = new WeakMap<Change, EncodedDelta>();

function encodeYUpdate(update: Uint8Array): Uint8Array {
  return crdtPb.crdt.CrdtState.encode({ format: 1, type: crdtPb.crdt.CrdtType.YDOC, ydoc: update }).finish();
}

/** An entity to send in a StateReply; for a ydoc, the requester's state vector if it sent one. */
interface StateToSend {
  readonly id: EntityId;
  readonly stateVector?: Uint8Array | null;
}

function entityStateOf(e: Entity, stateVector?: Uint8Array | null): pb.EntityState.$Properties {
  const base = { service: e.ref.service, key: e.ref.key, version: versionEntries(e.version) };
  if (e.deleted) return { ...base, deleted: true };
  if (e.state.type === "ydoc" && stateVector && stateVector.length > 0) {
    try {
      return { ...base, state: encodeYUpdate(Y.encodeStateAsUpdate(e.state.doc, stateVector)), partial: true };
    } catch {
      // A state vector that does not decode: send the whole document instead.
    }
  }
  return { ...base, state: encodeState(e.state) };
}

/**
 * Decodes delta or state bytes from a peer. ydoc updates are passed through as updates rather
 * than loaded into a document, which would cost a full decode per delta.
 */
function decodeChange(bytes: Uint8Array, deleted: boolean): Change {
  if (deleted) return { kind: "delete" };
  let msg: crdtPb.crdt.CrdtState;
  try {
    msg = crdtPb.crdt.CrdtState.decode(bytes);
  } catch {
    throw new CrdtError("decode_error", "malformed delta");
  }
  if (msg.type === crdtPb.crdt.CrdtType.YDOC) return { kind: "ydoc", update: msg.ydoc };
  // Not checked for canonical form: the delta is joined into the entity, whose bytes and digest
  // this replica computes from its own encoding.
  const state = decodeState(bytes, { message: msg, verifyCanonical: false });
  if (state.type === "ydoc") throw new CrdtError("decode_error", "unexpected ydoc");
  return { kind: "causal", delta: state };
}
