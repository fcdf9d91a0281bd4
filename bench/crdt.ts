/**
 * CRDT core benchmark (issue 2 §5). Prints one JSON object on stdout:
 *
 * - `ops`: for each of the nine types, mutate + join + encode operations per second (one op =
 *   produce a delta with a representative mutator, merge it into the replica's state, encode the
 *   delta) and the mean size of an encoded delta;
 * - `large`: a 10,000-member orset and a 10,000-key ormap (pncounter values): encoded size,
 *   encode / decode / digest time, producing and joining a small delta, and joining two
 *   divergent 10k states;
 * - `meta`: node, cpu, cores, date and machine;
 * - `baselines` and `figures`: the same workload on plain JS (a Map, Set or object doing the same
 *   bookkeeping, the change encoded as JSON; bare Yjs for ydoc), measured in the same process
 *   right after: the ceiling of a type without causality, deltas or the binary codec. And the
 *   encoded 10,000-member orset beside the JSON of its members.
 *
 * Run with `node --import tsx bench/crdt.ts`, or through bench/run.ts (`npm run bench`).
 * Everything is deterministic (fixed replica ids, values and clocks); only the timings vary.
 */
import type { Causal, CausalState, CausalType, ReplicaId, StoreOf, TypeName, YDocState } from "../crdt/index.js";
import {
  DEFAULT_CLOCK,
  FORMAT,
  addToCounter,
  addToSet,
  asReplicaId,
  castVote,
  cloneState,
  decodeState,
  digest,
  emptyState,
  emptyYDoc,
  enableFlag,
  encodeState,
  hasMember,
  join,
  memberValues,
  mergeInto,
  removeFromSet,
  setRegister,
  updateMap,
  yTransact,
} from "../crdt/index.js";
import * as Y from "yjs";
import { lattice } from "../protos/generated/crdt.js";
import type { Figure } from "./figures.js";
import { figure } from "./figures.js";
import type { MeasureResult, RepeatResult } from "./harness.js";
import { QUICK, environment, measure, median, nsToMs, nsToUs, printJson, progress, repeat, round, settle, sized, stopwatch, timeNs } from "./harness.js";

// Replica ids as the node mints them (21-character nanoids), since ids are part of every encoded delta.
const A = asReplicaId("V1StGXR8_Z5jdHi6B-myT");
const B = asReplicaId("Uakgb_J5m9g-0JDMbcJqL");
const C = asReplicaId("2Zm7nQk4xQp9c_vT3LhWs");
const D = asReplicaId("k0T8eLr1-aXw6YbN5qPzF");
const YDOC_CLIENT_ID = 1_234_567_890;
/** Injected wall clock for lwwregister writes. */
const T0 = 1_767_225_600_000;

// ---------------------------------------------------------------------------------------------
// Per-type throughput

/** Turns an op's return value into the delta state it stands for; every benchmarked op must produce one. */
function deltaState<T extends CausalType>(type: T, d: Causal<StoreOf[T]> | null): CausalState<T> {
  if (d === null) throw new Error(`${type}: the mutator produced no delta`);
  return { type, store: d.store, ctx: d.ctx };
}

/** Merges the delta into `s` and returns the byte length of the encoded delta. */
function applyAndEncode<T extends CausalType>(s: CausalState<T>, d: Causal<StoreOf[T]> | null): number {
  const ds = deltaState(s.type, d);
  mergeInto(s, ds);
  return encodeState(ds).length;
}

interface Workload {
  type: TypeName;
  /** What one op does, recorded in the output. */
  mutator: string;
  /** Timed ops: fixed, sized so a run takes roughly 0.5–1 s on a 2-core cloud VM. */
  iterations: number;
  /** Builds a fresh replica state and returns the op; the op returns the encoded delta's size. */
  make: () => (i: number) => number;
  /**
   * The ceiling: the same bookkeeping on a plain JS structure, the change encoded as JSON (or
   * bare Yjs for ydoc); the op returns the encoded change's length.
   */
  baseline: { what: string; make: () => (i: number) => number };
}

/** A state holding some history from other replicas, so mutators do not run on a trivially empty store. */
function seeded<T extends CausalType>(type: T, seed: (s: CausalState<T>) => void): CausalState<T> {
  const s = emptyState(type);
  seed(s);
  return s;
}

