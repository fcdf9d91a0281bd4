/**
 * WebSocket command throughput (issue 4): round trips/s and latency of `counter.increment` as
 * JSON `call` frames on `/v1/ws` — 50 clients, each keeping 32 calls in flight, 10 s after a 2 s
 * warm-up (./support/ws-load.ts) — against a real replica process (server/main.ts with the
 * example services) that keeps its entities in a level store (fsync off) and has two peer
 * replicas connected (three processes, fully meshed). Beside it, in the same run and with the
 * same load generator and frames, a bare `ws` echo server in its own process
 * (./support/echo-server.ts). The result is the ratio of the two; the target is ≥ 0.25.
 *
 * The replica runs with LATTICE_LIMITS=maxFramesPerSecond=1000000: the default of 200 frames/s
 * per connection would cap 50 connections at 10,000 frames/s and measure the limiter. 32 in
 * flight is under the default maxInFlight (64).
 *
 * Two key patterns, as http.ts: increments spread uniformly over 1,000 keys (seeded random), and
 * all on one hot key. Reported per run: round trips/s, latency p50/p90/p99/max (ms), errors, the
 * server's CPU time per round trip and utilisation (/proc), and for the replica what a command
 * did inside (store batches, deltas pushed, from /metrics); the replica's RSS and the peers' CPU
 * too. Afterwards the counters are summed on the measured replica and on a peer: the sum must
 * hold every acknowledged call (plus at most the calls unanswered when the sockets closed), and
 * be the same on both.
 *
 * Options (environment): BENCH_WS_SECONDS (measured seconds per run, default 10);
 * BENCH_PROFILE_DIR: start the measured replica (and its peers too with BENCH_PROFILE_PEERS=1)
 * with --cpu-prof, profiles written there on exit, named after the pids the output lists;
 * summarise one run's window with `node --import tsx bench/support/cpuprofile-top.ts <file> 30
 * <fromUs> <toUs>` (the run's `windowUs`).
 *
 * Run with `node --import tsx bench/ws.ts`, or compiled (`node dist/bench/ws.js`).
 */
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Figure } from "./figures.js";
import { figure } from "./figures.js";
import { QUICK, environment, monotonicUs, printJson, progress, round, sized, stopwatch } from "./harness.js";
import { startEcho } from "./support/echo-process.js";
import type { LatticeServer } from "./support/lattice-server.js";
import { counterSum, startMesh } from "./support/lattice-server.js";
import type { CpuWindow, ProcMemory } from "./support/proc.js";
import { cpuWindow, foreignCpuWindow, ioWindow, memoryOf } from "./support/proc.js";
import type { InternalCounts } from "./support/replica-metrics.js";
import { internals, scrape } from "./support/replica-metrics.js";
import { seededRandom, tempDir } from "./support/stats.js";
import type { WsLoadResult } from "./support/ws-load.js";
import { runWsLoad } from "./support/ws-load.js";

const CLIENTS = 50;
const IN_FLIGHT = 32;
const WARMUP_MS = sized(2000, 500);
const DURATION_MS = positiveInt(process.env.BENCH_WS_SECONDS, sized(10, 1)) * 1000;
const KEYS = 1000;
const HOT_KEY = "hot";
const TARGET_RATIO = 0.25;
const LIMITS = "maxFramesPerSecond=1000000";

/** Other processes' CPU during a run, in words, when it was enough to depress the figures. */
function busy(foreignCpuPercent: number | null): string {
  return foreignCpuPercent !== null && foreignCpuPercent >= 10 ? `; other processes used ${Math.round(foreignCpuPercent)}% of a core during this run, so it is depressed` : "";
}

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

interface WsRun extends WsLoadResult {
  /** The server process during the whole run (warm-up, window and drain). */
  server: (CpuWindow & { cpuUsPerRoundTrip: number }) | null;
  /** This process (the load generator), % of one core. */
  loadGeneratorCpuPercent: number;
  others?: Record<string, CpuWindow | null>;
  /**
   * CPU used by processes other than this benchmark's during the run, % of one core (/proc/stat):
   * on a shared machine, well above 0 means this run's figures are depressed.
   */
  foreignCpuPercent: number | null;
  /** The server's read and write system calls (and bytes written) per round trip (/proc/PID/io). */
  serverSyscalls: { readCallsPerUnit: number; writeCallsPerUnit: number; writeBytesPerUnit: number } | null;
  internals?: InternalCounts;
  /** The measured window in µs of CLOCK_MONOTONIC, for cpuprofile-top.ts. */
  windowUs: [number, number];
}


const frameOf = (key: string, id: number): string => `{"id":${id},"op":"call","service":"counter","key":"${key}","command":"increment","input":{}}`;

