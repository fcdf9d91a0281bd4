/**
 * Runtime overhead benchmark (issue 4 §1.5). Prints one JSON object on stdout: for the inline and
 * the worker runtime, calls/s and per-call latency (p50/p99 in µs) of `FunctionEngine.call` —
 * the whole command pipeline on an in-memory store, one call at a time — for
 *
 * - `pncounter.increment`: a counter with a single replica entry;
 * - `orset.add (100 members)`: on a set of 100 members, add a new member and remove the oldest
 *   in one command (re-adding a present member changes nothing and would commit nothing), so
 *   every call commits a delta and the state the worker receives and decodes stays at 100;
 *
 * plus `boundary`: the same two hooks through `Runtime.run` alone (no entity lock, no commit, no
 * store), which isolates what crossing to a worker costs; and `concurrent`: calls/s with 16 calls in flight on distinct keys (the worker pool runs them
 * in parallel, inline runs them one after another on the replica's thread), and the time the
 * worker pool took to start. `overheadUs` = worker p50 − inline p50: what a call pays for
 * crossing to a worker thread (encode state, structured clone both ways, decode, re-encode the
 * delta, decode it again).
 *
 * The ceilings (`bare`, and `figures`): the same handler called directly on a plain object that
 * has the methods it uses (a number for the counter, a JS Set for the set), awaited one call at
 * a time like the engine's calls: what a call would cost with no pipeline at all. The worker
 * figures stand beside the inline runtime's.
 *
 * Run with `node --import tsx bench/runtimes.ts`, or compiled (`node dist/bench/runtimes.js`).
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Json } from "../crdt/index.js";
import { Replica } from "../replica/replica.js";
import { MemoryStore } from "../replica/storage/memory-store.js";
import { FunctionEngine } from "../functions/engine.js";
import { loadServices } from "../functions/loader.js";
import type { CrdtState } from "../crdt/index.js";
import { emptyState } from "../crdt/index.js";
import type { Runtime } from "../functions/runtime.js";
import { serviceModule } from "../functions/runtime.js";
import type { Figure } from "./figures.js";
import { figure } from "./figures.js";
import { QUICK, environment, nsToUs, printJson, progress, round, settle, sized, stopwatch } from "./harness.js";

const here = dirname(fileURLToPath(import.meta.url));
const SERVICES = join(here, `runtime-services${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`);

const WARMUP = sized(1_000, 100);
const CALLS = sized(10_000, 1_000);
const IN_FLIGHT = 16;
const CONCURRENT_CALLS = sized(10_000, 1_600);
const SET_MEMBERS = 100;
const POOL_SIZE = 2;

interface Latency {
  calls: number;
  callsPerSec: number;
  p50Us: number;
  p99Us: number;
}

function percentile(sorted: readonly number[], q: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

/** Sequential calls: `input(i)` for call i; latencies per call. */
async function sequential(engine: FunctionEngine, service: string, command: string, key: string, input: (i: number) => Json): Promise<Latency> {
  for (let i = 0; i < WARMUP; i++) await engine.call({ service, key, command, input: input(i), auth: null });
  settle();
  const ns: number[] = [];
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) {
    const s = process.hrtime.bigint();
    await engine.call({ service, key, command, input: input(WARMUP + i), auth: null });
    ns.push(Number(process.hrtime.bigint() - s));
  }
  const total = Number(process.hrtime.bigint() - t0);
  ns.sort((a, b) => a - b);
  return { calls: CALLS, callsPerSec: Math.round((CALLS * 1e9) / total), p50Us: nsToUs(percentile(ns, 0.5)), p99Us: nsToUs(percentile(ns, 0.99)) };
}