const incrementValue = (r: ReplicaId) => (n: Causal<StoreOf["pncounter"]>) => addToCounter(n, r, 1, "pncounter");

const WORKLOADS: Workload[] = [
  {
    type: "gcounter",
    mutator: "replica A adds 1 (counter also holds totals of B and C)",
    iterations: 120_000,
    make() {
      const s = seeded("gcounter", (s) => {
        applyAndEncode(s, addToCounter(s, B, 5, "gcounter"));
        applyAndEncode(s, addToCounter(s, C, 7, "gcounter"));
      });
      return () => applyAndEncode(s, addToCounter(s, A, 1, "gcounter"));
    },
    baseline: {
      what: "Map of replica → total: A's total +1, the change {r, n} as JSON",
      make() {
        const m = new Map<string, number>([
          [B, 5],
          [C, 7],
        ]);
        return () => {
          const n = (m.get(A) ?? 0) + 1;
          m.set(A, n);
          return JSON.stringify({ r: A, n }).length;
        };
      },
    },
  },
  {
    type: "pncounter",
    mutator: "replica A adds +1 and -1 alternately (counter also holds totals of B and C)",
    iterations: 90_000,
    make() {
      const s = seeded("pncounter", (s) => {
        applyAndEncode(s, addToCounter(s, B, 5, "pncounter"));
        applyAndEncode(s, addToCounter(s, C, -3, "pncounter"));
      });
      return (i) => applyAndEncode(s, addToCounter(s, A, i % 2 === 0 ? 1 : -1, "pncounter"));
    },
    baseline: {
      what: "Map of replica → {p, n}: A's p or n +1, the change {r, p, n} as JSON",
      make() {
        const m = new Map<string, { p: number; n: number }>([
          [B, { p: 5, n: 0 }],
          [C, { p: 0, n: 3 }],
        ]);
        return (i) => {
          let e = m.get(A);
          if (!e) m.set(A, (e = { p: 0, n: 0 }));
          if (i % 2 === 0) e.p++;
          else e.n++;
          return JSON.stringify({ r: A, p: e.p, n: e.n }).length;
        };
      },
    },
  },
  {
    type: "gset",
    mutator: 'add a new string member ("item-<i>"); the set restarts empty every 100 adds (size 0..99)',
    iterations: 30_000,
    make() {
      let s = emptyState("gset");
      return (i) => {
        if (i % 100 === 0) s = emptyState("gset");
        return applyAndEncode(s, addToSet(s, A, `item-${i}`));
      };
    },
    baseline: {
      what: "Set: add the member (restarting every 100), the change {add} as JSON",
      make() {
        let s = new Set<string>();
        return (i) => {
          if (i % 100 === 0) s = new Set();
          const v = `item-${i}`;
          s.add(v);
          return JSON.stringify({ add: v }).length;
        };
      },
    },
  },
  {
    type: "orset",
    mutator: 'toggle membership of "item-<i mod 100>": adds and observed removes alternate in runs of 100 (size 0..100)',
    iterations: 60_000,
    make() {
      const s = emptyState("orset");
      return (i) => {
        const v = `item-${i % 100}`;
        return applyAndEncode(s, hasMember(s.store, v) ? removeFromSet(s, v) : addToSet(s, A, v));
      };
    },
    baseline: {
      what: "Set: toggle the member, the change {add} or {remove} as JSON",
      make() {
        const s = new Set<string>();
        return (i) => {
          const v = `item-${i % 100}`;
          if (s.has(v)) {
            s.delete(v);
            return JSON.stringify({ remove: v }).length;
          }
          s.add(v);
          return JSON.stringify({ add: v }).length;
        };
      },
    },
  },
  {
    type: "lwwregister",
    mutator: "replica A writes {title, rev: i} with the default clock (register last written by B)",
    iterations: 140_000,
    make() {
      const s = seeded("lwwregister", (s) => {
        applyAndEncode(s, setRegister(s, B, { title: "draft", rev: 0 }, DEFAULT_CLOCK, T0));
      });
      return (i) => applyAndEncode(s, setRegister(s, A, { title: "draft", rev: i + 1 }, DEFAULT_CLOCK, T0 + 1 + i));
    },
    baseline: {
      what: "{value, at, r} object: replaced when the write is newer, the register as JSON",
      make() {
        let reg = { value: { title: "draft", rev: 0 } as unknown, at: T0, r: B as string };
        return (i) => {
          const at = T0 + 1 + i;
          if (at > reg.at || (at === reg.at && A > reg.r)) reg = { value: { title: "draft", rev: i + 1 }, at, r: A };
          return JSON.stringify(reg).length;
        };
      },
    },
  },
  {
    type: "flag",
    mutator: "replica A enables a fresh flag (a flag turns on once, so every op starts from an empty flag)",
    iterations: 300_000,
    make() {
      return () => {
        const s = emptyState("flag");
        return applyAndEncode(s, enableFlag(s, A));
      };
    },
    baseline: {
      what: "a fresh {on} object set to true, the change {on, r} as JSON",
      make() {
        return () => {
          const f = { on: false };
          f.on = true;
          return JSON.stringify({ on: f.on, r: A }).length;
        };
      },
    },
  },
  {
    type: "vote",
    mutator: "replica A votes true and false alternately (B and C have voted)",
    iterations: 150_000,
    make() {
      const s = seeded("vote", (s) => {
        applyAndEncode(s, castVote(s, B, true));
        applyAndEncode(s, castVote(s, C, true));
      });
      return (i) => applyAndEncode(s, castVote(s, A, i % 2 === 0));
    },
    baseline: {
      what: "Map of replica → vote: set A's, the change {r, v} as JSON",
      make() {
        const m = new Map<string, boolean>([
          [B, true],
          [C, true],
        ]);
        return (i) => {
          const v = i % 2 === 0;
          m.set(A, v);
          return JSON.stringify({ r: A, v }).length;
        };
      },
    },
  },
  {
    type: "ormap",
    mutator: 'replica A increments the pncounter under "key-<i mod 100>" (100 keys, all present after warm-up)',
    iterations: 20_000,
    make() {
      const s = emptyState("ormap");
      return (i) => applyAndEncode(s, updateMap(s, A, `key-${i % 100}`, "pncounter", incrementValue(A)));
    },
    baseline: {
      what: "Map of key → count: +1 under the key, the change {k, n} as JSON",
      make() {
        const m = new Map<string, number>();
        return (i) => {
          const k = `key-${i % 100}`;
          const n = (m.get(k) ?? 0) + 1;
          m.set(k, n);
          return JSON.stringify({ k, n }).length;
        };
      },
    },
  },
  {
    type: "ydoc",
    mutator: 'append one character to Y.Text "t" in one transaction (the transaction applies it to the doc); ' +
      "the delta is the Yjs update, encoded in the CrdtState envelope the codec uses for ydoc",
    iterations: 50_000,
    make() {
      const s: YDocState = emptyYDoc(YDOC_CLIENT_ID);
      return () => {
        const update = yTransact(s, (doc) => {
          const t = doc.getText("t");
          t.insert(t.length, "x");
        });
        if (update === null) throw new Error("ydoc: the transaction produced no update");
        return encodeYDocDelta(update).length;
      };
    },
    baseline: {
      what: "bare Yjs: the same insert in a Y.Doc transaction, its update captured by one long-lived listener",
      make() {
        const doc = new Y.Doc();
        doc.clientID = YDOC_CLIENT_ID;
        const t = doc.getText("t");
        let bytes = 0;
        doc.on("update", (u: Uint8Array) => void (bytes = u.length));
        return () => {
          doc.transact(() => t.insert(t.length, "x"));
          return bytes;
        };
      },
    },
  },
];

