/**
 * Yjs fan-out (issue 5 §5): D documents × C clients, each client typing into its document's
 * `body` text through the y-websocket endpoint `/v1/yjs/notes/<key>`, against a real replica
 * process (server/main.ts with the example services; `notes` is a ydoc) that keeps its entities
 * in a level store (fsync off) and has two peer replicas connected (three processes, fully
 * meshed: every edit is persisted before it is broadcast, and gossiped to both peers). Beside it,
 * in the same run with the same load generator and the same URLs, the reference server
 * `@y/websocket-server` 0.1.1 in its own process (./support/yjs-reference-server.ts; persistence
 * off, its default), measured before and after the replicas (A-B-A, so that drift on a shared
 * machine shows and averages out). The result is the ratio of Lattice to the reference's mean.
 *
 * Runs, on each server:
 * - fixed rate: R edits/s over all clients (default 10 × 10 clients, 1,000 edits/s, so each
 *   client types 10 characters a second), stock `WebsocketProvider` clients (the load a page
 *   makes); measured: deliveries/s (an edit reaching another client of its document), latency
 *   from keystroke to arrival at another client (p50/p99), the server's CPU and RSS;
 * - saturation: the same documents and clients, bare y-protocols clients
 *   (./support/yjs-clients.ts: several times cheaper per delivery than a provider, so the
 *   server saturates first) in a closed loop, each keeping IN_FLIGHT edits not yet seen by
 *   another client; measured: deliveries/s, latency, server CPU per delivery.
 * Then memory, each server in a fresh process with a full GC before each reading: after a first
 * round of N documents opened and closed (its one-time growth is not a document's cost), N
 * documents with 1 KiB of text and one connection each (per open document: heap and RSS growth ÷ N); then
 * every connection closed (per idle document: what is left ÷ N). The Lattice replica of this
 * part is alone, and its entity cache is bounded at MEMORY_CACHE entries so that documents whose
 * connections closed are evicted within the run (./support/yjs-lattice-node.ts; by default
 * 100,000 idle entities stay cached). The reference server without persistence never drops a
 * document, which is what its idle figure shows.
 *
 * Target (issue 5): at least the reference server's throughput at saturation and no worse p99 at
 * the fixed rate, with persistence and gossip on; `targetMet` says whether both held.
 *
 * All clients live in this process (so send and arrival times share a clock), which also makes
 * it the load generator: its CPU and event-loop delay are reported for every run, and a run
 * whose load generator was saturated is flagged. Other processes' CPU over each run is reported
 * too (`foreignCpuPercent`): on a shared machine the figures are noisy.
 *
 * Options (environment): BENCH_YJS_DOCS (10), BENCH_YJS_CLIENTS (per document, 10),
 * BENCH_YJS_RATE (edits/s of the fixed-rate run, 1000), BENCH_YJS_SECONDS (its measured
 * seconds, 8), BENCH_YJS_SATURATION_SECONDS (5), BENCH_YJS_IN_FLIGHT (per client at
 * saturation, 4), BENCH_YJS_CLIENT (`provider` or `protocol`: the clients of the fixed-rate run),
 * BENCH_YJS_MEMORY_DOCS (1000). The whole benchmark takes about 85 s with the defaults.
 * BENCH_PROFILE_DIR: profile the replicas instead (development, no results written): only the
 * Lattice runs, the three replicas started with --cpu-prof (profiles written there on exit,
 * named after the pids printed), each run's measured window printed in µs of CLOCK_MONOTONIC for
 * `node --import tsx bench/support/cpuprofile-top.ts <file> 30 <fromUs> <toUs>`.
 * BENCH_YJS_LATTICE_ONLY=1: the Lattice runs only, unprofiled, printing the replicas' and peers'
 * CPU (development: a quick before/after of a change; no results written).
 *
 * Writes its JSON to stdout (bench/run.ts collects it) and to a file: bench/results/yjs.json
 * (committed) only for a complete run; see {@link resultsFile}.
 *
 * Run with `node --expose-gc --import tsx bench/yjs.ts`, or compiled (`node dist/bench/yjs.js`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Figure } from "./figures.js";
import { figure } from "./figures.js";
import { QUICK, environment, formatJson, monotonicUs, printJson, progress, round, runMain, settle, sized, stopwatch } from "./harness.js";
import { ONLY_OUT, QUICK_OUT, REPO_ROOT } from "./report.js";
import { foreignCpuNote } from "./support/foreign-cpu-note.js";
import type { LatticeServer } from "./support/lattice-server.js";
import { getJson, withMesh } from "./support/lattice-server.js";
import { positiveInt } from "./support/positive-int.js";
import type { CpuWindow, ProcMemory } from "./support/proc.js";
import { cpuWindow, foreignCpuWindow, memoryOf } from "./support/proc.js";
import { withServer } from "./support/serving-process.js";
import { tempDir } from "./support/stats.js";
import type { ClientKind, YjsLoadResult } from "./support/yjs-clients.js";
import { openDocuments, runYjsLoad } from "./support/yjs-clients.js";
import type { ChildMemory, YjsServerProcess } from "./support/yjs-servers.js";
import { startLatticeNode, startReferenceServer } from "./support/yjs-servers.js";

function clientKind(): ClientKind {
  const raw = process.env.BENCH_YJS_CLIENT ?? "provider";
  if (raw !== "provider" && raw !== "protocol") throw new Error(`BENCH_YJS_CLIENT must be provider or protocol (got ${raw})`);
  return raw;
}

const DOCS = positiveInt("BENCH_YJS_DOCS", 10);
const CLIENTS = positiveInt("BENCH_YJS_CLIENTS", 10);
const RATE = positiveInt("BENCH_YJS_RATE", 1000);
const FIXED_MS = positiveInt("BENCH_YJS_SECONDS", sized(8, 1)) * 1000;
const SATURATION_MS = positiveInt("BENCH_YJS_SATURATION_SECONDS", sized(5, 1)) * 1000;
/** Enough edits in flight per client that the server, not the round trip, limits throughput. */
const IN_FLIGHT = positiveInt("BENCH_YJS_IN_FLIGHT", 4);
const FIXED_KIND = clientKind();
const WARMUP_MS = sized(2000, 500);
const MEMORY_DOCS = positiveInt("BENCH_YJS_MEMORY_DOCS", sized(1000, 200));
/** 1 KiB of text per document: a short note, as in the peer baselines (research/peer-baselines.md). */
const TEXT_BYTES = 1024;
/**
 * Documents opened and closed before the memory baseline: as many as are measured, because the
 * first round leaves one-time growth behind (id-keyed tables keep their grown capacity, code is
 * compiled) that is not what a document costs, and more than MEMORY_CACHE, so that Lattice's
 * cache is already full at the baseline (its bound's worth of idle documents is the same before
 * and after).
 */
