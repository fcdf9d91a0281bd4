import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CloseCode, ObservedCloseCode } from "../../protos/close-codes.js";
import { realEnv, type Env, type Random, type TimerHandle, type Timers } from "../env.js";
import { InboundQueue, Probe, runTransportAcceptanceTests } from "./acceptance.js";
import { createMemoryNetwork, type MemoryNetwork, type MemoryNetworkOptions } from "./memory-transport.js";
import type { Connection, Transport } from "./transport.js";

runTransportAcceptanceTests("MemoryNetwork", async () => {
  const errors: unknown[] = [];
  const net = createMemoryNetwork(realEnv(), { onError: (err) => errors.push(err) });
  const a = net.transport("mem://a");
  const b = net.transport("mem://b");
  return {
    a,
    b,
    urlB: "mem://b",
    nowhere: "mem://nowhere",
    errors,
    async teardown() {
      await a.close();
      await b.close();
    },
  };
});

/** mulberry32: a tiny seeded PRNG, good enough to make fault schedules reproducible. */
function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface VirtualTimer {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

/**
 * Virtual time: timers run only when the test says so, in (due time, scheduling order) order,
 * and randomness comes from a seed. Nothing here touches the real clock.
 */
class VirtualEnv implements Env {
  private nowMs = 0;
  private seq = 0;
  private readonly queue: VirtualTimer[] = [];
  readonly clock = { now: () => 1_700_000_000_000 + this.nowMs, monotonic: () => this.nowMs };
  readonly timers: Timers = {
    after: (ms: number, fn: () => void): TimerHandle => {
      const timer: VirtualTimer = { at: this.nowMs + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
      this.queue.push(timer);
      return { cancel: () => void (timer.cancelled = true) };
    },
    defer: (fn: () => void): void => void this.timers.after(0, fn),
  };
  readonly random: Random;

  constructor(seed: number) {
    const next = mulberry32(seed);
    this.random = { next, bytes: (n) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256)) };
  }

  get now(): number {
    return this.nowMs;
  }

  /** Timers not yet run or cancelled. */
  get pending(): number {
    return this.queue.filter((t) => !t.cancelled).length;
  }

  /** Runs every timer due by `untilMs` (all of them by default), then sets the clock there. */
  run(untilMs = Number.POSITIVE_INFINITY): void {
    for (let steps = 0; ; steps++) {
      if (steps > 1_000_000) throw new Error("the simulation does not settle");
      let best = -1;
      for (let i = 0; i < this.queue.length; i++) {
        const t = this.queue[i] as VirtualTimer;
        const b = this.queue[best];
        if (b === undefined || t.at < b.at || (t.at === b.at && t.seq < b.seq)) best = i;
      }
      const next = this.queue[best];
      if (next === undefined || next.at > untilMs) break;
      this.queue.splice(best, 1);
      if (next.cancelled) continue;
      this.nowMs = next.at;
      next.fn();
    }
    if (Number.isFinite(untilMs)) this.nowMs = Math.max(this.nowMs, untilMs);
  }

  advance(ms: number): void {
    this.run(this.nowMs + ms);
  }
}

interface Sim {
  readonly env: VirtualEnv;
  readonly net: MemoryNetwork;
  readonly a: Transport;
  readonly b: Transport;
  readonly errors: unknown[];
}

function sim(seed = 1, options: MemoryNetworkOptions = {}): Sim {
  const env = new VirtualEnv(seed);
  const errors: unknown[] = [];
  const net = createMemoryNetwork(env, { onError: (err) => errors.push(err), ...options });
  return { env, net, a: net.transport("mem://a"), b: net.transport("mem://b"), errors };
}

interface SimPair {
  readonly dialer: Connection;
  readonly listener: Connection;
  readonly dp: Probe;
  readonly lp: Probe;
}

/** Connects a → b in virtual time; both ends started and open. */
function connect(s: Sim): SimPair {
  const inbound = new InboundQueue(s.b, (conn) => conn.start(lp));
  const lp = new Probe();
  const dp = new Probe();
  const dialer = s.a.dial("mem://b");
  dialer.start(dp);
  s.env.run();
  const listener = inbound.accepted[0];
  assert.ok(listener !== undefined, "b accepted the connection");
  assert.ok(dp.opened && lp.opened);
  return { dialer, listener, dp, lp };
}

function frame(i: number): Uint8Array {
  return new Uint8Array([i >> 8, i & 0xff]);
}