/** A ydoc delta on the wire: the update in the same CrdtState message encodeState writes for ydoc. */
function encodeYDocDelta(update: Uint8Array): Uint8Array {
  return lattice.crdt.CrdtState.encode({ format: FORMAT, type: lattice.crdt.CrdtType.YDOC, ydoc: update }).finish();
}

interface OpsResult {
  mutator: string;
  iterations: number;
  totalMs: number;
  opsPerSec: number;
  medianNsPerOp: number;
  meanDeltaBytes: number;
}

/** Timed ops of a workload: the full count, or a twentieth in a quick run. */
const iterationsOf = (w: Workload): number => sized(w.iterations, Math.ceil(w.iterations / 20));

function runOps(w: Workload, make: () => (i: number) => number = w.make): OpsResult {
  const op = make();
  let bytes = 0;
  let deltas = 0;
  const iterations = iterationsOf(w);
  const r: MeasureResult = measure(
    w.type,
    (i) => {
      bytes += op(i);
      deltas++;
    },
    { iterations, warmup: Math.min(20_000, Math.floor(iterations / 5)) },
  );
  return {
    mutator: w.mutator,
    iterations: r.iterations,
    totalMs: round(r.totalMs, 1),
    opsPerSec: r.opsPerSec,
    medianNsPerOp: round(r.medianNsPerOp, 0),
    meanDeltaBytes: round(bytes / deltas, 2),
  };
}