const MEMORY_WARMUP_DOCS = MEMORY_DOCS;
/** The memory replica's cache bound: far below MEMORY_DOCS, so closing their connections evicts them. */
const MEMORY_CACHE = 64;
/** The per-IP socket cap (default 1024) would refuse the memory run's connections beyond it. */
const MEMORY_LIMITS = "maxYjsSocketsPerIp=1000000";
/** A run whose load generator used more of a core than this, or whose event loop lagged, is flagged. */
const GENERATOR_BUSY_PERCENT = 85;
const GENERATOR_LAG_MS = 50;
const TARGET = 1;
const SAME_LOAD = "same load, mean of runs before and after the replicas";
const KIB = 1024;

interface Run extends YjsLoadResult {
  /** The measured server over the window. */
  server: (CpuWindow & { cpuUsPerDelivery: number | null }) | null;
  /** Its RSS right after the run. */
  serverMemory: ProcMemory | null;
  /** Lattice only: the two peer replicas over the window. */
  peers?: Record<string, CpuWindow | null>;
  /** CPU of processes other than this benchmark's over the window, % of one core. */
  foreignCpuPercent: number | null;
  /** Whether this process (the clients) may have limited the run rather than the server. */
  loadGeneratorSaturated: boolean;
}

async function measured(
  what: string,
  serverPid: number,
  others: Record<string, number>,
  load: (hooks: { onWindowStart: () => void; onWindowEnd: () => void }) => Promise<YjsLoadResult>,
): Promise<Run> {
  let cpu: { stop: () => CpuWindow | null } | undefined;
  let foreign: { stop: () => number | null } | undefined;
  let peerCpu: Record<string, { stop: () => CpuWindow | null }> = {};
  let server: CpuWindow | null = null;
  let foreignCpuPercent: number | null = null;
  let peers: Record<string, CpuWindow | null> | undefined;
  settle();
  let windowStartUs = 0;
  const r = await load({
    onWindowStart: () => {
      windowStartUs = monotonicUs();
      cpu = cpuWindow(serverPid);
      foreign = foreignCpuWindow([serverPid, ...Object.values(others)]);
      peerCpu = Object.fromEntries(Object.entries(others).map(([name, pid]) => [name, cpuWindow(pid)]));
    },
    onWindowEnd: () => {
      if (process.env.BENCH_PROFILE_DIR) progress(`yjs: ${what}: window ${windowStartUs} ${monotonicUs()} (µs, CLOCK_MONOTONIC)`);
      server = cpu?.stop() ?? null;
      foreignCpuPercent = foreign?.stop() ?? null;
      if (Object.keys(peerCpu).length > 0) peers = Object.fromEntries(Object.entries(peerCpu).map(([name, w]) => [name, w.stop()]));
    },
  });
  const s = server as CpuWindow | null;
  const deliveries = r.deliveries;
  const run: Run = {
    ...r,
    server: s && { ...s, cpuUsPerDelivery: deliveries > 0 ? round((s.cpuSeconds * 1e6) / deliveries, 2) : null },
    serverMemory: memoryOf(serverPid) ?? null,
    foreignCpuPercent,
    loadGeneratorSaturated: r.loadGenerator.cpuPercent >= GENERATOR_BUSY_PERCENT || r.loadGenerator.eventLoopDelayP99Ms >= GENERATOR_LAG_MS,
  };
  if (peers) run.peers = peers;
  progress(
    `yjs: ${what}: ${run.editsPerSec} edits/s, ${run.deliveriesPerSec} deliveries/s, p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms, ` +
      `server ${s?.cpuPercent ?? "?"}% CPU, load generator ${run.loadGenerator.cpuPercent}%, missing ${run.totals.missing}`,
  );
  if (run.totals.missing > 0 || run.clientsDropped > 0) progress(`yjs: ${what}: ${run.totals.missing} deliveries missing, ${run.clientsDropped} clients dropped`);
  return run;
}

