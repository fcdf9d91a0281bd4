/**
 * Anti-entropy cost (issue 3 §10.2, SPEC §6: "the cost grows with the number of divergent
 * entities, not the total number"). Two in-process replicas on LevelStores hold the same N
 * pncounters; one of them, not connected to anything, then increments D of them through
 * replica.update; then the two are connected (a Cluster each, over the in-memory network, real
 * timers) and we measure the time until their digest-tree roots are equal and the gossip bytes
 * exchanged, by envelope body. Cases: N=100k D=1k, N=100k D=10k, N=1M D=1k. Each case's bytes
 * stand beside the encoded states of its D diverged entities (`figures`): what a side would send
 * if it knew for free which entities differ; and the 1M case's time and bytes beside the 100k
 * case's (SPEC §6 wants about the same).
 *
 * Building the stores: the 100,000-entity base is written through replica.update (concurrent
 * writers, group commit), and its rate is reported. The 1,000,000-entity base is that store plus
 * 900,000 counters created by bench/support/bulk-load.ts (the replica's own EntityStore and
 * group commit, without replica.update's per-command store read and mutex; verified
 * byte-identical to replica.update on a sample). Each case copies the base twice: A keeps the
 * base's replica id, B opens as a new incarnation holding the same entities.
 *
 * Every case runs in its own process (bench/support/anti-entropy-case.ts) and is bounded: it
 * stops at convergence, after CASE_TIMEOUT_MS, or when RSS passes RSS_LIMIT_MIB, and says which;
 * a case process that crashes or is killed is reported with the end of its stderr.
 * Run with `node --expose-gc --import tsx bench/anti-entropy.ts`.
 */
import { cpSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import type { EntityRef } from "../replica/entity-ref.js";
import { Replica } from "../replica/replica.js";
import { LevelStore } from "../replica/storage/level-store.js";
import type { CaseResult, CaseSpec } from "./support/anti-entropy-case.js";
import { bulkLoadCounters, verifyBulkLoad } from "./support/bulk-load.js";
import { forkSupport } from "./support/child.js";
import { increment, runConcurrently, tempDir, toMiB } from "./support/stats.js";
import type { Figure } from "./figures.js";
import { figure } from "./figures.js";
import { QUICK, environment, printJson, progress, round, runMain, sized, stopwatch } from "./harness.js";

const SERVICE = "bench";
const CACHE_MAX_ENTRIES = 10_000;
const WRITERS = 256;
const CASE_TIMEOUT_MS = 30_000;
/** Time a case process gets for copying, opening and diverging before the measured part. */
const CASE_SETUP_MS = 120_000;
const RSS_LIMIT_MIB = 3072;
/** Heap limit of a case process, so a runaway case fails alone instead of starving the machine. */
const CASE_HEAP_MIB = 3072;
const QUIET_MS = 300;

/** The store sizes: the small base is written through replica.update, the large one bulk-loaded on top of it. */
const SMALL_N = sized(100_000, 10_000);
const LARGE_N = sized(1_000_000, 100_000);
const FEW = sized(1_000, 100);
const MANY = sized(10_000, 1_000);

const CASES = [
  { n: SMALL_N, d: FEW },
  { n: SMALL_N, d: MANY },
  { n: LARGE_N, d: FEW },
] as const;

const thousands = (n: number): string => n.toLocaleString("en-US");

const refOf = (i: number): EntityRef => ({ service: SERVICE, key: `k${i}` });

interface Base {
  dir: string;
  n: number;
  method: "replica.update" | "bulk load";
  buildMs: number;
  perSec: number;
}

async function buildThroughReplica(dir: string, n: number): Promise<Base> {
  const replica = await Replica.open({ store: await LevelStore.open(dir), options: { cacheMaxEntries: CACHE_MAX_ENTRIES } });
  const produce = increment(replica.id);
  const elapsed = stopwatch();
  await runConcurrently(n, WRITERS, (i) => replica.update(refOf(i), "pncounter", produce), (done) => progress(`  ${done} entities written`));
  await replica.entities.drain();
  const buildMs = elapsed();
  await replica.close();
  return { dir, n, method: "replica.update", buildMs, perSec: Math.round((n * 1000) / buildMs) };
}

/** The large base: a copy of the small one, completed with bulk-loaded counters by the same replica. */
async function bulkBuild(from: Base, dir: string, n: number): Promise<Base> {
  const elapsed = stopwatch();
  cpSync(from.dir, dir, { recursive: true });
  await bulkLoadCounters(await LevelStore.open(dir), from.n, n, refOf, { cacheMaxEntries: CACHE_MAX_ENTRIES }, (done) => progress(`  ${done} entities`));
  const buildMs = elapsed();
  return { dir, n, method: "bulk load", buildMs, perSec: Math.round(((n - from.n) * 1000) / buildMs) };
}

type CaseOutcome = CaseResult | { n: number; d: number; outcome: "crashed" | "failed" | "killed"; detail: string; stderrTail: string[] };

/** Runs one case in a child process; a crash, an error or a hang becomes an outcome, not a throw. */
function runCaseInChild(spec: CaseSpec): Promise<CaseOutcome> {
  const child = forkSupport("anti-entropy-case", [JSON.stringify(spec)], ["--expose-gc", `--max-old-space-size=${CASE_HEAP_MIB}`], ["ignore", "ignore", "pipe", "ipc"]);
  const tail: string[] = [];
  let partial = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    const lines = (partial + chunk.toString("utf8")).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) tail.push(line.trim());
    if (tail.length > 40) tail.splice(0, tail.length - 40);
  });
  return new Promise((resolve) => {
    let settled: CaseOutcome | undefined;
    const limitMs = CASE_SETUP_MS + spec.timeoutMs + 30_000;
    const timer = setTimeout(() => {
      settled ??= { n: spec.n, d: spec.d, outcome: "killed", detail: `no result after ${limitMs} ms`, stderrTail: [] };
      child.kill("SIGKILL");
    }, limitMs);
    child.on("message", (raw) => {
      const m = raw as { ok: true; result: CaseResult } | { ok: false; error: string };
      settled ??= m.ok ? m.result : { n: spec.n, d: spec.d, outcome: "failed", detail: m.error, stderrTail: [] };
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const fatal = tail.filter((l) => /fatal|error|heap|allocation|invalid/i.test(l)).slice(0, 3);
      const outcome = settled ?? { n: spec.n, d: spec.d, outcome: "crashed", detail: `exit ${signal ?? code}${fatal.length ? `: ${fatal.join(" | ")}` : ""}`, stderrTail: [] };
      if ("stderrTail" in outcome) outcome.stderrTail = tail.slice(-12);
      resolve(outcome);
    });
  });
}

