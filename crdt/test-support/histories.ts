/**
 * Test support for the crdt/ property tests: random operation histories over a few replicas,
 * helpers to apply operations and compare states, and JSON arbitraries with safe numbers.
 *
 * A history is generated as a recipe (replica ids plus a list of steps) and then run
 * deterministically, so fast-check can shrink the recipe and print it readably on failure.
 * Every step is one of:
 * - `op`: replica i applies a random operation valid for the type (its delta, if any, is
 *   recorded in order with its origin and the deltas the origin knew before it: its causal past);
 * - `state`: replica i joins replica j's full state;
 * - `delta`: replica i joins one of the deltas recorded so far (any of them: out of order,
 *   duplicated, back to its origin).
 *
 * Each replica also tracks the set of recorded deltas its state includes (`known`), so tests can
 * compare a replica with the join of exactly those deltas or with a model of the type.
 */
import fc from "fast-check";
import type {
  AnyStore,
  Causal,
  CausalContext,
  CausalState,
  CausalType,
  CounterStore,
  FlagStore,
  Json,
  MapStore,
  RegisterClock,
  RegisterStore,
  ReplicaId,
  SetStore,
  VoteStore,
} from "../index.js";
import {
  CrdtError,
  addToCounter,
  addToSet,
  asReplicaId,
  castVote,
  clearMap,
  clearSet,
  cloneState,
  deleteMapKey,
  emptyState,
  enableFlag,
  encodeState,
  join,
  mapKeyType,
  mergeInto,
  removeFromSet,
  setRegister,
  updateMap,
} from "../index.js";

// ---------------------------------------------------------------------------------------------
// Property run configuration

/**
 * Sets fast-check's global run count from LATTICE_PROPERTY_RUNS (default 1000) and, when given,
 * its seed from LATTICE_PROPERTY_SEED. Test files pass `process.env` in (crdt/ sources may not
 * touch `process`). On failure fast-check prints the seed and path that replay the case.
 */
export function configureProperties(env: Readonly<Record<string, string | undefined>>): void {
  const runs = Number(env["LATTICE_PROPERTY_RUNS"] ?? 1000);
  const seed = env["LATTICE_PROPERTY_SEED"];
  fc.configureGlobal({
    numRuns: Number.isSafeInteger(runs) && runs > 0 ? runs : 1000,
    ...(seed !== undefined && seed !== "" ? { seed: Number(seed) } : {}),
  });
}

// ---------------------------------------------------------------------------------------------
// Replica ids and values

/** Replica ids histories draw from (mixed case and punctuation, to exercise id ordering). */
export const REPLICA_IDS: readonly ReplicaId[] = ["A", "B", "C", "a_2", "Z-9"].map(asReplicaId);
/** A replica id no history uses: safe for extra writes on any generated state. */
export const OUTSIDER: ReplicaId = asReplicaId("outsider");

/**
 * Set members and register values histories use: few, so that operations collide. Includes two
 * spellings of one object (`{a,b}` and `{b,a}`), which must be one member.
 */
export const VALUE_POOL: readonly Json[] = ["a", "b", 1, -0.5, true, null, { a: 1, b: [2] }, { b: [2], a: 1 }, [1, "x"]];

const SAFE_DOUBLE = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .filter((n) => !Number.isInteger(n) || Number.isSafeInteger(n));

/**
 * Characters for JSON strings: ASCII, JSON escapes, non-ASCII, an astral character and lone
 * surrogates (JSON.stringify escapes those, so canonical text must survive them). A fixed unit
 * keeps generation cheap (fast-check's "binary" unit builds a code-point table per arbitrary).
 */
const CHAR = fc.oneof(
  fc.constantFrom("a", "B", "0", " ", "\u0000", '"', "\\", "é", "\u2028", "😀", "\ud800", "\udc00"),
  fc.string({ minLength: 1, maxLength: 1 }),
);
const STRING = (maxLength: number) => fc.string({ unit: CHAR, maxLength });

