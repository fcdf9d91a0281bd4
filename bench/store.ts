/**
 * Group-commit throughput (issue 3 §10.3): committed commands per second through
 * replica.update on a LevelStore (temp dir), with WRITERS concurrent writers, each awaiting its
 * command before issuing the next. Every command is a pncounter +1 (consistency local: resolved
 * once durable in the local store). Cases, each with fsync off and on (ReplicaOptions.fsync):
 *
 * - `hot`: every writer on one entity (commands queue on the entity's mutex; one entity per batch);
 * - `spread`: writers pick one of 10,000 existing, cached entities at random;
 * - `new`: every command creates a new entity (a store read that misses, then an insert), with
 *   cacheMaxEntries 10,000 so the cache evicts as it goes: the path of a bulk import.
 *
 * For each: commands/s, batches/s (replica.entities.onFlush calls), mean entities and commands
 * per batch, batch write time and command latency. Fixed-duration windows after a warm-up.
 *
 * The ceiling of each case (`rawLevel`, and its `figures`): the same batches written by bare
 * `level` (classic-level, same encodings and sync option) back to back, one in flight, as group
 * commit writes them: as many rows per batch as the case's mean batch had (an entity row and a
 * digest row per entity, plus the sequence row), of the sizes read back from the case's store.
 * Its batches/s times the case's commands per batch is what the case would reach if writing its
 * batches were the only cost; the ratio is the share of that Lattice reaches.
 * Run with `node --expose-gc --import tsx bench/store.ts`.
 */
import { Level } from "level";
import os from "node:os";
import type { EntityRef } from "../replica/entity-ref.js";
import { KEYS } from "../replica/records.js";
import { Replica } from "../replica/replica.js";
import { LevelStore } from "../replica/storage/level-store.js";
import { distribution, increment, runConcurrently, seededRandom, tempDir } from "./support/stats.js";
import type { Figure } from "./figures.js";
import { figure } from "./figures.js";
import { QUICK, environment, printJson, progress, round, runMain, settle, sized, stopwatch } from "./harness.js";

const WRITERS = 256;
const SPREAD_KEYS = sized(10_000, 2_000);
const WARMUP_MS = sized(500, 200);
const WINDOW_MS = sized(3_000, 500);
/** Raw level batches settle within milliseconds: a short window is enough. */
const RAW_WARMUP_MS = sized(200, 50);
const RAW_WINDOW_MS = sized(1_000, 200);
const SERVICE = "bench";

type Workload = "hot" | "spread" | "new";

interface CaseResult {
  workload: Workload;
  fsync: boolean;
  commandsPerSec: number;
  batchesPerSec: number;
  meanEntitiesPerBatch: number;
  meanCommandsPerBatch: number;
  batchWriteMs: { mean: number; p50: number; p99: number; max: number };
  commandLatencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  commands: number;
  batches: number;
  windowMs: number;
  /** The ceiling: the same batches through bare level. */
  rawLevel: RawLevelResult;
}

interface RowSizes {
  entityKeyBytes: number;
  entityValueBytes: number;
  digestKeyBytes: number;
  digestValueBytes: number;
}

interface RawLevelResult {
  rowsPerBatch: number;
  bytesPerBatch: number;
  batchesPerSec: number;
  /** batchesPerSec × the case's commands per batch. */
  commandsPerSecCeiling: number;
  rows: RowSizes;
}

const mean = (xs: number[]): number => (xs.length === 0 ? 0 : Math.round(xs.reduce((a, b) => a + b, 0) / xs.length));

/** Mean key and value sizes of the entity and digest rows a case left in its store. */
async function rowSizes(dir: string): Promise<RowSizes> {
  const store = await LevelStore.open(dir);
  try {
    const sizes = async (prefix: string): Promise<[number, number]> => {
      const k: number[] = [];
      const v: number[] = [];
      for await (const [key, value] of store.scan(prefix, { limit: 2_000 })) {
        k.push(Buffer.byteLength(key));
        v.push(value.length);
      }
      return [mean(k), mean(v)];
    };
    const [entityKeyBytes, entityValueBytes] = await sizes(KEYS.entityPrefix);
    const [digestKeyBytes, digestValueBytes] = await sizes(KEYS.digestPrefix);
    return { entityKeyBytes, entityValueBytes, digestKeyBytes, digestValueBytes };
  } finally {
    await store.close();
  }
}