/** Runtime.run alone, on a fixed state: the boundary's own cost. */
async function boundary(engine: FunctionEngine, runtime: Runtime, service: string, command: string, state: CrdtState, input: (i: number) => Json): Promise<Latency> {
  const svc = engine.registry.get(service);
  const rs = { def: svc.def, module: serviceModule(svc.def) };
  const info = { service, key: "k", command, auth: null, replica: { id: engine.replica.id, region: "bench" }, now: 0 };
  const env = engine.replica.viewEnv();
  const run = (i: number) => runtime.run(rs, { hook: { kind: "command", name: command }, state, input: input(i), info, env, limits: {}, timeoutMs: 1000 });
  for (let i = 0; i < WARMUP; i++) await run(i);
  settle();
  const ns: number[] = [];
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) {
    const s = process.hrtime.bigint();
    await run(WARMUP + i);
    ns.push(Number(process.hrtime.bigint() - s));
  }
  const total = Number(process.hrtime.bigint() - t0);
  ns.sort((a, b) => a - b);
  return { calls: CALLS, callsPerSec: Math.round((CALLS * 1e9) / total), p50Us: nsToUs(percentile(ns, 0.5)), p99Us: nsToUs(percentile(ns, 0.99)) };
}

/** IN_FLIGHT callers on distinct keys; calls/s over all of them. */
async function concurrent(engine: FunctionEngine, service: string): Promise<{ calls: number; inFlight: number; callsPerSec: number }> {
  const per = CONCURRENT_CALLS / IN_FLIGHT;
  const run = async (k: number): Promise<void> => {
    for (let i = 0; i < per; i++) await engine.call({ service, key: `c${k}`, command: "increment", input: null, auth: null });
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, (_, k) => run(k)));
  settle();
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: IN_FLIGHT }, (_, k) => run(k)));
  const total = Number(process.hrtime.bigint() - t0);
  return { calls: CONCURRENT_CALLS, inFlight: IN_FLIGHT, callsPerSec: Math.round((CONCURRENT_CALLS * 1e9) / total) };
}

/** A command handler as the engine sees it, called here with a plain stand-in for the state view. */
type BareHandler = (state: unknown, input: unknown) => unknown;

function handlerOf(engine: FunctionEngine, service: string, command: string): BareHandler {
  const c: unknown = engine.registry.get(service).def.commands[command];
  const h = typeof c === "function" ? c : typeof c === "object" && c !== null ? (c as { handler?: unknown }).handler : undefined;
  if (typeof h !== "function") throw new Error(`${service}.${command} has no handler`);
  return h as BareHandler;
}

/** The handler called directly, one awaited call at a time, on a plain object with the methods it uses. */
async function bare(handler: BareHandler, state: unknown, input: (i: number) => Json): Promise<Latency> {
  for (let i = 0; i < WARMUP; i++) await handler(state, input(i));
  settle();
  const ns: number[] = [];
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) {
    const s = process.hrtime.bigint();
    await handler(state, input(WARMUP + i));
    ns.push(Number(process.hrtime.bigint() - s));
  }
  const total = Number(process.hrtime.bigint() - t0);
  ns.sort((a, b) => a - b);
  return { calls: CALLS, callsPerSec: Math.round((CALLS * 1e9) / total), p50Us: nsToUs(percentile(ns, 0.5)), p99Us: nsToUs(percentile(ns, 0.99)) };
}

function plainCounter(): { value: number; increment(n: number): void } {
  return {
    value: 0,
    increment(n: number) {
      this.value += n;
    },
  };
}

function plainSet(members: number): { add(v: unknown): void; remove(v: unknown): void; readonly size: number } {
  const s = new Set<unknown>(Array.from({ length: members }, (_, m) => `member-${m}`));
  return {
    add: (v) => void s.add(v),
    remove: (v) => void s.delete(v),
    get size() {
      return s.size;
    },
  };
}