function converged(c: CaseOutcome | undefined): CaseResult | undefined {
  return c && c.outcome === "converged" ? c : undefined;
}

async function main(): Promise<void> {
  const total = stopwatch();
  const meta = { ...environment(), loadAverageAtStart: os.loadavg().map((x) => round(x, 2)) };
  const work = tempDir("anti-entropy");
  try {
    progress("verifying the bulk loader against replica.update (2,000 entities)");
    const verified = await verifyBulkLoad(2_000, refOf);

    progress(`building the ${thousands(SMALL_N)}-entity base through replica.update`);
    const base100k = await buildThroughReplica(join(work.path, "base-small"), SMALL_N);
    progress(`  ${base100k.buildMs} ms (${base100k.perSec} entities/s)`);
    progress(`bulk-loading the ${thousands(LARGE_N)}-entity base (the small base plus ${thousands(LARGE_N - SMALL_N)})`);
    const base1m = await bulkBuild(base100k, join(work.path, "base-large"), LARGE_N);
    progress(`  ${base1m.buildMs} ms (${base1m.perSec} entities/s)`);
    const bases = new Map<number, Base>([
      [SMALL_N, base100k],
      [LARGE_N, base1m],
    ]);

    const cases: CaseOutcome[] = [];
    for (const [i, c] of CASES.entries()) {
      progress(`case N=${c.n} D=${c.d}`);
      const spec: CaseSpec = {
        baseDir: (bases.get(c.n) as Base).dir,
        workDir: join(work.path, `case${i}`),
        n: c.n,
        d: c.d,
        service: SERVICE,
        cacheMaxEntries: CACHE_MAX_ENTRIES,
        writers: WRITERS,
        timeoutMs: CASE_TIMEOUT_MS,
        rssLimitMiB: RSS_LIMIT_MIB,
        quietMs: QUIET_MS,
      };
      const outcome = await runCaseInChild(spec);
      if (outcome.outcome !== "converged" && "detail" in outcome) progress(`  ${outcome.outcome}: ${outcome.detail}`);
      cases.push(outcome);
    }
    const [small, wide, large] = cases.map(converged);
    const ratio = (x: number | null | undefined, y: number | null | undefined): number | null => (x != null && y != null && y > 0 ? round(x / y, 2) : null);
    const figures: Figure[] = [];
    for (const c of [small, wide, large]) {
      if (!c || c.bytesAtConvergence === null) continue;
      figures.push(
        figure({
          id: `bytes-n${c.n}-d${c.d}`,
          label: `bytes to converge, ${thousands(c.d)} of ${thousands(c.n)} diverged`,
          value: c.bytesAtConvergence,
          unit: "bytes",
          better: "lower",
          against: { label: `the encoded states of the ${thousands(c.d)} diverged entities`, kind: "ceiling", value: c.divergedStateBytes },
          note: "anti-entropy must first find which entities differ (digest-tree exchange) and then sends their states with identities and versions",
        }),
      );
    }
    if (small?.convergeMs != null && large?.convergeMs != null && small.bytesAtConvergence !== null && large.bytesAtConvergence !== null) {
      const what = `${thousands(FEW)} of ${thousands(LARGE_N)} diverged`;
      const than = `the same ${thousands(FEW)} diverged in ${thousands(SMALL_N)} entities`;
      const note = "SPEC §6: the cost follows the number of divergent entities, not the store size, so this should be about 1";
      figures.push(
        figure({ id: "time-large-vs-small", label: `time to converge, ${what}`, value: large.convergeMs, unit: "ms", better: "lower", against: { label: than, kind: "ceiling", value: small.convergeMs }, note }),
        figure({ id: "bytes-large-vs-small", label: `bytes to converge, ${what}`, value: large.bytesAtConvergence, unit: "bytes", better: "lower", against: { label: than, kind: "ceiling", value: small.bytesAtConvergence } }),
      );
    }
    printJson({
      benchmark: "anti-entropy",
      about: "Two replicas, one of which diverged while apart, connected until their digest trees agree: time and bytes, beside the bytes of the diverged states themselves and beside a ten times smaller store.",
      quick: QUICK,
      meta: { ...meta, loadAverageAtEnd: os.loadavg().map((x) => round(x, 2)) },
      setup: {
        replicas: "two in-process Replicas on LevelStores (temp dirs), a Cluster each, connected over the in-memory network (createMemoryNetwork on real timers, no faults); each case in its own process",
        replicaOptions: { cacheMaxEntries: CACHE_MAX_ENTRIES, others: "defaults" },
        entities: "pncounters holding one +1 by the base's replica; B then adds +1 to D of them (seeded random choice) while disconnected",
        measured: "from both clusters' start() until the two digest-tree roots are equal (polled every 2 ms); bytes = encoded envelope frames sent by both sides (payload only, no WebSocket/TCP framing)",
        bounds: `a case stops at convergence, after ${CASE_TIMEOUT_MS} ms, or at RSS ${RSS_LIMIT_MIB} MiB (outcome says which); its process has a ${CASE_HEAP_MIB} MiB heap limit; bytesTotal also counts the ${QUIET_MS} ms after`,
      },
      build: {
        "100k": { method: base100k.method, ms: base100k.buildMs, entitiesPerSec: base100k.perSec, writers: WRITERS },
        "1m": {
          method: base1m.method,
          ms: base1m.buildMs,
          entitiesPerSec: base1m.perSec,
          what: `a copy of the small base plus ${thousands(LARGE_N - SMALL_N)} counters created by bench/support/bulk-load.ts (the replica's EntityStore and group commit in batches of 5,000, without replica.update's per-command store read and mutex); entitiesPerSec counts those`,
          verifiedRowsIdenticalToReplicaUpdate: verified.rowsCompared,
        },
      },
      cases,
      scaling: {
        note: "converged cases only: 1,000 of 1,000,000 relative to 1,000 of 100,000 (SPEC §6 wants about 1: cost follows divergence, not size), and 10,000 relative to 1,000 of 100,000",
        timeRatio1mTo100k: ratio(large?.convergeMs, small?.convergeMs),
        bytesRatio1mTo100k: ratio(large?.bytesAtConvergence, small?.bytesAtConvergence),
        timeRatioD10kToD1k: ratio(wide?.convergeMs, small?.convergeMs),
        bytesRatioD10kToD1k: ratio(wide?.bytesAtConvergence, small?.bytesAtConvergence),
      },
      figures,
      rssAtEndMiB: toMiB(process.memoryUsage().rss),
      durationMs: total(),
    });
  } finally {
    work.remove();
  }
}

runMain(main);
