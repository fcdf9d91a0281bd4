/**
 * Replica memory (issue 3 §10.4). Prints:
 *
 * - `bounded`: a replica with cacheMaxEntries 10,000 writes 500,000 new pncounters through
 *   replica.update (WRITERS concurrent writers); heap and RSS after a full GC at 100k, 250k and
 *   500k entities on disk. A bounded cache keeps the heap flat; growth would show a leak. (Up to
 *   1M until issue 6: twice the time, and the heap was as flat at 500k as at 1M.)
 * - `perEntity`: resident bytes per cached entity, for a pncounter (one +1; the first 100,000
 *   entities of the bounded run's store) and for an orset of 10 members (50,000 written for it).
 *   The replica is reopened with a cache large enough for all of them and they are loaded
 *   (replica.read). heapUsed and RSS are taken after a full GC (--expose-gc) before and after
 *   loading; the difference divided by the count is the cost of one cached entity, shown next to
 *   the cache's own size estimate (what cacheMaxBytes is enforced against).
 *
 * - `plain` and `figures`: the ceiling of each per-entity figure, the same data in the plainest
 *   JS structure, measured the same way in the same process: a Map from the entity's key to a
 *   number (the counter's value), or to a Set of its 10 member strings.
 *
 * Run with `node --expose-gc --import tsx bench/memory.ts` (bench/run.ts passes --expose-gc).
 */
import os from "node:os";
import { join } from "node:path";
import { encodeState } from "../crdt/index.js";
import type { ReplicaOptions } from "../replica/options.js";
import type { EntityRef } from "../replica/entity-ref.js";
import type { Replica as ReplicaT } from "../replica/replica.js";
import { Replica } from "../replica/replica.js";
import { LevelStore } from "../replica/storage/level-store.js";
import type { MemorySnapshot } from "./support/stats.js";
import { addMembers, increment, memorySnapshot, runConcurrently, tempDir } from "./support/stats.js";
import type { Figure } from "./figures.js";
import { figure } from "./figures.js";
import { QUICK, environment, printJson, progress, round, runMain, sized, stopwatch } from "./harness.js";

const WRITERS = 256;
const PER_ENTITY_COUNT = sized(100_000, 10_000);
const SET_COUNT = sized(50_000, 5_000);
const SET_MEMBERS = 10;
const BOUNDED_CACHE = sized(10_000, 2_000);
const CHECKPOINTS = sized([100_000, 250_000, 500_000], [10_000, 25_000]);
const SERVICE = "bench";

const refOf = (i: number): EntityRef => ({ service: SERVICE, key: `k${i}` });

async function open(dir: string, options: Partial<ReplicaOptions>): Promise<ReplicaT> {
  return Replica.open({ store: await LevelStore.open(dir), options });
}

interface PerEntity {
  type: string;
  entities: number;
  writeMs: number | null;
  loadMs: number;
  loadedPerSec: number;
  heapBytesPerEntity: number;
  rssBytesPerEntity: number;
  /** ArrayBuffer memory outside the JS heap (Uint8Arrays such as digests). */
  externalBytesPerEntity: number;
  cacheEstimateBytesPerEntity: number;
  encodedStateBytes: number | null;
  before: MemorySnapshot;
  after: MemorySnapshot;
}

/**
 * Writes `count` entities k0.. (unless `written` says the store already holds them), reopens the
 * store with a cache for all of them, and measures loading them.
 */