/**
 * Any JSON value Lattice accepts: safe integers, finite doubles (including -0), strings with
 * escapes, astral characters and lone surrogates, arrays and plain objects, nested a few levels.
 */
export function jsonValue(maxDepth = 3): fc.Arbitrary<Json> {
  const { value } = fc.letrec<{ value: Json }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", maxDepth, withCrossShrink: true },
      fc.constant(null),
      fc.boolean(),
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      SAFE_DOUBLE,
      STRING(6),
      fc.array(tie("value"), { maxLength: 3 }),
      fc.dictionary(STRING(4), tie("value"), { maxKeys: 3, noNullPrototype: true }),
    ),
  }));
  return value;
}

// ---------------------------------------------------------------------------------------------
// Operations

export type Op =
  | { readonly kind: "count"; readonly amount: number }
  | { readonly kind: "add"; readonly value: Json }
  | { readonly kind: "remove"; readonly value: Json }
  | { readonly kind: "clear" }
  | { readonly kind: "set"; readonly value: Json; readonly clock: RegisterClock; readonly now: number }
  | { readonly kind: "enable" }
  | { readonly kind: "vote"; readonly value: boolean }
  /** Runs `op` on the `type` value under `key`; `op: null` adds the key empty. */
  | { readonly kind: "update"; readonly key: Json; readonly type: CausalType; readonly op: Op | null }
  | { readonly kind: "delete"; readonly key: Json };

/**
 * The delta of `op` on `s` (a state or a nested store with the map's context), without applying
 * it. An `update` of a key that already holds another type is refused as a no-op (null): a key's
 * type never changes, and histories must not stop on that (the TCK tests check the error).
 */
export function opDelta(type: CausalType, s: Causal<AnyStore>, replica: ReplicaId, op: Op): Causal<AnyStore> | null {
  switch (op.kind) {
    case "count":
      expectType(type, op, "gcounter", "pncounter");
      return addToCounter(s as Causal<CounterStore>, replica, op.amount, type === "gcounter" ? "gcounter" : "pncounter");
    case "add":
      expectType(type, op, "gset", "orset");
      return addToSet(s as Causal<SetStore>, replica, op.value);
    case "remove":
      expectType(type, op, "orset");
      return removeFromSet(s as Causal<SetStore>, op.value);
    case "clear":
      expectType(type, op, "orset", "ormap");
      return type === "orset" ? clearSet(s as Causal<SetStore>) : clearMap(s as Causal<MapStore>, replica);
    case "set":
      expectType(type, op, "lwwregister");
      return setRegister(s as Causal<RegisterStore>, replica, op.value, op.clock, op.now);
    case "enable":
      expectType(type, op, "flag");
      return enableFlag(s as Causal<FlagStore>, replica);
    case "vote":
      expectType(type, op, "vote");
      return castVote(s as Causal<VoteStore>, replica, op.value);
    case "update": {
      expectType(type, op, "ormap");
      const m = s as Causal<MapStore>;
      const held = mapKeyType(m.store, op.key);
      if (held !== undefined && held !== op.type) return null;
      const nested = op.op;
      return updateMap<CausalType>(m, replica, op.key, op.type, (n) => (nested === null ? null : opDelta(op.type, n, replica, nested)));
    }
    case "delete":
      expectType(type, op, "ormap");
      return deleteMapKey(s as Causal<MapStore>, replica, op.key);
  }
}

function expectType(type: CausalType, op: Op, ...allowed: CausalType[]): void {
  if (!allowed.includes(type)) throw new Error(`test bug: op ${showOp(op)} on a ${type}`);
}

/** Applies `op` to `state` in place (joining its delta); returns the delta as a state, or null. */
export function applyOp(state: CausalState, replica: ReplicaId, op: Op): CausalState | null {
  const d = opDelta(state.type, state, replica, op);
  if (d === null) return null;
  const ds = asState(state.type, d);
  mergeInto(state, ds);
  return ds;
}

