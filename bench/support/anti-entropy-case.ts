/**
 * One case of bench/anti-entropy.ts, in its own process (forked through ./child.ts) so that a
 * case that exhausts memory or crashes V8 is reported by the parent instead of ending the
 * benchmark. argv[2] is a JSON {@link CaseSpec}; the result goes back over IPC as a
 * {@link CaseResult}.
 *
 * The case: copy the base store twice (A keeps the base's replica id, B's identity row is
 * removed so it opens as a new incarnation holding the same entities), open both, increment D
 * entities on B while it is alone, then start a Cluster on each over the in-memory network and
 * poll until the digest-tree roots are equal, the time limit passes or RSS passes the limit.
 */
import { cpSync } from "node:fs";
import { join } from "node:path";
import { encodeState } from "../../crdt/index.js";
import type { ClusterObserver } from "../../replica/cluster-observer.js";
import { Cluster } from "../../replica/cluster.js";
import type { EntityRef } from "../../replica/entity-ref.js";
import { realEnv } from "../../replica/env.js";
import { KEYS } from "../../replica/records.js";
import { Replica } from "../../replica/replica.js";
import { LevelStore } from "../../replica/storage/level-store.js";
import { createMemoryNetwork } from "../../replica/transport/memory-transport.js";
import { progress, round, stopwatch } from "../harness.js";
import type { MemorySnapshot } from "./stats.js";
import { counterOf, increment, memorySnapshot, rssPeak, runConcurrently, sampleDistinct, seededRandom } from "./stats.js";
import type { WireCounts } from "./wire.js";
import { countingTransport, emptyCounts } from "./wire.js";

export interface CaseSpec {
  readonly baseDir: string;
  readonly workDir: string;
  readonly n: number;
  readonly d: number;
  readonly service: string;
  readonly cacheMaxEntries: number;
  readonly writers: number;
  readonly timeoutMs: number;
  readonly rssLimitMiB: number;
  readonly quietMs: number;
}

export interface WireSummary {
  frames: number;
  bytes: number;
  byBody: WireCounts["byBody"];
  sessionsStarted: number;
  closes: Record<string, number>;
}

export interface CaseResult {
  n: number;
  d: number;
  entitiesEachSide: number;
  outcome: "converged" | "timeout" | "rss limit";
  convergeMs: number | null;
  bytesAtConvergence: number | null;
  bytesTotal: number;
  bytesPerDivergentEntity: number | null;
  /**
   * The encoded states of the D diverged entities on B, summed: what one side would have to
   * send if it knew, for free, which entities differ (the ceiling of anti-entropy's bytes).
   */
  divergedStateBytes: number;
  framesTotal: number;
  memoryNetwork: { framesDelivered: number; bytesDelivered: number; framesDropped: number };
  antiEntropyRounds: { a: number; b: number };
  entityStatesApplied: { a: number; b: number };
  valuesChecked: number;
  valuesMatch: boolean | null;
  sentByA: WireSummary;
  sentByB: WireSummary;
  timingsMs: { copyStores: number; openBoth: number; divergeOnB: number; close: number };
  memory: { beforeConnect: MemorySnapshot; rssPeakMiB: number; afterClose: MemorySnapshot };
}

const SECRET = "bench-anti-entropy-secret";
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function sameRoot(a: Replica, b: Replica): boolean {
  return Buffer.compare(Buffer.from(a.tree.root), Buffer.from(b.tree.root)) === 0;
}

interface ObserverCounts {
  rounds: number;
  repaired: number;
}

function countingObserver(c: ObserverCounts): ClusterObserver {
  return {
    deltasSent() {},
    deltasReceived() {},
    convergenceLag() {},
    antiEntropyRound: () => void c.rounds++,
    entitiesRepaired: (_region, n) => void (c.repaired += n),
    peerRefused() {},
  };
}

function wireSummary(c: WireCounts): WireSummary {
  return {
    frames: c.frames,
    bytes: c.bytes,
    byBody: Object.fromEntries(Object.entries(c.byBody).sort(([, x], [, y]) => y.bytes - x.bytes)),
    sessionsStarted: c.connections,
    closes: c.closes,
  };
}

/** Copies the base; `newIdentity` removes the replica id so the copy opens as a new incarnation. */
async function copyBase(from: string, to: string, newIdentity: boolean): Promise<void> {
  cpSync(from, to, { recursive: true });
  if (newIdentity) {
    const store = await LevelStore.open(to);
    await store.batch([{ type: "del", key: KEYS.replica }]);
    await store.close();
  }
}

