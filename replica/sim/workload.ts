/**
 * The command side of the simulation: which services exist (one per state model, on a small key
 * space so that replicas contend), how a command is drawn, and what it did, recorded in a form the
 * checkers of ./simulation.ts can replay against the converged state.
 *
 * A command draws its random numbers when it is issued and makes its choices when its `produce`
 * runs (inside the entity's mutex, against the state it then sees), so what it does is decided by
 * the replica's state, as for a real command handler.
 *
 * @module
 */
import type { Causal, CausalState, CausalType, ReplicaId, TypeName } from "../../crdt/index.js";
import {
  addToCounter,
  castVote,
  clearMap,
  clearSet,
  deleteMapKey,
  enableFlag,
  removeFromSet,
  setRegister,
  addToSet,
  updateMap,
  yTransact,
  DEFAULT_CLOCK,
} from "../../crdt/index.js";
import type { Entity } from "../entity.js";
import type { Change, Consistency } from "../replica.js";

/** The services of the simulated application: name → state model, and how many keys each has. */
export const SERVICES = {
  gc: { type: "gcounter", keys: 3, weight: 12 },
  pn: { type: "pncounter", keys: 3, weight: 10 },
  gs: { type: "gset", keys: 3, weight: 8 },
  os: { type: "orset", keys: 3, weight: 14 },
  reg: { type: "lwwregister", keys: 3, weight: 10 },
  flag: { type: "flag", keys: 4, weight: 3 },
  map: { type: "ormap", keys: 3, weight: 14 },
  vote: { type: "vote", keys: 2, weight: 6 },
  doc: { type: "ydoc", keys: 2, weight: 12 },
  /** An orset whose entities are sometimes deleted (tombstones must converge too). */
  tomb: { type: "orset", keys: 3, weight: 6 },
} as const satisfies Record<string, { type: TypeName; keys: number; weight: number }>;

export type ServiceName = keyof typeof SERVICES;
export const SERVICE_NAMES = Object.keys(SERVICES) as ServiceName[];

/** Nested keys of the `map` service, each with the one type it always holds. */
export const MAP_KEYS = { cnt: "pncounter", set: "orset", reg: "lwwregister", on: "flag", sub: "ormap" } as const satisfies Record<
  string,
  CausalType
>;
type MapKey = keyof typeof MAP_KEYS;
const MAP_KEY_NAMES = Object.keys(MAP_KEYS) as MapKey[];

/** What a command did, as its produce decided it. */
export type Effect =
  | { readonly op: "inc"; readonly amount: number }
  | { readonly op: "add"; readonly value: string }
  | { readonly op: "remove"; readonly value: string }
  | { readonly op: "clear"; readonly values: readonly string[] }
  | { readonly op: "set"; readonly value: string }
  | { readonly op: "enable" }
  | { readonly op: "vote"; readonly value: boolean }
  | { readonly op: "mapUpdate"; readonly key: MapKey; readonly what: string }
  | { readonly op: "mapDelete"; readonly key: string }
  | { readonly op: "mapClear" }
  | { readonly op: "insert"; readonly token: string }
  | { readonly op: "cut"; readonly text: string }
  | { readonly op: "ymap"; readonly key: string; readonly value: string }
  | { readonly op: "delete" };

export type Outcome = "pending" | "ok" | "noop" | "failed";

/** One command issued to a replica, and what became of it. */
export interface WriteRecord {
  readonly n: number;
  readonly node: number;
  /** The incarnation that executed it. */
  readonly replicaId: ReplicaId;
  readonly service: ServiceName;
  readonly key: string;
  readonly consistency: Consistency;
  readonly issuedMs: number;
  /** Virtual time its produce ran (undefined: it never ran). */
  execMs: number | undefined;
  /** What produce decided; undefined when it changed nothing or never ran. */
  effect: Effect | undefined;
  /**
   * The smallest member count (self included) the cluster reported when produce ran and when the
   * command resolved: majority/all count acknowledgements against it when the change is durable,
   * in between, and membership both grows (new replicas) and shrinks (forgotten incarnations).
   */
  members: number;
  outcome: Outcome;
  /** Virtual time the update resolved or rejected. */
  doneMs: number | undefined;
  error: string | undefined;
}