/** A delta (or nested store with a context) as a state of `type`. */
export function asState(type: CausalType, d: Causal<AnyStore>): CausalState {
  return { type, store: d.store, ctx: d.ctx };
}

export function showOp(op: Op | null): string {
  if (op === null) return "touch";
  const j = (v: Json): string => JSON.stringify(v);
  switch (op.kind) {
    case "count":
      return `count(${op.amount})`;
    case "add":
    case "remove":
      return `${op.kind}(${j(op.value)})`;
    case "clear":
    case "enable":
      return `${op.kind}()`;
    case "set": {
      const c = op.clock.kind === "custom" || op.clock.kind === "customAutoIncrement" ? `${op.clock.kind}(${op.clock.value})` : op.clock.kind;
      return `set(${j(op.value)}, ${c}, now=${op.now})`;
    }
    case "vote":
      return `vote(${op.value})`;
    case "update":
      return `update(${j(op.key)}:${op.type}, ${showOp(op.op)})`;
    case "delete":
      return `delete(${j(op.key)})`;
  }
}

// ---------------------------------------------------------------------------------------------
// Operation arbitraries

/** Map keys with the type each holds; "x" is written with two types, so writers can conflict. */
export const MAP_SLOTS: readonly { readonly key: Json; readonly type: CausalType }[] = [
  { key: "n", type: "pncounter" },
  { key: "g", type: "gcounter" },
  { key: "gs", type: "gset" },
  { key: "s", type: "orset" },
  { key: "r", type: "lwwregister" },
  { key: "f", type: "flag" },
  { key: "v", type: "vote" },
  { key: { id: 1 }, type: "ormap" },
  { key: "x", type: "pncounter" },
  { key: "x", type: "orset" },
];

/** Nested ormaps go at most this deep (the top-level map is depth 0). */
export const MAX_MAP_DEPTH = 2;

const VALUE = fc.constantFrom(...VALUE_POOL);

const CLOCK: fc.Arbitrary<RegisterClock> = fc.oneof(
  fc.constant<RegisterClock>({ kind: "default" }),
  fc.constant<RegisterClock>({ kind: "reverse" }),
  fc.integer({ min: -3, max: 3 }).map((value): RegisterClock => ({ kind: "custom", value })),
  fc.integer({ min: -3, max: 3 }).map((value): RegisterClock => ({ kind: "customAutoIncrement", value })),
);

