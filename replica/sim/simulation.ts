/**
 * Deterministic simulation of a Lattice cluster (research/crdt-reliability.md §4.3): 3–5 real
 * {@link Replica} + {@link Cluster} pairs in one process, on a {@link VirtualEnv}, an in-memory
 * network with seeded loss, duplication, delays (hence reordering) and partitions, and
 * {@link MemoryDisk}s that survive a process kill (or not, when a replica loses its data
 * directory). A random schedule of commands on every state model and of faults runs; then every
 * fault is healed, the cluster runs until quiescent, and the invariants are checked:
 *
 * 1. convergence: equal digest-tree roots, and for every entity equal digests and equal views;
 * 2. no acknowledged write lost (see {@link isProtected} for which writes that covers);
 * 3. bounded metadata: no dot-cloud entries of live replicas, empty gossip queues.
 *
 * Everything derives from the seed, so a failure replays exactly with
 * `LATTICE_SIM_SEED=<seed> node --import tsx --test replica/sim/simulation.test.ts`.
 *
 * @module
 */
import type { CausalState, CrdtState, Json, ReplicaId, ViewEnv } from "../../crdt/index.js";
import { asReplicaId, digest, view, yView } from "../../crdt/index.js";
import { Cluster } from "../cluster.js";
import type { ClusterObserver } from "../cluster-observer.js";
import type { EntityId, EntityRef } from "../entity-ref.js";
import { refOf } from "../entity-ref.js";
import { ReplicaError } from "../errors.js";
import { versionToJson } from "../version.js";
import type { ReplicaOptions } from "../options.js";
import { KEYS } from "../records.js";
import type { Consistency } from "../replica.js";
import { Replica } from "../replica.js";
import { MemoryDisk } from "../storage/memory-disk.js";
import { MemoryStore } from "../storage/memory-store.js";
import type { MemoryNetwork, MemoryNetworkStats } from "../transport/memory-transport.js";
import { createMemoryNetwork } from "../transport/memory-transport.js";
import type { Transport } from "../transport/transport.js";
import type { Prng } from "./virtual-env.js";
import { SlowStore } from "./slow-store.js";
import { VirtualEnv } from "./virtual-env.js";
import type { Effect, ServiceName, WriteRecord } from "./workload.js";
import { DOC_SHAPE, SERVICES, SERVICE_NAMES, peersNeeded, produceFor } from "./workload.js";

// -------------------------------------------------------------------------------------------
// Options and results

/** Faults the schedule may inject. */
export interface SimFaults {
  /** Upper bound of the per-frame drop probability the schedule draws (0: none). */
  readonly dropRate: number;
  /** Upper bound of the per-frame duplication probability. */
  readonly duplicateRate: number;
  /** Upper bound of a frame's random delay, in virtual ms (frames reorder when it is > 0). */
  readonly maxDelayMs: number;
  readonly partitions: boolean;
  /** SIGKILL-like kills and graceful restarts, keeping the store. */
  readonly restarts: boolean;
  /** Restarts on a new empty disk: a new incarnation with a new replica id. */
  readonly wipes: boolean;
  /** Power loss (unsynced batches rolled back); only used when fsync is on. */
  readonly powerLoss: boolean;
  /**
   * Power loss with fsync off too, which loses acknowledged writes by design (SPEC §6: without
   * LATTICE_FSYNC a write survives a process kill, not a power loss). Only for testing that the
   * checkers notice lost writes; never on in a normal run.
   */
  readonly unsafePowerLoss: boolean;
  /** Wall clocks of the replicas differ by up to this much, and are stepped by up to this much. */
  readonly clockSkewMs: number;
  /** "Buggify": small caches, queues, batches and Yjs compaction thresholds, drawn per seed. */
  readonly tightLimits: boolean;
  /** Store operations take random virtual time, as on a disk: reads up to 1 ms, batches 2 ms, fsynced ones 8 ms. */
  readonly diskLatency: boolean;
  /** A third of restarted replicas come back cut off from the others for 0.2–3 s. */
  readonly isolatedRestarts: boolean;
}

export const NO_FAULTS: SimFaults = Object.freeze({
  dropRate: 0,
  duplicateRate: 0,
  maxDelayMs: 0,
  partitions: false,
  restarts: false,
  wipes: false,
  powerLoss: false,
  unsafePowerLoss: false,
  clockSkewMs: 0,
  tightLimits: false,
  diskLatency: false,
  isolatedRestarts: false,
});

export const ALL_FAULTS: SimFaults = Object.freeze({
  dropRate: 0.2,
  duplicateRate: 0.1,
  maxDelayMs: 60,
  partitions: true,
  restarts: true,
  wipes: true,
  powerLoss: true,
  unsafePowerLoss: false,
  clockSkewMs: 2000,
  tightLimits: true,
  diskLatency: true,
  isolatedRestarts: true,
});

export interface SimulationOptions {
  readonly seed: number;
  /** 3–5; drawn from the seed by default. */
  readonly replicas?: number;
  /** Schedule steps (commands and faults); default {@link DEFAULT_STEPS}. */
  readonly steps?: number;
  /** Default {@link ALL_FAULTS}. */
  readonly faults?: Partial<SimFaults>;
  /** LATTICE_FSYNC for every replica; drawn from the seed (1 in 4) by default. */
  readonly fsync?: boolean;
  /** Virtual ms the healed cluster runs before the checks; default 30 000. */
  readonly quiesceMs?: number;
  /** Receives every trace line as it happens (LATTICE_SIM_TRACE=1). */
  readonly onTrace?: (line: string) => void;
}

export const DEFAULT_STEPS = 300;
const TRACE_KEEP = 400;

export interface WriteCounts {
  readonly issued: number;
  readonly ok: number;
  readonly noop: number;
  readonly failed: number;
  /** Never resolved: their process was killed or stopped first (indeterminate, as Jepsen's info). */
  readonly pending: number;
  /** Acknowledged writes the no-loss invariant covers. */
  readonly protected: number;
  /** Failed writes by error code. */
  readonly errors: Readonly<Record<string, number>>;
}