// ---------------------------------------------------------------------------------------------
// Large states

/**
 * Joins many small states pairwise, as a balanced tree. Merging one delta at a time into a big
 * state would cost O(state size) per delta (mergeInto walks the whole target), O(n²) overall.
 * Mutates the states in `parts`.
 */
function joinAll<T extends CausalType>(type: T, parts: CausalState<T>[]): CausalState<T> {
  let level = parts;
  while (level.length > 1) {
    const next: CausalState<T>[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const a = level[i] as CausalState<T>;
      const b = level[i + 1];
      if (b) mergeInto(a, b);
      next.push(a);
    }
    level = next;
  }
  return level[0] ?? emptyState(type);
}

/**
 * Deltas for brand-new members or keys are what the mutator would produce against the full
 * state, as long as it sees the full state's causal context: a cursor is an empty store with
 * that context, advanced past each delta it mints. This keeps building 10k states O(n log n).
 */
function cursorFrom<T extends CausalType>(type: T, from?: CausalState<T>): CausalState<T> {
  const c = emptyState(type);
  if (from) c.ctx.mergeFrom(from.ctx);
  return c;
}

function mint<T extends CausalType>(cursor: CausalState<T>, d: Causal<StoreOf[T]> | null): CausalState<T> {
  const ds = deltaState(cursor.type, d);
  cursor.ctx.mergeFrom(ds.ctx);
  return ds;
}

const SIZE = 10_000;
const BASE = 5_500; // orset: shared history; each side then removes 500 of it and adds 5,000
const SHARED_ADDS = 1_000; // of each side's 5,000 new members/keys, this many are the same on both sides
const MAP_BASE = 5_000; // ormap: shared keys; each side adds 5,000 keys and increments 500 shared ones

interface Pair<T extends CausalType> {
  a: CausalState<T>;
  b: CausalState<T>;
  divergence: string;
}

function buildOrsets(): Pair<"orset"> {
  const cursor = cursorFrom("orset");
  const baseParts: CausalState<"orset">[] = [];
  for (let i = 0; i < BASE; i++) baseParts.push(mint(cursor, addToSet(cursor, i % 2 === 0 ? A : B, `member-${i}`)));
  const base = joinAll("orset", baseParts);

  const side = (r: ReplicaId, tag: string, removeFrom: number): CausalState<"orset"> => {
    const c = cursorFrom("orset", base);
    const parts: CausalState<"orset">[] = [];
    for (let j = 0; j < SIZE - BASE + 500; j++) {
      const v = j < SHARED_ADDS ? `shared-${j}` : `${tag}-${j}`;
      parts.push(mint(c, addToSet(c, r, v)));
    }
    for (let i = removeFrom; i < removeFrom + 500; i++) parts.push(deltaState("orset", removeFromSet(base, `member-${i}`)));
    const s = cloneState(base);
    mergeInto(s, joinAll("orset", parts));
    return s;
  };
  const a = side(A, "a", 0);
  const b = side(B, "b", 250);
  for (const s of [a, b]) if (s.store.size !== SIZE) throw new Error(`orset side has ${s.store.size} members, expected ${SIZE}`);
  return {
    a,
    b,
    divergence:
      `shared history of ${BASE} members added by A and B; then each side adds ${SIZE - BASE + 500} members ` +
      `(${SHARED_ADDS} of them the same values on both sides) and removes 500 shared ones (250 removed on both sides)`,
  };
}