/** Batches of `entities` entity rows, as many digest rows and one sequence row, written back to back by bare level. */
async function rawLevel(dir: string, entities: number, commandsPerBatch: number, rows: RowSizes, sync: boolean): Promise<RawLevelResult> {
  const db = new Level<string, Uint8Array>(dir, { keyEncoding: "utf8", valueEncoding: "view" });
  await db.open();
  const random = seededRandom(7);
  // Random bytes: LevelDB compresses blocks, and records are not all zeros.
  const bytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
  const entityValue = bytes(rows.entityValueBytes);
  const digestValue = bytes(rows.digestValueBytes);
  const seqValue = bytes(8);
  const pad = (prefix: string, i: number, len: number): string => `${prefix}${String(i).padStart(Math.max(1, len - prefix.length), "0")}`;
  let next = 0;
  const batch = (): { type: "put"; key: string; value: Uint8Array }[] => {
    const ops: { type: "put"; key: string; value: Uint8Array }[] = [];
    for (let e = 0; e < entities; e++) {
      const i = next++;
      ops.push({ type: "put", key: pad("e/", i, rows.entityKeyBytes), value: entityValue });
      ops.push({ type: "put", key: pad("d/", i, rows.digestKeyBytes), value: digestValue });
    }
    ops.push({ type: "put", key: "m/seq", value: seqValue });
    return ops;
  };
  try {
    const run = async (ms: number): Promise<number> => {
      const t0 = performance.now();
      let n = 0;
      while (performance.now() - t0 < ms) {
        await db.batch(batch(), { sync });
        n++;
      }
      return (n * 1000) / (performance.now() - t0);
    };
    await run(RAW_WARMUP_MS);
    const batchesPerSec = await run(RAW_WINDOW_MS);
    return {
      rowsPerBatch: 2 * entities + 1,
      bytesPerBatch: entities * (rows.entityKeyBytes + rows.entityValueBytes + rows.digestKeyBytes + rows.digestValueBytes) + 13,
      batchesPerSec: round(batchesPerSec, 1),
      commandsPerSecCeiling: Math.round(batchesPerSec * commandsPerBatch),
      rows,
    };
  } finally {
    await db.close();
  }
}

async function runCase(workload: Workload, fsync: boolean, dir: string, rawDir: string): Promise<CaseResult> {
  const replica = await Replica.open({
    store: await LevelStore.open(dir),
    options: { fsync, ...(workload === "new" ? { cacheMaxEntries: 10_000 } : {}) },
  });
  const produce = increment(replica.id);
  const random = seededRandom(workload === "hot" ? 1 : 2);
  if (workload === "spread") {
    // Create the entities first: the window measures updates of existing, cached entities.
    await runConcurrently(SPREAD_KEYS, WRITERS, (i) => replica.update({ service: SERVICE, key: `k${i}` }, "pncounter", produce));
  }
  let nextNew = 0;
  const refFor = (): EntityRef => {
    switch (workload) {
      case "hot":
        return { service: SERVICE, key: "hot" };
      case "spread":
        return { service: SERVICE, key: `k${Math.floor(random() * SPREAD_KEYS)}` };
      case "new":
        return { service: SERVICE, key: `n${nextNew++}` };
    }
  };

  let recording = false;
  let stopped = false;
  let commands = 0;
  let batches = 0;
  let batchEntities = 0;
  const batchMs: number[] = [];
  const latencies: number[] = [];
  replica.entities.onFlush = (s) => {
    if (!recording) return;
    batches++;
    batchEntities += s.entities;
    batchMs.push(s.ms);
  };
  const writer = async (): Promise<void> => {
    while (!stopped) {
      const t0 = performance.now();
      await replica.update(refFor(), "pncounter", produce);
      if (recording) {
        commands++;
        latencies.push(performance.now() - t0);
      }
    }
  };
  settle();
  const writers = Array.from({ length: WRITERS }, writer);
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  recording = true;
  const window = stopwatch();
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  recording = false;
  const windowMs = window();
  stopped = true;
  await Promise.all(writers);
  await replica.close();

  const b = distribution(batchMs, 3);
  const l = distribution(latencies, 3);
  const entitiesPerBatch = Math.max(1, Math.round(batchEntities / Math.max(1, batches)));
  const raw = await rawLevel(rawDir, entitiesPerBatch, commands / Math.max(1, batches), await rowSizes(dir), fsync);
  const result: CaseResult = {
    workload,
    fsync,
    commandsPerSec: Math.round((commands * 1000) / windowMs),
    batchesPerSec: round((batches * 1000) / windowMs, 1),
    meanEntitiesPerBatch: round(batchEntities / Math.max(1, batches), 1),
    meanCommandsPerBatch: round(commands / Math.max(1, batches), 1),
    batchWriteMs: { mean: b.mean, p50: b.p50, p99: b.p99, max: b.max },
    commandLatencyMs: { p50: l.p50, p90: l.p90, p99: l.p99, max: l.max, mean: l.mean },
    commands,
    batches,
    windowMs,
    rawLevel: raw,
  };
  progress(
    `${workload} fsync=${fsync ? "on" : "off"}: ${result.commandsPerSec} commands/s, ${result.batchesPerSec} batches/s, ` +
      `${result.meanEntitiesPerBatch} entities/batch, p99 latency ${l.p99} ms; raw level ${raw.batchesPerSec} batches/s`,
  );
  return result;
}

