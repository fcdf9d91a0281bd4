/**
 * HTTP command throughput (issue 4): commands/s and latency of `counter.increment` through
 * `POST /v1/entities/counter/{key}/increment`, driven by autocannon (50 connections, 10 s after a
 * 2 s warm-up), against a real replica process (server/main.ts with the example services) that
 * keeps its entities in a level store (fsync off) and has two peer replicas connected (three
 * processes, fully meshed, every command gossiped to both). Beside it, in the same run and with
 * the same load generator and URL shape, a bare fastify POST echo server in its own process
 * (./support/echo-server.ts). The result is the ratio of the two; the target is ≥ 0.5.
 *
 * Two key patterns: increments spread uniformly over 1,000 counter keys (seeded random), and all
 * on one hot key (commands on one entity run one at a time). Reported per run: 2xx/s, latency
 * p50/p90/p99/max (ms, measured per request from autocannon's response events; autocannon's own
 * histogram rounds to whole ms), errors and non-2xx, the server's CPU time per request and
 * utilisation (/proc, all threads), and the load generator's CPU. The replica's RSS after the
 * runs and the peers' CPU are recorded too. Afterwards the counters are summed on the measured
 * replica and on a peer: the sum must hold every acknowledged increment (plus at most the
 * requests autocannon left unanswered when it stopped), and be the same on both.
 *
 * The bench process is the load generator: on a 2-core machine it competes for CPU with the
 * replica and its two peers, as it does with the fastify server (baselines in
 * /work/shared/research/peer-baselines.md were measured that way too).
 *
 * Options (environment): BENCH_HTTP_SECONDS (measured seconds per run, default 10);
 * BENCH_PROFILE_DIR: start the measured replica (and its peers too with BENCH_PROFILE_PEERS=1)
 * with --cpu-prof, profiles written there on exit, named after the pids the output lists;
 * summarise one run's window with `node --import tsx bench/support/cpuprofile-top.ts <file> 30
 * <fromUs> <toUs>` (the run's `windowUs`).
 *
 * Run with `node --import tsx bench/http.ts`, or compiled (`node dist/bench/http.js`).
 */
import autocannon from "autocannon";
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
import type { InternalCounts } from "./support/replica-metrics.js";
import { internals, scrape } from "./support/replica-metrics.js";
import type { RunReadings } from "./support/proc.js";
import { memoryOf, runReadings } from "./support/proc.js";
import type { Distribution } from "./support/stats.js";
import { seededRandom } from "./support/stats.js";
import { Samples, sampleDistribution } from "./support/samples.js";

const CONNECTIONS = 50;
const WARMUP_S = sized(2, 1);
const DURATION_S = positiveInt("BENCH_HTTP_SECONDS", sized(10, 1));
const KEYS = 1000;
const HOT_KEY = "hot";
const TARGET_RATIO = 0.5;
const BODY = "{}";

interface HttpRun extends Omit<RunReadings, "server"> {
  durationS: number;
  requests2xx: number;
  requestsPerSec: number;
  latencyMs: Distribution;
  /** autocannon's own histogram (whole ms). */
  autocannonLatencyMs: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  /** The server process during the run; its system calls (serverSyscalls) are per request. */
  server: (CpuWindow & { cpuUsPerRequest: number }) | null;
  /** What the replica did inside, per command (from its /metrics). */
  internals?: InternalCounts;
  /** The run's span in µs of CLOCK_MONOTONIC, for cpuprofile-top.ts. */
  windowUs: [number, number];
}

