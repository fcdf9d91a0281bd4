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
import type { Figure } from "./figures.js";
import { figure } from "./figures.js";
import { QUICK, environment, monotonicUs, printJson, progress, round, runMain, sized, stopwatch } from "./harness.js";
import { startEcho } from "./support/echo-process.js";
import { withServer } from "./support/serving-process.js";
import { foreignCpuNote } from "./support/foreign-cpu-note.js";
import type { CounterRuns, LatticeServer } from "./support/lattice-server.js";
import { counterCheck, measuredReplicaProfile, withMesh } from "./support/lattice-server.js";
import { positiveInt } from "./support/positive-int.js";
import type { CpuWindow } from "./support/proc.js";
import type { RunReadings } from "./support/proc.js";
import { memoryOf, runReadings } from "./support/proc.js";
import type { InternalCounts } from "./support/replica-metrics.js";
import { internals, scrape } from "./support/replica-metrics.js";
import { seededRandom } from "./support/stats.js";
import type { WsLoadResult } from "./support/ws-load.js";
import { runWsLoad } from "./support/ws-load.js";

const CLIENTS = 50;
const IN_FLIGHT = 32;
const WARMUP_MS = sized(2000, 500);
const DURATION_MS = positiveInt("BENCH_WS_SECONDS", sized(10, 1)) * 1000;
const KEYS = 1000;
const HOT_KEY = "hot";
const TARGET_RATIO = 0.25;
const LIMITS = "maxFramesPerSecond=1000000";

interface WsRun extends WsLoadResult, Omit<RunReadings, "server"> {
  /**
   * The server process during the whole run (warm-up, window and drain); its system calls
   * (serverSyscalls) are per round trip.
   */
  server: (CpuWindow & { cpuUsPerRoundTrip: number }) | null;
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
  const readings = runReadings(serverPid, others);
  const from = monotonicUs() + warmupMs * 1000;
  const r = await runWsLoad({ url, clients: CLIENTS, inFlight: IN_FLIGHT, warmupMs, durationMs: DURATION_MS, frame: (id) => frame(id) });
  const { server, ...around } = readings.stop(r.answered);
  return {
    ...r,
    server: server && { ...server, cpuUsPerRoundTrip: r.answered > 0 ? round((server.cpuSeconds * 1e6) / r.answered, 1) : 0 },
    ...around,
    windowUs: [from, from + DURATION_MS * 1000],
  };
}

async function loadReplica(server: LatticeServer, frame: (id: number) => string, warmupMs: number, others: Record<string, number>): Promise<WsRun> {
  const before = await scrape(server.url);
  const run = await load(`${server.wsUrl}/v1/ws`, frame, warmupMs, server.pid, others);
  run.internals = internals(before, await scrape(server.url));
  return run;
}

/** The bare ws echo baseline: its own process, one run (with its warm-up). */
function baselineRun(seed: number): Promise<WsRun> {
  return withServer(startEcho("ws"), async (echo) => {
    const run = await load(`ws://127.0.0.1:${echo.port}/`, spreadFrames(seed), WARMUP_MS, echo.pid);
    progress(`ws: echo ${run.roundTripsPerSec} round trips/s, p99 ${run.latencyMs.p99} ms`);
    return run;
  });
}

type LatticeRuns = CounterRuns<WsRun>;

/** Three replicas (level stores, fsync off), load on the first; stopped before it returns. */
function latticeRuns(profileDir: string | undefined): Promise<LatticeRuns> {
  progress("ws: starting three meshed replicas");
  return withMesh("ws", { size: 3, fsync: false, limits: LIMITS, nodeFlags: measuredReplicaProfile(profileDir) }, async (servers) => {
    const [a, b, c] = servers as [LatticeServer, LatticeServer, LatticeServer];
    const peers = { peerB: b.pid, peerC: c.pid };
    progress(`ws: ${KEYS} keys`);
    const spread = await loadReplica(a, spreadFrames(2), WARMUP_MS, peers);
    progress(`ws: lattice ${spread.roundTripsPerSec} round trips/s, p99 ${spread.latencyMs.p99} ms; hot key`);
    const hot = await loadReplica(a, hotFrames, WARMUP_MS, peers);
    progress(`ws: hot key ${hot.roundTripsPerSec} round trips/s, p99 ${hot.latencyMs.p99} ms`);
    const memory = memoryOf(a.pid) ?? null;

    // Calls unanswered when the sockets closed (and refused ones) may or may not have been applied.
    const keys = [HOT_KEY, ...Array.from({ length: KEYS }, (_, i) => `k${i}`)];
    const check = await counterCheck(a, b, keys, spread.answeredOk + hot.answeredOk, spread.unanswered + hot.unanswered + spread.errors + hot.errors);
    return { spread, hot, memory, pids: { replica: a.pid, ...peers }, check };
  });
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
    figure({ id: "spread-round-trips-per-sec", label: `call frames over /v1/ws, ${KEYS.toLocaleString("en-US")} keys, round trips/s`, value: spread.roundTripsPerSec, unit: "round trips/s", better: "higher", against: { ...bareWs, value: baselinePerSec }, target: TARGET_RATIO, note: `${CLIENTS} clients × ${IN_FLIGHT} calls in flight; the replica has two peers connected and gossips every command${foreignCpuNote(spread.foreignCpuPercent)}` }),
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

runMain(main);
