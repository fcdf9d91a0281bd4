/**
 * Convergence lag (issue 3 §10.1). Three replica processes (bench/support/replica-host.ts, each
 * running server/node.ts `startNode` on a LevelStore in its own temp dir) are meshed over
 * WebSockets on 127.0.0.1. Each issues pncounter increments on 1,000 shared keys at a steady
 * rate (together TOTAL_RATE commands/s) for LOAD_MS, after an unrecorded warm-up. Prints:
 *
 * - `lagMs[origin → receiver]`: p50/p90/p99/max of the convergence-lag observations the
 *   receiving cluster makes for every delta it receives (`observer.convergenceLag`: receive time
 *   minus the origin's commit time, both Date.now() on one machine, so clock skew is ~0);
 * - `writes`: achieved command rate and command latency (issue → locally durable) per replica;
 * - `quiesce`: time from the end of the load until all three digest-tree roots are equal, and
 *   whether every replica then holds every increment (sum of the 1,000 counters);
 * - `transportFloor`: per pair, round trips over a bare `ws` connection between the same two
 *   processes (each host's echo server, ./support/replica-host.ts), after the load, all pairs at
 *   once; half a round trip is the one-way time the lag stands beside in `figures`.
 *
 * Run with `node --import tsx bench/convergence.ts` (or through bench/run.ts).
 */
import os from "node:os";
import { waitFor } from "../e2e/support/cluster.js";
import type { Distribution } from "./support/stats.js";
import type { HostStats, HostStatus, LoadResult, RawPingResult } from "./support/host-protocol.js";
import { ReplicaProcess } from "./support/replica-process.js";
import { tempDir } from "./support/stats.js";
import type { Figure } from "./figures.js";
import { figure } from "./figures.js";
import { QUICK, environment, printJson, progress, round, runMain, sized, stopwatch } from "./harness.js";

const REGIONS = ["us-east", "eu-west", "ap-south"] as const;
const TOTAL_RATE = 500; // commands per second, over all three replicas
const KEYS = 1_000;
const WARMUP_MS = sized(2_000, 500);
const LOAD_MS = sized(10_000, 2_000);
/** Raw ws round trips per pair, one every PING_INTERVAL_MS: 2 s of pinging in a full run. */
const PINGS = sized(400, 50);
const PING_INTERVAL_MS = 5;
const SERVICE = "bench";
const SECRET = "bench-convergence-secret";
const QUIESCE_TIMEOUT_MS = 30_000;

/** Polling often enough that a time to convergence is read to about 10 ms. */
const POLL_MS = 10;

