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
 * Run with `node --expose-gc --import tsx bench/store.ts`.
 */
import os from "node:os";
import type { EntityRef } from "../replica/entity-ref.js";
import { Replica } from "../replica/replica.js";
import { LevelStore } from "../replica/storage/level-store.js";
import { distribution, increment, runConcurrently, seededRandom, tempDir } from "./support/stats.js";
import { environment, printJson, progress, round, settle, stopwatch } from "./harness.js";

const WRITERS = 256;
const SPREAD_KEYS = 10_000;
const WARMUP_MS = 500;
const WINDOW_MS = 3_000;
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
}

async function runCase(workload: Workload, fsync: boolean, dir: string): Promise<CaseResult> {
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
  };
  progress(
    `${workload} fsync=${fsync ? "on" : "off"}: ${result.commandsPerSec} commands/s, ${result.batchesPerSec} batches/s, ` +
      `${result.meanEntitiesPerBatch} entities/batch, p99 latency ${l.p99} ms`,
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
      try {
        results[`${workload}, fsync ${fsync ? "on" : "off"}`] = await runCase(workload, fsync, dir.path);
      } finally {
        dir.remove();
      }
    }
  }
  printJson({
    benchmark: "store",
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
    durationMs: total(),
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
