import assert from "node:assert/strict";
import { describe, it } from "node:test";
import "../../protos/runtime.js";
import { CloseCode, ObservedCloseCode } from "../../protos/close-codes.js";
import { lattice } from "../../protos/generated/replica.js";
import { realEnv } from "../env.js";
import { VirtualEnv } from "../sim/virtual-env.js";
import { Probe, runTransportAcceptanceTests } from "./acceptance.js";
import { PartitionLab } from "./lab-transport.js";
import { createMemoryNetwork } from "./memory-transport.js";
import type { Connection, Transport } from "./transport.js";

// With no rules (and frames that are not Hellos) the wrapper must keep the whole contract.
runTransportAcceptanceTests("PartitionLab over MemoryNetwork", async () => {
  const errors: unknown[] = [];
  const env = realEnv();
  const net = createMemoryNetwork(env, { onError: (err) => errors.push(err) });
  const a = new PartitionLab({ region: "us-east", env, onError: (err) => errors.push(err) }).wrap(net.transport("mem://a"));
  const b = new PartitionLab({ region: "eu-west", env, onError: (err) => errors.push(err) }).wrap(net.transport("mem://b"));
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

function hello(region: string): Uint8Array {
  return lattice.replica.Envelope.encode({ protocolVersion: 1, hello: { replicaId: `r-${region}`, region } }).finish();
}

const text = (frame: Uint8Array): string => Buffer.from(frame).toString();
const frame = (s: string): Uint8Array => new Uint8Array(Buffer.from(s));

/**
 * Two replicas, us-east (A, dials) and eu-west (B, listens), each with its own lab, on an
 * in-memory network in virtual time. `connect()` opens a connection and exchanges Hellos, so both
 * labs know the other's region.
 */
class Pair {
  readonly env = VirtualEnv.create(7);
  readonly net = createMemoryNetwork(this.env);
  readonly errors: unknown[] = [];
  readonly labA = new PartitionLab({ region: "us-east", env: this.env, onError: (e) => this.errors.push(e) });
  readonly labB = new PartitionLab({ region: "eu-west", env: this.env, onError: (e) => this.errors.push(e) });
  readonly a: Transport = this.labA.wrap(this.net.transport("mem://a"));
  readonly b: Transport = this.labB.wrap(this.net.transport("mem://b"));
  readonly probeA = new Probe();
  readonly probeB = new Probe();
  connA!: Connection;
  connB!: Connection;

  async connect(withHellos = true): Promise<void> {
    let accepted: Connection | undefined;
    this.b.onInbound((c) => {
      accepted = c;
      c.start(this.probeB);
    });
    this.connA = this.a.dial("mem://b");
    this.connA.start(this.probeA);
    await this.env.scheduler.runUntil(() => this.probeA.opened && accepted !== undefined, 1000);
    assert.ok(accepted, "B accepted the connection");
    this.connB = accepted;
    if (withHellos) {
      assert.equal(this.connA.send(hello("us-east")), true);
      assert.equal(this.connB.send(hello("eu-west")), true);
      await this.run(10);
      assert.equal(this.probeA.frames.length, 1);
      assert.equal(this.probeB.frames.length, 1);
    }
  }

  /** Partitions on both replicas, as the admin API does. */
  partition(): void {
    this.labA.partition("us-east", "eu-west");
    this.labB.partition("eu-west", "us-east");
  }

  heal(): void {
    this.labA.heal();
    this.labB.heal();
  }

  latency(region: string, ms: number): void {
    this.labA.setLatency(region, ms);
    this.labB.setLatency(region, ms);
  }

  run(ms: number): Promise<void> {
    return this.env.scheduler.runFor(ms);
  }

  payloadsB(): string[] {
    return this.probeB.frames.slice(1).map(text);
  }

  /**
   * Closes one side's transport, running timers only until its close() resolves: what the
   * transport promises must hold by then, not one timer later.
   */
  async closeOnly(t: Transport): Promise<void> {
    let closed = false;
    const closing = t.close().then(() => {
      closed = true;
    });
    assert.ok(await this.env.scheduler.runUntil(() => closed, 60_000), "close() resolved");
    await closing;
  }

  async close(): Promise<void> {
    const closing = Promise.all([this.a.close(), this.b.close()]);
    await this.env.scheduler.runUntilIdle(60_000);
    await closing;
  }
}

describe("PartitionLab", () => {
  it("a partition makes frames vanish both ways on a live connection without closing it; a heal lets them through again", async () => {
    const p = new Pair();
    await p.connect();
    p.partition();
    assert.equal(p.connA.send(frame("lost-1")), true, "send still answers true, like a socket into a dead network");
    assert.equal(p.connB.send(frame("lost-2")), true);
    await p.run(30_000);
    assert.deepEqual(p.payloadsB(), []);
    assert.equal(p.probeA.frames.length, 1, "only B's Hello reached A");
    assert.deepEqual(p.probeA.closes, [], "no close on either side: packets vanish, no reset");
    assert.deepEqual(p.probeB.closes, []);
    assert.equal(p.labA.stats().connectionsCut, 1);
    assert.ok(p.labA.stats().framesDropped >= 1 && p.labB.stats().framesDropped >= 1);

    p.heal();
    assert.equal(p.connA.send(frame("after-heal")), true);
    await p.run(10);
    assert.deepEqual(p.payloadsB(), ["after-heal"]);
    assert.deepEqual(p.labA.rules(), { partitions: [], latencyMs: {} });
    await p.close();
    assert.deepEqual(p.errors, []);
  });

  it("a cut applied on one side only still stops that side's frames in both directions", async () => {
    const p = new Pair();
    await p.connect();
    p.labB.partition("us-east", "eu-west");
    p.connA.send(frame("to-b"));
    p.connB.send(frame("to-a"));
    await p.run(100);
    assert.deepEqual(p.payloadsB(), [], "B drops what it receives from us-east");
    assert.equal(p.probeA.frames.length, 1, "B sends nothing to us-east");
    await p.close();
  });

  it("a partition between two other regions does not touch this connection", async () => {
    const p = new Pair();
    await p.connect();
    p.labA.partition("us-east", "ap-south");
    p.labB.partition("eu-west", "ap-south");
    p.connA.send(frame("fine"));
    await p.run(10);
    assert.deepEqual(p.payloadsB(), ["fine"]);
    assert.deepEqual(p.labA.rules().partitions, [["ap-south", "us-east"]]);
    await p.close();
  });

  it("a connection whose first frame is not a Hello is never cut (the region is unknown)", async () => {
    const p = new Pair();
    await p.connect(false);
    p.connA.send(frame("not-a-hello"));
    await p.run(10);
    p.partition();
    p.connA.send(frame("still-through"));
    await p.run(10);
    assert.deepEqual(p.probeB.frames.map(text), ["not-a-hello", "still-through"]);
    await p.close();
  });

  it("the far side's close is held back during a cut and told after the heal", async () => {
    const p = new Pair();
    await p.connect();
    p.partition();
    p.connB.close(CloseCode.normal, "bye");
    await p.run(30_000);
    assert.deepEqual(p.probeB.closes, [{ code: CloseCode.normal, reason: "bye" }], "B closed its end");
    assert.deepEqual(p.probeA.closes, [], "A has not heard of it: the FIN vanished");
    assert.equal(p.labA.stats().closesHeld, 1);
    assert.equal(p.connA.send(frame("into the void")), true, "a half-open connection accepts frames");
    p.heal();
    await p.run(10);
    assert.deepEqual(p.probeA.closes, [{ code: CloseCode.normal, reason: "bye" }]);
    assert.equal(p.labA.stats().closesHeld, 0);
    await p.close();
  });

  it("terminating a half-open connection during a cut reports this side's 1006", async () => {
    const p = new Pair();
    await p.connect();
    p.partition();
    p.connB.terminate();
    await p.run(100);
    assert.deepEqual(p.probeA.closes, []);
    p.connA.terminate();
    await p.run(10);
    assert.deepEqual(p.probeA.closes, [{ code: ObservedCloseCode.abnormal, reason: "terminated" }]);
    await p.close();
  });

  it("closing the transport tells every held close", async () => {
    const p = new Pair();
    await p.connect();
    p.partition();
    p.connB.close(CloseCode.normal, "bye");
    await p.run(100);
    assert.deepEqual(p.probeA.closes, []);
    await p.close();
    assert.equal(p.probeA.closes.length, 1);
    assert.equal(p.labA.stats().connections, 0);
  });

  it("closing the transport tells a close held by a cut before close() resolves, not after some later timer", async () => {
    const p = new Pair();
    await p.connect();
    p.partition();
    p.connB.close(CloseCode.normal, "bye");
    await p.run(100);
    assert.equal(p.labA.stats().closesHeld, 1);
    await p.closeOnly(p.a);
    assert.deepEqual(p.probeA.closes, [{ code: CloseCode.normal, reason: "bye" }], "told as the transport contract says: before close() resolves");
    assert.equal(p.labA.stats().closesHeld, 0);
    assert.equal(p.labA.stats().connections, 0);
    await p.close();
  });

  it("a cut connection's close by its own closing transport is never held: 1001 before close() resolves, while the far side's lab holds it", async () => {
    const p = new Pair();
    await p.connect();
    p.partition();
    await p.closeOnly(p.a);
    assert.deepEqual(p.probeA.closes, [{ code: CloseCode.goingAway, reason: "going away" }]);
    assert.equal(p.connA.send(frame("after close")), false, "a connection of a closed transport takes no frames, cut or not");
    assert.deepEqual(p.probeB.closes, [], "the FIN vanished in the cut: B is still half-open");
    assert.equal(p.labB.stats().closesHeld, 1);
    await p.closeOnly(p.b);
    assert.deepEqual(p.probeB.closes, [{ code: CloseCode.goingAway, reason: "going away" }]);
    assert.equal(p.env.scheduler.pending, 0, "no timer outlives the transports");
    assert.deepEqual(p.errors, []);
  });

  it("latency delays received frames by the sum of both regions' latencies, in order, even when it changes", async () => {
    const p = new Pair();
    await p.connect();
    p.latency("eu-west", 100);
    p.latency("us-east", 20);
    assert.deepEqual(p.labA.rules().latencyMs, { "eu-west": 100, "us-east": 20 });
    const t0 = p.env.now;
    p.connA.send(frame("slow"));
    await p.env.scheduler.runUntil(() => p.probeB.frames.length === 2, 1000);
    assert.equal(p.env.now - t0, 120, "one way: latency(us-east) + latency(eu-west)");

    // f1 waits 120 ms; the latency drops to 0 while it is in flight; f2 must not overtake it.
    p.connA.send(frame("f1"));
    await p.run(1);
    p.latency("eu-west", 0);
    p.latency("us-east", 0);
    p.connA.send(frame("f2"));
    await p.run(200);
    assert.deepEqual(p.payloadsB(), ["slow", "f1", "f2"]);
    assert.ok(p.labB.stats().framesDelayed >= 2);
    await p.close();
  });

  it("a frame in flight (delayed) when a partition begins is lost", async () => {
    const p = new Pair();
    await p.connect();
    p.latency("eu-west", 100);
    p.connA.send(frame("in-flight"));
    await p.run(50);
    p.partition();
    await p.run(200);
    p.heal();
    await p.run(200);
    assert.deepEqual(p.payloadsB(), []);
    await p.close();
  });

  it("a close that arrives behind delayed frames is told after them", async () => {
    const p = new Pair();
    await p.connect();
    p.latency("us-east", 50);
    p.connA.send(frame("last words"));
    p.connA.close(CloseCode.normal, "done");
    await p.run(100);
    assert.deepEqual(p.probeB.events.slice(-2).map((e) => e.kind), ["message", "close"]);
    assert.deepEqual(p.payloadsB(), ["last words"]);
    await p.close();
  });

  it("closing the transport drops delayed frames and tells a queued close at once: no delay timer outlives it", async () => {
    const p = new Pair();
    await p.connect();
    p.latency("us-east", 60_000);
    p.connA.send(frame("slow"));
    p.connA.close(CloseCode.normal, "done");
    await p.run(10);
    assert.deepEqual(p.probeB.closes, [], "the close waits behind the delayed frame");
    const t0 = p.env.now;
    await p.close();
    assert.deepEqual(p.probeB.closes, [{ code: CloseCode.normal, reason: "done" }]);
    assert.deepEqual(p.payloadsB(), [], "the delayed frame is dropped");
    assert.ok(p.env.now - t0 < 1000, `told after ${p.env.now - t0} ms`);
    assert.equal(p.env.scheduler.pending, 0);
  });

  it("stats count only live connections: one closed or terminated before it was ever started is not one", async () => {
    const p = new Pair();
    // As Cluster.accept does during shutdown: refused on arrival, never started.
    p.b.onInbound((c) => c.close(CloseCode.goingAway, "shutting down"));
    p.connA = p.a.dial("mem://b");
    p.connA.start(p.probeA);
    await p.env.scheduler.runUntil(() => p.probeA.closes.length > 0, 1000);
    assert.deepEqual(p.probeA.closes, [{ code: CloseCode.goingAway, reason: "shutting down" }]);
    assert.equal(p.labB.stats().connections, 0, "the refused connection is not counted on the listener side");
    assert.equal(p.labA.stats().connections, 0);

    // A dial given up before anyone started it, either way.
    p.a.dial("mem://b").close(CloseCode.goingAway, "never mind");
    p.a.dial("mem://b").terminate();
    assert.equal(p.labA.stats().connections, 0);
    await p.close();
    assert.equal(p.env.scheduler.pending, 0, "no timer outlives the transports");
    assert.deepEqual(p.errors, []);
  });

  it("closing the transport forgets connections nobody started", async () => {
    const p = new Pair();
    let accepted: Connection | undefined;
    p.b.onInbound((c) => {
      accepted = c;
    });
    p.a.dial("mem://b").start(p.probeA);
    await p.env.scheduler.runUntil(() => accepted !== undefined, 1000);
    assert.equal(p.labB.stats().connections, 1, "handed over, not started yet: live");
    await p.close();
    assert.equal(p.labB.stats().connections, 0);
    assert.equal(p.labA.stats().connections, 0);
    assert.equal(p.env.scheduler.pending, 0);
  });

  it("refuses a region cut from itself and latencies out of range", () => {
    const lab = new PartitionLab({ region: "us-east", env: realEnv() });
    assert.throws(() => lab.partition("eu-west", "eu-west"), RangeError);
    assert.throws(() => lab.setLatency("eu-west", -1), RangeError);
    assert.throws(() => lab.setLatency("eu-west", 1.5), RangeError);
    assert.throws(() => lab.setLatency("eu-west", 60_001), RangeError);
    assert.deepEqual(lab.rules(), { partitions: [], latencyMs: {} });
  });
});