async function main(): Promise<void> {
  const total = stopwatch();
  const meta = { ...environment(), loadAverageAtStart: os.loadavg().map((x) => round(x, 2)) };
  const results: Record<string, CaseResult> = {};
  for (const workload of ["hot", "spread", "new"] as const) {
    for (const fsync of [false, true]) {
      const dir = tempDir(`store-${workload}`);
      const rawDir = tempDir(`store-raw-${workload}`);
      try {
        results[`${workload}, fsync ${fsync ? "on" : "off"}`] = await runCase(workload, fsync, dir.path, rawDir.path);
      } finally {
        dir.remove();
        rawDir.remove();
      }
    }
  }
  const words: Record<Workload, string> = { hot: "one hot entity", spread: `${SPREAD_KEYS.toLocaleString("en-US")} entities`, new: "a new entity each" };
  const figures: Figure[] = Object.values(results).map((r) =>
    figure({
      id: `commands-${r.workload}-fsync-${r.fsync ? "on" : "off"}`,
      label: `commands/s, ${words[r.workload]}, fsync ${r.fsync ? "on" : "off"}`,
      value: r.commandsPerSec,
      unit: "commands/s",
      better: "higher",
      against: {
        label: `bare level writing the same batches (${r.rawLevel.rowsPerBatch} rows) back to back × ${r.meanCommandsPerBatch} commands per batch`,
        kind: "ceiling",
        value: r.rawLevel.commandsPerSecCeiling,
      },
    }),
  );
  printJson({
    benchmark: "store",
    about: `Group commit: ${WRITERS} concurrent writers through replica.update on a LevelStore, beside bare level writing batches of the same rows and sizes back to back.`,
    quick: QUICK,
    meta: { ...meta, loadAverageAtEnd: os.loadavg().map((x) => round(x, 2)) },
    setup: {
      store: "LevelStore in a temp dir (OS temp directory's file system)",
      writers: `${WRITERS} concurrent writers, each awaiting its command (replica.update, pncounter +1, consistency local) before the next`,
      window: `${WINDOW_MS} ms measured after ${WARMUP_MS} ms of warm-up, per case`,
      workloads: {
        hot: "every command on the same entity",
        spread: `a random one of ${SPREAD_KEYS} entities, all created and cached before the window`,
        new: "every command creates a new entity (cacheMaxEntries 10,000)",
      },
      replicaOptions: "defaults except fsync (and cacheMaxEntries for `new`)",
    },
    notes: {
      batches: "group-commit batches written during the window (replica.entities.onFlush): one LevelDB batch each, fsynced when fsync is on",
      meanEntitiesPerBatch: "distinct entities per batch; meanCommandsPerBatch is commands / batches (a hot entity folds many commands into one row)",
    },
    results,
    figures,
    durationMs: total(),
  });
}

runMain(main);