function numbers(frames: readonly Uint8Array[]): number[] {
  return frames.map((f) => ((f[0] ?? 0) << 8) | (f[1] ?? 0));
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

describe("MemoryNetwork in virtual time", () => {
  it("with no faults, frames arrive in order without the clock moving", () => {
    const s = sim();
    const { dialer, listener, dp, lp } = connect(s);
    for (const i of range(50)) {
      dialer.send(frame(i));
      listener.send(frame(1000 + i));
    }
    s.env.run();
    assert.deepEqual(numbers(lp.frames), range(50));
    assert.deepEqual(numbers(dp.frames), range(50).map((i) => 1000 + i));
    assert.equal(s.env.now, 0);
    assert.deepEqual(s.net.stats(), {
      framesSent: 100,
      bytesSent: 200,
      framesDelivered: 100,
      bytesDelivered: 200,
      framesDropped: 0,
      bytesDropped: 0,
    });
  });

  it("a partition swallows frames both ways without a close event; heal resumes delivery", () => {
    const s = sim();
    const { dialer, listener, dp, lp } = connect(s);
    s.net.partition(["mem://a"], ["mem://b"]);
    assert.equal(dialer.send(frame(1)), true, "the sender cannot tell");
    assert.equal(listener.send(frame(2)), true);
    s.env.run();
    s.env.advance(60_000);
    assert.deepEqual(lp.events, [{ kind: "open" }]);
    assert.deepEqual(dp.events, [{ kind: "open" }]);
    assert.equal(s.net.stats().framesDropped, 2);

    s.net.heal();
    dialer.send(frame(3));
    listener.send(frame(4));
    s.env.run();
    assert.deepEqual(numbers(lp.frames), [3]);
    assert.deepEqual(numbers(dp.frames), [4]);
  });

  it("a partition also swallows frames already in flight", () => {
    const s = sim();
    const { dialer, lp } = connect(s);
    s.net.setLinkFaults({ minDelayMs: 10, maxDelayMs: 10 });
    dialer.send(frame(1));
    s.env.advance(5);
    s.net.partition(["mem://b"], ["mem://a"]);
    s.env.run();
    assert.equal(lp.frames.length, 0);
    assert.equal(s.net.stats().framesDropped, 1);
  });

  it("a partition between other replicas does not affect this link", () => {
    const s = sim();
    const { dialer, lp } = connect(s);
    s.net.partition(["mem://a"], ["mem://c"]);
    dialer.send(frame(1));
    s.env.run();
    assert.deepEqual(numbers(lp.frames), [1]);
  });

  it("a dial across a partition fails with 1006 after the handshake timeout", () => {
    const s = sim(1, { handshakeTimeoutMs: 3000 });
    const inbound = new InboundQueue(s.b);
    s.net.partition(["mem://a"], ["mem://b"]);
    const dp = new Probe();
    s.a.dial("mem://b").start(dp);
    s.env.advance(2999);
    assert.equal(dp.events.length, 0);
    s.env.advance(1);
    assert.deepEqual(dp.closes, [{ code: ObservedCloseCode.abnormal, reason: "handshake timed out" }]);
    assert.equal(inbound.accepted.length, 0);
  });

  it("a close across a partition leaves the peer half-open, as a vanished close frame would", () => {
    const s = sim();
    const { dialer, listener, dp, lp } = connect(s);
    s.net.partition(["mem://a"], ["mem://b"]);
    dialer.close(CloseCode.normal, "bye");
    s.env.run();
    assert.deepEqual(dp.closes, [{ code: CloseCode.normal, reason: "bye" }]);
    assert.equal(lp.closes.length, 0);
    assert.equal(listener.send(frame(1)), true);
    s.net.heal();
    assert.equal(listener.send(frame(2)), true);
    s.env.run();
    assert.equal(dp.frames.length, 0, "nothing reaches a closed end");
    assert.equal(s.env.pending, 0);
  });

  it("dropRate 1 drops every frame", () => {
    const s = sim();
    const { dialer, lp } = connect(s);
    s.net.setLinkFaults({ dropRate: 1 });
    for (const i of range(20)) dialer.send(frame(i));
    s.env.run();
    assert.equal(lp.frames.length, 0);
    assert.equal(s.net.stats().framesDropped, 20);
    assert.equal(s.net.stats().bytesDropped, 40);
  });

  it("duplicateRate 1 delivers every frame twice", () => {
    const s = sim();
    const { dialer, lp } = connect(s);
    s.net.setLinkFaults({ duplicateRate: 1 });
    for (const i of range(5)) dialer.send(frame(i));
    s.env.run();
    assert.deepEqual(numbers(lp.frames).sort((x, y) => x - y), [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    assert.equal(s.net.stats().framesSent, 5);
    assert.equal(s.net.stats().framesDelivered, 10);
    // Each copy is its own buffer: a receiver that mutates one does not change the other.
    assert.notEqual(lp.frames[0]?.buffer, lp.frames[1]?.buffer);
  });

  it("random delays reorder frames, and every frame still arrives", () => {
    const s = sim(7);
    const { dialer, lp } = connect(s);
    s.net.setLinkFaults({ minDelayMs: 1, maxDelayMs: 100 });
    for (const i of range(50)) dialer.send(frame(i));
    assert.equal(dialer.bufferedAmount(), 100, "in flight");
    s.env.run();
    const got = numbers(lp.frames);
    assert.notDeepEqual(got, range(50));
    assert.deepEqual([...got].sort((x, y) => x - y), range(50));
    assert.equal(dialer.bufferedAmount(), 0);
    assert.ok(s.env.now >= 1 && s.env.now <= 100, `${s.env.now}`);
  });

  it("the same seed gives the same deliveries; another seed, others", () => {
    const trace = (seed: number): number[] => {
      const s = sim(seed);
      const { dialer, lp } = connect(s);
      s.net.setLinkFaults({ dropRate: 0.2, duplicateRate: 0.2, minDelayMs: 0, maxDelayMs: 50 });
      for (const i of range(100)) dialer.send(frame(i));
      s.env.run();
      return numbers(lp.frames);
    };
    assert.deepEqual(trace(42), trace(42));
    assert.notDeepEqual(trace(42), trace(43));
  });

  it("uses only the env's timers and randomness", () => {
    const saved = { random: Math.random, setTimeout, setImmediate, queueMicrotask };
    const forbid = (name: string) => () => {
      throw new Error(`the memory network called ${name}`);
    };
    Math.random = forbid("Math.random");
    globalThis.setTimeout = forbid("setTimeout") as unknown as typeof setTimeout;
    globalThis.setImmediate = forbid("setImmediate") as unknown as typeof setImmediate;
    globalThis.queueMicrotask = forbid("queueMicrotask");
    try {
      const s = sim(3);
      s.net.setLinkFaults({ dropRate: 0.1, duplicateRate: 0.1, minDelayMs: 1, maxDelayMs: 20 });
      const { dialer, listener, lp } = connect(s);
      s.b.onInbound((conn) => conn.start(new Probe()));
      const late = s.a.dial("mem://b"); // buffered until started
      for (const i of range(20)) dialer.send(frame(i));
      s.env.run();
      late.start(new Probe());
      listener.close(CloseCode.normal, "done");
      s.a.dial("mem://nowhere").start(new Probe());
      s.net.disconnect("mem://a");
      s.env.run();
      assert.ok(lp.frames.length > 0);
      assert.equal(lp.closes.length, 1);
    } finally {
      Math.random = saved.random;
      globalThis.setTimeout = saved.setTimeout;
      globalThis.setImmediate = saved.setImmediate;
      globalThis.queueMicrotask = saved.queueMicrotask;
    }
  });

  it("a dial to an unknown URL fails with 1006 'unreachable' after a link delay", () => {
    const s = sim();
    s.net.setLinkFaults({ minDelayMs: 30, maxDelayMs: 30 });
    const dp = new Probe();
    s.a.dial("mem://nowhere").start(dp);
    s.env.advance(29);
    assert.equal(dp.events.length, 0);
    s.env.advance(1);
    assert.deepEqual(dp.closes, [{ code: ObservedCloseCode.abnormal, reason: "unreachable" }]);
  });

  it("disconnect(url) closes that replica's connections with 1006 on both sides; it can dial again", () => {
    const s = sim();
    const { dialer, dp, lp } = connect(s);
    const c = s.net.transport("mem://c");
    const cp = new Probe();
    c.onInbound((conn) => conn.start(cp));
    s.a.dial("mem://c").start(new Probe());
    s.env.run();
    s.net.disconnect("mem://a");
    s.env.run();
    assert.equal(dp.closes[0]?.code, ObservedCloseCode.abnormal);
    assert.equal(lp.closes[0]?.code, ObservedCloseCode.abnormal);
    assert.equal(cp.closes[0]?.code, ObservedCloseCode.abnormal);
    assert.equal(dialer.send(frame(1)), false);
    assert.equal(s.env.pending, 0);

    const again = new Probe();
    s.a.dial("mem://b/").start(again);
    s.env.run();
    assert.ok(again.opened, "trailing slash or not, it is the same replica");
  });

  it("close() of a transport resolves once its connections are closed, and frees its URL", async () => {
    const s = sim();
    const { dp, lp } = connect(s);
    assert.throws(() => s.net.transport("mem://a"), /already registered/);
    const closed = s.a.close();
    s.env.run();
    await closed;
    assert.equal(dp.closes[0]?.code, CloseCode.goingAway);
    assert.equal(lp.closes[0]?.code, CloseCode.goingAway);
    const restarted = s.net.transport("mem://a/");
    const probe = new Probe();
    restarted.dial("mem://b").start(probe);
    s.env.run();
    assert.ok(probe.opened);
  });

  it("refuses fault settings outside their ranges", () => {
    const s = sim();
    assert.throws(() => s.net.setLinkFaults({ dropRate: 1.5 }), RangeError);
    assert.throws(() => s.net.setLinkFaults({ duplicateRate: -0.1 }), RangeError);
    assert.throws(() => s.net.setLinkFaults({ dropRate: Number.NaN }), RangeError);
    assert.throws(() => s.net.setLinkFaults({ minDelayMs: 10, maxDelayMs: 5 }), RangeError);
    s.net.setLinkFaults({ minDelayMs: 10 }); // max defaults to min: a fixed delay
  });
});