/** One autocannon run of `durationS` against `baseUrl`, each request's path from `path()`. */
async function load(baseUrl: string, path: () => string, durationS: number, serverPid: number, others: Record<string, number> = {}): Promise<HttpRun> {
  const latencies = new Samples();
  const readings = runReadings(serverPid, others);
  const from = monotonicUs();
  const result = await new Promise<autocannon.Result>((resolvePromise, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: CONNECTIONS,
        duration: durationS,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: BODY,
        requests: [{ method: "POST", setupRequest: (req) => ({ ...req, path: path() }) }],
      },
      (err: unknown, res) => (err ? reject(err instanceof Error ? err : new Error(`autocannon failed: ${JSON.stringify(err)}`)) : resolvePromise(res)),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
  const to = monotonicUs();
  const ok = result["2xx"];
  const { server, ...around } = readings.stop(ok);
  return {
    durationS: result.duration,
    requests2xx: ok,
    requestsPerSec: Math.round(ok / result.duration),
    latencyMs: sampleDistribution(latencies),
    autocannonLatencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    server: server && { ...server, cpuUsPerRequest: ok > 0 ? round((server.cpuSeconds * 1e6) / ok, 1) : 0 },
    ...around,
    windowUs: [from, to],
  };
}

/** `load` on a replica, with its /metrics counters before and after. */
async function loadReplica(server: LatticeServer, path: () => string, durationS: number, others: Record<string, number> = {}): Promise<HttpRun> {
  const before = await scrape(server.url);
  const run = await load(server.url, path, durationS, server.pid, others);
  run.internals = internals(before, await scrape(server.url));
  return run;
}

/** The path of an increment of a key drawn uniformly (seeded) from KEYS keys. */
function spreadPaths(seed: number): () => string {
  const random = seededRandom(seed);
  return () => `/v1/entities/counter/k${Math.floor(random() * KEYS)}/increment`;
}

const hotPath = (): string => `/v1/entities/counter/${HOT_KEY}/increment`;

/** The fastify echo baseline: its own process, a warm-up, then one measured run. */
function baselineRun(seed: number): Promise<HttpRun> {
  return withServer(startEcho("fastify"), async (echo) => {
    const url = `http://127.0.0.1:${echo.port}`;
    await load(url, spreadPaths(seed), WARMUP_S, echo.pid);
    const run = await load(url, spreadPaths(seed + 1), DURATION_S, echo.pid);
    progress(`http: fastify ${run.requestsPerSec} req/s, p99 ${run.latencyMs.p99} ms`);
    return run;
  });
}

type LatticeRuns = CounterRuns<HttpRun>;

/** Three replicas (level stores, fsync off), load on the first; stopped before it returns. */
function latticeRuns(profileDir: string | undefined): Promise<LatticeRuns> {
  progress("http: starting three meshed replicas");
  return withMesh("http", { size: 3, fsync: false, nodeFlags: measuredReplicaProfile(profileDir) }, async (servers) => {
    const [a, b, c] = servers as [LatticeServer, LatticeServer, LatticeServer];
    const peers = { peerB: b.pid, peerC: c.pid };
    const acked: number[] = [];
    progress("http: warm-up");
    acked.push((await load(a.url, spreadPaths(3), WARMUP_S, a.pid, peers)).requests2xx);
    progress(`http: ${KEYS} keys`);
    const spread = await loadReplica(a, spreadPaths(4), DURATION_S, peers);
    acked.push(spread.requests2xx);
    progress(`http: lattice ${spread.requestsPerSec} req/s, p99 ${spread.latencyMs.p99} ms; hot key`);
    const hot = await loadReplica(a, hotPath, DURATION_S, peers);
    acked.push(hot.requests2xx);
    progress(`http: hot key ${hot.requestsPerSec} req/s, p99 ${hot.latencyMs.p99} ms`);
    const memory = memoryOf(a.pid) ?? null;

    // autocannon stops with up to one request per connection unanswered, which the replica may
    // still have applied.
    const keys = [HOT_KEY, ...Array.from({ length: KEYS }, (_, i) => `k${i}`)];
    const check = await counterCheck(a, b, keys, acked.reduce((x, y) => x + y, 0), CONNECTIONS * acked.length);
    return { spread, hot, memory, pids: { replica: a.pid, ...peers }, check };
  });
}

async function main(): Promise<void> {
  const total = stopwatch();
  const profileDir = process.env.BENCH_PROFILE_DIR ? resolve(process.env.BENCH_PROFILE_DIR) : undefined;

  // Baseline before and after the replicas (A-B-A), so that drift shows and averages out.
  progress(`http: fastify echo baseline (${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s)`);
  const before = await baselineRun(1);
  const lattice = await latticeRuns(profileDir);
  progress("http: fastify echo baseline again");
  const after = await baselineRun(5);

  const baselinePerSec = Math.round((before.requestsPerSec + after.requestsPerSec) / 2);
  const baselineCpuUs = before.server && after.server ? (before.server.cpuUsPerRequest + after.server.cpuUsPerRequest) / 2 : null;
  const ratio = (x: HttpRun): number => round(x.requestsPerSec / baselinePerSec, 3);
  const cpuRatio = (x: HttpRun): number | null => (x.server && baselineCpuUs !== null && x.server.cpuUsPerRequest > 0 ? round(baselineCpuUs / x.server.cpuUsPerRequest, 3) : null);
  const { spread, hot } = lattice;
  const fastify = { label: "bare fastify 5 POST echo, own process, same load generator (mean of before and after)", kind: "peer" as const };
  const baselineP50 = (before.latencyMs.p50 + after.latencyMs.p50) / 2;
  const figures: Figure[] = [
    figure({ id: "spread-req-per-sec", label: `counter.increment over ${KEYS.toLocaleString("en-US")} keys, req/s`, value: spread.requestsPerSec, unit: "req/s", better: "higher", against: { ...fastify, value: baselinePerSec }, target: TARGET_RATIO, note: `autocannon, ${CONNECTIONS} connections; the replica has two peers connected and gossips every command${foreignCpuNote(spread.foreignCpuPercent)}` }),
    figure({ id: "hot-req-per-sec", label: "counter.increment on one hot key, req/s", value: hot.requestsPerSec, unit: "req/s", better: "higher", against: { ...fastify, value: baselinePerSec } }),
    figure({ id: "spread-latency-p50", label: `counter.increment over ${KEYS.toLocaleString("en-US")} keys, latency p50`, value: spread.latencyMs.p50, unit: "ms", better: "lower", against: { ...fastify, value: round(baselineP50, 3) } }),
  ];
  printJson({
    benchmark: "http",
    about: "Commands over HTTP (POST /v1/entities/…) against a real replica process with two peers, beside a bare fastify echo server driven by the same autocannon load.",
    quick: QUICK,
    environment: environment(),
    config: {
      connections: CONNECTIONS,
      warmupS: WARMUP_S,
      durationS: DURATION_S,
      keys: KEYS,
      command: "counter.increment {}",
      store: "level, fsync off",
      replicas: 3,
      loadOn: "replica 0, its two peers connected",
      runFrom: import.meta.url.endsWith(".ts") ? "source (tsx)" : "dist",
    },
    baseline: { what: "fastify 5 POST echo, own process; measured before and after the replicas", requestsPerSec: baselinePerSec, before, after },
    lattice: { spreadKeys: spread, hotKey: hot, replicaMemory: lattice.memory },
    ratio: { spreadKeys: ratio(spread), hotKey: ratio(hot), target: TARGET_RATIO, targetMet: ratio(spread) >= TARGET_RATIO },
    /** Baseline server CPU per request over the replica's: the ratio if CPU were the only limit. */
    cpuPerRequestRatio: { spreadKeys: cpuRatio(spread), hotKey: cpuRatio(hot) },
    check: lattice.check,
    figures,
    profile: profileDir ? { dir: profileDir, pids: lattice.pids, windowsUs: { spreadKeys: spread.windowUs, hotKey: hot.windowUs } } : null,
    durationMs: total(),
  });
}

runMain(main);