function spreadFrames(seed: number): (id: number) => string {
  const random = seededRandom(seed);
  return (id) => frameOf(`k${Math.floor(random() * KEYS)}`, id);
}

const hotFrames = (id: number): string => frameOf(HOT_KEY, id);

async function load(url: string, frame: (id: number) => string, warmupMs: number, serverPid: number, others: Record<string, number> = {}): Promise<WsRun> {
  const cpu = cpuWindow(serverPid);
  const foreign = foreignCpuWindow([serverPid, ...Object.values(others)]);
  const io = ioWindow(serverPid);
  const otherCpu = Object.fromEntries(Object.entries(others).map(([name, pid]) => [name, cpuWindow(pid)]));
  const self0 = process.cpuUsage();
  const t0 = performance.now();
  const from = monotonicUs() + warmupMs * 1000;
  const r = await runWsLoad({ url, clients: CLIENTS, inFlight: IN_FLIGHT, warmupMs, durationMs: DURATION_MS, frame: (id) => frame(id) });
  const wallS = (performance.now() - t0) / 1000;
  const self = process.cpuUsage(self0);
  const server = cpu.stop();
  const foreignCpuPercent = foreign.stop();
  const run: WsRun = {
    ...r,
    server: server && { ...server, cpuUsPerRoundTrip: r.answered > 0 ? round((server.cpuSeconds * 1e6) / r.answered, 1) : 0 },
    loadGeneratorCpuPercent: round(((self.user + self.system) / 1e6 / wallS) * 100, 1),
    foreignCpuPercent,
    serverSyscalls: io.stop(r.answered),
    windowUs: [from, from + DURATION_MS * 1000],
  };
  if (Object.keys(others).length > 0) run.others = Object.fromEntries(Object.entries(otherCpu).map(([name, w]) => [name, w.stop()]));
  return run;
}

async function loadReplica(server: LatticeServer, frame: (id: number) => string, warmupMs: number, others: Record<string, number>): Promise<WsRun> {
  const before = await scrape(server.url);
  const run = await load(`${server.wsUrl}/v1/ws`, frame, warmupMs, server.pid, others);
  run.internals = internals(before, await scrape(server.url));
  return run;
}

/** The bare ws echo baseline: its own process, one run (with its warm-up). */
async function baselineRun(seed: number): Promise<WsRun> {
  const echo = await startEcho("ws");
  try {
    const run = await load(`ws://127.0.0.1:${echo.port}/`, spreadFrames(seed), WARMUP_MS, echo.pid);
    progress(`ws: echo ${run.roundTripsPerSec} round trips/s, p99 ${run.latencyMs.p99} ms`);
    return run;
  } finally {
    await echo.stop();
  }
}

interface LatticeRuns {
  spread: WsRun;
  hot: WsRun;
  memory: ProcMemory | null;
  /** Process ids (profile files are named after them). */
  pids: { replica: number; peerB: number; peerC: number };
  check: { acknowledged: number; sumOnA: number; sumOnB: number; ok: boolean };
}

/** Three replicas (level stores, fsync off), load on the first; stopped before it returns. */
async function latticeRuns(profileDir: string | undefined): Promise<LatticeRuns> {
  const dir = tempDir("ws");
  let servers: LatticeServer[] = [];
  try {
    progress("ws: starting three meshed replicas");
    servers = await startMesh({
      size: 3,
      baseDir: dir.path,
      fsync: false,
      limits: LIMITS,
      nodeFlags: (i) => (profileDir && (i === 0 || process.env.BENCH_PROFILE_PEERS === "1") ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : []),
    });
    const [a, b, c] = servers as [LatticeServer, LatticeServer, LatticeServer];
    const peers = { peerB: b.pid, peerC: c.pid };
    progress(`ws: ${KEYS} keys`);
    const spread = await loadReplica(a, spreadFrames(2), WARMUP_MS, peers);
    progress(`ws: lattice ${spread.roundTripsPerSec} round trips/s, p99 ${spread.latencyMs.p99} ms; hot key`);
    const hot = await loadReplica(a, hotFrames, WARMUP_MS, peers);
    progress(`ws: hot key ${hot.roundTripsPerSec} round trips/s, p99 ${hot.latencyMs.p99} ms`);
    const memory = memoryOf(a.pid) ?? null;

    // Every acknowledged call is on A, and reaches B; calls unanswered when the sockets closed
    // (and refused ones) may or may not have been applied.
    const acknowledged = spread.answeredOk + hot.answeredOk;
    const maxUnanswered = spread.unanswered + hot.unanswered + spread.errors + hot.errors;
    const keys = [HOT_KEY, ...Array.from({ length: KEYS }, (_, i) => `k${i}`)];
    const sumOnA = await counterSum(a.url, keys);
    let sumOnB = await counterSum(b.url, keys);
    for (let i = 0; i < 20 && sumOnB !== sumOnA; i++) {
      await sleep(500);
      sumOnB = await counterSum(b.url, keys);
    }
    const ok = sumOnA >= acknowledged && sumOnA - acknowledged <= maxUnanswered && sumOnB === sumOnA;
    return { spread, hot, memory, pids: { replica: a.pid, ...peers }, check: { acknowledged, sumOnA, sumOnB, ok } };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    dir.remove();
  }
}