async function perEntity(type: "pncounter" | "orset", dir: string, count: number, alreadyWritten = false): Promise<PerEntity> {
  let writeMs: number | null = null;
  if (!alreadyWritten) {
    progress(`${type}: writing ${count} entities`);
    const writer = await open(dir, { cacheMaxEntries: BOUNDED_CACHE });
    const produce =
      type === "pncounter"
        ? (_i: number) => increment(writer.id)
        : (i: number) => addMembers(writer.id, Array.from({ length: SET_MEMBERS }, (_, j) => `k${i}-member-${j}`));
    const written = stopwatch();
    await runConcurrently(count, WRITERS, (i) => writer.update(refOf(i), type, produce(i)));
    writeMs = written();
    await writer.close();
  }

  const reader = await open(dir, { cacheMaxEntries: count * 2, cacheMaxBytes: 4 * 2 ** 30 });
  const before = memorySnapshot();
  const loaded = stopwatch();
  await runConcurrently(count, WRITERS, async (i) => {
    const e = await reader.read(refOf(i));
    if (!e || e.type !== type) throw new Error(`entity ${i} missing or not a ${type}`);
  });
  const loadMs = loaded();
  const after = memorySnapshot();
  const cache = reader.entities.cache;
  if (cache.size !== count) throw new Error(`expected ${count} cached entities, found ${cache.size}`);
  const sample = await reader.read(refOf(0));
  const encoded = sample ? encodeState(sample.state).length : null;
  const result: PerEntity = {
    type: type === "orset" ? `orset of ${SET_MEMBERS} members` : "pncounter (one +1)",
    entities: count,
    writeMs,
    loadMs,
    loadedPerSec: Math.round((count * 1000) / loadMs),
    heapBytesPerEntity: Math.round(((after.heapUsedMiB - before.heapUsedMiB) * 2 ** 20) / count),
    rssBytesPerEntity: Math.round(((after.rssMiB - before.rssMiB) * 2 ** 20) / count),
    externalBytesPerEntity: Math.round(((after.externalMiB - before.externalMiB) * 2 ** 20) / count),
    cacheEstimateBytesPerEntity: Math.round(cache.byteSize / cache.size),
    encodedStateBytes: encoded,
    before,
    after,
  };
  progress(`${type}: ${result.heapBytesPerEntity} heap bytes and ${result.rssBytesPerEntity} RSS bytes per cached entity`);
  await reader.close();
  return result;
}

interface Checkpoint {
  entitiesOnDisk: number;
  elapsedMs: number;
  writesPerSec: number;
  cachedEntities: number;
  cacheEstimateMiB: number;
  memory: MemorySnapshot;
}

async function bounded(dir: string): Promise<{ checkpoints: Checkpoint[]; heapGrowthMiB: number; rssGrowthMiB: number }> {
  const replica = await open(dir, { cacheMaxEntries: BOUNDED_CACHE });
  const produce = increment(replica.id);
  const checkpoints: Checkpoint[] = [];
  const elapsed = stopwatch();
  let done = 0;
  for (const target of CHECKPOINTS) {
    const from = done;
    const segment = stopwatch();
    await runConcurrently(target - from, WRITERS, (i) => replica.update(refOf(from + i), "pncounter", produce));
    await replica.entities.drain();
    const segmentMs = segment();
    done = target;
    const cp: Checkpoint = {
      entitiesOnDisk: target,
      elapsedMs: elapsed(),
      writesPerSec: Math.round(((target - from) * 1000) / segmentMs),
      cachedEntities: replica.entities.cache.size,
      cacheEstimateMiB: round(replica.entities.cache.byteSize / 2 ** 20, 1),
      memory: memorySnapshot(),
    };
    checkpoints.push(cp);
    progress(`bounded: ${target} entities on disk, heap ${cp.memory.heapUsedMiB} MiB, RSS ${cp.memory.rssMiB} MiB, ${cp.writesPerSec} writes/s`);
  }
  await replica.close();
  const first = checkpoints[0] as Checkpoint;
  const last = checkpoints[checkpoints.length - 1] as Checkpoint;
  return {
    checkpoints,
    heapGrowthMiB: round(last.memory.heapUsedMiB - first.memory.heapUsedMiB, 1),
    rssGrowthMiB: round(last.memory.rssMiB - first.memory.rssMiB, 1),
  };
}

interface PlainResult {
  what: string;
  entries: number;
  heapBytesPerEntry: number;
}

/** Heap bytes per entry of `count` entries built by `build`, measured as perEntity measures the cache. */
function plain(what: string, count: number, build: (i: number) => unknown): PlainResult {
  const before = memorySnapshot();
  const map = new Map<string, unknown>();
  for (let i = 0; i < count; i++) map.set(`${SERVICE}/k${i}`, build(i));
  const after = memorySnapshot();
  if (map.size !== count) throw new Error("plain map lost entries");
  return { what, entries: count, heapBytesPerEntry: Math.round(((after.heapUsedMiB - before.heapUsedMiB) * 2 ** 20) / count) };
}