async function main(): Promise<void> {
  const total = stopwatch();
  const meta = { ...environment(), loadAverageAtStart: os.loadavg().map((x) => round(x, 2)) };
  const dirs = REGIONS.map((r) => tempDir(`convergence-${r}`));
  const nodes: ReplicaProcess[] = [];
  try {
    // Start one after another; each dials the ones before it (membership fills in the rest).
    for (const [i, region] of REGIONS.entries()) {
      const peers = nodes.map((n) => n.ready.url);
      const flags = ["--port", "0", "--host", "127.0.0.1", "--region", region, "--data-dir", (dirs[i] as { path: string }).path, "--cluster-secret", SECRET];
      if (peers.length > 0) flags.push("--peers", peers.join(","));
      const node = await ReplicaProcess.start(flags);
      nodes.push(node);
      progress(`${region}: replica ${node.ready.replicaId} at ${node.ready.url}`);
    }
    const meshMs = await waitFor(async () => (await Promise.all(nodes.map((n) => n.status()))).every((s) => s.livePeers === REGIONS.length - 1), { what: "full mesh", timeoutMs: 20_000, intervalMs: POLL_MS });
    progress(`meshed in ${meshMs} ms`);

    const perNode = TOTAL_RATE / nodes.length;
    const runLoad = (durationMs: number, seedBase: number): Promise<LoadResult[]> =>
      Promise.all(nodes.map((n, i) => n.request<LoadResult>({ op: "load", rate: perNode, durationMs, keys: KEYS, service: SERVICE, seed: seedBase + i }, durationMs + 60_000)));

    progress(`warm-up: ${TOTAL_RATE} commands/s for ${WARMUP_MS} ms`);
    const warm = await runLoad(WARMUP_MS, 100);
    await waitFor(async () => sameRoot(await Promise.all(nodes.map((n) => n.status()))), { what: "warm-up convergence", timeoutMs: QUIESCE_TIMEOUT_MS, intervalMs: POLL_MS }).catch(() =>
      progress(`WARNING: roots still differ ${QUIESCE_TIMEOUT_MS} ms after the warm-up; measuring anyway`),
    );
    await Promise.all(nodes.map((n) => n.request({ op: "resetStats" })));

    progress(`load: ${TOTAL_RATE} commands/s for ${LOAD_MS} ms on ${KEYS} keys`);
    const loads = await runLoad(LOAD_MS, 200);
    const loadEnd = stopwatch();
    // Not a throw on timeout: a cluster that does not settle is a result to report.
    let last: HostStatus[] = [];
    const quiesceMs = await waitFor(async () => sameRoot((last = await Promise.all(nodes.map((n) => n.status())))), { what: "convergence after the load", timeoutMs: QUIESCE_TIMEOUT_MS, intervalMs: POLL_MS }).catch(() => null);
    const afterLoadMs = loadEnd();
    progress(quiesceMs === null ? `roots still differ ${afterLoadMs} ms after the load ended` : `roots equal ${round(quiesceMs, 0)} ms after the load ended`);

    const stats = await Promise.all(nodes.map((n) => n.request<HostStats>({ op: "stats" })));

    progress(`transport floor: ${PINGS} bare ws round trips per pair, all pairs at once`);
    const pingPairs = REGIONS.flatMap((from, i) => REGIONS.flatMap((to, j) => (i === j ? [] : [{ from, to, i, j }])));
    const pings = await Promise.all(
      pingPairs.map(({ i, j }) => (nodes[i] as ReplicaProcess).request<RawPingResult>({ op: "rawPing", url: (nodes[j] as ReplicaProcess).ready.echoUrl, count: PINGS, intervalMs: PING_INTERVAL_MS })),
    );
    const floorPairs: Record<string, { rttMs: Distribution; oneWayMs: { p50: number; p99: number } }> = {};
    pingPairs.forEach(({ from, to }, k) => {
      const rtt = (pings[k] as RawPingResult).rttMs;
      floorPairs[`${from} -> ${to}`] = { rttMs: rtt, oneWayMs: { p50: round(rtt.p50 / 2, 3), p99: round(rtt.p99 / 2, 3) } };
    });
    const expected = [...warm, ...loads].reduce((n, l) => n + l.completed, 0);
    const sums = await Promise.all(nodes.map((n) => n.request<number>({ op: "sum", keys: KEYS, service: SERVICE })));

    const lagMs: Record<string, Distribution> = {};
    for (const [i, receiver] of REGIONS.entries()) {
      for (const [origin, d] of Object.entries((stats[i] as HostStats).lagMs)) lagMs[`${origin} -> ${receiver}`] = d;
    }
    const completed = loads.reduce((n, l) => n + l.completed, 0);
    const elapsed = Math.max(...loads.map((l) => l.elapsedMs));
    const worst = worstPair(Object.values(lagMs));
    const floorValues = Object.values(floorPairs);
    const floorP50 = Math.max(0, ...floorValues.map((f) => f.oneWayMs.p50));
    const floorP99 = Math.max(0, ...floorValues.map((f) => f.oneWayMs.p99));
    const against = (q: string, v: number): Figure["against"] => ({ label: `bare ws one-way time between the same processes, ${q} of the slowest pair (half a round trip)`, kind: "ceiling", value: v });
    const figures: Figure[] = [
      figure({ id: "lag-p50", label: "replication lag p50, worst region pair", value: worst.p50, unit: "ms", better: "lower", against: against("p50", floorP50), note: "lag is whole milliseconds (Date.now() at both ends); the raw ws time is measured with performance.now()" }),
      figure({ id: "lag-p99", label: "replication lag p99, worst region pair", value: worst.p99, unit: "ms", better: "lower", against: against("p99", floorP99) }),
    ];
    const result = {
      benchmark: "convergence",
      about: `Three replica processes on one machine, meshed over WebSockets, ${TOTAL_RATE} increments/s in all for ${LOAD_MS / 1000} s: how long a write takes to reach each other region, beside a bare WebSocket between the same processes.`,
      quick: QUICK,
      meta: { ...meta, loadAverageAtEnd: os.loadavg().map((x) => round(x, 2)) },
      setup: {
        processes: `${REGIONS.length} replica processes (child_process.fork of bench/support/replica-host, server/node.ts startNode), LevelStore each in a temp dir, fsync off`,
        transport: "WebSocket gossip on 127.0.0.1 (full mesh)",
        load: `${TOTAL_RATE} commands/s in total (${round(perNode, 1)}/s per replica), each a pncounter +1 on one of ${KEYS} keys chosen at random, issued in-process through replica.update (consistency local)`,
        warmupMs: WARMUP_MS,
        loadMs: LOAD_MS,
        replicaOptions: "defaults (anti-entropy every ~5 s, heartbeat 1 s)",
      },
      notes: {
        lag: "per delta received: the receiver's Date.now() when the delta batch arrives minus the origin's Date.now() when the command became durable there (Delta.originTimeMs); one machine, so no clock skew. A delta coalesced from several commands carries the oldest command's time. It does not include the receiver's own durable apply.",
        pairs: "key 'A -> B': deltas that originated at A, observed at B (full mesh, no relaying, so the sending peer is the origin)",
        quiesce: "from the end of the load until the three digest-tree roots are equal (status polled every 10 ms over IPC)",
      },
      lagMs,
      lagWorstPairMs: worst,
      transportFloor: {
        what: `${PINGS} sequential round trips per pair (one every ${PING_INTERVAL_MS} ms after ${20} unrecorded) over a bare ws connection from the origin's process to the receiver's echo server, all six pairs at once, after the load`,
        pairs: floorPairs,
      },
      figures,
      writes: {
        targetPerSec: TOTAL_RATE,
        achievedPerSec: round((completed * 1000) / elapsed, 1),
        completed,
        failed: loads.reduce((n, l) => n + l.failed, 0),
        perReplica: Object.fromEntries(
          REGIONS.map((r, i) => {
            const l = loads[i] as LoadResult;
            return [r, { completed: l.completed, elapsedMs: l.elapsedMs, perSec: round((l.completed * 1000) / l.elapsedMs, 1), latencyMs: l.latencyMs }];
          }),
        ),
      },
      gossip: Object.fromEntries(
        REGIONS.map((r, i) => {
          const s = stats[i] as HostStats;
          return [r, { deltasReceived: s.deltasReceived, deltasSent: s.deltasSent, antiEntropyRounds: s.antiEntropyRounds, entitiesRepairedByAntiEntropy: s.entitiesRepaired, rssMiB: s.rssMiB, heapUsedMiB: s.heapUsedMiB }];
        }),
      ),
      quiesce: {
        converged: quiesceMs !== null,
        rootsEqualAfterLoadMs: quiesceMs === null ? null : round(quiesceMs, 1),
        measuredAfterLoadMs: afterLoadMs,
        ...(quiesceMs === null ? { lastStatus: last } : {}),
        expectedSum: expected,
        sums: Object.fromEntries(REGIONS.map((r, i) => [r, sums[i]])),
        allHoldEveryIncrement: sums.every((s) => s === expected),
      },
      meshMs,
      durationMs: 0,
    };
    if (!result.quiesce.allHoldEveryIncrement) progress(`WARNING: counter sums ${sums.join(", ")} differ from ${expected}`);
    for (const [pair, d] of Object.entries(lagMs)) progress(`${pair}: p50 ${d.p50} ms, p99 ${d.p99} ms, max ${d.max} ms (${d.count} deltas)`);
    await Promise.all(nodes.map((n) => n.stop()));
    result.durationMs = total();
    printJson(result);
  } finally {
    await Promise.all(nodes.map((n) => n.stop().catch(() => undefined)));
    for (const d of dirs) d.remove();
  }
}

function sameRoot(statuses: HostStatus[]): boolean {
  return statuses.every((s) => s.root === statuses[0]?.root && s.queuedDeltas === 0);
}

/** The worst of the per-pair percentiles, and the number of lag observations over all pairs. */
function worstPair(ds: Distribution[]): { p50: number; p99: number; max: number; observations: number } {
  return {
    p50: Math.max(0, ...ds.map((d) => d.p50)),
    p99: Math.max(0, ...ds.map((d) => d.p99)),
    max: Math.max(0, ...ds.map((d) => d.max)),
    observations: ds.reduce((n, d) => n + d.count, 0),
  };
}

runMain(main);
