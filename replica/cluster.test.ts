import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import "../protos/runtime.js";
import { CloseCode, ObservedCloseCode } from "../protos/close-codes.js";
import { lattice } from "../protos/generated/replica.js";
import type { Json } from "../crdt/index.js";
import { Cluster } from "./cluster.js";
import type { PeerStatus } from "./cluster.js";
import { leafOf } from "./digest-tree.js";
import { entityId } from "./entity-ref.js";
import type { EntityRef } from "./entity-ref.js";
import type { Env, TimerHandle } from "./env.js";
import { realEnv } from "./env.js";
import { ReplicaError } from "./errors.js";
import { Replica } from "./replica.js";
import { MemoryStore } from "./storage/memory-store.js";
import type { TestNode } from "./test-support/cluster-harness.js";
import { FAST_OPTIONS, SECRET, TestNet, connectedTo, fullyMeshed } from "./test-support/cluster-harness.js";
import type { Connection, ConnectionHandlers, Transport } from "./transport/transport.js";
import { addMember, hex, incr, mapIncr, pnAdd, sleep, versionObject, viewOf, vote, waitFor, yAppend } from "./test-support/helpers.js";

import pb = lattice.replica;

const A = "mem://a";
const B = "mem://b";
const C = "mem://c";

const COUNTER: EntityRef = { service: "counter", key: "shared" };
const PN: EntityRef = { service: "pn", key: "shared" };
const SET: EntityRef = { service: "set", key: "shared" };
const MAP: EntityRef = { service: "map", key: "shared" };
const VOTE: EntityRef = { service: "vote", key: "shared" };
const DOC: EntityRef = { service: "doc", key: "shared" };

function peerOf(node: TestNode, url: string): PeerStatus | undefined {
  return node.cluster.status().find((p) => p.url === url);
}

function sameRoot(nodes: readonly TestNode[]): boolean {
  const roots = nodes.map((n) => hex(n.replica.tree.root));
  return roots.every((r) => r === roots[0]);
}

/** Views of `ref` on every node, equal to `expected` (a value or a predicate). */
async function allSee(nodes: readonly TestNode[], ref: EntityRef, expected: Json | ((v: Json | undefined) => boolean)): Promise<boolean> {
  for (const n of nodes) {
    const v = await viewOf(n.replica, ref);
    if (typeof expected === "function" ? !expected(v) : JSON.stringify(v) !== JSON.stringify(expected)) return false;
  }
  return true;
}

async function sameViews(nodes: readonly TestNode[], refs: readonly EntityRef[]): Promise<boolean> {
  for (const ref of refs) {
    const views = await Promise.all(nodes.map((n) => viewOf(n.replica, ref)));
    if (views.some((v) => v === undefined || JSON.stringify(v) !== JSON.stringify(views[0]))) return false;
  }
  return true;
}

const sortedSet = (v: Json | undefined): string[] => [...((v ?? []) as string[])].sort();

/** One command of every model on `node`, tagged with its name. */
async function writeEverything(node: TestNode, tag: string, n: number): Promise<void> {
  const r = node.replica;
  await Promise.all([incr(r, COUNTER, n), pnAdd(r, PN, -n), addMember(r, SET, tag), mapIncr(r, MAP, "all", n), mapIncr(r, MAP, tag, 1), vote(r, VOTE, true), yAppend(r, DOC, `[${tag}]`)]);
}

/** Checks that `nodes` converged on the writes of writeEverything(node_i, tags[i], i + 1). */
async function convergedOnEverything(nodes: readonly TestNode[], tags: readonly string[]): Promise<boolean> {
  const total = tags.reduce((sum, _, i) => sum + i + 1, 0);
  const expectedMap: Record<string, number> = { all: total };
  for (const t of tags) expectedMap[t] = 1;
  const n = nodes.length;
  return (
    (await allSee(nodes, COUNTER, total)) &&
    (await allSee(nodes, PN, -total)) &&
    (await allSee(nodes, SET, (v) => JSON.stringify(sortedSet(v)) === JSON.stringify([...tags].sort()))) &&
    (await allSee(nodes, MAP, (v) => JSON.stringify(v && Object.fromEntries(Object.entries(v as Record<string, Json>).sort())) === JSON.stringify(Object.fromEntries(Object.entries(expectedMap).sort())))) &&
    (await allSee(nodes, VOTE, (v) => {
      const t = v as { votesFor: number; totalVoters: number; all: boolean } | undefined;
      return t?.votesFor === n && t.totalVoters === n && t.all;
    })) &&
    (await allSee(nodes, DOC, (v) => typeof v === "string" && tags.every((t) => v.includes(`[${t}]`)) && v.length === tags.reduce((s, t) => s + t.length + 2, 0))) &&
    (await sameViews(nodes, [DOC])) &&
    sameRoot(nodes)
  );
}

