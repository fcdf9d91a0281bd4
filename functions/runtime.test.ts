import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { Json, ReplicaId } from "../crdt/index.js";
import { asReplicaId, encodeState } from "../crdt/index.js";
import { realEnv } from "../replica/env.js";
import type { ClusterPort } from "../replica/replica.js";
import { Replica } from "../replica/replica.js";
import { MemoryStore } from "../replica/storage/memory-store.js";
import type { ServiceDefinition } from "./define-service.js";
import { defineService } from "./define-service.js";
import type { CallRequest, EntityView } from "./engine.js";
import { FunctionEngine } from "./engine.js";
import { LatticeError } from "./errors.js";
import { loadServices } from "./loader.js";
import type { StreamSink } from "./streams.js";
import { openStream } from "./streams.js";

const here = dirname(fileURLToPath(import.meta.url));
/** Fixtures are TypeScript beside this file; compiled, they sit beside the compiled test. */
const fixture = (name: string): string => join(here, "testdata", `${name}${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`);

/** A fixed wall clock makes register timestamps, and so the encoded states, comparable. */
const NOW = 1_700_000_000_000;
/** A peer that is "live", so vote tallies depend on the live set the runtime is given. */
const PEER = asReplicaId("peer-replica-1");

type Result = { ok: Json } | { code: string; message: string; detail: unknown };

async function settle(p: Promise<Json>): Promise<Result> {
  try {
    return { ok: await p };
  } catch (err) {
    assert.ok(err instanceof LatticeError, `expected a LatticeError, got ${String(err)}`);
    return { code: err.code, message: err.message, detail: err.detail };
  }
}

function stubCluster(): ClusterPort {
  return {
    publish: () => ({ wait: async () => true }),
    memberCount: () => 2,
    live: () => new Set<ReplicaId>([PEER]),
    close: async () => {},
  };
}

let replica: Replica;
let engine: FunctionEngine;

function call(service: string, key: string, command: string, input: Json = null, auth: CallRequest["auth"] = null): Promise<Result> {
  return settle(engine.call({ service, key, command, input, auth }));
}

async function stateBytes(service: string, key: string, type: ServiceDefinition["type"]): Promise<string> {
  const e = await replica.read({ service, key }, type);
  assert.ok(e);
  return Buffer.from(encodeState(e.state)).toString("hex");
}

before(async () => {
  const services = await loadServices([fixture("models"), fixture("behaviours")]);
  const env = { ...realEnv(), clock: { now: () => NOW, monotonic: () => performance.now() } };
  replica = await Replica.open({ store: new MemoryStore(), env });
  replica.cluster = stubCluster();
  engine = new FunctionEngine(replica, services, { worker: { size: 2, maxHeapMb: 64 } });
  await engine.ready();
});

after(async () => {
  await engine.shutdown();
  await replica.close();
});

