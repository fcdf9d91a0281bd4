import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, it } from "node:test";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import type { ServiceDefinition } from "../../functions/define-service.js";
import { defineService } from "../../functions/define-service.js";
import notes from "../../functions/examples/notes.js";
import { CloseCode } from "../../protos/close-codes.js";
import { entityId } from "../../replica/entity-ref.js";
import type { ReplicaOptions } from "../../replica/options.js";
import type { ApiLimits } from "../api/limits.js";
import { loadConfig } from "../config.js";
import type { LatticeNode } from "../node.js";
import { startNode } from "../node.js";
import { FAST_REPLICA_OPTIONS, TEST_AUTH_SECRET, signToken } from "../test-support/harness.js";
import { counter } from "../test-support/services.js";
import type { TestProvider } from "../test-support/yjs.js";
import { RawYClient, frames, openProvider, peersSeen, until, yjsServerUrl } from "../test-support/yjs.js";

/** A ydoc service whose authorize bans some users and lets only editors write. */
const guarded = defineService({
  name: "guarded",
  type: "ydoc",
  shape: { body: "text" },
  authorize: (ctx) => ctx.auth?.["role"] !== "banned" && (ctx.command !== "yjs:write" || ctx.auth?.["role"] === "editor"),
  commands: { read: (doc) => doc.getText("body").toString() },
});

const SERVICES: ServiceDefinition[] = [notes, guarded, counter];

interface NodeOpts {
  readonly argv?: string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly limits?: Partial<ApiLimits>;
  readonly replicaOptions?: Partial<ReplicaOptions>;
}

const nodes = new Set<LatticeNode>();
const cleanups: (() => void | Promise<void>)[] = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await Promise.all([...nodes].map((n) => n.close()));
  nodes.clear();
});

async function start(opts: NodeOpts = {}): Promise<LatticeNode> {
  const argv = opts.argv ?? ["--memory"];
  const config = loadConfig({ LATTICE_CLUSTER_SECRET: "yjs-test-secret", ...opts.env }, ["--port", "0", ...argv]);
  const node = await startNode(config, {
    logger: false,
    services: SERVICES,
    replicaOptions: { ...FAST_REPLICA_OPTIONS, ...opts.replicaOptions },
    ...(opts.limits ? { limits: opts.limits } : {}),
  });
  nodes.add(node);
  return node;
}

async function stop(node: LatticeNode): Promise<void> {
  nodes.delete(node);
  await node.close();
}

function provider(node: LatticeNode, key: string, opts: Parameters<typeof openProvider>[3] & { service?: string } = {}): TestProvider {
  const p = openProvider(node, opts.service ?? "notes", key, opts);
  cleanups.push(() => p.destroy());
  return p;
}

async function raw(node: LatticeNode, key: string, opts: Parameters<typeof RawYClient.open>[2] & { service?: string } = {}): Promise<RawYClient> {
  const c = await RawYClient.open(yjsServerUrl(node, opts.service ?? "notes"), key, opts);
  cleanups.push(() => c.destroy());
  return c;
}

async function synced(p: TestProvider): Promise<void> {
  await until("provider synced", () => p.provider.synced);
}

/** The text of the notes entity as this replica holds it (no function run). */
async function serverText(node: LatticeNode, key: string, service = "notes"): Promise<string> {
  const e = await node.replica.read({ service, key });
  return e?.state.type === "ydoc" ? e.state.doc.getText("body").toString() : "";
}

async function meshed(a: LatticeNode, b: LatticeNode): Promise<void> {
  await until("peers connected", () => a.cluster.status().some((p) => p.connected) && b.cluster.status().some((p) => p.connected));
}