export interface SimulationResult {
  readonly seed: number;
  readonly replicas: number;
  readonly steps: number;
  readonly fsync: boolean;
  readonly faults: SimFaults;
  /** Virtual ms simulated, and timer callbacks run. */
  readonly virtualMs: number;
  readonly events: number;
  readonly writes: WriteCounts;
  readonly kills: number;
  readonly gracefulRestarts: number;
  readonly wipes: number;
  readonly powerLosses: number;
  readonly partitions: number;
  /**
   * Virtual ms from the moment every replica was up again after the heal until the replicas last
   * became (and stayed) converged, sampled every 250 ms; undefined if they never did.
   */
  readonly convergedAfterMs: number | undefined;
  /** Hex digest-tree root of every replica. */
  readonly roots: readonly string[];
  /** Entity id → hex digest (or "deleted"), from the first replica. */
  readonly digests: Readonly<Record<string, string>>;
  readonly network: MemoryNetworkStats;
  /** Deltas pushed and received, anti-entropy rounds started, entities repaired by anti-entropy. */
  readonly gossip: { readonly deltasSent: number; readonly deltasReceived: number; readonly antiEntropyRounds: number; readonly entitiesRepaired: number };
  /** Broken invariants; empty when the run passed. */
  readonly violations: readonly string[];
  /** Things worth knowing that are not failures (known limitations, statistics). */
  readonly notes: readonly string[];
  /** The last trace lines, for failure reports. */
  readonly trace: readonly string[];
  /** The command that replays this run. */
  readonly replay: string;
}

/**
 * The shell command that replays a run: the seed, and whatever else shaped it that differs from
 * the defaults (steps, replica count, fsync, faults), in the variables simulation.test.ts reads.
 */
export function replayCommand(opts: SimulationOptions): string {
  const env = [`LATTICE_SIM_SEED=${opts.seed}`];
  if (opts.steps !== undefined && opts.steps !== DEFAULT_STEPS) env.push(`LATTICE_SIM_STEPS=${opts.steps}`);
  if (opts.replicas !== undefined) env.push(`LATTICE_SIM_REPLICAS=${opts.replicas}`);
  if (opts.fsync !== undefined) env.push(`LATTICE_SIM_FSYNC=${opts.fsync ? 1 : 0}`);
  if (opts.quiesceMs !== undefined) env.push(`LATTICE_SIM_QUIESCE_MS=${opts.quiesceMs}`);
  const faults = Object.entries(opts.faults ?? {}).filter(([k, v]) => ALL_FAULTS[k as keyof SimFaults] !== v);
  if (faults.length > 0) env.push(`LATTICE_SIM_FAULTS='${JSON.stringify(Object.fromEntries(faults))}'`);
  return `${env.join(" ")} node --import tsx --test replica/sim/simulation.test.ts`;
}