interface ServerRuns {
  fixed: Run;
  saturation: Run;
}

/** The two load runs against one server (its `notes` serverUrl); fresh documents per run. */
async function loadRuns(name: string, serverUrl: string, pid: number, others: Record<string, number>): Promise<ServerRuns> {
  const fixed = await measured(`${name} fixed rate`, pid, others, (hooks) =>
    runYjsLoad({ serverUrl, kind: FIXED_KIND, docs: DOCS, clientsPerDoc: CLIENTS, keyPrefix: `${name}-fixed-${Date.now()}`, warmupMs: WARMUP_MS, durationMs: FIXED_MS, rate: RATE, seed: 1, ...hooks }),
  );
  const saturation = await measured(`${name} saturation`, pid, others, (hooks) =>
    runYjsLoad({ serverUrl, kind: "protocol", docs: DOCS, clientsPerDoc: CLIENTS, keyPrefix: `${name}-sat-${Date.now()}`, warmupMs: WARMUP_MS, durationMs: SATURATION_MS, inFlight: IN_FLIGHT, seed: 2, ...hooks }),
  );
  return { fixed, saturation };
}

/** One pass over the reference server in a fresh process. */
function referenceRuns(): Promise<ServerRuns> {
  return withServer(startReferenceServer(), (ref) => loadRuns("reference", ref.serverUrl, ref.pid, {}));
}

interface LatticeCheck {
  /** Documents whose text on the measured replica and on a peer holds every edit typed. */
  documents: number;
  onReplica: number;
  onPeer: number;
  ok: boolean;
}