describe("/v1/yjs with the stock y-websocket provider", () => {
  it("syncs text and awareness between two providers on one replica", async () => {
    const node = await start();
    const a = provider(node, "doc-1", { user: "ann" });
    const b = provider(node, "doc-1", { user: "bob" });
    await synced(a);
    await synced(b);
    a.text.insert(0, "hello");
    await until("b sees a's edit", () => b.text.toString() === "hello");
    b.text.insert(5, " world");
    await until("a sees b's edit", () => a.text.toString() === "hello world");
    await until("awareness both ways", () => peersSeen(a).join() === "bob" && peersSeen(b).join() === "ann");
    assert.equal(await serverText(node, "doc-1"), "hello world");
  });

  it("syncs text and awareness across two replicas, both ways, and removes a closed client's cursor", async () => {
    const a = await start({ argv: ["--memory", "--region", "us-east"] });
    const b = await start({ argv: ["--memory", "--region", "eu-west", "--peers", a.url.replace(/^http/, "ws")] });
    await meshed(a, b);
    const pa = provider(a, "shared", { user: "ann" });
    const pb = provider(b, "shared", { user: "bob" });
    await synced(pa);
    await synced(pb);
    pa.text.insert(0, "from us");
    await until("eu sees us", () => pb.text.toString() === "from us");
    pb.text.insert(0, "eu and ");
    await until("us sees eu", () => pa.text.toString() === "eu and from us");
    await until("cursors cross regions", () => peersSeen(pa).join() === "bob" && peersSeen(pb).join() === "ann");

    const pc = provider(b, "shared", { user: "cid" });
    await synced(pc);
    await until("a third client seen across", () => peersSeen(pa).join() === "bob,cid");
    pc.provider.disconnect();
    await until("its removal crosses too", () => peersSeen(pa).join() === "bob");
  });

  it("coalesces awareness for peers: a burst of cursor moves crosses as at most two messages, the last state winning", async () => {
    const limits = { yjsAwarenessGossipMs: 1000 };
    const a = await start({ limits });
    const b = await start({ limits, argv: ["--memory", "--peers", a.url.replace(/^http/, "ws")] });
    await meshed(a, b);
    const ca = await raw(a, "burst");
    const cb = await raw(b, "burst");
    await until("synced", () => ca.synced && cb.synced);
    for (let i = 1; i <= 20; i++) ca.setAwareness({ cursor: i });
    await until("the last state crosses", () => (cb.awareness.getStates().get(ca.doc.clientID) as { cursor?: number } | undefined)?.cursor === 20);
    const body = await (await fetch(`${a.url}/metrics`)).text();
    const sent = Number(/^lattice_yjs_awareness_total\{direction="gossip_out"\} (\d+)$/m.exec(body)?.[1]);
    assert.ok(sent >= 1 && sent <= 2, `gossip messages: ${sent}`);
  });

  it("gossips a crowd's awareness in messages the peer accepts (each under maxYjsAwarenessBytes)", async () => {
    const limits = { maxYjsAwarenessBytes: 400 };
    const a = await start({ limits });
    const b = await start({ limits, argv: ["--memory", "--peers", a.url.replace(/^http/, "ws")] });
    await meshed(a, b);
    const crowd = await Promise.all(Array.from({ length: 6 }, () => raw(a, "crowded")));
    const reader = await raw(b, "crowded");
    await until("synced", () => reader.synced && crowd.every((c) => c.synced));
    // Six states of ~120 bytes change in one gossip window: ~720 bytes, over the peer's limit.
    for (const [i, c] of crowd.entries()) c.setAwareness({ user: `user ${i}`, note: "x".repeat(100) });
    await until("the reader on the other replica sees all six", () => crowd.every((c) => reader.awareness.getStates().has(c.doc.clientID)));
  });

  it("drops a peer's cursors when the peer replica goes away", async () => {
    const a = await start();
    const b = await start({ argv: ["--memory", "--peers", a.url.replace(/^http/, "ws")] });
    await meshed(a, b);
    const pa = provider(a, "ghost", { user: "ann" });
    const pb = provider(b, "ghost", { user: "bob" });
    await synced(pa);
    await synced(pb);
    await until("both seen", () => peersSeen(pa).join() === "bob" && peersSeen(pb).join() === "ann");
    pb.provider.shouldConnect = false;
    await stop(b);
    await until("no ghost cursor", () => peersSeen(pa).length === 0);
  });

  it("shows a peer's cursors again as soon as a partition heals, without the client sending anything", async () => {
    const lab = (region: string): NodeOpts => ({ env: { LATTICE_LAB: "1", LATTICE_REGION: region } });
    const a = await start(lab("east"));
    const b = await start({ ...lab("west"), argv: ["--memory", "--peers", a.url.replace(/^http/, "ws")] });
    await meshed(a, b);
    // Raw clients send awareness only when told to (a provider renews every 15 s on its own).
    const writer = await raw(a, "healed");
    const reader = await raw(b, "healed");
    await until("synced", () => writer.synced && reader.synced);
    writer.setAwareness({ user: "ann" });
    const seen = (): boolean => reader.awareness.getStates().has(writer.doc.clientID);
    await until("the reader sees the writer's cursor", seen);
    const labCall = async (path: string, body: unknown): Promise<void> => {
      const res = await fetch(`${a.url}/v1/lab/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      assert.equal(res.status, 200, await res.text());
    };
    await labCall("partition", { regions: ["east", "west"] });
    await until("the cut peer's cursor is removed", () => !seen());
    await labCall("heal", {});
    await until("the cursor is back after the heal", seen);
    assert.deepEqual(reader.awareness.getStates().get(writer.doc.clientID), { user: "ann" });
  });

  it("shares the document with functions: a command reaches a provider and a provider's edit reaches a command", async () => {
    const node = await start();
    const p = provider(node, "n1");
    await synced(p);
    await node.engine.call({ service: "notes", key: "n1", command: "append", input: { text: "from a function" }, auth: null });
    await until("provider sees the command's edit", () => p.text.toString() === "from a function");
    p.text.insert(0, ">> ");
    await until("command reads the provider's edit", async () => {
      const r = (await node.engine.call({ service: "notes", key: "n1", command: "read", input: null, auth: null })) as { body: string };
      return r.body === ">> from a function";
    });
    const res = await fetch(`${node.url}/v1/entities/notes/n1`);
    assert.deepEqual(((await res.json()) as { state: { body: string } }).state.body, ">> from a function");
  });

  it("relays the updates one store batch made durable as one merged frame per connection", async () => {
    const node = await start();
    const reader = await raw(node, "batched");
    await until("synced", () => reader.synced);
    const framesBefore = reader.received.filter((f) => f.kind === "update").length;
    // Commands on a loaded document started in one turn commit in one group-commit batch.
    const words = Array.from({ length: 12 }, (_, i) => `w${i} `);
    await Promise.all(words.map((text) => node.engine.call({ service: "notes", key: "batched", command: "append", input: { text }, auth: null })));
    await until("the reader has every edit", () => words.every((w) => reader.text().includes(w)));
    const updateFrames = reader.received.filter((f) => f.kind === "update").length - framesBefore;
    assert.ok(updateFrames < words.length, `${updateFrames} update frames for ${words.length} edits: nothing was merged`);
    assert.equal(reader.text(), await serverText(node, "batched"));
    reader.destroy();
  });

  it("keeps an acknowledged edit across a restart", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lattice-yjs-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    let node = await start({ argv: ["--data-dir", dir] });
    const c = await raw(node, "durable");
    await until("synced", () => c.synced);
    const sent = c.edit((d) => d.getText("body").insert(0, "survives"));
    // The server relays an update only once it is durable: the echo is the acknowledgement.
    await until("echo", () => c.received.some((f) => f.kind === "update" && Buffer.from(f.update).equals(Buffer.from(sent))));
    c.destroy();
    await stop(node);
    node = await start({ argv: ["--data-dir", dir] });
    const p = provider(node, "durable");
    await synced(p);
    assert.equal(p.text.toString(), "survives");
  });
});

describe("/v1/yjs refusals", () => {
  it("closes with 4404 for an unknown service and for a service that is not a ydoc; the stock client stops", async () => {
    const node = await start();
    const unknown = await raw(node, "k", { service: "nope" });
    assert.equal((await unknown.closed).code, CloseCode.notFound);
    const notYdoc = await raw(node, "k", { service: "counter" });
    assert.equal((await notYdoc.closed).code, CloseCode.notFound);
    // A name whose quote in the reason is over a close frame's 123 bytes still closes the socket.
    const long = await raw(node, "k", { service: encodeURIComponent("é".repeat(60)) });
    await until("the socket with the long name closed", () => long.closeEvent !== undefined);
    assert.equal(long.closeEvent?.code, CloseCode.notFound);
    assert.ok(Buffer.byteLength(long.closeEvent?.reason ?? "") <= 123);
    const p = provider(node, "k", { service: "nope" });
    await until("provider gave up", () => p.terminal !== undefined);
    assert.equal(p.terminal?.code, CloseCode.notFound);
  });

  it("closes with 4410 when the document is deleted, and refuses it afterwards", async () => {
    const node = await start();
    const c = await raw(node, "doomed");
    await until("synced", () => c.synced);
    await node.replica.delete({ service: "notes", key: "doomed" }, "ydoc");
    assert.equal((await c.closed).code, CloseCode.entityDeleted);
    const late = await raw(node, "doomed");
    assert.equal((await late.closed).code, CloseCode.entityDeleted);
  });

  it("closes with 4401 without a valid token, and with 4403 when authorize refuses or the origin is not allowed", async () => {
    const node = await start({ env: { LATTICE_AUTH_SECRET: TEST_AUTH_SECRET, LATTICE_WS_ORIGINS: "https://app.example" } });
    const none = await raw(node, "k");
    assert.equal((await none.closed).code, CloseCode.unauthorized);
    assert.ok(none.received.some((f) => f.kind === "auth"), "the permission-denied message comes first");
    const bad = await raw(node, "k", { query: "?token=not-a-jwt" });
    assert.equal((await bad.closed).code, CloseCode.unauthorized);

    const banned = await signToken({ sub: "eve", role: "banned" });
    const refused = await raw(node, "k", { service: "guarded", query: `?token=${banned}` });
    assert.equal((await refused.closed).code, CloseCode.forbidden);

    const ok = await signToken({ sub: "ann", role: "editor" });
    const wrongOrigin = await raw(node, "k", { query: `?token=${ok}`, headers: { origin: "https://evil.example" } });
    assert.equal((await wrongOrigin.closed).code, CloseCode.forbidden);

    const p = provider(node, "k", { params: { token: ok } });
    await synced(p);
    const rightOrigin = await raw(node, "k", { query: `?token=${ok}`, headers: { origin: "https://app.example" } });
    await until("allowed origin syncs", () => rightOrigin.synced);
  });

  it("drops updates from read-only connections (token claim or authorize) but relays their awareness", async () => {
    const node = await start({ env: { LATTICE_AUTH_SECRET: TEST_AUTH_SECRET } });
    const editor = await signToken({ sub: "ann", role: "editor" });
    const viewer = await signToken({ sub: "vic", role: "viewer" });
    const readOnly = await signToken({ sub: "rob", role: "editor", readOnly: true });

    const w = provider(node, "doc", { service: "guarded", params: { token: editor }, user: "ann" });
    const byAuthorize = provider(node, "doc", { service: "guarded", params: { token: viewer }, user: "vic" });
    const byClaim = provider(node, "doc", { service: "guarded", params: { token: readOnly }, user: "rob" });
    await Promise.all([synced(w), synced(byAuthorize), synced(byClaim)]);
    w.text.insert(0, "editor text");
    await until("viewers read", () => byAuthorize.text.toString() === "editor text" && byClaim.text.toString() === "editor text");
    byAuthorize.text.insert(0, "X");
    byClaim.text.insert(0, "Y");
    await until("viewers' awareness relayed", () => peersSeen(w).join() === "rob,vic");
    // Anything relayed from the viewers would have arrived before their awareness did.
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(w.text.toString(), "editor text");
    assert.equal(await serverText(node, "doc", "guarded"), "editor text");
    assert.equal(byClaim.closes.length + byAuthorize.closes.length, 0, "read-only sockets stay open");
  });
});

describe("/v1/yjs bad input and limits", () => {
  it("closes with 4400 on malformed frames, updates and awareness, and changes nothing", async () => {
    const node = await start();
    const w = await raw(node, "m");
    await until("synced", () => w.synced);
    w.edit((d) => d.getText("body").insert(0, "keep"));
    await until("stored", async () => (await serverText(node, "m")) === "keep");

    // An item whose origin is its own client's future: decodes, but Yjs would fail half-way.
    const evil = new Y.Doc();
    evil.clientID = 77;
    evil.getText("body").insert(0, "ab");
    const good = Y.encodeStateAsUpdate(evil);
    const decoded = Y.decodeUpdate(good);
    assert.ok(decoded.structs.length > 0);

    const cases: [string, Uint8Array | string][] = [
      ["empty frame", new Uint8Array()],
      ["truncated varint", new Uint8Array([0x80])],
      ["length past the frame", new Uint8Array([0, 2, 50, 1, 2])],
      ["trailing bytes", Uint8Array.from([...frames.update(good), 9])],
      ["undecodable update", frames.update(new Uint8Array([1, 1, 200, 200, 1, 0, 4]))],
      ["bad state vector", new Uint8Array([0, 0, 2, 0xff, 0xff])],
      ["awareness that is not JSON", frames.awareness(new Uint8Array([1, 5, 1, 3, 0x7b, 0x7b, 0x7b]))],
      ["text frame", "hello"],
    ];
    for (const [what, bytes] of cases) {
      const c = await raw(node, "m");
      await until("synced", () => c.synced);
      c.send(bytes);
      const closed = await c.closed;
      assert.equal(closed.code, CloseCode.badFrame, `${what}: ${closed.reason}`);
    }
    assert.equal(await serverText(node, "m"), "keep");
    assert.equal(node.replica.entities.cache.peek(entityId({ service: "notes", key: "m" }))?.state.type, "ydoc");
    // The writer's socket was not affected.
    assert.equal(w.closeEvent, undefined);
  });

  it("refuses an update that would write under the replica's own Yjs clientID", async () => {
    const node = await start();
    const c = await raw(node, "own");
    await until("synced", () => c.synced);
    const e = await node.replica.read({ service: "notes", key: "own" });
    assert.ok(e?.state.type === "ydoc");
    const impostor = new Y.Doc();
    impostor.clientID = e.state.doc.clientID;
    impostor.getText("body").insert(0, "impostor");
    c.send(frames.update(Y.encodeStateAsUpdate(impostor)));
    assert.equal((await c.closed).code, CloseCode.badFrame);
    assert.equal(await serverText(node, "own"), "");
  });

  it("closes with 4413 on an update over maxYjsUpdateBytes and changes nothing", async () => {
    const node = await start({ limits: { maxYjsUpdateBytes: 1000 } });
    const c = await raw(node, "big");
    await until("synced", () => c.synced);
    c.edit((d) => d.getText("body").insert(0, "x".repeat(2000)));
    assert.equal((await c.closed).code, CloseCode.payloadTooLarge);
    assert.equal(await serverText(node, "big"), "");
    const small = await raw(node, "big");
    await until("synced", () => small.synced);
    small.edit((d) => d.getText("body").insert(0, "small"));
    await until("a small update passes", async () => (await serverText(node, "big")) === "small");
  });

  it("closes with 1013 past maxYjsSocketsPerIp, and the address can open again after one closed", async () => {
    const node = await start({ limits: { maxYjsSocketsPerIp: 2 } });
    const one = await raw(node, "a");
    const two = await raw(node, "b");
    const three = await raw(node, "c");
    assert.equal((await three.closed).code, CloseCode.tryAgainLater);
    await until("both synced", () => one.synced && two.synced);
    one.close();
    await one.closed;
    await until("room released", () => node.replica.entities.cache.peek(entityId({ service: "notes", key: "a" }))?.pins === 0);
    const again = await raw(node, "c");
    await until("synced", () => again.synced);
  });
});

describe("/v1/yjs awareness and memory", () => {
  it("echoes awareness to its sender, answers query-awareness, and removes a closed client's state for the others", async () => {
    const node = await start();
    const a = await raw(node, "aw");
    const b = await raw(node, "aw");
    await until("synced", () => a.synced && b.synced);
    a.setAwareness({ user: { name: "ann" } });
    await until("b sees ann", () => b.awareness.getStates().has(a.doc.clientID));
    assert.ok(
      a.received.some((f) => f.kind === "awareness"),
      "the sender hears its own awareness back (the stock client drops a silent connection after 30 s)",
    );
    const late = await raw(node, "aw");
    await until("a newcomer gets the states at once", () => late.awareness.getStates().has(a.doc.clientID));
    const before = b.received.length;
    b.send(frames.queryAwareness());
    await until("query answered", () => b.received.slice(before).some((f) => f.kind === "awareness"));
    a.close();
    await until("b sees ann leave", () => !b.awareness.getStates().has(a.doc.clientID));
  });

  it("keeps at most maxYjsAwarenessClients states per connection: made-up clients beyond it are dropped", async () => {
    const node = await start({ limits: { maxYjsAwarenessClients: 3 } });
    const flooder = await raw(node, "crowd");
    const watcher = await raw(node, "crowd");
    await until("synced", () => flooder.synced && watcher.synced);
    const fake = encoding.createEncoder();
    encoding.writeVarUint(fake, 20);
    for (let id = 1; id <= 20; id++) {
      encoding.writeVarUint(fake, 1_000_000 + id);
      encoding.writeVarUint(fake, 1);
      encoding.writeVarString(fake, JSON.stringify({ user: `fake ${id}` }));
    }
    flooder.send(frames.awareness(encoding.toUint8Array(fake)));
    await until("the watcher sees the accepted ones", () => watcher.awareness.getStates().size >= 3);
    // A query answers from the whole table: still three.
    const before = watcher.received.length;
    watcher.send(frames.queryAwareness());
    await until("query answered", () => watcher.received.slice(before).some((f) => f.kind === "awareness"));
    assert.deepEqual([...watcher.awareness.getStates().keys()].sort(), [1_000_001, 1_000_002, 1_000_003]);
  });

  it("unpins a document when its last connection closes, so the cache evicts it", async () => {
    const node = await start({ replicaOptions: { cacheMaxEntries: 2 } });
    const id1 = entityId({ service: "notes", key: "one" });
    const id2 = entityId({ service: "notes", key: "two" });
    const p1 = provider(node, "one");
    const p2 = provider(node, "two");
    await synced(p1);
    await synced(p2);
    p1.text.insert(0, "first");
    await until("stored", async () => (await serverText(node, "one")) === "first");
    assert.ok(node.replica.entities.cache.peek(id1) && node.replica.entities.cache.peek(id2), "pinned documents stay past the cache bound");
    p1.provider.disconnect();
    await until("unpinned", () => node.replica.entities.cache.peek(id1)?.pins === 0);
    // A third document fills the cache: the idle one goes, the open one stays.
    await node.replica.read({ service: "notes", key: "three" }, "ydoc");
    await until("evicted", () => node.replica.entities.cache.peek(id1) === undefined);
    assert.ok(node.replica.entities.cache.peek(id2));
    p1.provider.connect();
    await synced(p1);
    assert.equal(p1.text.toString(), "first");
  });

  it("survives a reconnect storm: 200 clients on 4 documents at once, then all gone", async () => {
    const node = await start();
    const keys = ["s0", "s1", "s2", "s3"];
    const clients = await Promise.all(Array.from({ length: 200 }, (_, i) => raw(node, keys[i % keys.length] ?? "s0")));
    await until("all synced", () => clients.every((c) => c.synced), 10_000);
    const writers = keys.map((_, i) => clients[i]);
    writers.forEach((w, i) => w?.edit((d) => d.getText("body").insert(0, `doc ${i}`)));
    await until(
      "every client has its document's edit",
      () => clients.every((c, i) => c.text() === `doc ${i % keys.length}`),
      10_000,
    );
    for (const c of clients) c.close();
    await Promise.all(clients.map((c) => c.closed));
    await until("no pins left", () => keys.every((k) => node.replica.entities.cache.peek(entityId({ service: "notes", key: k }))?.pins === 0));
    const body = await (await fetch(`${node.url}/metrics`)).text();
    assert.match(body, /^lattice_yjs_connections 0$/m);
    assert.match(body, /^lattice_yjs_documents 0$/m);
  });
});
