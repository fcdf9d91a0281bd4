import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import type { Json } from "../../crdt/index.js";
import { TestNet, fullyMeshed } from "../../replica/test-support/cluster-harness.js";
import type { TestNode as ClusterNode } from "../../replica/test-support/cluster-harness.js";
import { FunctionEngine } from "../engine.js";
import presence, { connectionCount } from "./presence.js";
import { RecordingSink, deltasOf, latticeError, nodePool, replicate, sleep, stream, waitFor } from "./test-support/harness.js";
import type { TestNode } from "./test-support/harness.js";
import { openStream } from "../streams.js";

const pool = nodePool([presence]);
afterEach(() => pool.closeAll());

const online = async (n: TestNode, user: string): Promise<boolean> => ((await n.call("presence", user, "status")) as { online: boolean }).online;
const connect = (n: TestNode, user: string) => stream(n, "presence", user, "connect");
const monitor = (n: TestNode, user: string) => stream(n, "presence", user, "monitor");

describe("presence on one replica", () => {
  it("a user is offline until connected", async () => {
    const a = await pool.start();
    assert.deepEqual(await a.call("presence", "ann", "status"), { online: false, replicas: 0 });
    const c = await connect(a, "ann");
    assert.deepEqual(await a.call("presence", "ann", "status"), { online: true, replicas: 1 });
    assert.deepEqual(await a.view("presence", "ann"), { online: true, replicas: 1 });
    assert.deepEqual(c.sink.messages, [], "connect sends no messages");
    await c.handle.cancel();
    assert.equal(await online(a, "ann"), false);
  });

  it("two connections, one closes: still online; both close: offline", async () => {
    const a = await pool.start();
    const one = await connect(a, "ann");
    const two = await connect(a, "ann");
    assert.equal(connectionCount(a.replica.id, "ann"), 2);
    assert.equal(deltasOf(a, "presence", "ann").length, 1, "the second connection votes nothing new");
    await one.handle.cancel();
    assert.equal(connectionCount(a.replica.id, "ann"), 1);
    assert.equal(await online(a, "ann"), true);
    assert.equal(deltasOf(a, "presence", "ann").length, 1);
    await two.handle.cancel();
    assert.equal(connectionCount(a.replica.id, "ann"), 0);
    assert.equal(await online(a, "ann"), false);
    assert.equal(deltasOf(a, "presence", "ann").length, 2);
    // A cancel that already happened does nothing more.
    await two.handle.cancel();
    assert.equal(connectionCount(a.replica.id, "ann"), 0);
  });

  it("counts are per user", async () => {
    const a = await pool.start();
    const ann = await connect(a, "ann");
    const bob = await connect(a, "bob");
    await ann.handle.cancel();
    assert.equal(await online(a, "ann"), false);
    assert.equal(await online(a, "bob"), true);
    await bob.handle.cancel();
  });

  it("monitor: the current status first, then a message only when it flips", async () => {
    const a = await pool.start();
    const m = await monitor(a, "ann");
    assert.deepEqual(m.sink.messages, [{ online: false }]);
    const one = await connect(a, "ann");
    await waitFor("online pushed", () => m.sink.messages.length === 2);
    const two = await connect(a, "ann");
    await one.handle.cancel();
    await sleep(20);
    assert.deepEqual(m.sink.messages, [{ online: false }, { online: true }], "no message while the status stays");
    await two.handle.cancel();
    await waitFor("offline pushed", () => m.sink.messages.length === 3);
    assert.deepEqual(m.sink.messages, [{ online: false }, { online: true }, { online: false }]);
    // Every monitor keeps its own last status.
    const late = await monitor(a, "ann");
    assert.deepEqual(late.sink.messages, [{ online: false }]);
    const three = await connect(a, "ann");
    await waitFor("both monitors see the flip", () => m.sink.messages.length === 4 && late.sink.messages.length === 2);
    await three.handle.cancel();
    await m.handle.cancel();
    await late.handle.cancel();
  });

  it("a vote replicated from another replica counts when that replica is live", async () => {
    const [a, b] = await pool.pair();
    const m = await monitor(a, "ann");
    const c = await connect(b, "ann");
    await replicate(b, a);
    await waitFor("online pushed", () => m.sink.messages.length === 2);
    assert.deepEqual(await a.call("presence", "ann", "status"), { online: true, replicas: 1 });
    await c.handle.cancel();
    await replicate(b, a);
    await waitFor("offline pushed", () => m.sink.messages.length === 3);
    assert.deepEqual(m.sink.messages, [{ online: false }, { online: true }, { online: false }]);
  });

  it("has no way to vote by command, and a stream name that does not exist is unknown_command", async () => {
    const a = await pool.start();
    await assert.rejects(a.call("presence", "ann", "vote", true), latticeError("unknown_command"));
    await assert.rejects(stream(a, "presence", "ann", "nope"), latticeError("unknown_command"));
  });
});