function buildOrmaps(): Pair<"ormap"> {
  const cursor = cursorFrom("ormap");
  const baseParts: CausalState<"ormap">[] = [];
  for (let i = 0; i < MAP_BASE; i++) {
    const r = i % 2 === 0 ? A : B;
    baseParts.push(mint(cursor, updateMap(cursor, r, `key-${i}`, "pncounter", incrementValue(r))));
  }
  const base = joinAll("ormap", baseParts);
  const baseEntries = [...base.store];

  const side = (r: ReplicaId, tag: string, incrementFrom: number): CausalState<"ormap"> => {
    const c = cursorFrom("ormap", base);
    const parts: CausalState<"ormap">[] = [];
    for (let j = 0; j < SIZE - MAP_BASE; j++) {
      const key = j < SHARED_ADDS ? `shared-${j}` : `${tag}-${j}`;
      parts.push(mint(c, updateMap(c, r, key, "pncounter", incrementValue(r))));
    }
    // An increment of an existing key depends only on that key's entry and the context.
    for (const [ek, entry] of baseEntries.slice(incrementFrom, incrementFrom + 500)) {
      const view: CausalState<"ormap"> = { type: "ormap", store: new Map([[ek, entry]]), ctx: c.ctx };
      parts.push(mint(c, updateMap(view, r, entry.key, "pncounter", incrementValue(r))));
    }
    const s = cloneState(base);
    mergeInto(s, joinAll("ormap", parts));
    return s;
  };
  const a = side(A, "a", 0);
  const b = side(B, "b", 250);
  for (const s of [a, b]) if (s.store.size !== SIZE) throw new Error(`ormap side has ${s.store.size} keys, expected ${SIZE}`);
  return {
    a,
    b,
    divergence:
      `shared history of ${MAP_BASE} keys created by A and B; then each side creates ${SIZE - MAP_BASE} keys ` +
      `(${SHARED_ADDS} of them the same keys on both sides) and increments 500 shared keys (250 on both sides)`,
  };
}

interface LargeResult {
  entries: number;
  divergence: string;
  encodedBytes: number;
  encodeMs: number;
  decodeMs: number;
  digestMs: number;
  smallDelta: string;
  mutateSmallDeltaUs: number;
  joinSmallDeltaUs: number;
  smallDeltaBytes: number;
  joinDivergentMs: number;
  joinedEntries: number;
  buildMs: number;
  /** orset only: JSON.stringify of the member values, the smallest plain form of the same set. */
  membersJsonBytes: number | null;
}

const RUNS = sized(15, 3);
const DELTA_JOINS = sized(200, 20);