describe("inline and worker runtimes give identical outcomes", () => {
  const scripts: Record<string, [string, Json][]> = {
    pncounter: [["add", 5], ["add", -2], ["add", 0], ["get", null], ["add", 2 ** 60], ["add", -1], ["get", null]],
    gcounter: [["add", 3], ["add", -1], ["add", 0], ["add", 4]],
    gset: [["add", "a"], ["add", { x: 1 }], ["add", "a"], ["add", [1, 2]]],
    orset: [
      ["add", "milk"],
      ["add", "eggs"],
      ["add", { n: 1 }],
      ["remove", "milk"],
      ["has", "eggs"],
      ["has", "milk"],
      ["members", null],
      ["add", "x".repeat(70_000)],
      ["clear", null],
      ["add", "bread"],
      ["members", null],
    ],
    lwwregister: [
      ["set", { a: 1 }],
      ["setClock", { value: "old", clock: 1 }],
      ["setClock", { value: "new", clock: 2e12 }],
      ["get", null],
      ["set", null],
      ["get", null],
    ],
    flag: [["get", null], ["enable", null], ["enable", null], ["get", null]],
    vote: [["get", null], ["vote", true], ["get", null], ["vote", false], ["get", null]],
    ormap: [
      ["addItem", { item: "apple", qty: 2 }],
      ["addItem", { item: "pear", qty: 1 }],
      ["tag", "red"],
      ["tag", "blue"],
      ["untag", "red"],
      ["removeItem", "pear"],
      ["addItem", { item: "apple", qty: 3 }],
      ["view", null],
    ],
    ydoc: [
      ["insert", { at: 0, text: "hello" }],
      ["insert", { at: 5, text: " world" }],
      ["del", { at: 0, len: 1 }],
      ["push", 1],
      ["push", { a: "b" }],
      ["read", null],
    ],
  };

  for (const [model, script] of Object.entries(scripts)) {
    it(`${model}: same replies, errors, views and state`, async () => {
      const type = model as ServiceDefinition["type"];
      for (const [command, input] of script) {
        const inline = await call(`${model}-inline`, "k", command, input);
        const worker = await call(`${model}-worker`, "k", command, input);
        assert.deepEqual(worker, inline, `${model}.${command}(${JSON.stringify(input).slice(0, 40)})`);
      }
      const vi = await engine.read(`${model}-inline`, "k");
      const vw = await engine.read(`${model}-worker`, "k");
      assert.deepEqual(vw, vi);
      // Same replica, same clock, same operations: the same canonical bytes (Yjs client ids
      // are random per document load, so a ydoc compares by view only).
      if (type !== "ydoc") assert.equal(await stateBytes(`${model}-worker`, "k", type), await stateBytes(`${model}-inline`, "k", type));
    });
  }

  it("vote tallies use the live set given to the runtime", async () => {
    const r = await call("vote-worker", "live", "vote", true);
    assert.deepEqual(r, { ok: { selfVote: true, votesFor: 1, totalVoters: 2, atLeastOne: true, majority: false, all: false } });
  });
});

describe("worker runtime: failures leave no trace and match inline", () => {
  const commands: [string, string][] = [
    ["fail", "failed"],
    ["throws", "function_error"],
    ["asyncThrows", "function_error"],
    ["unsafe", "invalid_input"],
    ["badReply", "function_error"],
    ["stack", "function_error"],
  ];
  for (const [command, code] of commands) {
    it(`${command} → ${code}, state unchanged`, async () => {
      for (const rt of ["inline", "worker"]) await call(`faults-${rt}`, command, "ok");
      const inline = await call("faults-inline", command, command);
      const worker = await call("faults-worker", command, command);
      assert.ok("code" in worker, `expected ${command} to fail`);
      assert.equal(worker.code, code);
      assert.deepEqual(worker, inline);
      for (const rt of ["inline", "worker"]) {
        assert.deepEqual(await call(`faults-${rt}`, command, "get"), { ok: 1 }, `${rt}: nothing of ${command} was applied`);
      }
    });
  }

  it("ctx.fail keeps its message and detail", async () => {
    assert.deepEqual(await call("faults-worker", "f2", "fail"), { code: "failed", message: "not allowed", detail: { reason: "test", n: 1 } });
  });

  it("effects, forwards and deletes come back from the worker", async () => {
    for (const rt of ["inline", "worker"]) {
      const svc = `faults-${rt}`;
      assert.deepEqual(await call(svc, "forward-target", "ok"), { ok: 1 });
      // The reply is the forwarded command's (get on forward-target), after the synchronous effect ran.
      assert.deepEqual(await call(svc, "src", "effects", 42), { ok: 1 });
      assert.deepEqual(await call(svc, "effect-target", "get"), { ok: 1 });
      assert.deepEqual(await call(svc, "src", "get"), { ok: 1 });
      assert.deepEqual(await call(svc, "src", "del"), { ok: null });
      const gone = await call(svc, "src", "get");
      assert.ok("code" in gone && gone.code === "entity_deleted", JSON.stringify(gone));
    }
  });

  it("ctx carries the call info and auth claims", async () => {
    const auth = { sub: "u1", role: "user" };
    const inline = await call("faults-inline", "who", "info", { x: 1 }, auth);
    const worker = await call("faults-worker", "who", "info", { x: 1 }, auth);
    assert.deepEqual(worker, { ok: { service: "faults-worker", key: "who", command: "info", auth, replica: replica.id, input: { x: 1 } } });
    assert.deepEqual({ ...(inline as { ok: Record<string, Json> }).ok, service: "faults-worker" }, (worker as { ok: Json }).ok);
  });

  it("authorize runs in the worker too", async () => {
    for (const rt of ["inline", "worker"]) {
      const r = await call(`faults-${rt}`, "auth", "ok", null, { role: "blocked" });
      assert.ok("code" in r && r.code === "forbidden", JSON.stringify(r));
      assert.deepEqual(await call(`faults-${rt}`, "auth", "ok", null, { role: "user" }), { ok: 1 });
    }
  });

  it("a worker service's own view runs in the worker, in order for subscribers", async () => {
    const seen: (EntityView | { deleted: true })[] = [];
    const sub = await engine.subscribe("faults-worker", "viewed", (v) => seen.push(v));
    assert.deepEqual(sub.initial.state, { count: 0 });
    for (let i = 0; i < 5; i++) await call("faults-worker", "viewed", "ok");
    await waitFor(() => seen.length === 5);
    sub.stop();
    assert.deepEqual(
      seen.map((v) => ("state" in v ? v.state : null)),
      [1, 2, 3, 4, 5].map((count) => ({ count })),
    );
    assert.deepEqual((await engine.read("faults-worker", "viewed")).state, { count: 5 });
  });

  it("streams: onOpen, onChange (with ctx.local) and ctx.end give the same messages", async () => {
    const transcripts: Json[][] = [];
    for (const rt of ["inline", "worker"]) {
      const svc = `faults-${rt}`;
      const sink = new RecordingSink();
      await openStream(engine, { service: svc, key: "streamed", stream: "watch", input: "hi", auth: null }, sink);
      await sink.next(1);
      for (let i = 1; i <= 3; i++) {
        await call(svc, "streamed", "ok");
        await sink.next(i + 1);
      }
      await waitFor(() => sink.ended !== undefined);
      transcripts.push([...sink.messages, { end: sink.ended ?? null }]);
    }
    assert.deepEqual(transcripts[1], transcripts[0]);
    assert.deepEqual(transcripts[1], [
      { first: 0 },
      { value: 1, changes: 1 },
      { value: 2, changes: 2 },
      { value: 3, changes: 3 },
      { end: { done: 3, changes: 3, opened: "hi" } },
    ]);
  });

  it("streams: onClose may mutate; onChange may not", async () => {
    for (const rt of ["inline", "worker"]) {
      const svc = `faults-${rt}`;
      const closing = await openStream(engine, { service: svc, key: "closing", stream: "watch", input: null, auth: null }, new RecordingSink());
      await closing.cancel();
      assert.deepEqual(await call(svc, "closing", "get"), { ok: -1 });

      const sink = new RecordingSink();
      await openStream(engine, { service: svc, key: "mutating", stream: "mutates", input: null, auth: null }, sink);
      await call(svc, "mutating", "ok");
      await waitFor(() => sink.failure !== undefined);
      assert.equal(sink.failure?.code, "function_error");
      assert.equal(sink.failure?.message, "onChange may not change state");
      assert.deepEqual(await call(svc, "mutating", "get"), { ok: 1 });
    }
  });
});