/** Peers that must acknowledge a write of `consistency` in a cluster of `members` (as Replica.update). */
export function peersNeeded(consistency: Consistency, members: number): number {
  if (consistency === "local") return 0;
  return consistency === "all" ? members - 1 : Math.floor(members / 2);
}

function causal<T extends CausalType>(e: Entity, type: T): CausalState<T> {
  if (e.state.type !== type) throw new Error(`simulation bug: ${e.ref.service}/${e.ref.key} holds a ${e.state.type}, not a ${type}`);
  return e.state as CausalState<T>;
}

function wrap<T extends CausalType>(type: T, d: Causal<CausalState<T>["store"]> | null): Change | null {
  return d ? { kind: "causal", delta: { type, store: d.store, ctx: d.ctx } } : null;
}

const SET_VALUES = 6;
const REG_VALUES = 8;

/**
 * The produce function of a command on `service`. `r` are random numbers in [0, 1) drawn when
 * it was issued; `now` reads the executing replica's wall clock. It records its effect in `w`.
 */
export function produceFor(
  w: WriteRecord,
  r: readonly number[],
  now: () => number,
  clock: () => number,
  members: () => number,
): (e: Entity) => Change | null {
  const id = w.replicaId;
  const rr = (i: number): number => r[i % r.length] ?? 0;
  const pickInt = (i: number, n: number): number => Math.min(n - 1, Math.floor(rr(i) * n));
  return (e) => {
    w.execMs = now();
    w.members = members();
    const record = (effect: Effect, change: Change | null): Change | null => {
      if (change) w.effect = effect;
      return change;
    };
    switch (w.service) {
      case "gc": {
        const amount = 1 + pickInt(0, 5);
        return record({ op: "inc", amount }, wrap("gcounter", addToCounter(causal(e, "gcounter"), id, amount, "gcounter")));
      }
      case "pn": {
        const amount = (1 + pickInt(0, 5)) * (rr(1) < 0.4 ? -1 : 1);
        return record({ op: "inc", amount }, wrap("pncounter", addToCounter(causal(e, "pncounter"), id, amount, "pncounter")));
      }
      case "gs": {
        const value = `v${pickInt(0, SET_VALUES * 2)}`;
        return record({ op: "add", value }, wrap("gset", addToSet(causal(e, "gset"), id, value)));
      }
      case "os":
      case "tomb":
        return orsetCommand(e, w, rr, pickInt, record);
      case "reg": {
        const value = `x${pickInt(0, REG_VALUES)}`;
        const s = causal(e, "lwwregister");
        const c = rr(1) < 0.15 ? ({ kind: "customAutoIncrement", value: pickInt(2, 50) } as const) : DEFAULT_CLOCK;
        return record({ op: "set", value }, wrap("lwwregister", setRegister(s, id, value, c, clock())));
      }
      case "flag":
        return record({ op: "enable" }, wrap("flag", enableFlag(causal(e, "flag"), id)));
      case "vote": {
        const value = rr(0) < 0.5;
        return record({ op: "vote", value }, wrap("vote", castVote(causal(e, "vote"), id, value)));
      }
      case "map":
        return mapCommand(e, w, rr, pickInt, clock, record);
      case "doc":
        return docCommand(e, w, rr, pickInt, record);
    }
  };
}

type Recorder = (effect: Effect, change: Change | null) => Change | null;

function orsetCommand(
  e: Entity,
  w: WriteRecord,
  rr: (i: number) => number,
  pickInt: (i: number, n: number) => number,
  record: Recorder,
): Change | null {
  const s = causal(e, "orset");
  const value = `e${pickInt(1, SET_VALUES)}`;
  const roll = rr(0);
  if (roll < 0.6) return record({ op: "add", value }, wrap("orset", addToSet(s, w.replicaId, value)));
  if (roll < 0.93) return record({ op: "remove", value }, wrap("orset", removeFromSet(s, value)));
  const values = [...s.store.keys()].map((t) => JSON.parse(t) as string);
  return record({ op: "clear", values }, wrap("orset", clearSet(s)));
}