/** Length of a notes document's body on one replica (GET /v1/entities/notes/<key>). */
async function bodyLength(server: LatticeServer, key: string): Promise<number> {
  const r = (await getJson(`${server.url}/v1/entities/notes/${encodeURIComponent(key)}`)) as { state?: { body?: unknown } };
  return typeof r.state?.body === "string" ? r.state.body.length : -1;
}

/** Every edit of a run is on the measured replica, and reaches a peer through gossip. */
async function checkLattice(a: LatticeServer, b: LatticeServer, runs: readonly Run[]): Promise<LatticeCheck> {
  const expected = runs.flatMap((r) => Object.entries(r.editsPerDoc));
  let onReplica = 0;
  let onPeer = 0;
  for (const [key, edits] of expected) {
    if ((await bodyLength(a, key)) === edits) onReplica++;
    let peer = await bodyLength(b, key);
    for (let i = 0; i < 20 && peer !== edits; i++) {
      await sleep(250);
      peer = await bodyLength(b, key);
    }
    if (peer === edits) onPeer++;
  }
  return { documents: expected.length, onReplica, onPeer, ok: onReplica === expected.length && onPeer === expected.length };
}

async function latticeRuns(profileDir?: string): Promise<ServerRuns & { check: LatticeCheck; pids: Record<string, number> }> {
  progress("yjs: starting three meshed replicas (level store, fsync off)");
  return withMesh("yjs", { size: 3, fsync: false, nodeFlags: () => (profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : []) }, async (servers) => {
    if (profileDir) progress(`yjs: profiling into ${profileDir}: replica pid ${servers[0]?.pid}, peers ${servers[1]?.pid} and ${servers[2]?.pid}`);
    const [a, b, c] = servers as [LatticeServer, LatticeServer, LatticeServer];
    const runs = await loadRuns("lattice", `${a.wsUrl}/v1/yjs/notes`, a.pid, { peerB: b.pid, peerC: c.pid });
    const check = await checkLattice(a, b, [runs.fixed, runs.saturation]);
    progress(`yjs: lattice check: ${check.onReplica}/${check.documents} documents complete on the replica, ${check.onPeer}/${check.documents} on a peer`);
    return { ...runs, check, pids: { replica: a.pid, peerB: b.pid, peerC: c.pid } };
  });
}

interface MemoryReading extends ChildMemory {
  rssKiB: number;
  heapKiB: number;
}

interface MemoryRun {
  documents: number;
  textBytes: number;
  baseline: MemoryReading;
  open: MemoryReading;
  idle: MemoryReading;
  /** Growth ÷ documents, KiB: heap (live objects after a full GC) + external, and RSS. */
  perOpenDocument: { heapKiB: number; rssKiB: number };
  perIdleDocument: { heapKiB: number; rssKiB: number };
  openMs: number;
  /** Sockets that closed by themselves while the documents were open (should be 0). */
  dropped: number;
}

const reading = (m: ChildMemory): MemoryReading => ({ ...m, rssKiB: round(m.rssBytes / KIB, 0), heapKiB: round((m.heapUsedBytes + m.externalBytes) / KIB, 0) });

/** The server learns of each close asynchronously: waits until it has let go (or 10 s). */
async function settled(server: YjsServerProcess, idleSettled: (m: ChildMemory) => boolean): Promise<ChildMemory> {
  await sleep(200);
  let m = await server.memory();
  for (let i = 0; i < 50 && !idleSettled(m); i++) {
    await sleep(200);
    m = await server.memory();
  }
  return m;
}