describe("worker runtime: runaway handlers", () => {
  it("an infinite loop fails with function_timeout; the replica and other calls keep going", async () => {
    // The replica's own thread stays responsive: a ticker measures its longest stall.
    let last = performance.now();
    let longestStall = 0;
    const ticker = setInterval(() => {
      const t = performance.now();
      longestStall = Math.max(longestStall, t - last);
      last = t;
    }, 5);
    const started = performance.now();
    const looping = call("runaway", "loop", "loop");
    const servedAt: number[] = [];
    for (let i = 0; i < 5; i++) {
      assert.deepEqual(await call("pncounter-inline", "meanwhile", "add", 1), { ok: i + 1 });
      assert.deepEqual(await call("faults-worker", "meanwhile", "ok"), { ok: i + 1 });
      servedAt.push(performance.now() - started);
    }
    const r = await looping;
    const took = performance.now() - started;
    clearInterval(ticker);
    assert.ok("code" in r && r.code === "function_timeout", JSON.stringify(r));
    assert.match(r.message, /runaway\.loop ran past its 600 ms limit/);
    assert.ok(took >= 590 && took < 600 + 2000, `stopped after ${took} ms`);
    assert.ok((servedAt.at(-1) ?? Infinity) < took, `other calls waited for the loop: ${servedAt.join(", ")} vs ${took}`);
    // Generous against a loaded machine, but below the loop's run: the loop never held the thread.
    assert.ok(longestStall < 500, `the main thread stalled for ${longestStall} ms`);

    // The next call works (on the other worker or the replacement), and the loop left no trace.
    assert.deepEqual(await call("runaway", "loop", "ok"), { ok: 1 });
    assert.ok(engine.worker);
    assert.ok(engine.worker.pool.stats.timeouts >= 1);
    await engine.ready();
    assert.equal(engine.worker.pool.size, 2, "the stopped worker was replaced");
  });

  it("a handler that never settles fails with function_timeout", async () => {
    const r = await call("runaway", "hang", "hang");
    assert.ok("code" in r && r.code === "function_timeout", JSON.stringify(r));
    assert.deepEqual(await call("runaway", "hang", "ok"), { ok: 1 });
  });

  it("a handler that exhausts its heap fails with function_error; the worker is replaced", async () => {
    const crashes = engine.worker?.pool.stats.crashes ?? 0;
    const r = await call("hog", "h", "eat");
    assert.ok("code" in r && r.code === "function_error", JSON.stringify(r));
    assert.match(r.message, /ran out of memory/);
    assert.equal(engine.worker?.pool.stats.crashes, crashes + 1);
    assert.deepEqual(await call("hog", "h", "ok"), { ok: 1 });
    await engine.ready();
    assert.equal(engine.worker?.pool.size, 2);
  });
});