function sameBytes(x: Uint8Array, y: Uint8Array): boolean {
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function large<T extends "orset" | "ormap">(
  type: T,
  build: () => Pair<T>,
  smallDelta: { description: string; make: (target: CausalState<T>, run: number) => Causal<StoreOf[T]> | null },
): LargeResult {
  const built = stopwatch();
  const { a, b, divergence } = build();
  const buildMs = built();
  progress(`${type}: built two divergent ${SIZE}-entry states in ${buildMs} ms`);
  settle();

  const bytes = encodeState(a);
  const encode: RepeatResult = repeat(`${type} encode`, () => void encodeState(a), { runs: RUNS, warmup: 2 });
  const decode = repeat(`${type} decode`, () => void decodeState(bytes), { runs: RUNS, warmup: 2 });
  if (!sameBytes(encodeState(decodeState(bytes)), bytes)) throw new Error(`${type}: decode does not round-trip`);
  const dig = repeat(`${type} digest`, () => void digest(a), { runs: RUNS, warmup: 2 });
  settle();

  let joined: CausalState<T> | undefined;
  const joinDivergent = repeat(`${type} join divergent`, () => void (joined = join(a, b)), { runs: RUNS, warmup: 2 });
  const joinedEntries = joined?.store.size ?? 0;
  settle();

  // Small deltas produced against, and joined into, a copy of side A (which stays untouched).
  const target = cloneState(a);
  const mutateNs: number[] = [];
  const joinNs: number[] = [];
  let deltaBytes = 0;
  const warmup = 20;
  for (let run = 0; run < warmup + DELTA_JOINS; run++) {
    let d: Causal<StoreOf[T]> | null = null;
    const tm = timeNs(() => (d = smallDelta.make(target, run)));
    const ds = deltaState(type, d);
    const tj = timeNs(() => mergeInto(target, ds));
    if (run >= warmup) {
      mutateNs.push(tm);
      joinNs.push(tj);
      deltaBytes += encodeState(ds).length;
    }
  }

  return {
    entries: a.store.size,
    divergence,
    encodedBytes: bytes.length,
    encodeMs: nsToMs(encode.medianNs),
    decodeMs: nsToMs(decode.medianNs),
    digestMs: nsToMs(dig.medianNs),
    smallDelta: smallDelta.description,
    mutateSmallDeltaUs: nsToUs(median(mutateNs)),
    joinSmallDeltaUs: nsToUs(median(joinNs)),
    smallDeltaBytes: round(deltaBytes / DELTA_JOINS, 1),
    joinDivergentMs: nsToMs(joinDivergent.medianNs),
    joinedEntries,
    buildMs,
    membersJsonBytes: type === "orset" ? Buffer.byteLength(JSON.stringify(memberValues((a as CausalState<"orset">).store))) : null,
  };
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  const total = stopwatch();
  const meta = environment();
  const ops: Record<string, OpsResult> = {};
  const baselines: Record<string, OpsResult & { what: string }> = {};
  const figures: Figure[] = [];
  for (const w of WORKLOADS) {
    settle();
    const r = runOps(w);
    ops[w.type] = r;
    settle();
    const b = runOps(w, w.baseline.make);
    baselines[w.type] = { ...b, what: w.baseline.what, mutator: w.mutator };
    progress(`${w.type}: ${r.opsPerSec} ops/s, ${r.meanDeltaBytes} B/delta (${r.totalMs} ms); plain JS ${b.opsPerSec} ops/s`);
    figures.push(
      figure({
        id: `ops-${w.type}`,
        label: `${w.type}: mutate + join + encode, ops/s`,
        value: r.opsPerSec,
        unit: "ops/s",
        better: "higher",
        against: { label: w.type === "ydoc" ? "bare Yjs, same edit and update" : `plain JS: ${w.baseline.what}`, kind: "ceiling", value: b.opsPerSec },
      }),
    );
  }

  const orset = large("orset", buildOrsets, {
    description: 'replica C adds and removes "extra-<n>" alternately (set stays at 10,000-10,001 members)',
    make: (s, run) => (run % 2 === 0 ? addToSet(s, C, `extra-${run}`) : removeFromSet(s, `extra-${run - 1}`)),
  });
  progress(`orset 10k: ${orset.encodedBytes} B, join delta ${orset.joinSmallDeltaUs} us, join divergent ${orset.joinDivergentMs} ms`);
  const ormap = large("ormap", buildOrmaps, {
    description: 'replica D increments the pncounter under an existing "key-<n>"',
    make: (s, run) => updateMap(s, D, `key-${(run * 37) % MAP_BASE}`, "pncounter", incrementValue(D)),
  });
  progress(`ormap 10k: ${ormap.encodedBytes} B, join delta ${ormap.joinSmallDeltaUs} us, join divergent ${ormap.joinDivergentMs} ms`);

  const orsetJsonBytes = orset.membersJsonBytes ?? 0;
  figures.push(
    figure({
      id: "orset-10k-bytes",
      label: "orset of 10,000 members, encoded state size",
      value: orset.encodedBytes,
      unit: "bytes",
      better: "lower",
      against: { label: "the members alone as a JSON array", kind: "ceiling", value: orsetJsonBytes },
      note: "the encoded state also carries every member's dot and the causal context, which is what lets two replicas merge it",
    }),
  );

  printJson({
    benchmark: "crdt",
    about: "Operations per second of each CRDT type (make a delta, merge it, encode it) beside plain JS doing the same bookkeeping with a JSON change, in one process.",
    quick: QUICK,
    meta,
    notes: {
      op: "one op = produce a delta with the mutator, merge it into the replica state (mergeInto), encode the delta (encodeState)",
      opsPerSec: "timed iterations / timed duration, after a warm-up; medianNsPerOp is the median over 10 batches",
      replicaIds: "21-character ids, as the node mints them",
      large: `medians over ${RUNS} runs (${DELTA_JOINS} for small deltas); joinDivergent is join(a, b), which copies a`,
    },
    ops,
    baselines,
    large: { orset, ormap },
    figures,
    durationMs: total(),
  });
}

main();