/** The simulation options LATTICE_SIM_* variables ask for (see {@link replayCommand}). */
export function optionsFromEnv(env: Readonly<Record<string, string | undefined>>, seed: number): SimulationOptions {
  const int = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === "") return undefined;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${raw}`);
    return n;
  };
  const steps = int("LATTICE_SIM_STEPS");
  const replicas = int("LATTICE_SIM_REPLICAS");
  const fsync = int("LATTICE_SIM_FSYNC");
  const quiesceMs = int("LATTICE_SIM_QUIESCE_MS");
  const faults = env.LATTICE_SIM_FAULTS ? (JSON.parse(env.LATTICE_SIM_FAULTS) as Partial<SimFaults>) : undefined;
  return {
    seed,
    ...(steps !== undefined ? { steps } : {}),
    ...(replicas !== undefined ? { replicas } : {}),
    ...(fsync !== undefined ? { fsync: fsync !== 0 } : {}),
    ...(quiesceMs !== undefined ? { quiesceMs } : {}),
    ...(faults !== undefined ? { faults } : {}),
  };
}

/** Thrown by {@link assertSimulation}: names the seed and the replay command first. */
export class SimulationFailure extends Error {
  constructor(readonly result: SimulationResult) {
    super(formatFailure(result));
    this.name = "SimulationFailure";
  }
}

export function formatFailure(r: SimulationResult): string {
  const lines = [
    `simulation seed ${r.seed} failed (${r.replicas} replicas, ${r.steps} steps, fsync ${r.fsync ? "on" : "off"}): ${r.violations.length} violation(s)`,
    `replay: ${r.replay}`,
    ...r.violations.slice(0, 40).map((v) => `  - ${v}`),
    ...(r.violations.length > 40 ? [`  … and ${r.violations.length - 40} more`] : []),
    ...(r.notes.length > 0 ? ["notes:", ...r.notes.map((n) => `  * ${n}`)] : []),
    `last ${Math.min(r.trace.length, 120)} trace lines (LATTICE_SIM_TRACE=1 prints all):`,
    ...r.trace.slice(-120),
  ];
  return lines.join("\n");
}

export function assertSimulation(r: SimulationResult): void {
  if (r.violations.length > 0) throw new SimulationFailure(r);
}

/** What two runs of one seed must agree on. */
export function fingerprint(r: SimulationResult): string {
  return JSON.stringify({
    roots: r.roots,
    digests: r.digests,
    writes: r.writes,
    virtualMs: r.virtualMs,
    events: r.events,
    network: r.network,
    gossip: r.gossip,
    convergedAfterMs: r.convergedAfterMs,
  });
}

export async function runSimulation(opts: SimulationOptions): Promise<SimulationResult> {
  const sim = new Simulation(opts);
  return sim.run();
}

// -------------------------------------------------------------------------------------------
// The simulation

interface SimNode {
  readonly index: number;
  readonly url: string;
  disk: MemoryDisk;
  /** The open handle on `disk` (under the SlowStore, if any): the checks read it directly. */
  mem: MemoryStore | undefined;
  /** The latency wrapper of the running process, when disks are slow. */
  slow: SlowStore | undefined;
  state: "up" | "starting" | "stopping" | "down";
  generation: number;
  env: VirtualEnv | undefined;
  replica: Replica | undefined;
  cluster: Cluster | undefined;
  transport: Transport | undefined;
}

const SECRET = "simulated-cluster-secret";
const DISK_LATENCY = Object.freeze({ maxReadMs: 1, maxWriteMs: 2, maxSyncWriteMs: 8 });
const CONSISTENCY_TIMEOUT_MS = 1500;
/** Anti-entropy runs every second; ten rounds are plenty for a healed cluster of ≤ 5 replicas. */
const CONVERGENCE_BOUND_MS = 10_000;

function hex(b: Uint8Array): string {
  return Buffer.from(b).toString("hex");
}

class Simulation {
  private readonly seed: number;
  private readonly world: VirtualEnv;
  private readonly rng: Prng;
  private readonly driver: VirtualEnv;
  private readonly net: MemoryNetwork;
  private readonly nodes: SimNode[] = [];
  private readonly writes: WriteRecord[] = [];
  private readonly faults: SimFaults;
  private readonly fsync: boolean;
  private readonly steps: number;
  private readonly quiesceMs: number;
  private readonly options: Partial<ReplicaOptions>;
  private readonly violations: string[] = [];
  private readonly notes: string[] = [];
  private readonly trace: string[] = [];
  /** Incarnations whose disk was lost, with the virtual time it happened. */
  private readonly wiped = new Map<ReplicaId, number>();
  private readonly everIds = new Set<ReplicaId>();
  private finalRoots: string[] = [];
  private readonly finalDigests: Record<string, string> = {};
  private readonly gossip = { deltasSent: 0, deltasReceived: 0, antiEntropyRounds: 0, entitiesRepaired: 0 };
  private readonly counts = { kills: 0, graceful: 0, wipes: 0, powerLosses: 0, partitions: 0 };
  private readonly onTrace: ((line: string) => void) | undefined;

  constructor(private readonly opts: SimulationOptions) {
    this.seed = opts.seed;
    this.onTrace = opts.onTrace;
    this.world = VirtualEnv.create(opts.seed, { name: "world" });
    // Fork order is part of the seed's meaning: keep it fixed.
    this.rng = this.world.rng.fork("schedule");
    this.driver = this.world.child("driver");
    const netEnv = this.world.child("net");
    this.faults = { ...ALL_FAULTS, ...opts.faults };
    const replicas = opts.replicas ?? this.rng.between(3, 5);
    this.fsync = opts.fsync ?? this.rng.chance(0.25);
    this.steps = opts.steps ?? DEFAULT_STEPS;
    this.quiesceMs = opts.quiesceMs ?? 30_000;
    this.options = this.drawOptions();
    this.net = createMemoryNetwork(netEnv, {
      handshakeTimeoutMs: 1000,
      onError: (err) => this.violation(`a connection handler threw: ${errText(err)}`),
    });
    for (let i = 0; i < replicas; i++) {
      this.nodes.push({
        index: i,
        url: `ws://r${i}.sim:7070`,
        disk: new MemoryDisk(),
        mem: undefined,
        slow: undefined,
        state: "down",
        generation: 0,
        env: undefined,
        replica: undefined,
        cluster: undefined,
        transport: undefined,
      });
    }
  }

  private drawOptions(): Partial<ReplicaOptions> {
    const tight = this.faults.tightLimits;
    const r = this.rng;
    const base: Partial<ReplicaOptions> = {
      fsync: this.fsync,
      heartbeatMs: 200,
      peerTimeoutMs: 1000,
      antiEntropyIntervalMs: 1000,
      reconnectMinMs: 50,
      reconnectMaxMs: 1000,
      handshakeTimeoutMs: 1000,
      consistencyTimeoutMs: CONSISTENCY_TIMEOUT_MS,
    };
    // Draw every knob whether or not it is used, so that the stream does not depend on `tight`.
    const cache = r.between(2, 12);
    const compact = r.pick([2, 5, 50]);
    const queue = r.between(3, 12);
    const aeBatch = r.between(1, 4);
    const batchBytes = r.pick([64, 256, 4096]);
    const uses = [r.chance(0.5), r.chance(0.5), r.chance(0.5), r.chance(0.5), r.chance(0.5)];
    if (!tight) return base;
    return {
      ...base,
      ...(uses[0] ? { cacheMaxEntries: cache } : {}),
      ...(uses[1] ? { yjsCompactEvery: compact } : {}),
      ...(uses[2] ? { maxQueuedEntitiesPerPeer: queue } : {}),
      ...(uses[3] ? { antiEntropyBatchEntities: aeBatch } : {}),
      ...(uses[4] ? { maxBatchBytes: batchBytes } : {}),
    };
  }

  // -----------------------------------------------------------------------------------------
  // Reporting

  private log(line: string): void {
    const text = `[${this.world.now.toFixed(1).padStart(9)}] ${line}`;
    this.trace.push(text);
    if (this.trace.length > TRACE_KEEP * 2) this.trace.splice(0, this.trace.length - TRACE_KEEP);
    this.onTrace?.(text);
  }

  private violation(msg: string): void {
    this.log(`VIOLATION ${msg}`);
    this.violations.push(`[t=${this.world.now.toFixed(1)}] ${msg}`);
  }

  // -----------------------------------------------------------------------------------------
  // Run

  async run(): Promise<SimulationResult> {
    const onRejection = (reason: unknown): void => this.violation(`unhandled promise rejection: ${errText(reason)}`);
    process.on("unhandledRejection", onRejection);
    try {
      const opts = JSON.stringify(this.options);
      this.log(`seed ${this.seed}: ${this.nodes.length} replicas, ${this.steps} steps, options ${opts}`);
      await this.wait(Promise.all(this.nodes.map((node) => this.start(node))), "the first start");
      // (Not when testing the checkers with unsafe power losses: those should lose a lot.)
      if (!this.faults.unsafePowerLoss) this.writeback();
      await this.world.runFor(500);
      for (let step = 0; step < this.steps; step++) {
        await this.step();
        await this.world.runFor(this.rng.int(150));
      }
      const convergedAfterMs = await this.quiesce();
      await this.check();
      await this.shutdown();
      for (const f of this.world.scheduler.faults) this.violation(`timer callback of ${f.owner} threw at ${f.atMs.toFixed(1)}: ${errText(f.error)}`);
      return this.result(convergedAfterMs);
    } finally {
      process.off("unhandledRejection", onRejection);
    }
  }

  private async step(): Promise<void> {
    const f = this.faults;
    const r = this.rng;
    const action = r.weighted({
      write: 72,
      read: 4,
      linkFaults: f.dropRate > 0 || f.duplicateRate > 0 || f.maxDelayMs > 0 ? 3 : 0,
      partition: f.partitions ? 3 : 0,
      heal: f.partitions ? 3 : 0,
      kill: f.restarts ? 2 : 0,
      graceful: f.restarts ? 1.5 : 0,
      wipe: f.wipes ? 0.8 : 0,
      power: f.powerLoss && (this.fsync || f.unsafePowerLoss) ? 0.8 : 0,
      clock: f.clockSkewMs > 0 ? 1 : 0,
      slowDisk: f.diskLatency ? 1.5 : 0,
    });
    const up = this.nodes.filter((n) => n.state === "up");
    switch (action) {
      case "write": {
        // Bursts issue several commands at one instant, so replicas write concurrently.
        const burst = r.chance(0.3) ? r.between(2, 4) : 1;
        for (let i = 0; i < burst && up.length > 0; i++) this.issueWrite(r.pick(up));
        return;
      }
      case "read":
        if (up.length > 0) this.issueRead(r.pick(up));
        return;
      case "linkFaults": {
        const calm = r.chance(0.35);
        const faults = calm
          ? {}
          : {
              dropRate: r.next() * f.dropRate,
              duplicateRate: r.next() * f.duplicateRate,
              minDelayMs: 0,
              maxDelayMs: r.next() * f.maxDelayMs,
            };
        this.net.setLinkFaults(faults);
        this.log(`link faults ${JSON.stringify(faults)}`);
        return;
      }
      case "partition": {
        const urls = this.nodes.map((n) => n.url);
        const side = urls.filter(() => r.chance(0.5));
        if (side.length === 0 || side.length === urls.length) {
          const lone = r.pick(urls);
          this.cut([lone], urls.filter((u) => u !== lone));
          this.log(`partition: ${lone} isolated`);
        } else {
          this.cut(side, urls.filter((u) => !side.includes(u)));
          this.log(`partition: [${side.join(" ")}] | rest`);
        }
        this.counts.partitions++;
        return;
      }
      case "heal":
        this.healAll();
        this.log("heal");
        return;
      case "kill":
      case "wipe":
      case "power":
        // At once (before the commands of this step commit, half the time) or a little later:
        // crashes land between a command's commit and its flush, inside anti-entropy, etc.
        this.soon(() => {
          const live = this.nodes.filter((n) => n.state === "up");
          if (live.length > 0) this.crash(r.pick(live), action);
        });
        return;
      case "graceful":
        this.soon(() => {
          const live = this.nodes.filter((n) => n.state === "up");
          if (live.length > 0) this.graceful(r.pick(live));
        });
        return;
      case "slowDisk": {
        // A disk that stalls for a while: group commits take up to seconds, widening every
        // window between a change being applied in memory and it being durable.
        const node = up.length > 0 ? r.pick(up) : undefined;
        const store = node?.slow;
        const writeMs = r.between(100, 2500);
        const forMs = r.between(500, 5000);
        if (!node || !store) return;
        store.opts = { maxReadMs: 1, maxWriteMs: writeMs, maxSyncWriteMs: writeMs };
        this.log(`r${node.index} disk stalls: writes take up to ${writeMs} ms for ${forMs} ms`);
        this.driver.timers.after(forMs, () => {
          store.opts = DISK_LATENCY;
        });
        return;
      }
      case "clock": {
        const node = r.pick(this.nodes);
        const delta = Math.round((r.next() * 2 - 1) * f.clockSkewMs);
        node.env?.adjustClock(delta);
        this.log(`r${node.index} wall clock stepped by ${delta} ms`);
        return;
      }
    }
  }

  /**
   * Awaits `p` while virtual time runs (store operations may wait on timers); the cluster keeps
   * running meanwhile, which after quiescence changes nothing.
   */
  private async wait<T>(p: Promise<T>, what: string): Promise<T> {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    p.then(
      (value) => (outcome = { ok: true, value }),
      (error: unknown) => (outcome = { ok: false, error }),
    );
    await this.world.runUntil(() => outcome !== undefined, 10_000);
    if (!outcome) throw new Error(`${what} did not complete within 10 virtual seconds`);
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** The OS writes dirty pages back every few seconds: unsynced batches become durable. */
  private writeback(): void {
    this.driver.timers.after(5000, () => {
      for (const n of this.nodes) n.disk.flush();
      this.writeback();
    });
  }

  /** Runs `fn` on the driver's timers now-ish: at this instant (first) or within 100 ms. */
  private soon(fn: () => void): void {
    const delay = this.rng.chance(0.5) ? 0 : this.rng.next() * 100;
    this.driver.timers.after(delay, fn);
  }

  // -----------------------------------------------------------------------------------------
  // Processes

  private async start(node: SimNode): Promise<void> {
    node.state = "starting";
    node.generation++;
    const skew = Math.round((this.rng.next() * 2 - 1) * this.faults.clockSkewMs);
    const env = this.world.child(`r${node.index}.${node.generation}`, { clockOffsetMs: skew });
    node.env = env;
    try {
      const mem = new MemoryStore(node.disk);
      node.mem = mem;
      const slow = this.faults.diskLatency ? new SlowStore(mem, env, DISK_LATENCY) : undefined;
      node.slow = slow;
      const store = slow ?? mem;
      const replica = await Replica.open({ store, env, options: { ...this.options, region: `region-${node.index}` } });
      replica.onError = (err) => this.violation(`r${node.index} change listener failed: ${errText(err)}`);
      const transport = this.net.transport(node.url);
      const cluster = new Cluster({
        replica,
        transport,
        secret: SECRET,
        advertiseUrl: node.url,
        seeds: this.nodes.filter((n) => n !== node).map((n) => n.url),
        observer: this.observer(node),
        log: (level, msg) => this.log(`r${node.index} ${level}: ${msg}`),
      });
      replica.cluster = cluster;
      cluster.start();
      Object.assign(node, { replica, cluster, transport, state: "up" });
      this.everIds.add(replica.id);
      this.log(`r${node.index} started as ${replica.id}${replica.createdNow ? " (new incarnation)" : ""}, clock skew ${skew} ms`);
    } catch (err) {
      this.violation(`r${node.index} failed to start: ${errText(err)}`);
      node.state = "down";
    }
  }

  private observer(node: SimNode): ClusterObserver {
    const g = this.gossip;
    return {
      deltasSent(_region, deltas) {
        g.deltasSent += deltas;
      },
      deltasReceived(_region, deltas) {
        g.deltasReceived += deltas;
      },
      convergenceLag() {},
      antiEntropyRound() {
        g.antiEntropyRounds++;
      },
      entitiesRepaired(_region, n) {
        g.entitiesRepaired += n;
      },
      peerRefused: (url, reason) => {
        // Refusals are expected under faults (reordered or lost handshake frames); an exception
        // while handling a frame is not.
        if (reason.startsWith("error handling a frame")) this.violation(`r${node.index} ← ${url}: ${reason}`);
      },
    };
  }

  /** SIGKILL (keeps the disk), power loss (fsync on: loses only unsynced batches) or disk loss. */
  private crash(node: SimNode, how: "kill" | "wipe" | "power"): void {
    const { env, replica, transport } = node;
    if (!env || !replica) return;
    if (how === "power") {
      const keep = this.rng.int(node.disk.unsyncedBatches + 1);
      node.disk.simulatePowerLoss({ keepUnsynced: keep });
      this.counts.powerLosses++;
    } else node.disk.simulateKill();
    env.kill();
    this.net.disconnect(node.url);
    void transport?.close();
    if (how === "wipe") {
      this.wiped.set(replica.id, this.world.now);
      node.disk = new MemoryDisk();
      this.counts.wipes++;
    } else if (how === "kill") this.counts.kills++;
    Object.assign(node, { state: "down", replica: undefined, cluster: undefined, transport: undefined });
    this.log(`r${node.index} (${replica.id}) ${how === "wipe" ? "killed and its disk lost" : how === "power" ? "lost power" : "killed"}`);
    for (const w of this.writes) {
      if (w.replicaId === replica.id && w.outcome === "pending" && w.execMs !== undefined) {
        this.log(`  r${node.index} #${w.n} ${w.service}/${w.key} ${describe(w.effect)} ${w.consistency} was applied at ${w.execMs.toFixed(1)} and never acknowledged`);
      }
    }
    this.restartLater(node);
  }

  private graceful(node: SimNode): void {
    const { env, replica } = node;
    if (!env || !replica) return;
    node.state = "stopping";
    this.counts.graceful++;
    this.log(`r${node.index} (${replica.id}) shutting down`);
    const started = this.world.now;
    replica.close().then(
      () => {
        env.kill();
        Object.assign(node, { state: "down", replica: undefined, cluster: undefined, transport: undefined });
        this.log(`r${node.index} stopped after ${(this.world.now - started).toFixed(1)} ms`);
        this.restartLater(node);
      },
      (err: unknown) => this.violation(`r${node.index} close failed: ${errText(err)}`),
    );
  }

  private restartLater(node: SimNode): void {
    const downtime = this.rng.between(50, 3000);
    // Sometimes the replica comes back cut off from the others for a while, so that it serves
    // commands from what its disk kept before it can hear what its peers saw of it.
    const isolatedMs = this.faults.isolatedRestarts && this.rng.chance(0.3) ? this.rng.between(200, 3000) : 0;
    this.driver.timers.after(downtime, () => {
      if (isolatedMs > 0 && !this.quiescing) {
        const others = this.nodes.filter((n) => n !== node).map((n) => n.url);
        const c = this.cut([node.url], others);
        this.log(`r${node.index} restarts isolated for ${isolatedMs} ms`);
        this.driver.timers.after(isolatedMs, () => this.uncut(c));
      }
      this.start(node).catch((err: unknown) => this.violation(`r${node.index} restart failed: ${errText(err)}`));
    });
  }

  // The memory network only heals all its cuts at once; these keep the list to remove one.
  private quiescing = false;
  private cuts: { readonly a: readonly string[]; readonly b: readonly string[] }[] = [];

  private cut(a: readonly string[], b: readonly string[]): { readonly a: readonly string[]; readonly b: readonly string[] } {
    const c = { a, b };
    this.cuts.push(c);
    this.net.partition(a, b);
    return c;
  }

  private uncut(c: { readonly a: readonly string[]; readonly b: readonly string[] }): void {
    if (!this.cuts.includes(c)) return;
    this.cuts = this.cuts.filter((x) => x !== c);
    this.net.heal();
    for (const x of this.cuts) this.net.partition(x.a, x.b);
  }

  private healAll(): void {
    this.cuts = [];
    this.net.heal();
  }

  // -----------------------------------------------------------------------------------------
  // Commands

  private issueWrite(node: SimNode): void {
    const replica = node.replica;
    const cluster = node.cluster;
    if (!replica || !cluster) return;
    const r = this.rng;
    const service = r.weighted(Object.fromEntries(SERVICE_NAMES.map((s) => [s, SERVICES[s].weight])) as Record<ServiceName, number>);
    const key = `k${r.int(SERVICES[service].keys)}`;
    const consistency = r.weighted<Consistency>({ local: 80, majority: 15, all: 5 });
    const rands = [r.next(), r.next(), r.next(), r.next()];
    const w: WriteRecord = {
      n: this.writes.length + 1,
      node: node.index,
      replicaId: replica.id,
      service,
      key,
      consistency,
      issuedMs: this.world.now,
      execMs: undefined,
      effect: undefined,
      members: 1,
      outcome: "pending",
      doneMs: undefined,
      error: undefined,
    };
    this.writes.push(w);
    const ref: EntityRef = { service, key };
    const opts = { consistency, timeoutMs: CONSISTENCY_TIMEOUT_MS };
    const deleting = service === "tomb" && (rands[3] ?? 0) < 0.06;
    const env = replica.env;
    if (deleting) {
      // Recorded as attempted at once: a delete can take effect (and spread) without its
      // command ever resolving, when its replica dies while waiting for acknowledgements.
      w.effect = { op: "delete" };
      w.execMs = this.world.now;
    }
    const pending = deleting
      ? replica.delete(ref, SERVICES[service].type, opts)
      : replica.update(
          ref,
          SERVICES[service].type,
          produceFor(
            w,
            rands,
            () => this.world.now,
            () => env.clock.now(),
            () => cluster.memberCount(),
          ),
          opts,
        );
    const gen = node.generation;
    pending.then(
      (res) => {
        w.outcome = res.changed ? "ok" : "noop";
        w.doneMs = this.world.now;
        w.members = Math.min(w.members, cluster.memberCount());
        this.log(`r${node.index} #${w.n} ${service}/${key} ${describe(w.effect)} ${consistency}: ${w.outcome}`);
        if (w.outcome === "ok" && w.effect?.op === "add" && service === "gs") this.readYourWrite(node, gen, w, w.effect.value);
      },
      (err: unknown) => {
        w.outcome = "failed";
        w.doneMs = this.world.now;
        w.error = err instanceof ReplicaError ? err.code : errText(err);
        this.log(`r${node.index} #${w.n} ${service}/${key} ${describe(w.effect)} ${consistency}: failed (${w.error})`);
        // Replica errors are answers; anything else is a bug unless its process went away.
        const expected = err instanceof ReplicaError || node.generation !== gen || node.state !== "up";
        if (!expected) this.violation(`write #${w.n} on r${node.index} failed unexpectedly: ${errText(err)}`);
      },
    );
  }

  /** A replica that acknowledged adding `value` must show it to the next read on it. */
  private readYourWrite(node: SimNode, gen: number, w: WriteRecord, value: string): void {
    const replica = node.replica;
    if (!replica || node.generation !== gen || node.state !== "up") return;
    replica.read({ service: w.service, key: w.key }).then(
      (e) => {
        if (!e || e.state.type !== "gset" || !e.state.store.has(JSON.stringify(value))) {
          this.violation(`r${node.index} acknowledged adding ${value} to gs/${w.key} (#${w.n}) but the next read does not show it`);
        }
      },
      (err: unknown) => this.log(`r${node.index} read failed: ${errText(err)}`),
    );
  }

  private issueRead(node: SimNode): void {
    const replica = node.replica;
    if (!replica) return;
    const service = this.rng.pick(SERVICE_NAMES);
    const key = `k${this.rng.int(SERVICES[service].keys)}`;
    const gen = node.generation;
    replica.read({ service, key }, SERVICES[service].type).then(
      () => {},
      (err: unknown) => {
        const expected = err instanceof ReplicaError || node.generation !== gen || node.state !== "up";
        if (!expected) this.violation(`read of ${service}/${key} on r${node.index} failed: ${errText(err)}`);
      },
    );
  }

  // -----------------------------------------------------------------------------------------
  // Quiescence

  /** Heals everything, restarts every replica, runs until quiescent; returns when it converged. */
  private async quiesce(): Promise<number | undefined> {
    this.quiescing = true;
    this.healAll();
    this.net.setLinkFaults({});
    this.log("quiesce: healed, faults off");
    const allUp = await this.world.runUntil(() => this.nodes.every((n) => n.state === "up"), 30_000);
    if (!allUp) this.violation(`replicas still down 30 s after the heal: ${this.nodes.filter((n) => n.state !== "up").map((n) => `r${n.index} (${n.state})`).join(", ")}`);
    const healedAt = this.world.now;
    let convergedAt: number | undefined;
    const end = healedAt + this.quiesceMs;
    while (this.world.now < end) {
      await this.world.runFor(Math.min(250, end - this.world.now));
      if (this.looksConverged()) convergedAt ??= this.world.now;
      else convergedAt = undefined;
    }
    this.log(`quiesce: done; converged ${convergedAt === undefined ? "never" : `${(convergedAt - healedAt).toFixed(0)} ms after all replicas were up`}`);
    // SPEC §6: after a heal, anti-entropy converges the replicas within a few seconds (here the
    // interval is 1 s). Divergence that never ends is reported by the checks.
    if (convergedAt !== undefined && convergedAt - healedAt > CONVERGENCE_BOUND_MS) {
      this.violation(`replicas took ${(convergedAt - healedAt).toFixed(0)} ms to converge after the heal (bound ${CONVERGENCE_BOUND_MS} ms)`);
    }
    return convergedAt === undefined ? undefined : convergedAt - healedAt;
  }

  private looksConverged(): boolean {
    const roots = this.nodes.map((n) => (n.replica ? hex(n.replica.tree.root) : "down"));
    if (roots.some((r) => r !== roots[0] || r === "down")) return false;
    const live = this.liveIds();
    for (const n of this.nodes) {
      for (const p of n.cluster?.status() ?? []) if (p.id !== null && live.has(p.id as ReplicaId) && (!p.connected || p.queuedDeltas > 0)) return false;
    }
    return true;
  }

  private liveIds(): Set<ReplicaId> {
    return new Set(this.nodes.flatMap((n) => (n.replica ? [n.replica.id] : [])));
  }

  // -----------------------------------------------------------------------------------------
  // Invariants

  private async check(): Promise<void> {
    const nodes = this.nodes.filter((n): n is SimNode & { replica: Replica; cluster: Cluster } => n.replica !== undefined && n.cluster !== undefined);
    if (nodes.length !== this.nodes.length) return; // already reported by quiesce()
    const first = nodes[0];
    if (!first) return;
    const viewEnv: ViewEnv = { self: asReplicaId(first.replica.id), live: this.liveIds() };

    // (1) Convergence: roots, entity sets, per-entity digests and views; stored digests agree.
    const roots = nodes.map((n) => hex(n.replica.tree.root));
    this.finalRoots = roots;
    if (new Set(roots).size > 1) this.violation(`digest-tree roots differ: ${roots.map((r, i) => `r${i}=${r.slice(0, 12)}`).join(" ")}`);
    const ids = new Set<EntityId>();
    const perNode: Set<EntityId>[] = [];
    for (const n of nodes) {
      const mine = new Set<EntityId>();
      let xor: Uint8Array = new Uint8Array(32);
      const mem = n.mem;
      if (!mem) continue;
      for await (const [k] of mem.scan(KEYS.entityPrefix)) mine.add(k.slice(KEYS.entityPrefix.length) as EntityId);
      for await (const [, v] of mem.scan(KEYS.digestPrefix)) xor = xorBytes(xor, v);
      if (hex(xor) !== hex(n.replica.tree.root)) this.violation(`r${n.index}: in-memory digest tree root differs from the digests in its store`);
      perNode.push(mine);
      for (const id of mine) ids.add(id);
    }
    for (const [i, mine] of perNode.entries()) {
      const missing = [...ids].filter((id) => !mine.has(id));
      if (missing.length > 0) this.violation(`r${i} lacks entities ${missing.join(", ")}`);
    }
    for (const id of [...ids].sort()) {
      const ref = refOf(id);
      const seen: { node: number; digest: string; entityDigest: string; view: string; deleted: boolean; version: string }[] = [];
      for (const n of nodes) {
        const e = await this.wait(n.replica.read(ref), `reading ${id} on r${n.index}`);
        if (!e) continue;
        // The entity digest (what anti-entropy compares: identity, version and state) and the
        // state's own digest must both agree across replicas.
        const d = e.deleted ? "deleted" : hex(digest(e.state));
        const v = e.deleted ? "deleted" : canonical(viewOf(e.state, viewEnv));
        seen.push({ node: n.index, digest: d, entityDigest: e.digest ? hex(e.digest) : "unstored", view: v, deleted: e.deleted, version: JSON.stringify(versionToJson(e.version)) });
        if (!e.deleted && e.state.type !== "ydoc") this.checkCloud(n, id, e.state);
      }
      this.finalDigests[id] = `${seen[0]?.digest ?? "absent"}/${seen[0]?.entityDigest ?? ""}`;
      const digests = new Set(seen.map((s) => s.digest));
      const views = new Set(seen.map((s) => s.view));
      if (digests.size > 1) this.violation(`${id} diverged: ${seen.map((s) => `r${s.node}=${s.digest.slice(0, 12)}`).join(" ")}`);
      else if (new Set(seen.map((s) => s.entityDigest)).size > 1) {
        const versions = new Set(seen.map((s) => s.version));
        const why = versions.size > 1 ? `versions differ: ${seen.map((s) => `r${s.node}=${s.version}`).join(" ")}` : "versions are equal too";
        this.violation(`${id}: equal states but different entity digests (${why})`);
      }
      if (views.size > 1) this.violation(`${id} views differ: ${seen.map((s) => `r${s.node}=${s.view}`).join(" | ")}`);
    }

    // (2) No acknowledged write lost, per model, against the first replica's converged state.
    const keys = new Map<string, WriteRecord[]>();
    for (const w of this.writes) {
      const k = `${w.service}/${w.key}`;
      keys.set(k, [...(keys.get(k) ?? []), w]);
    }
    for (const [k, ws] of [...keys].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const [service, key] = k.split("/") as [ServiceName, string];
      const e = await this.wait(first.replica.read({ service, key }), `reading ${k}`);
      this.checkModel(service, key, ws, e === undefined ? { kind: "absent" } : e.deleted ? { kind: "deleted" } : { kind: "view", view: viewOf(e.state, viewEnv) });
    }

    // (3) Gossip queues empty for every live peer; dead incarnations are noted, not failed.
    const live = this.liveIds();
    for (const n of nodes) {
      for (const p of n.cluster.status()) {
        if (p.id !== null && live.has(p.id as ReplicaId)) {
          if (!p.connected) this.violation(`r${n.index} is not connected to live peer ${p.id} after quiescence`);
          if (p.queuedDeltas > 0) this.violation(`r${n.index} still queues ${p.queuedDeltas} delta(s) for ${p.id} after quiescence`);
        } else if (p.id !== null && p.queuedDeltas > 0) {
          this.notes.push(`r${n.index} keeps ${p.queuedDeltas} queued delta(s) for ${p.id}, an incarnation that is gone for good`);
        }
      }
      if (n.cluster.memberCount() > this.nodes.length) {
        this.notes.push(`r${n.index} counts ${n.cluster.memberCount()} members for majority/all (${this.nodes.length} replicas are live)`);
      }
    }
  }

  /** Dots of live incarnations must all be in the compact vector after quiescence. */
  private checkCloud(n: SimNode, id: EntityId, s: CausalState): void {
    for (const [r, counters] of s.ctx.cloud) {
      if (this.wiped.has(r)) continue;
      this.violation(`r${n.index} ${id}: dot cloud holds ${counters.size} dot(s) of ${this.everIds.has(r) ? "live" : "unknown"} replica ${r}: ${[...counters].slice(0, 8).join(",")}`);
    }
    if (s.ctx.cloudSize() > 64) this.violation(`r${n.index} ${id}: dot cloud of ${s.ctx.cloudSize()} dots`);
  }

  /**
   * Whether the no-loss invariant covers an acknowledged write: it was durable on its replica
   * (an `ok`, or a replication_timeout, which leaves the write in place) and that incarnation's
   * store survived; or it was acknowledged by `majority`/`all`, so that the origin plus `needed`
   * peers held it durably, and fewer disks than that were lost afterwards.
   */
  private isProtected(w: WriteRecord): boolean {
    const durable = w.outcome === "ok" || (w.outcome === "failed" && w.error === "replication_timeout");
    if (!durable || w.effect === undefined) return false;
    if (!this.wiped.has(w.replicaId)) return true;
    if (w.outcome !== "ok") return false;
    const needed = peersNeeded(w.consistency, w.members);
    if (needed <= 0) return false;
    // Peers acknowledged between the write's execution and its acknowledgement: count every disk
    // lost since it executed (the origin's included) against the origin plus `needed` holders.
    const lostAfter = [...this.wiped.values()].filter((t) => t >= (w.execMs ?? 0)).length;
    return lostAfter <= needed;
  }

  private checkModel(service: ServiceName, key: string, ws: WriteRecord[], found: Found): void {
    const where = `${service}/${key}`;
    const applied = ws.filter((w) => w.effect !== undefined);
    const prot = applied.filter((w) => this.isProtected(w));
    const effects = (list: WriteRecord[]): Effect[] => list.map((w) => w.effect as Effect);
    const fail = (msg: string): void => this.violation(`${where}: ${msg}`);
    if (found.kind === "deleted") {
      if (!applied.some((w) => w.effect?.op === "delete")) fail("deleted, but no delete was ever applied");
      return;
    }
    if (found.kind === "absent") {
      if (prot.length > 0) fail(`missing entirely, but acknowledged writes ${prot.map((w) => `#${w.n}`).join(",")} must survive`);
      return;
    }
    const final = found.view;
    switch (SERVICES[service].type) {
      case "gcounter":
      case "pncounter": {
        const sum = (list: Effect[], sign: 1 | -1): number =>
          list.reduce((n, e) => (e.op === "inc" && Math.sign(e.amount) === sign ? n + e.amount : n), 0);
        const lo = sum(effects(prot), 1) + sum(effects(applied), -1);
        const hi = sum(effects(applied), 1) + sum(effects(prot), -1);
        if (typeof final !== "number" || final < lo || final > hi) fail(`counter is ${JSON.stringify(final)}, outside [${lo}, ${hi}] implied by the acknowledged and attempted writes`);
        return;
      }
      case "gset":
      case "orset": {
        if (!Array.isArray(final)) return fail(`view ${JSON.stringify(final)} is not an array`);
        const members = new Set(final as string[]);
        const attempted = new Set(effects(applied).flatMap((e) => (e.op === "add" ? [e.value] : [])));
        for (const m of members) if (!attempted.has(m)) fail(`member ${m} was never added`);
        for (const w of prot) {
          const e = w.effect;
          if (e?.op !== "add" || members.has(e.value)) continue;
          // Only a remove (or clear) that ran after the add could have observed its dot.
          const removedLater = applied.some(
            (x) =>
              (x.execMs ?? 0) >= (w.execMs ?? 0) &&
              ((x.effect?.op === "remove" && x.effect.value === e.value) || (x.effect?.op === "clear" && x.effect.values.includes(e.value))),
          );
          if (!removedLater) fail(`acknowledged add of ${e.value} (#${w.n} on r${w.node}) is lost: no remove ran after it`);
        }
        return;
      }
      case "lwwregister": {
        const values = new Set(effects(applied).flatMap((e) => (e.op === "set" ? [e.value] : [])));
        if (final === null) {
          if (prot.length > 0) fail(`register is empty, but ${prot.length} acknowledged write(s) must survive`);
        } else if (typeof final !== "string" || !values.has(final)) fail(`register holds ${JSON.stringify(final)}, which nobody wrote`);
        return;
      }
      case "flag":
        if (final !== true && prot.length > 0) fail(`flag is off, but enable #${prot[0]?.n} was acknowledged`);
        if (final === true && applied.length === 0) fail("flag is on, but nobody enabled it");
        return;
      case "ormap": {
        if (typeof final !== "object" || final === null || Array.isArray(final)) return fail(`view ${JSON.stringify(final)} is not an object`);
        const written = new Set(effects(applied).flatMap((e) => (e.op === "mapUpdate" ? [e.key] : [])));
        for (const k of Object.keys(final)) if (!written.has(k as never)) fail(`map key ${k} was never written`);
        return;
      }
      case "vote":
        return;
      case "ydoc": {
        const text = typeof final === "object" && final !== null && !Array.isArray(final) ? final["t"] : undefined;
        if (typeof text !== "string") return fail(`view ${JSON.stringify(final)} has no text`);
        for (const w of prot) {
          const e = w.effect;
          if (e?.op !== "insert" || text.includes(e.token)) continue;
          const cutLater = applied.some((x) => x.effect?.op === "cut" && (x.execMs ?? 0) >= (w.execMs ?? 0));
          if (!cutLater) fail(`acknowledged insert ${e.token} (#${w.n} on r${w.node}) is lost: no delete ran after it`);
        }
        return;
      }
    }
  }

  // -----------------------------------------------------------------------------------------
  // End

  private async shutdown(): Promise<void> {
    let open = 0;
    for (const n of this.nodes) {
      const { replica, env } = n;
      if (!replica || !env) continue;
      open++;
      replica.close().then(
        () => {
          open--;
          env.kill();
        },
        (err: unknown) => this.violation(`r${n.index} close failed: ${errText(err)}`),
      );
    }
    const closed = await this.world.runUntil(() => open === 0, 10_000);
    if (!closed) this.violation(`${open} replica(s) did not finish closing within 10 virtual seconds`);
    for (const n of this.nodes) n.env?.kill();
    this.driver.kill();
  }

  private result(convergedAfterMs: number | undefined): SimulationResult {
    const count = (o: WriteRecord["outcome"]): number => this.writes.filter((w) => w.outcome === o).length;
    return {
      seed: this.seed,
      replicas: this.nodes.length,
      steps: this.steps,
      fsync: this.fsync,
      faults: this.faults,
      virtualMs: this.world.now,
      events: this.world.scheduler.eventsRun,
      writes: {
        issued: this.writes.length,
        ok: count("ok"),
        noop: count("noop"),
        failed: count("failed"),
        pending: count("pending"),
        protected: this.writes.filter((w) => this.isProtected(w)).length,
        errors: this.writes.reduce<Record<string, number>>((acc, w) => {
          if (w.error !== undefined) acc[w.error] = (acc[w.error] ?? 0) + 1;
          return acc;
        }, {}),
      },
      kills: this.counts.kills,
      gracefulRestarts: this.counts.graceful,
      wipes: this.counts.wipes,
      powerLosses: this.counts.powerLosses,
      partitions: this.counts.partitions,
      convergedAfterMs,
      roots: this.finalRoots,
      digests: { ...this.finalDigests },
      network: this.net.stats(),
      gossip: { ...this.gossip },
      violations: [...this.violations],
      notes: [...new Set(this.notes)],
      trace: this.trace.slice(-TRACE_KEEP),
      replay: replayCommand(this.opts),
    };
  }

}

/** What the first replica holds for an entity after quiescence. */
type Found = { readonly kind: "absent" } | { readonly kind: "deleted" } | { readonly kind: "view"; readonly view: Json };

function viewOf(s: CrdtState, env: ViewEnv): Json {
  return s.type === "ydoc" ? yView(s, DOC_SHAPE) : view(s, env);
}

/** JSON with object keys sorted: a Y.Map's toJSON lists keys in its replica's insertion order. */
function canonical(v: Json): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x !== null && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}

function xorBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] as number) ^ (b[i] ?? 0);
  return out;
}

function describe(e: Effect | undefined): string {
  if (!e) return "(no change)";
  const { op, ...rest } = e;
  const args = Object.values(rest).map((v) => JSON.stringify(v));
  return [op, ...args].join(" ");
}

function errText(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}