describe("worker runtime: concurrency and start-up", () => {
  it("calls on one entity run one at a time; calls on others in parallel", async () => {
    const calls = Array.from({ length: 20 }, () => call("faults-worker", "busy", "ok"));
    const others = Array.from({ length: 20 }, (_, i) => call("faults-worker", `busy-${i}`, "ok"));
    const replies = (await Promise.all(calls)).map((r) => ("ok" in r ? r.ok : r));
    assert.deepEqual(
      [...replies].sort((a, b) => Number(a) - Number(b)),
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    for (const r of await Promise.all(others)) assert.deepEqual(r, { ok: 1 });
  });

  it("a module that cannot load in a worker fails ready() and the calls, naming the cause", async () => {
    const services = await loadServices([fixture("worker-hostile")]);
    const e = new FunctionEngine(replica, services, { worker: { size: 1 } });
    try {
      await assert.rejects(e.ready(), /failed to start: .*this module refuses to load in a worker/);
      await assert.rejects(e.call({ service: "main-thread-only", key: "k", command: "on", input: null, auth: null }), (err: unknown) => {
        assert.ok(err instanceof LatticeError);
        assert.equal(err.code, "function_error");
        assert.match(err.message, /the worker runtime cannot start: .*refuses to load in a worker/);
        return true;
      });
    } finally {
      await e.shutdown();
    }
  });

  it("shutting down fails calls still running with unavailable", async () => {
    const services = await loadServices([fixture("behaviours")]);
    const e = new FunctionEngine(replica, services, { worker: { size: 1 } });
    await e.ready();
    const pending = settle(e.call({ service: "runaway", key: "shut", command: "hang", input: null, auth: null }));
    await new Promise((r) => setTimeout(r, 50));
    await e.shutdown();
    const r = await pending;
    assert.ok("code" in r && r.code === "unavailable", JSON.stringify(r));
  });
});

describe("worker runtime: registration", () => {
  it("a worker service that was not loaded from a module is refused with a clear error", () => {
    const inlineDefined = defineService({ name: "floating", type: "flag", runtime: "worker", commands: { on: (s) => s.enable() } });
    assert.throws(() => new FunctionEngine(replica, [inlineDefined]), /service floating: runtime "worker" needs a service loaded from a module file/);
  });

  it("no worker service, no worker pool", () => {
    const e = new FunctionEngine(replica, [defineService({ name: "plain", type: "flag", commands: { on: (s) => s.enable() } })]);
    assert.equal(e.worker, undefined);
    e.close();
  });
});

class RecordingSink implements StreamSink {
  readonly messages: Json[] = [];
  ended: Json | undefined | null = undefined;
  failure: LatticeError | undefined;

  message(m: Json): void {
    this.messages.push(m);
  }
  end(m?: Json): void {
    this.ended = m ?? null;
  }
  error(err: LatticeError): void {
    this.failure = err;
  }

  next(count: number): Promise<void> {
    return waitFor(() => this.messages.length >= count);
  }
}

async function waitFor(cond: () => boolean, ms = 10_000): Promise<void> {
  const stop = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > stop) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 5));
  }
}