/** A random operation valid for `type` (nested ormaps down to MAX_MAP_DEPTH). */
export function opArb(type: CausalType, depth = 0): fc.Arbitrary<Op> {
  switch (type) {
    case "gcounter":
      return fc.integer({ min: 0, max: 5 }).map((amount): Op => ({ kind: "count", amount }));
    case "pncounter":
      return fc.integer({ min: -5, max: 5 }).map((amount): Op => ({ kind: "count", amount }));
    case "gset":
      return VALUE.map((value): Op => ({ kind: "add", value }));
    case "orset":
      return fc.oneof(
        { arbitrary: VALUE.map((value): Op => ({ kind: "add", value })), weight: 3 },
        { arbitrary: VALUE.map((value): Op => ({ kind: "remove", value })), weight: 2 },
        { arbitrary: fc.constant<Op>({ kind: "clear" }), weight: 1 },
      );
    case "lwwregister":
      return fc
        .record({ value: VALUE, clock: CLOCK, now: fc.integer({ min: 0, max: 10 }) })
        .map((r): Op => ({ kind: "set", ...r }));
    case "flag":
      return fc.constant<Op>({ kind: "enable" });
    case "vote":
      return fc.boolean().map((value): Op => ({ kind: "vote", value }));
    case "ormap": {
      const slots = MAP_SLOTS.filter((s) => s.type !== "ormap" || depth < MAX_MAP_DEPTH);
      const update = fc
        .constantFrom(...slots)
        .chain((slot) =>
          fc
            .option(opArb(slot.type, depth + 1), { nil: null, freq: 6 })
            .map((op): Op => ({ kind: "update", key: slot.key, type: slot.type, op })),
        );
      const key = fc.constantFrom(...new Set(slots.map((s) => s.key)));
      return fc.oneof(
        { arbitrary: update, weight: 6 },
        { arbitrary: key.map((k): Op => ({ kind: "delete", key: k })), weight: 2 },
        { arbitrary: fc.constant<Op>({ kind: "clear" }), weight: 1 },
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Histories

export type Step =
  | { readonly kind: "op"; readonly at: number; readonly op: Op }
  | { readonly kind: "state"; readonly from: number; readonly to: number }
  | { readonly kind: "delta"; readonly pick: number; readonly to: number };

export interface RecordedDelta {
  /** Position in `History.deltas`. */
  readonly index: number;
  /** Index of the replica that produced it. */
  readonly origin: number;
  readonly replica: ReplicaId;
  readonly op: Op;
  readonly delta: CausalState;
  /** Deltas the origin's state included before this one: the delta's causal past. */
  readonly past: ReadonlySet<number>;
}

/** One operation attempt, whether it produced a delta or not. */
export interface Attempt {
  readonly origin: number;
  readonly op: Op;
  readonly past: ReadonlySet<number>;
  /** Index into `History.deltas`, or null when the operation changed nothing. */
  readonly delta: number | null;
}

export interface Snapshot {
  readonly replica: number;
  readonly state: CausalState;
  readonly known: ReadonlySet<number>;
}

export interface History {
  readonly type: CausalType;
  readonly ids: readonly ReplicaId[];
  readonly steps: readonly Step[];
  /** Final state of each replica. */
  readonly states: readonly CausalState[];
  /** For each replica, the recorded deltas its final state includes. */
  readonly known: readonly ReadonlySet<number>[];
  readonly deltas: readonly RecordedDelta[];
  readonly attempts: readonly Attempt[];
  /** A copy of the changed replica's state after every step, in order. */
  readonly snapshots: readonly Snapshot[];
  /** For each step: the delta it produced (op) or joined (delta), if any. */
  readonly stepDeltas: readonly (number | null)[];
}

export interface HistoryOptions {
  readonly minReplicas?: number;
  readonly maxReplicas?: number;
  readonly maxSteps?: number;
  /** Operations to draw from (default: opArb(type)). */
  readonly ops?: fc.Arbitrary<Op>;
  /** Relative weights of op / full-state sync / delta sync steps (default 6 / 2 / 2). */
  readonly weights?: { readonly op: number; readonly state: number; readonly delta: number };
  /**
   * `any` (default): a delta step joins the picked delta whatever the receiver has seen.
   * `causal`: only when the receiver already includes the delta's causal past (the delta-merging
   * condition), otherwise the step does nothing; every replica then stays causally closed.
   */
  readonly delivery?: "any" | "causal";
}

/** Runs a recipe. Deterministic: the same recipe gives the same history. */
export function runHistory(type: CausalType, ids: readonly ReplicaId[], steps: readonly Step[], delivery: "any" | "causal" = "any"): History {
  const states = ids.map(() => emptyState<CausalType>(type));
  const known = ids.map(() => new Set<number>());
  const deltas: RecordedDelta[] = [];
  const attempts: Attempt[] = [];
  const snapshots: Snapshot[] = [];
  const stepDeltas: (number | null)[] = [];
  const n = ids.length;
  for (const step of steps) {
    let changed: number;
    let stepDelta: number | null = null;
    switch (step.kind) {
      case "op": {
        const i = (changed = step.at % n);
        const past = new Set(known[i]);
        const d = applyOp(states[i] as CausalState, ids[i] as ReplicaId, step.op);
        let index: number | null = null;
        if (d !== null) {
          index = deltas.length;
          deltas.push({ index, origin: i, replica: ids[i] as ReplicaId, op: step.op, delta: d, past });
          known[i]?.add(index);
        }
        attempts.push({ origin: i, op: step.op, past, delta: index });
        stepDelta = index;
        break;
      }
      case "state": {
        const from = step.from % n;
        const to = (changed = step.to % n);
        mergeInto(states[to] as CausalState, states[from] as CausalState);
        for (const k of known[from] ?? []) known[to]?.add(k);
        break;
      }
      case "delta": {
        const to = (changed = step.to % n);
        const d = deltas[step.pick % Math.max(1, deltas.length)];
        const receiver = known[to] as Set<number>;
        if (d && (delivery === "any" || [...d.past].every((k) => receiver.has(k)))) {
          mergeInto(states[to] as CausalState, d.delta);
          receiver.add(d.index);
          stepDelta = d.index;
        }
        break;
      }
    }
    stepDeltas.push(stepDelta);
    snapshots.push({ replica: changed, state: cloneState(states[changed] as CausalState), known: new Set(known[changed]) });
  }
  const h: History = { type, ids, steps, states, known, deltas, attempts, snapshots, stepDeltas };
  return withToString(h, () => showHistory(h));
}

export function showHistory(h: History): string {
  const id = (i: number): string => h.ids[i % h.ids.length] as string;
  const steps = h.steps.map((s, k) => {
    const d = h.stepDeltas[k] ?? null;
    switch (s.kind) {
      case "op":
        return `${id(s.at)}.${showOp(s.op)}${d === null ? " (no-op)" : ` →Δ${d}`}`;
      case "state":
        return `${id(s.to)}<=${id(s.from)}`;
      case "delta":
        return d === null ? `${id(s.to)}<=Δ(skipped)` : `${id(s.to)}<=Δ${d}`;
    }
  });
  return `history<${h.type}>[${h.ids.join(",")}]: ${steps.join("; ") || "(no steps)"}`;
}

/** Random histories of `type`. */
export function historyArb(type: CausalType, opts: HistoryOptions = {}): fc.Arbitrary<History> {
  const ops = opts.ops ?? opArb(type);
  const w = opts.weights ?? { op: 6, state: 2, delta: 2 };
  const index = fc.nat({ max: 7 });
  const step: fc.Arbitrary<Step> = fc.oneof(
    { arbitrary: fc.record({ at: index, op: ops }).map((s): Step => ({ kind: "op", ...s })), weight: w.op },
    { arbitrary: fc.record({ from: index, to: index }).map((s): Step => ({ kind: "state", ...s })), weight: w.state },
    { arbitrary: fc.record({ pick: fc.nat({ max: 63 }), to: index }).map((s): Step => ({ kind: "delta", ...s })), weight: w.delta },
  );
  return fc
    .record({
      ids: fc.shuffledSubarray([...REPLICA_IDS], { minLength: opts.minReplicas ?? 2, maxLength: opts.maxReplicas ?? 3 }),
      steps: fc.array(step, { maxLength: opts.maxSteps ?? 18 }),
    })
    .map(({ ids, steps }) => runHistory(type, ids, steps, opts.delivery));
}

/** Every state a history passed through: empty, each snapshot, each delta, each final state. */
export function statePool(h: History): CausalState[] {
  return [emptyState<CausalType>(h.type), ...h.snapshots.map((s) => s.state), ...h.deltas.map((d) => d.delta), ...h.states];
}

/**
 * `count` states of `type` from one history (snapshots, deltas, final states or empty). States
 * must come from one history: two histories reuse replica ids, and states minting the same dot
 * for different events are not states of one system.
 */
export function statesArb(type: CausalType, count: number, opts: HistoryOptions = {}): fc.Arbitrary<CausalState[]> {
  return fc
    .tuple(historyArb(type, opts), fc.array(fc.nat(), { minLength: count, maxLength: count }))
    .map(([h, picks]) => {
      const pool = statePool(h);
      // Bias towards final states: they hold the most.
      const states = picks.map((p) => (p % 3 === 0 ? (h.states[p % h.states.length] as CausalState) : (pool[p % pool.length] as CausalState)));
      return withToString(states, () => `${showHistory(h)}\n  picked: ${states.map(dumpState).join("\n          ")}`);
    });
}

/** The state of one replica after a random history. */
export function randomState(type: CausalType, opts: HistoryOptions = {}): fc.Arbitrary<CausalState> {
  return fc.tuple(historyArb(type, opts), fc.nat()).map(([h, p]) => {
    const s = h.states[p % h.states.length] as CausalState;
    return withToString(s, () => `${showHistory(h)}\n  state of ${h.ids[p % h.ids.length]}: ${dumpState(s)}`);
  });
}

/** A random history plus one of its replicas (index). */
export function historyAndReplica(type: CausalType, opts: HistoryOptions = {}): fc.Arbitrary<{ h: History; i: number }> {
  return fc.tuple(historyArb(type, opts), fc.nat()).map(([h, p]) => ({ h, i: p % h.ids.length }));
}

// ---------------------------------------------------------------------------------------------
// Comparing and printing states

/** Canonical bytes as hex: equal states give equal strings, and assert prints the difference. */
export function hex(s: Parameters<typeof encodeState>[0]): string {
  return Buffer.from(encodeState(s)).toString("hex");
}

/** Asserts two states are equal (equal canonical bytes), printing both on failure. */
export function assertSameState(actual: CausalState, expected: CausalState, message = "states differ"): void {
  if (hex(actual) !== hex(expected)) {
    throw new Error(`${message}\n  actual:   ${dumpState(actual)}\n  expected: ${dumpState(expected)}`);
  }
}

/** True when `a ⊑ b`: joining a into b changes nothing. */
export function leq(a: CausalState, b: CausalState): boolean {
  return hex(join(b, a)) === hex(b);
}

/** Joins the given states in order into a fresh empty state of `type`. */
export function joinAll(type: CausalType, states: Iterable<CausalState>): CausalState {
  const out = emptyState<CausalType>(type);
  for (const s of states) mergeInto(out, s);
  return out;
}

/** A readable rendering of a state for failure messages (dots as `replica:counter`). */
export function dumpState(s: CausalState): string {
  return JSON.stringify({ type: s.type, ctx: dumpContext(s.ctx), store: s.store }, (_k, v: unknown) => {
    if (v instanceof Map) return Object.fromEntries(v as Map<string, unknown>);
    if (v instanceof Set) return [...(v as Set<unknown>)];
    if (isDot(v)) return `${v.replica}:${v.counter}`;
    return v;
  });
}

function dumpContext(ctx: CausalContext): Json {
  return {
    vv: Object.fromEntries(ctx.vv),
    cloud: Object.fromEntries([...ctx.cloud].map(([r, c]) => [r, [...c].sort((a, b) => a - b)])),
  };
}

function isDot(v: unknown): v is { replica: string; counter: number } {
  return typeof v === "object" && v !== null && Object.keys(v).length === 2 && "replica" in v && "counter" in v;
}

/**
 * A view as plain JSON objects. Map views have a null prototype (so a "__proto__" key stays an
 * own property); strict deep equality against object literals needs ordinary prototypes.
 */
export function plain(v: Json): Json {
  return JSON.parse(JSON.stringify(v)) as Json;
}

/** Attaches a fast-check toString to an object (shown in counterexamples). */
export function withToString<T extends object>(value: T, show: () => string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: show, enumerable: false });
  return value;
}

// ---------------------------------------------------------------------------------------------
// Errors

/** Runs `fn` and returns the CrdtError code it throws; fails if it returns or throws anything else. */
export function crdtErrorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof CrdtError) return e.code;
    throw new Error(`expected a CrdtError, got ${String(e)}`, { cause: e });
  }
  throw new Error("expected a CrdtError, but the call returned");
}