async function main(): Promise<void> {
  const elapsed = stopwatch();
  const services = await loadServices([SERVICES]);
  const replica = await Replica.open({ store: new MemoryStore() });
  const startPool = stopwatch();
  const engine = new FunctionEngine(replica, services, { worker: { size: POOL_SIZE } });
  await engine.ready();
  const workerStartMs = startPool();

  const workloads: Record<string, Record<string, Latency | number>> = {};
  for (const [name, svc, command, input] of [
    ["pncounter.increment", "counter", "increment", (): Json => null],
    [`orset.add (${SET_MEMBERS} members)`, "set", "swap", (i: number): Json => ({ add: `member-${i + SET_MEMBERS}`, remove: `member-${i}` })],
  ] as const) {
    const result: Record<string, Latency | number> = {};
    for (const rt of ["inline", "worker"]) {
      const service = `${svc}-${rt}`;
      if (svc === "set") for (let m = 0; m < SET_MEMBERS; m++) await engine.call({ service, key: "k", command: "add", input: `member-${m}`, auth: null });
      progress(`${name} ${rt}`);
      result[rt] = await sequential(engine, service, command, "k", input);
    }
    result["overheadUs"] = round((result["worker"] as Latency).p50Us - (result["inline"] as Latency).p50Us, 1);
    workloads[name] = result;
  }

  progress("boundary");
  const counterState = emptyState("pncounter");
  const setState = (await engine.replica.read({ service: "set-inline", key: "k" }, "orset"))?.state ?? emptyState("orset");
  const boundaryResult: Record<string, Record<string, Latency | number>> = {};
  for (const [name, svc, command, state, input] of [
    ["pncounter.increment", "counter", "increment", counterState, (): Json => null],
    [`orset.add (${SET_MEMBERS} members)`, "set", "swap", setState, (i: number): Json => ({ add: `x-${i}`, remove: `member-${i}` })],
  ] as const) {
    if (!engine.worker) throw new Error("the worker runtime did not start");
    const inline = await boundary(engine, engine.inline, `${svc}-inline`, command, state, input);
    const worker = await boundary(engine, engine.worker, `${svc}-worker`, command, state, input);
    boundaryResult[name] = { inline, worker, overheadUs: round(worker.p50Us - inline.p50Us, 1) };
  }

  progress("bare handler calls");
  const bareResult: Record<string, Latency> = {
    "pncounter.increment": await bare(handlerOf(engine, "counter-inline", "increment"), plainCounter(), () => null),
    [`orset.add (${SET_MEMBERS} members)`]: await bare(handlerOf(engine, "set-inline", "swap"), plainSet(SET_MEMBERS), (i) => ({ add: `member-${i + SET_MEMBERS}`, remove: `member-${i}` })),
  };

  progress("concurrent");
  const concurrentResult = {
    inline: await concurrent(engine, "counter-inline"),
    worker: await concurrent(engine, "counter-worker"),
  };

  await engine.shutdown();
  await replica.close();

  const figures: Figure[] = [];
  for (const [name, w] of Object.entries(workloads)) {
    const inline = w["inline"] as Latency;
    const worker = w["worker"] as Latency;
    const b = bareResult[name];
    if (!b) throw new Error(`no bare measurement for ${name}`);
    figures.push(
      figure({ id: `inline-${name}`, label: `inline runtime, ${name}, calls/s`, value: inline.callsPerSec, unit: "calls/s", better: "higher", against: { label: "the same handler called directly on a plain object", kind: "ceiling", value: b.callsPerSec }, note: "one call at a time; a call through the engine also validates, locks the entity, builds the state view, commits the delta to the store and gossips it" }),
      figure({ id: `worker-${name}`, label: `worker runtime, ${name}, calls/s`, value: worker.callsPerSec, unit: "calls/s", better: "higher", against: { label: "the inline runtime, same calls", kind: "ceiling", value: inline.callsPerSec } }),
    );
  }
  figures.push(
    figure({ id: "worker-concurrent", label: `worker runtime, ${IN_FLIGHT} increments in flight, calls/s`, value: concurrentResult.worker.callsPerSec, unit: "calls/s", better: "higher", against: { label: "the inline runtime, same calls", kind: "ceiling", value: concurrentResult.inline.callsPerSec }, note: `the worker pool (${POOL_SIZE} threads) runs calls in parallel; inline runs them on the replica's thread` }),
  );

  printJson({
    benchmark: "runtimes",
    about: "A command through FunctionEngine.call (in-memory store) in the inline and the worker runtime, beside the bare handler and each other.",
    quick: QUICK,
    pool: { size: POOL_SIZE, startMs: workerStartMs },
    workloads,
    boundary: boundaryResult,
    concurrent: concurrentResult,
    bare: bareResult,
    figures,
    durationMs: elapsed(),
    meta: environment(),
  });
}

await main();