export async function runCase(spec: CaseSpec): Promise<CaseResult> {
  const { n, d } = spec;
  const refOf = (i: number): EntityRef => ({ service: spec.service, key: `k${i}` });
  const options = { cacheMaxEntries: spec.cacheMaxEntries };
  const dirA = join(spec.workDir, "a");
  const dirB = join(spec.workDir, "b");
  const copied = stopwatch();
  await copyBase(spec.baseDir, dirA, false);
  await copyBase(spec.baseDir, dirB, true);
  const copyMs = copied();

  const opened = stopwatch();
  const a = await Replica.open({ store: await LevelStore.open(dirA), options: { ...options, region: "a" } });
  const b = await Replica.open({ store: await LevelStore.open(dirB), options: { ...options, region: "b" } });
  const openMs = opened();
  if (a.id === b.id) throw new Error("B did not open as a new incarnation");
  if (!sameRoot(a, b)) throw new Error("the two copies do not start equal");
  const entities = a.tree.entityCount();

  // Diverge D entities on B while it is alone.
  const keys = sampleDistinct(n, d, seededRandom(n + d));
  const produce = increment(b.id);
  const diverged = stopwatch();
  await runConcurrently(d, spec.writers, (i) => b.update(refOf(keys[i] as number), "pncounter", produce));
  await b.entities.drain();
  const divergeMs = diverged();
  if (sameRoot(a, b)) throw new Error("diverging changed nothing");
  let divergedStateBytes = 0;
  for (const k of keys) {
    const e = await b.read(refOf(k));
    if (!e) throw new Error(`diverged entity k${k} is missing on B`);
    divergedStateBytes += encodeState(e.state).length;
  }
  const before = memorySnapshot();
  progress(`  ${entities} entities each side, ${d} diverged on B (${divergeMs} ms); connecting`);

  // Connect them.
  const net = createMemoryNetwork(realEnv());
  const wireA = emptyCounts();
  const wireB = emptyCounts();
  const obsA: ObserverCounts = { rounds: 0, repaired: 0 };
  const obsB: ObserverCounts = { rounds: 0, repaired: 0 };
  const clusterA = new Cluster({ replica: a, transport: countingTransport(net.transport("mem://a"), wireA), secret: SECRET, advertiseUrl: "mem://a", seeds: [], observer: countingObserver(obsA) });
  const clusterB = new Cluster({ replica: b, transport: countingTransport(net.transport("mem://b"), wireB), secret: SECRET, advertiseUrl: "mem://b", seeds: ["mem://a"], observer: countingObserver(obsB) });
  a.cluster = clusterA;
  b.cluster = clusterB;
  const peak = rssPeak(20);
  const elapsed = stopwatch();
  clusterA.start();
  clusterB.start();
  let outcome: CaseResult["outcome"] = "timeout";
  let convergeMs: number | null = null;
  let bytesAtConvergence: number | null = null;
  while (elapsed() < spec.timeoutMs) {
    if (sameRoot(a, b)) {
      outcome = "converged";
      convergeMs = elapsed();
      bytesAtConvergence = wireA.bytes + wireB.bytes;
      break;
    }
    if (process.memoryUsage().rss / 2 ** 20 > spec.rssLimitMiB) {
      outcome = "rss limit";
      break;
    }
    await sleep(2);
  }
  // Let the frames still in flight land (they count in bytesTotal), then check values.
  await sleep(spec.quietMs);
  const rssPeakMiB = peak.stop();
  const stats = net.stats();
  let valuesMatch: boolean | null = null;
  const checked = keys.slice(0, 100);
  if (outcome === "converged") {
    valuesMatch = true;
    for (const k of checked) {
      if (counterOf((await a.read(refOf(k)))?.state) !== 2 || counterOf((await b.read(refOf(k)))?.state) !== 2) valuesMatch = false;
    }
  }
  const closing = stopwatch();
  await clusterA.close();
  await clusterB.close();
  await a.close();
  await b.close();
  const closeMs = closing();
  const bytesTotal = wireA.bytes + wireB.bytes;
  progress(
    `  ${outcome}${convergeMs === null ? "" : ` in ${convergeMs} ms`}: ${(bytesTotal / 1024).toFixed(0)} KiB sent, ` +
      `${obsA.repaired + obsB.repaired} entity states applied, peak RSS ${rssPeakMiB} MiB`,
  );
  return {
    n,
    d,
    entitiesEachSide: entities,
    outcome,
    convergeMs,
    bytesAtConvergence,
    bytesTotal,
    bytesPerDivergentEntity: bytesAtConvergence === null ? null : round(bytesAtConvergence / d, 1),
    divergedStateBytes,
    framesTotal: wireA.frames + wireB.frames,
    memoryNetwork: { framesDelivered: stats.framesDelivered, bytesDelivered: stats.bytesDelivered, framesDropped: stats.framesDropped },
    antiEntropyRounds: { a: obsA.rounds, b: obsB.rounds },
    entityStatesApplied: { a: obsA.repaired, b: obsB.repaired },
    valuesChecked: checked.length,
    valuesMatch,
    sentByA: wireSummary(wireA),
    sentByB: wireSummary(wireB),
    timingsMs: { copyStores: copyMs, openBoth: openMs, divergeOnB: divergeMs, close: closeMs },
    memory: { beforeConnect: before, rssPeakMiB, afterClose: memorySnapshot() },
  };
}

// Run as a child of bench/anti-entropy.ts.
if (process.send && process.argv[2]) {
  const spec = JSON.parse(process.argv[2]) as CaseSpec;
  runCase(spec).then(
    (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
    (err: unknown) => process.send?.({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }, () => process.exit(1)),
  );
}