async function main(): Promise<void> {
  const total = stopwatch();
  const profileDir = process.env.BENCH_PROFILE_DIR ? resolve(process.env.BENCH_PROFILE_DIR) : undefined;

  // Baseline before and after the replicas (A-B-A), so that drift shows and averages out.
  progress(`ws: bare ws echo baseline (${CLIENTS} clients x ${IN_FLIGHT} in flight, ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s)`);
  const before = await baselineRun(1);
  const lattice = await latticeRuns(profileDir);
  progress("ws: bare ws echo baseline again");
  const after = await baselineRun(5);

  const baselinePerSec = Math.round((before.roundTripsPerSec + after.roundTripsPerSec) / 2);
  const baselineCpuUs = before.server && after.server ? (before.server.cpuUsPerRoundTrip + after.server.cpuUsPerRoundTrip) / 2 : null;
  const ratio = (x: WsRun): number => round(x.roundTripsPerSec / baselinePerSec, 3);
  const cpuRatio = (x: WsRun): number | null => (x.server && baselineCpuUs !== null && x.server.cpuUsPerRoundTrip > 0 ? round(baselineCpuUs / x.server.cpuUsPerRoundTrip, 3) : null);
  const { spread, hot } = lattice;
  const bareWs = { label: "bare ws echo server, own process, same load generator and frames (mean of before and after)", kind: "peer" as const };
  const baselineP50 = (before.latencyMs.p50 + after.latencyMs.p50) / 2;
  const figures: Figure[] = [
    figure({ id: "spread-round-trips-per-sec", label: `call frames over /v1/ws, ${KEYS.toLocaleString("en-US")} keys, round trips/s`, value: spread.roundTripsPerSec, unit: "round trips/s", better: "higher", against: { ...bareWs, value: baselinePerSec }, target: TARGET_RATIO, note: `${CLIENTS} clients × ${IN_FLIGHT} calls in flight; the replica has two peers connected and gossips every command${busy(spread.foreignCpuPercent)}` }),
    figure({ id: "hot-round-trips-per-sec", label: "call frames over /v1/ws, one hot key, round trips/s", value: hot.roundTripsPerSec, unit: "round trips/s", better: "higher", against: { ...bareWs, value: baselinePerSec } }),
    figure({ id: "spread-latency-p50", label: `call frames over /v1/ws, ${KEYS.toLocaleString("en-US")} keys, latency p50`, value: spread.latencyMs.p50, unit: "ms", better: "lower", against: { ...bareWs, value: round(baselineP50, 3) } }),
  ];
  printJson({
    benchmark: "ws",
    about: "Commands as JSON call frames over /v1/ws against a real replica process with two peers, beside a bare ws echo server under the same closed-loop load.",
    quick: QUICK,
    environment: environment(),
    config: {
      clients: CLIENTS,
      inFlightPerClient: IN_FLIGHT,
      warmupMs: WARMUP_MS,
      durationMs: DURATION_MS,
      keys: KEYS,
      frame: frameOf("k1", 1),
      store: "level, fsync off",
      replicas: 3,
      loadOn: "replica 0, its two peers connected",
      limits: LIMITS,
      runFrom: import.meta.url.endsWith(".ts") ? "source (tsx)" : "dist",
    },
    baseline: { what: "bare ws echo, own process; measured before and after the replicas", roundTripsPerSec: baselinePerSec, before, after },
    lattice: { spreadKeys: spread, hotKey: hot, replicaMemory: lattice.memory },
    ratio: { spreadKeys: ratio(spread), hotKey: ratio(hot), target: TARGET_RATIO, targetMet: ratio(spread) >= TARGET_RATIO },
    /** Baseline server CPU per round trip over the replica's: the ratio if CPU were the only limit. */
    cpuPerRoundTripRatio: { spreadKeys: cpuRatio(spread), hotKey: cpuRatio(hot) },
    check: lattice.check,
    figures,
    profile: profileDir ? { dir: profileDir, pids: lattice.pids, windowsUs: { spreadKeys: spread.windowUs, hotKey: hot.windowUs } } : null,
    durationMs: total(),
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