/** Opens MEMORY_DOCS documents with text on `server`, then closes them; readings before, open, after. */
async function memoryRun(name: string, server: YjsServerProcess, idleSettled: (m: ChildMemory) => boolean): Promise<MemoryRun> {
  const warm = await openDocuments(server.serverUrl, Array.from({ length: MEMORY_WARMUP_DOCS }, (_, i) => `warm-${i}`), TEXT_BYTES);
  await warm.close();
  await settled(server, idleSettled);
  const baseline = reading(await server.memory());
  const keys = Array.from({ length: MEMORY_DOCS }, (_, i) => `mem-${i}`);
  const t0 = performance.now();
  const docs = await openDocuments(server.serverUrl, keys, TEXT_BYTES);
  const openMs = round(performance.now() - t0, 0);
  await sleep(200);
  const open = reading(await server.memory());
  const dropped = docs.dropped();
  await docs.close();
  const idle = reading(await settled(server, idleSettled));
  const per = (m: MemoryReading): { heapKiB: number; rssKiB: number } => ({
    heapKiB: round((m.heapKiB - baseline.heapKiB) / MEMORY_DOCS, 2),
    rssKiB: round((m.rssKiB - baseline.rssKiB) / MEMORY_DOCS, 2),
  });
  const run: MemoryRun = { documents: MEMORY_DOCS, textBytes: TEXT_BYTES, baseline, open, idle, perOpenDocument: per(open), perIdleDocument: per(idle), openMs, dropped };
  progress(`yjs: ${name} memory: ${run.perOpenDocument.heapKiB} KiB heap / ${run.perOpenDocument.rssKiB} KiB RSS per open document, ${run.perIdleDocument.heapKiB} KiB heap per idle one`);
  return run;
}

function referenceMemory(): Promise<MemoryRun> {
  // Without persistence it keeps every document; settled once its connections are gone.
  return withServer(startReferenceServer(), (ref) => memoryRun("reference", ref, () => true));
}

async function latticeMemory(): Promise<MemoryRun> {
  const dir = tempDir("yjs-memory");
  try {
    const node = await startLatticeNode({ dataDir: dir.path, cacheMaxEntries: MEMORY_CACHE, limits: MEMORY_LIMITS });
    try {
      return await memoryRun("lattice", node, (m) => (m.cachedEntities ?? 0) <= MEMORY_CACHE);
    } finally {
      await node.stop();
    }
  } finally {
    dir.remove();
  }
}

/**
 * Where the JSON goes besides stdout (which bench/run.ts collects in every case, an incomplete run
 * included: the report flags that one). The committed bench/results/yjs.json holds the last
 * complete run with the default configuration: a quick run goes to tmp/quick/ and a run of part
 * of the suite (LATTICE_BENCH_ONLY) to tmp/only/, as run.ts's own results do; a run with any
 * BENCH_YJS_* setting to tmp/custom/; and a run that lost edits, clients or connections to
 * tmp/incomplete/, since its figures describe a load other than the one its configuration claims.
 */
function resultsFile(complete: boolean): string {
  if (QUICK) return join(QUICK_OUT, "yjs.json");
  if (process.env.LATTICE_BENCH_ONLY?.split(",").some((s) => s.trim() !== "")) return join(ONLY_OUT, "yjs.json");
  if (Object.keys(process.env).some((k) => k.startsWith("BENCH_YJS_"))) return join(REPO_ROOT, "bench", "results", "tmp", "custom", "yjs.json");
  if (!complete) return join(REPO_ROOT, "bench", "results", "tmp", "incomplete", "yjs.json");
  return join(REPO_ROOT, "bench", "results", "yjs.json");
}