async function main(): Promise<void> {
  const total = stopwatch();
  const meta = { ...environment(), loadAverageAtStart: os.loadavg().map((x) => round(x, 2)) };
  if (!meta.gcExposed) progress("WARNING: run with --expose-gc, or heap numbers include garbage");
  const work = tempDir("memory");
  try {
    // The bounded run first, in a fresh process, so its RSS is its own; its store then serves
    // the pncounter measurement (its first 100,000 entities).
    const boundedDir = join(work.path, "bounded");
    const cap = await bounded(boundedDir);
    const counter = await perEntity("pncounter", boundedDir, PER_ENTITY_COUNT, true);
    const set = await perEntity("orset", join(work.path, "orset"), SET_COUNT);
    const plainCounter = plain("Map of key → number", PER_ENTITY_COUNT, (i) => i + 1);
    const plainSet = plain(`Map of key → Set of ${SET_MEMBERS} member strings`, SET_COUNT, (i) => new Set(Array.from({ length: SET_MEMBERS }, (_, j) => `k${i}-member-${j}`)));
    progress(`plain JS: ${plainCounter.heapBytesPerEntry} B per counter, ${plainSet.heapBytesPerEntry} B per set`);
    const first = cap.checkpoints[0] as Checkpoint;
    const last = cap.checkpoints[cap.checkpoints.length - 1] as Checkpoint;
    const k = (n: number): string => (n >= 1000 ? `${n / 1000}k` : String(n));
    const figures: Figure[] = [
      figure({
        id: "heap-per-pncounter",
        label: "heap bytes per cached pncounter",
        value: counter.heapBytesPerEntity,
        unit: "bytes",
        better: "lower",
        against: { label: "plain JS: a Map entry from the key to a number", kind: "ceiling", value: plainCounter.heapBytesPerEntry },
        note: "a cached entity also holds its causal state, version vector, digest and log position, which a plain value does not",
      }),
      figure({
        id: "heap-per-orset-10",
        label: `heap bytes per cached orset of ${SET_MEMBERS} members`,
        value: set.heapBytesPerEntity,
        unit: "bytes",
        better: "lower",
        against: { label: `plain JS: a Map entry from the key to a Set of ${SET_MEMBERS} strings`, kind: "ceiling", value: plainSet.heapBytesPerEntry },
      }),
      figure({
        id: "heap-bounded",
        label: `heap with ${k(last.entitiesOnDisk)} entities on disk (cache ${k(BOUNDED_CACHE)})`,
        value: last.memory.heapUsedMiB,
        unit: "MiB",
        better: "lower",
        against: { label: `the same replica's heap at ${k(first.entitiesOnDisk)} entities`, kind: "ceiling", value: first.memory.heapUsedMiB },
        note: "a bounded cache keeps the heap flat as the store grows: 1 means no growth at all",
      }),
    ];
    printJson({
      benchmark: "memory",
      about: `Heap per cached entity beside the same data in a plain JS Map, and the heap of a replica with a bounded cache while ${k(last.entitiesOnDisk)} entities are written.`,
      quick: QUICK,
      meta: { ...meta, loadAverageAtEnd: os.loadavg().map((x) => round(x, 2)) },
      setup: {
        store: "LevelStore in a temp dir",
        measurement: "process.memoryUsage() after global.gc(); per-entity = (after - before) / entities, with the cache holding every loaded entity",
        writers: WRITERS,
      },
      notes: {
        cacheEstimateBytesPerEntity: "EntityCache.byteSize / size: the replica's own estimate (max(512, 8 x encoded state)) used for cacheMaxBytes",
        rss: "RSS includes LevelDB's own caches and the allocator's retained pages, so it is noisier than heapUsed",
        bounded: `cacheMaxEntries ${BOUNDED_CACHE}; the heap at 1M entities on disk next to the heap at 100k`,
      },
      bounded: cap,
      perEntity: { pncounter: counter, orset: set },
      plain: { pncounter: plainCounter, orset: plainSet },
      figures,
      durationMs: total(),
    });
  } finally {
    work.remove();
  }
}

runMain(main);