function mapCommand(
  e: Entity,
  w: WriteRecord,
  rr: (i: number) => number,
  pickInt: (i: number, n: number) => number,
  clock: () => number,
  record: Recorder,
): Change | null {
  const s = causal(e, "ormap");
  const id = w.replicaId;
  const key = MAP_KEY_NAMES[pickInt(1, MAP_KEY_NAMES.length)] as MapKey;
  const roll = rr(0);
  if (roll < 0.18) return record({ op: "mapDelete", key }, wrap("ormap", deleteMapKey(s, id, key)));
  if (roll < 0.22) return record({ op: "mapClear" }, wrap("ormap", clearMap(s, id)));
  const sub = rr(2);
  switch (key) {
    case "cnt": {
      const amount = (1 + pickInt(3, 4)) * (sub < 0.3 ? -1 : 1);
      return record({ op: "mapUpdate", key, what: `inc ${amount}` }, wrap("ormap", updateMap(s, id, key, "pncounter", (n) => addToCounter(n, id, amount, "pncounter"))));
    }
    case "set": {
      const v = `m${pickInt(3, 4)}`;
      const add = sub < 0.65;
      return record(
        { op: "mapUpdate", key, what: `${add ? "add" : "remove"} ${v}` },
        wrap("ormap", updateMap(s, id, key, "orset", (n) => (add ? addToSet(n, id, v) : removeFromSet(n, v)))),
      );
    }
    case "reg": {
      const v = `r${pickInt(3, 5)}`;
      return record({ op: "mapUpdate", key, what: `set ${v}` }, wrap("ormap", updateMap(s, id, key, "lwwregister", (n) => setRegister(n, id, v, DEFAULT_CLOCK, clock()))));
    }
    case "on":
      return record({ op: "mapUpdate", key, what: "enable" }, wrap("ormap", updateMap(s, id, key, "flag", (n) => enableFlag(n, id))));
    case "sub": {
      const inner = sub < 0.7 ? "c" : "d";
      return record(
        { op: "mapUpdate", key, what: `${inner === "c" ? "inc" : "delete"} sub.c` },
        wrap(
          "ormap",
          updateMap(s, id, key, "ormap", (n) =>
            inner === "c" ? updateMap(n, id, "c", "gcounter", (c) => addToCounter(c, id, 1, "gcounter")) : deleteMapKey(n, id, "c"),
          ),
        ),
      );
    }
  }
}

function docCommand(e: Entity, w: WriteRecord, rr: (i: number) => number, pickInt: (i: number, n: number) => number, record: Recorder): Change | null {
  if (e.state.type !== "ydoc") throw new Error(`simulation bug: ${e.ref.service}/${e.ref.key} is not a ydoc`);
  const roll = rr(0);
  const text = e.state.doc.getText("t");
  let effect: Effect;
  let update: Uint8Array | null;
  if (roll < 0.65 || text.length === 0) {
    const token = `<${w.n}>`;
    // Only between tokens (at the start or right after a ">"), so that every token stays one
    // contiguous run in the converged text, whatever was inserted concurrently.
    const str = text.toString();
    const boundaries = [0];
    for (let i = 0; i < str.length; i++) if (str[i] === ">") boundaries.push(i + 1);
    const at = boundaries[pickInt(1, boundaries.length)] ?? 0;
    effect = { op: "insert", token };
    update = yTransact(e.state, (doc) => doc.getText("t").insert(at, token));
  } else if (roll < 0.82) {
    const at = pickInt(1, text.length);
    const len = Math.min(text.length - at, 1 + pickInt(2, 6));
    effect = { op: "cut", text: text.toString().slice(at, at + len) };
    update = yTransact(e.state, (doc) => doc.getText("t").delete(at, len));
  } else {
    const key = `k${pickInt(1, 3)}`;
    const value = `y${w.n}`;
    effect = { op: "ymap", key, value };
    update = yTransact(e.state, (doc) => doc.getMap("m").set(key, value));
  }
  return record(effect, update ? { kind: "ydoc", update } : null);
}

export const DOC_SHAPE = { t: "text", m: "map" } as const;