async function main(): Promise<void> {
  const total = stopwatch();
  progress(`yjs: ${DOCS} documents x ${CLIENTS} clients; fixed rate ${RATE} edits/s (${FIXED_KIND} clients) for ${FIXED_MS / 1000} s, saturation (${IN_FLIGHT} in flight per client) for ${SATURATION_MS / 1000} s`);
  // The reference before and after the replicas (A-B-A, as ws.ts), so that drift on a shared
  // machine shows and averages out.
  const profileDir = process.env.BENCH_PROFILE_DIR ? resolve(process.env.BENCH_PROFILE_DIR) : undefined;
  if (profileDir || process.env.BENCH_YJS_LATTICE_ONLY === "1") {
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    const runs = await latticeRuns(profileDir);
    for (const [name, run] of [["fixed rate", runs.fixed], ["saturation", runs.saturation]] as const) {
      const peers = Object.entries(run.peers ?? {}).map(([peer, w]) => `${peer} ${w?.cpuPercent ?? "?"}%`);
      progress(`yjs: lattice ${name}: CPU replica ${run.server?.cpuPercent ?? "?"}%, ${peers.join(", ")}; latency p90 ${run.latencyMs.p90} ms`);
    }
    progress(profileDir ? `yjs: profiles written to ${profileDir} in ${Math.round(total() / 1000)} s` : `yjs: done in ${Math.round(total() / 1000)} s`);
    return;
  }
  const referenceBefore = await referenceRuns();
  const lattice = await latticeRuns();
  progress("yjs: the reference server again");
  const referenceAfter = await referenceRuns();
  const mean = (f: (r: ServerRuns) => number): number => round((f(referenceBefore) + f(referenceAfter)) / 2, 3);
  const reference = {
    fixedP50: mean((r) => r.fixed.latencyMs.p50),
    fixedP99: mean((r) => r.fixed.latencyMs.p99),
    saturationDeliveriesPerSec: Math.round(mean((r) => r.saturation.deliveriesPerSec)),
    saturationCpuUsPerDelivery: referenceBefore.saturation.server?.cpuUsPerDelivery && referenceAfter.saturation.server?.cpuUsPerDelivery ? mean((r) => r.saturation.server?.cpuUsPerDelivery ?? 0) : null,
  };
  progress(`yjs: memory, ${MEMORY_DOCS} documents x ${TEXT_BYTES} B of text, one connection each`);
  const referenceMem = await referenceMemory();
  const latticeMem = await latticeMemory();

  const { fixed, saturation } = lattice;
  const throughputRatio = saturation.deliveriesPerSec / reference.saturationDeliveriesPerSec;
  const p99Ratio = fixed.latencyMs.p99 > 0 ? reference.fixedP99 / fixed.latencyMs.p99 : 0;
  const latticeLostNothing = fixed.totals.missing === 0 && saturation.totals.missing === 0 && lattice.check.ok;
  const targetMet = throughputRatio >= TARGET && p99Ratio >= TARGET && latticeLostNothing;
  const loadRunsOf = (r: ServerRuns): Run[] => [r.fixed, r.saturation];
  const complete =
    latticeLostNothing &&
    [...loadRunsOf(referenceBefore), fixed, saturation, ...loadRunsOf(referenceAfter)].every((r) => r.totals.missing === 0 && r.totals.unknown === 0 && r.clientsDropped === 0) &&
    latticeMem.dropped === 0 &&
    referenceMem.dropped === 0;

  const ref = (label: string, value: number): { label: string; kind: "peer"; value: number } => ({ label: `@y/websocket-server 0.1.1 (persistence off), ${label}`, kind: "peer", value });
  const shape = `${DOCS} docs × ${CLIENTS} clients`;
  const figures: Figure[] = [
    figure({
      id: "saturation-deliveries-per-sec",
      label: `Yjs deliveries/s at saturation, ${shape}`,
      value: saturation.deliveriesPerSec,
      unit: "deliveries/s",
      better: "higher",
      against: ref(SAME_LOAD, reference.saturationDeliveriesPerSec),
      target: TARGET,
      note: `an edit reaching another client of its document; Lattice persists each edit (level, fsync off) before broadcasting it and gossips it to two peers${foreignCpuNote(saturation.foreignCpuPercent)}`,
    }),
    figure({
      id: "fixed-latency-p99",
      label: `keystroke → other client p99, ${shape}, ${RATE.toLocaleString("en-US")} edits/s`,
      value: fixed.latencyMs.p99,
      unit: "ms",
      better: "lower",
      against: ref(SAME_LOAD, reference.fixedP99),
      target: TARGET,
      note: `stock WebsocketProvider clients${FIXED_KIND === "protocol" ? " replaced by bare y-protocols clients (BENCH_YJS_CLIENT)" : ""}${foreignCpuNote(fixed.foreignCpuPercent)}`,
    }),
    figure({
      id: "fixed-latency-p50",
      label: `keystroke → other client p50, ${shape}, ${RATE.toLocaleString("en-US")} edits/s`,
      value: fixed.latencyMs.p50,
      unit: "ms",
      better: "lower",
      against: ref(SAME_LOAD, reference.fixedP50),
    }),
  ];
  if (saturation.server?.cpuUsPerDelivery && reference.saturationCpuUsPerDelivery) {
    figures.push(
      figure({
        id: "saturation-cpu-per-delivery",
        label: "server CPU per delivery at saturation",
        value: saturation.server.cpuUsPerDelivery,
        unit: "µs",
        better: "lower",
        against: ref(SAME_LOAD, reference.saturationCpuUsPerDelivery),
        note: "all threads of the measured process; Lattice's includes persisting and gossiping every edit",
      }),
    );
  }
  figures.push(
    figure({
      id: "memory-open-document",
      label: `heap per open document (1 KiB text, one connection), ${MEMORY_DOCS.toLocaleString("en-US")} documents`,
      value: latticeMem.perOpenDocument.heapKiB,
      unit: "KiB",
      better: "lower",
      against: ref("measured the same way", referenceMem.perOpenDocument.heapKiB),
      note: "JS heap (after a full GC) plus external memory; RSS per document is in the JSON",
    }),
    figure({
      id: "memory-idle-document",
      label: "heap per idle document (connections closed)",
      value: Math.max(latticeMem.perIdleDocument.heapKiB, 0.01),
      unit: "KiB",
      better: "lower",
      against: ref("which keeps every document without persistence", Math.max(referenceMem.perIdleDocument.heapKiB, 0.01)),
      note: `Lattice evicts a document from its cache once its last connection closes and the cache is over its bound (${MEMORY_CACHE} entries here); 0.01 stands for nothing measurable left`,
    }),
  );

  const result = {
    benchmark: "yjs",
    about: "Yjs fan-out through the y-websocket endpoint of a replica with persistence and two gossip peers, beside the reference @y/websocket-server under the same clients.",
    quick: QUICK,
    /** Every edit of every run delivered, no client or memory-run connection dropped, the replicas' copies whole. */
    complete,
    environment: environment(),
    config: {
      docs: DOCS,
      clientsPerDoc: CLIENTS,
      fixedRate: { editsPerSec: RATE, clients: FIXED_KIND, warmupMs: WARMUP_MS, durationMs: FIXED_MS },
      saturation: { clients: "protocol", inFlightPerClient: IN_FLIGHT, warmupMs: WARMUP_MS, durationMs: SATURATION_MS },
      edit: "one character inserted at a random position of the client's text",
      lattice: "server/main.ts, level store fsync off, 3 replicas fully meshed, load on replica 0, default limits",
      reference: "@y/websocket-server 0.1.1 setupWSConnection behind http + ws, persistence off, own process",
      memory: { documents: MEMORY_DOCS, textBytes: TEXT_BYTES, warmupDocuments: MEMORY_WARMUP_DOCS, latticeCacheMaxEntries: MEMORY_CACHE, latticeLimits: MEMORY_LIMITS, lattice: "one replica, level store fsync off (bench/support/yjs-lattice-node.ts)" },
      runFrom: import.meta.url.endsWith(".ts") ? "source (tsx)" : "dist",
    },
    reference: {
      what: "measured before and after the replicas; figures use the mean of the two",
      mean: reference,
      before: { fixedRate: referenceBefore.fixed, saturation: referenceBefore.saturation },
      after: { fixedRate: referenceAfter.fixed, saturation: referenceAfter.saturation },
      memory: referenceMem,
    },
    lattice: { fixedRate: fixed, saturation, check: lattice.check, pids: lattice.pids, memory: latticeMem },
    ratio: {
      saturationDeliveries: round(throughputRatio, 3),
      /** Reference p99 ÷ Lattice p99: ≥ 1 means no worse. */
      fixedRateP99: round(p99Ratio, 3),
      fixedRateP50: fixed.latencyMs.p50 > 0 ? round(reference.fixedP50 / fixed.latencyMs.p50, 3) : null,
      memoryPerOpenDocument: latticeMem.perOpenDocument.heapKiB > 0 ? round(referenceMem.perOpenDocument.heapKiB / latticeMem.perOpenDocument.heapKiB, 3) : null,
      target: TARGET,
      /** Throughput ≥ the reference's, p99 no worse, and every edit delivered and on both replicas. */
      targetMet,
    },
    figures,
    durationMs: total(),
  };
  const file = resultsFile(complete);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, formatJson(result));
  progress(`yjs: wrote ${relative(process.cwd(), file) || file}${complete ? "" : " (incomplete: edits, clients or connections were lost; not the committed results)"}`);
  printJson(result);
}

runMain(main);