/** A stand-in peer that never answers: its connection opens and takes frames, and that is all. */
class MutePeer implements Connection {
  readonly sent: Uint8Array[] = [];
  /** What this side asked for with close(). */
  readonly closes: { code: number; reason: string }[] = [];
  private handlers: ConnectionHandlers | undefined;
  private ended = false;

  constructor(
    readonly role: "dialer" | "listener",
    readonly remote: string,
  ) {}

  start(handlers: ConnectionHandlers): void {
    this.handlers = handlers;
    // A dialed connection opens later, a listener's is open from the start (the contract).
    if (this.role === "dialer") setImmediate(() => this.ended || handlers.open());
  }

  send(frame: Uint8Array): boolean {
    if (this.ended) return false;
    this.sent.push(frame.slice());
    return true;
  }

  bufferedAmount(): number {
    return 0;
  }

  close(code: number, reason: string): void {
    this.closes.push({ code, reason });
    this.end(code, reason);
  }

  terminate(): void {
    this.end(ObservedCloseCode.abnormal, "terminated");
  }

  private end(code: number, reason: string): void {
    if (this.ended) return;
    this.ended = true;
    setImmediate(() => this.handlers?.close(code, reason));
  }
}

/** A transport that leaves its connections to their owner: its close() ends none of them. */
class HandsOffTransport implements Transport {
  readonly connections: MutePeer[] = [];
  private inbound: ((conn: Connection) => void) | undefined;

  dial(url: string): Connection {
    const conn = new MutePeer("dialer", url);
    this.connections.push(conn);
    return conn;
  }

  onInbound(handler: (conn: Connection) => void): void {
    this.inbound = handler;
  }

  /** A peer dials in. */
  arrive(remote: string): MutePeer {
    const conn = new MutePeer("listener", remote);
    this.connections.push(conn);
    this.inbound?.(conn);
    return conn;
  }

  close(): Promise<void> {
    this.inbound = undefined;
    return Promise.resolve();
  }
}

/** `base` with a count of the timers that are scheduled and have neither run nor been cancelled. */
function countingTimers(base: Env): { env: Env; pending: () => number } {
  const live = new Set<TimerHandle>();
  const after = (ms: number, fn: () => void): TimerHandle => {
    const inner = base.timers.after(ms, () => {
      live.delete(handle);
      fn();
    });
    const handle: TimerHandle = {
      cancel() {
        live.delete(handle);
        inner.cancel();
      },
    };
    live.add(handle);
    return handle;
  };
  return { env: { ...base, timers: { after, defer: (fn) => base.timers.defer(fn) } }, pending: () => live.size };
}

function isReplicaError(code: string): (err: unknown) => boolean {
  return (err) => {
    assert.ok(err instanceof ReplicaError, `expected a ReplicaError, got ${String(err)}`);
    assert.equal(err.code, code);
    return true;
  };
}