describe("presence across replicas (Cluster over the memory network)", () => {
  let net: TestNet;
  beforeEach(() => {
    net = new TestNet();
  });
  afterEach(async () => {
    await net.close();
  });

  async function meshed(): Promise<[ClusterNode & { engine: FunctionEngine }, ClusterNode & { engine: FunctionEngine }]> {
    const a = await net.start("mem://a", { seeds: ["mem://b"] });
    const b = await net.start("mem://b");
    await waitFor("a and b connected", () => fullyMeshed([a, b]));
    return [
      { ...a, engine: new FunctionEngine(a.replica, [presence]) },
      { ...b, engine: new FunctionEngine(b.replica, [presence]) },
    ];
  }
  const status = async (n: { engine: FunctionEngine }, user: string) =>
    (await n.engine.call({ service: "presence", key: user, command: "status", input: null, auth: null })) as { online: boolean; replicas: number };
  const open = async (n: { engine: FunctionEngine }, user: string, name: string) => {
    const sink = new RecordingSink();
    const handle = await openStream(n.engine, { service: "presence", key: user, stream: name, input: null, auth: null }, sink);
    return { sink, handle };
  };

  it("a user connected on A shows online on B, and offline on B once the stream on A is cancelled", async () => {
    const [a, b] = await meshed();
    const m = await open(b, "ann", "monitor");
    assert.deepEqual(m.sink.messages, [{ online: false }]);
    const c = await open(a, "ann", "connect");
    await waitFor("online on b", async () => (await status(b, "ann")).online);
    await waitFor("b's monitor pushed online", () => m.sink.messages.length === 2);
    await c.handle.cancel();
    await waitFor("offline on b", async () => !(await status(b, "ann")).online);
    await waitFor("b's monitor pushed offline", () => m.sink.messages.length === 3);
    assert.deepEqual(m.sink.messages, [{ online: false }, { online: true }, { online: false }]);
    await m.handle.cancel();
    a.engine.close();
    b.engine.close();
  });

  it("a vote of a replica that goes down stops counting: monitors and subscribers hear it without any entity change", async () => {
    const [a, b] = await meshed();
    const m = await open(b, "cat", "monitor");
    const views: Json[] = [];
    const sub = await b.engine.subscribe("presence", "cat", (v) => {
      if ("state" in v) views.push(v.state);
    });
    const c = await open(a, "cat", "connect");
    await waitFor("b's monitor pushed online", () => m.sink.messages.length === 2);
    await waitFor("b's subscriber saw a's vote", () => views.some((v) => JSON.stringify(v) === JSON.stringify({ online: true, replicas: 1 })));
    const seen = views.length;

    // a stops answering (packets vanish, no close): b marks it down after peerTimeoutMs.
    net.network.partition([a.url], [b.url]);
    await waitFor("b marks a down", () => !b.cluster.live().has(a.replica.id));
    await waitFor("b's monitor pushed offline", () => m.sink.messages.length === 3);
    assert.deepEqual(m.sink.messages, [{ online: false }, { online: true }, { online: false }]);
    await waitFor("b's subscriber saw the tally change", () => views.length > seen);
    assert.deepEqual(views.at(-1), { online: false, replicas: 0 });
    assert.deepEqual(await status(b, "cat"), { online: false, replicas: 0 });

    // a comes back with its vote unchanged: it counts again.
    net.network.heal();
    await waitFor("a and b connected again", () => fullyMeshed([a, b]));
    await waitFor("b's monitor pushed online again", () => m.sink.messages.length === 4);
    assert.deepEqual(m.sink.messages.at(-1), { online: true });
    await waitFor("b's subscriber saw a again", () => JSON.stringify(views.at(-1)) === JSON.stringify({ online: true, replicas: 1 }));
    const settled = views.length;
    // Another membership change that does not change the view pushes nothing (no peer here changes it).
    b.replica.liveSetChanged();
    await sleep(20);
    assert.equal(views.length, settled);

    sub.stop();
    await m.handle.cancel();
    await c.handle.cancel();
    a.engine.close();
    b.engine.close();
  });

  it("connected on both replicas: online until the last one closes; counts are per replica", async () => {
    const [a, b] = await meshed();
    const onA = await open(a, "bob", "connect");
    const onB = await open(b, "bob", "connect");
    assert.equal(connectionCount(a.replica.id, "bob"), 1);
    assert.equal(connectionCount(b.replica.id, "bob"), 1);
    await waitFor("both replicas vote", async () => (await status(a, "bob")).replicas === 2 && (await status(b, "bob")).replicas === 2);
    await onA.handle.cancel();
    await waitFor("a's vote withdrawn on b", async () => (await status(b, "bob")).replicas === 1);
    assert.equal((await status(a, "bob")).online, true, "still online: connected on b");
    assert.equal((await status(b, "bob")).online, true);
    await onB.handle.cancel();
    await waitFor("offline everywhere", async () => !(await status(a, "bob")).online && !(await status(b, "bob")).online);
    a.engine.close();
    b.engine.close();
  });
});