describe("cluster", () => {
  let net: TestNet;
  beforeEach(() => {
    net = new TestNet();
  });
  afterEach(async () => {
    await net.close();
  });

  it("two replicas converge for counters, orsets, ormaps, votes and ydoc", async () => {
    const a = await net.start(A, { seeds: [B] });
    const b = await net.start(B);
    await waitFor("a and b connected", () => fullyMeshed([a, b]));
    await Promise.all([writeEverything(a, "a", 1), writeEverything(b, "b", 2)]);
    await waitFor("convergence", () => convergedOnEverything([a, b], ["a", "b"]));
    // Versions converge too: each side counts the other's committed changes.
    const va = versionObject((await a.replica.read(COUNTER))?.version ?? new Map());
    const vb = versionObject((await b.replica.read(COUNTER))?.version ?? new Map());
    assert.deepEqual(va, { [a.replica.id]: 1, [b.replica.id]: 1 });
    assert.deepEqual(vb, va);
  });

  it("three replicas converge for every model, including writes made before they met", async () => {
    const a = await net.start(A, { seeds: [B] });
    // c writes while alone: only anti-entropy can bring that to the others.
    const c = await net.start(C);
    await writeEverything(c, "c", 3);
    const b = await net.start(B, { seeds: [C] });
    await waitFor("full mesh", () => fullyMeshed([a, b, c]));
    await Promise.all([writeEverything(a, "a", 1), writeEverything(b, "b", 2)]);
    await waitFor("convergence", () => convergedOnEverything([a, b, c], ["a", "b", "c"]));
  });

  it("anti-entropy repairs entities whose states are equal (their digests must not cancel out in the tree)", async () => {
    // Two keys in the same digest-tree leaf, each incremented once by the same replica: equal
    // states. An entity digest without the entity's identity would XOR them away.
    const byLeaf = new Map<number, string>();
    let twins: [string, string] | undefined;
    for (let i = 0; !twins; i++) {
      const key = `twin-${i}`;
      const leaf = leafOf(entityId({ service: "counter", key }));
      const other = byLeaf.get(leaf);
      if (other !== undefined) twins = [other, key];
      else byLeaf.set(leaf, key);
    }
    const a = await net.start(A);
    for (const key of twins) await incr(a.replica, { service: "counter", key }, 1);
    // And fifty more, equal in pairs all over the tree.
    for (let i = 0; i < 50; i++) await incr(a.replica, { service: "counter", key: `many-${i}` }, 1);
    const b = await net.start(B, { seeds: [A] });
    await waitFor("b connected", () => fullyMeshed([a, b]));
    await waitFor("b repaired by anti-entropy", async () => {
      for (const key of [...twins, ...Array.from({ length: 50 }, (_, i) => `many-${i}`)]) {
        if ((await viewOf(b.replica, { service: "counter", key })) !== 1) return false;
      }
      return sameRoot([a, b]);
    });
    assert.equal(b.replica.tree.entityCount(), 52);
  });

  it("refuses a replica with the wrong secret, never merges it, and reports the refusal", async () => {
    const a = await net.start(A, { seeds: [B] });
    const b = await net.start(B);
    const intruder = await net.start(C, { seeds: [A, B], secret: "not-the-cluster-secret" });
    const fromIntruder = { service: "counter", key: "from-intruder" };
    const fromA = { service: "counter", key: "from-a" };
    await incr(intruder.replica, fromIntruder, 1);
    await incr(a.replica, fromA, 1);
    await waitFor("a and b connected", () => fullyMeshed([a, b]));
    await waitFor("the intruder reports both refusals", () => [A, B].every((u) => /secret|proof|refused/i.test(peerOf(intruder, u)?.error ?? "")));
    await waitFor("a reports the refused peer", () => a.observer.refusals.length > 0 && b.observer.refusals.length > 0);
    // Give a wrong merge every chance to happen: several heartbeats and anti-entropy rounds.
    await sleep(700);
    await waitFor("b has a's write", async () => (await viewOf(b.replica, fromA)) === 1);

    for (const n of [a, b]) {
      assert.equal(await n.replica.read(fromIntruder), undefined, "the intruder's write was merged");
      assert.equal(n.cluster.live().has(intruder.replica.id), false);
      assert.ok(!n.cluster.status().some((p) => p.id === intruder.replica.id && p.connected));
    }
    assert.equal(await intruder.replica.read(fromA), undefined);
    assert.equal(intruder.cluster.live().size, 0);
    for (const u of [A, B]) {
      const p = peerOf(intruder, u);
      assert.ok(p);
      assert.equal(p.connected, false);
      assert.equal(p.id, null);
    }
    // The listener side lists the refused peer too.
    const refused = a.cluster.status().find((p) => p.url === C);
    assert.ok(refused, `a's status does not list the refused peer: ${JSON.stringify(a.cluster.status())}`);
    assert.equal(refused.connected, false);
    assert.match(refused.error ?? "", /refused/);
  });

  it("status lists no peer for an inbound handshake that timed out before a Hello arrived, but lists one that sent garbage", async () => {
    const a = await net.start(A);
    // Stand-ins for dials into a partition: one whose frames all vanish, and one whose Hello
    // vanished but whose refusal (its own handshake timer fired) got through after the heal.
    const silent = net.network.transport("mem://silent");
    const gaveUp = net.network.transport("mem://gave-up");
    const garbled = net.network.transport("mem://garbled");
    const closed = new Set<string>();
    const dial = (t: Transport, name: string, first?: Uint8Array): void => {
      const conn = t.dial(A);
      conn.start({ open: () => first && conn.send(first), message() {}, close: () => closed.add(name) });
    };
    try {
      dial(silent, "silent");
      dial(gaveUp, "gave-up", pb.Envelope.encode({ protocolVersion: 1, authResult: { ok: false, reason: pb.RefusalReason.TIMEOUT, message: "handshake timed out" } }).finish());
      dial(garbled, "garbled", new Uint8Array([0xff, 0xff, 0xff]));
      await waitFor("a times out the silent handshake", () => a.observer.refusals.some((r) => r.url === "mem://silent" && /timed out/.test(r.reason)));
      await waitFor("every connection closed", () => closed.size === 3);
      assert.ok(a.observer.refusals.some((r) => r.url === "mem://gave-up" && /peer refused us/.test(r.reason)), "the refusal is still counted");
      const peers = a.cluster.status();
      assert.deepEqual(
        peers.map((p) => [p.url, p.error]),
        [["mem://garbled", "refused: undecodable frame"]],
        "a dead handshake is not a peer; garbage from an address is worth a line",
      );
    } finally {
      await Promise.all([silent.close(), gaveUp.close(), garbled.close()]);
    }
  });

  it("close() ends every session it owns, handshakes in progress included, when the transport's close ends none", async () => {
    const timers = countingTimers(realEnv());
    const transport = new HandsOffTransport();
    const replica = await Replica.open({ store: new MemoryStore(), env: timers.env, options: { ...FAST_OPTIONS, handshakeTimeoutMs: 10_000 } });
    const cluster = new Cluster({ replica, transport, secret: SECRET, advertiseUrl: A, seeds: [B] });
    replica.cluster = cluster;
    try {
      cluster.start();
      const accepted = transport.arrive(C);
      const dialed = transport.connections[0];
      assert.ok(dialed && dialed.role === "dialer");
      await waitFor("both sides sent their Hello", () => dialed.sent.length === 1 && accepted.sent.length === 1);
      assert.equal(timers.pending(), 3, "the tick and two handshake timers");

      await cluster.close();
      const goingAway = [{ code: CloseCode.goingAway, reason: "shutting down" }];
      assert.deepEqual(dialed.closes, goingAway, "the dial still waiting for the peer's Hello");
      assert.deepEqual(accepted.closes, goingAway);
      assert.equal(timers.pending(), 0, "no handshake, tick or redial timer outlives the cluster");
    } finally {
      // Whatever failed above, no stand-in may keep the test process alive.
      for (const conn of transport.connections) conn.terminate();
      await replica.close();
    }
  });

  it("resolves duplicate sessions (both seed each other) to exactly one session, connected on both sides", async () => {
    // A generous peer timeout: a slow machine must not pass for a dead peer and cause a redial.
    const options = { peerTimeoutMs: 5000 };
    const a = await net.add(A, { seeds: [B], options });
    const b = await net.add(B, { seeds: [A], options });
    a.cluster.start();
    b.cluster.start();
    await waitFor("connected", () => fullyMeshed([a, b]));
    await waitFor("one connection each", () => a.transport.openConnections === 1 && b.transport.openConnections === 1);
    // Both dials happened: each side saw its own dial and the peer's.
    assert.ok(a.transport.started >= 2 && b.transport.started >= 2, `${a.transport.started} / ${b.transport.started} connections`);
    // The survivor is the session dialed by the replica with the smaller id (PROTOCOL.md 2.5).
    const smaller = a.replica.id < b.replica.id ? a : b;
    const larger = smaller === a ? b : a;
    assert.deepEqual(smaller.transport.openRoles(), ["dialer"]);
    assert.deepEqual(larger.transport.openRoles(), ["listener"]);

    const startedBefore = a.transport.started + b.transport.started;
    await sleep(500);
    // Steady: no redials, no flapping, still one connected session each way.
    assert.equal(a.transport.started + b.transport.started, startedBefore);
    assert.equal(a.transport.openConnections, 1);
    assert.equal(b.transport.openConnections, 1);
    for (const [n, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const peers = n.cluster.status();
      assert.equal(peers.length, 1, JSON.stringify(peers));
      assert.equal(peers[0]?.id, other.replica.id);
      assert.equal(peers[0]?.connected, true);
      assert.equal(peers[0]?.error, undefined);
    }
    // And it carries data both ways.
    await incr(a.replica, COUNTER, 1);
    await incr(b.replica, COUNTER, 2);
    await waitFor("converged", () => allSee([a, b], COUNTER, 3));
  });

  it("detects a silent partition, drops the peer from live (and vote tallies), and converges after the heal", async () => {
    const a = await net.start(A, { seeds: [B] });
    const b = await net.start(B);
    await waitFor("connected", () => fullyMeshed([a, b]));
    await Promise.all([vote(a.replica, VOTE, true), vote(b.replica, VOTE, true), incr(a.replica, COUNTER, 1)]);
    await waitFor("both votes seen", () => allSee([a, b], VOTE, (v) => (v as { votesFor: number } | undefined)?.votesFor === 2));

    net.network.partition([A], [B]);
    await waitFor("a marks b down", () => peerOf(a, B)?.connected === false && !a.cluster.live().has(b.replica.id));
    await waitFor("b marks a down", () => b.cluster.live().size === 0 && b.cluster.status().every((p) => !p.connected));
    // The tally counts live members only: each side now counts itself alone.
    for (const n of [a, b]) {
      const t = (await viewOf(n.replica, VOTE)) as { votesFor: number; totalVoters: number; all: boolean };
      assert.deepEqual([t.votesFor, t.totalVoters, t.all], [1, 1, true]);
    }
    // Still partitioned: the status keeps the peer's identity, known but down.
    assert.equal(peerOf(a, B)?.id, b.replica.id);

    // Both sides keep accepting writes while partitioned, to shared and to their own entities.
    await Promise.all([incr(a.replica, COUNTER, 10), addMember(a.replica, SET, "from-a"), incr(a.replica, { service: "counter", key: "only-a" }, 1)]);
    await Promise.all([incr(b.replica, COUNTER, 100), addMember(b.replica, SET, "from-b"), vote(b.replica, VOTE, false)]);
    assert.equal(await viewOf(a.replica, COUNTER), 11);
    assert.equal(await viewOf(b.replica, COUNTER), 101);

    net.network.heal();
    await waitFor("reconnected", () => fullyMeshed([a, b]));
    await waitFor("converged after the heal", async () => {
      return (
        (await allSee([a, b], COUNTER, 111)) &&
        (await allSee([a, b], SET, (v) => JSON.stringify(sortedSet(v)) === JSON.stringify(["from-a", "from-b"]))) &&
        (await allSee([a, b], { service: "counter", key: "only-a" }, 1)) &&
        (await allSee([a, b], VOTE, (v) => {
          const t = v as { votesFor: number; totalVoters: number } | undefined;
          return t?.votesFor === 1 && t.totalVoters === 2;
        })) &&
        sameRoot([a, b])
      );
    });
  });

  it("documents and deletions written into a silent partition converge by anti-entropy, versions included", async () => {
    const a = await net.start(A, { seeds: [B] });
    const b = await net.start(B);
    await waitFor("connected", () => fullyMeshed([a, b]));
    const doomed = { service: "counter", key: "doomed" };
    await Promise.all([yAppend(a.replica, DOC, "base."), incr(b.replica, doomed, 1)]);
    await waitFor("shared start", async () => (await allSee([a, b], DOC, "base.")) && (await allSee([a, b], doomed, 1)));

    // Written at once: the sessions still look alive, so these deltas vanish on the wire.
    net.network.partition([A], [B]);
    await Promise.all([yAppend(a.replica, DOC, "[a1]"), yAppend(a.replica, DOC, "[a2]"), a.replica.delete(doomed, "gcounter")]);
    await Promise.all([yAppend(b.replica, DOC, "[b1]"), incr(b.replica, doomed, 5)]);
    await waitFor("both sides notice", () => a.cluster.live().size === 0 && b.cluster.live().size === 0);
    net.network.heal();

    await waitFor("converged", async () => {
      const views = await Promise.all([a, b].map((n) => viewOf(n.replica, DOC)));
      return views[0] === views[1] && (await allSee([a, b], doomed, "<deleted>")) && sameRoot([a, b]);
    });
    const text = (await viewOf(a.replica, DOC)) as string;
    for (const part of ["base.", "[a1]", "[a2]", "[b1]"]) assert.ok(text.includes(part), text);
    const [ea, eb] = await Promise.all([a.replica.read(DOC), b.replica.read(DOC)]);
    assert.deepEqual(versionObject(eb?.version ?? new Map()), versionObject(ea?.version ?? new Map()));
    assert.deepEqual(versionObject(ea?.version ?? new Map()), { [a.replica.id]: 3, [b.replica.id]: 1 });
  });

  it("write consistency: majority succeeds with three connected replicas and times out for a writer cut off from both", async () => {
    const a = await net.start(A, { seeds: [B, C] });
    const b = await net.start(B, { seeds: [C] });
    const c = await net.start(C);
    await waitFor("full mesh", () => fullyMeshed([a, b, c]));

    const ok = await incr(a.replica, COUNTER, 1, { consistency: "majority", timeoutMs: 10_000 });
    assert.equal(ok.changed, true);
    const all = await incr(a.replica, COUNTER, 1, { consistency: "all", timeoutMs: 10_000 });
    assert.equal(all.changed, true);
    // "all" means every replica acknowledged: the write is durable at b and c already.
    for (const n of [b, c]) {
      const e = await n.replica.read(COUNTER);
      assert.equal(e?.version.get(a.replica.id), 2);
    }

    net.network.partition([A], [B, C]);
    const lonely = { service: "counter", key: "lonely" };
    await assert.rejects(incr(a.replica, lonely, 5, { consistency: "majority", timeoutMs: 150 }), isReplicaError("replication_timeout"));
    // Not rolled back: present locally, and it keeps spreading.
    assert.equal(await viewOf(a.replica, lonely), 5);
    await waitFor("a marks both down", () => a.cluster.live().size === 0);
    await assert.rejects(incr(a.replica, lonely, 1, { consistency: "majority", timeoutMs: 100 }), isReplicaError("replication_timeout"));
    assert.equal(await viewOf(a.replica, lonely), 6);
    // The other two still form a majority of three.
    const bc = await incr(b.replica, COUNTER, 1, { consistency: "majority", timeoutMs: 10_000 });
    assert.equal(bc.changed, true);

    net.network.heal();
    await waitFor("the timed-out writes reach b and c", () => allSee([a, b, c], lonely, 6));
    await waitFor("converged", async () => (await allSee([a, b, c], COUNTER, 3)) && sameRoot([a, b, c]));
  });

  it("a gossip queue that overflows while a peer is down is repaired by anti-entropy", async () => {
    const options = { maxQueuedEntitiesPerPeer: 5 };
    const a = await net.start(A, { seeds: [B], options });
    const b = await net.start(B, { options });
    await waitFor("connected", () => fullyMeshed([a, b]));
    net.network.partition([A], [B]);
    await waitFor("a marks b down", () => peerOf(a, B)?.connected === false);
    const refs = Array.from({ length: 50 }, (_, i) => ({ service: "bulk", key: `e${i}` }));
    await Promise.all(refs.map((ref, i) => incr(a.replica, ref, i + 1)));
    const queued = peerOf(a, B)?.queuedDeltas ?? -1;
    assert.ok(queued >= 0 && queued <= 5, `queue holds ${queued} entities`);

    net.network.heal();
    await waitFor("b has all 50 entities", async () => {
      for (const [i, ref] of refs.entries()) if ((await viewOf(b.replica, ref)) !== i + 1) return false;
      return sameRoot([a, b]);
    });
    for (const ref of refs) {
      assert.deepEqual(versionObject((await b.replica.read(ref))?.version ?? new Map()), { [a.replica.id]: 1 });
    }
  });

  it("membership: replicas seeded with a common peer learn each other and connect", async () => {
    const b = await net.start(B);
    const a = await net.start(A, { seeds: [B] });
    const c = await net.start(C, { seeds: [B] });
    await waitFor("full mesh", () => fullyMeshed([a, b, c]));
    const ofA = peerOf(a, C);
    assert.ok(ofA, JSON.stringify(a.cluster.status()));
    assert.equal(ofA.id, c.replica.id);
    assert.equal(ofA.connected, true);
    assert.equal(peerOf(c, A)?.id, a.replica.id);
    assert.ok(connectedTo(a, [c]) && connectedTo(c, [a]));
    // The direct link carries data, not only relays through b.
    net.network.partition([B], [A, C]);
    await incr(a.replica, COUNTER, 1);
    await waitFor("c gets a's write without b", () => allSee([c], COUNTER, 1));
  });
});
