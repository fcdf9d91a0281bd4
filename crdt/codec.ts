import * as Y from "yjs";
import "../protos/runtime.js";
import { lattice } from "../protos/generated/crdt.js";
import { CausalContext } from "./causal-context.js";
import type { CausalState } from "./causal.js";
import { dotFunOf } from "./dot-fun.js";
import type { Dot } from "./dot.js";
import { compareDots, dot } from "./dot.js";
import { CrdtError } from "./errors.js";
import { compareText, parseCanonicalJson } from "./json.js";
import { CAUSAL_TYPES } from "./kinds/kind.js";
import type { CausalType } from "./kinds/kind.js";
import { kindOf } from "./kinds/registry.js";
import type { AnyStore, CounterEntry, DotEntry, MapEntry, MapStore, RegisterEntry, SetMember, VoteEntry } from "./kinds/stores.js";
import { mapEntryKey } from "./kinds/stores.js";
import { isReplicaId } from "./replica-id.js";
import type { ReplicaId } from "./replica-id.js";
import type { YDocState } from "./ydoc.js";
import { emptyYDoc } from "./ydoc.js";

import pb = lattice.crdt;

/** Every Lattice state: the causal models and ydoc. */
export type CrdtState = CausalState | YDocState;
export type TypeName = CausalType | "ydoc";

export const FORMAT = 1;

/** Nested ormaps deeper than this are rejected: deep enough for any document model, bounded for safety. */
export const MAX_NESTING = 32;

const TYPE_TO_PB: Record<TypeName, pb.CrdtType> = {
  gcounter: pb.CrdtType.GCOUNTER,
  pncounter: pb.CrdtType.PNCOUNTER,
  gset: pb.CrdtType.GSET,
  orset: pb.CrdtType.ORSET,
  lwwregister: pb.CrdtType.LWWREGISTER,
  flag: pb.CrdtType.FLAG,
  ormap: pb.CrdtType.ORMAP,
  vote: pb.CrdtType.VOTE,
  ydoc: pb.CrdtType.YDOC,
};

const PB_TO_TYPE = new Map<number, TypeName>(Object.entries(TYPE_TO_PB).map(([k, v]) => [v, k as TypeName]));

type StoreField = "counter" | "set" | "register" | "flag" | "map" | "vote";
const STORE_FIELD: Record<CausalType, StoreField> = {
  gcounter: "counter",
  pncounter: "counter",
  gset: "set",
  orset: "set",
  lwwregister: "register",
  flag: "flag",
  ormap: "map",
  vote: "vote",
};

// ---------------------------------------------------------------------------------------------
// Encoding

class ReplicaTable {
  private readonly ids = new Set<ReplicaId>();
  private index = new Map<ReplicaId, number>();
  add(r: ReplicaId): void {
    this.ids.add(r);
  }
  seal(): string[] {
    const sorted = [...this.ids].sort(compareText);
    this.index = new Map(sorted.map((r, i) => [r, i]));
    return sorted;
  }
  of(r: ReplicaId): number {
    const i = this.index.get(r);
    if (i === undefined) throw new Error(`replica ${r} missing from the table`); // internal invariant
    return i;
  }
}

function collectReplicas(type: CausalType, store: AnyStore, table: ReplicaTable): void {
  const dots: Dot[] = [];
  kindOf(type).collectDots(store, dots);
  for (const d of dots) table.add(d.replica);
  if (type === "lwwregister") for (const e of (store as Map<string, RegisterEntry>).values()) table.add(e.writer);
  if (type === "gcounter" || type === "pncounter") {
    for (const e of (store as Map<string, CounterEntry>).values()) if (e.floor) table.add(e.target);
  }
  if (type === "ormap") for (const e of (store as MapStore).values()) collectReplicas(e.type, e.value, table);
}

function encodeDot(d: Dot, t: ReplicaTable): pb.Dot.$Properties {
  return { replica: t.of(d.replica), counter: d.counter };
}

function encodeStore(type: CausalType, store: AnyStore, t: ReplicaTable): pb.Store.$Properties {
  const byDot = <E extends { dot: Dot }>(m: Map<string, E>): E[] => [...m.values()].sort((a, b) => compareDots(a.dot, b.dot));
  switch (STORE_FIELD[type]) {
    case "counter":
      return {
        counter: {
          entries: byDot(store as Map<string, CounterEntry>).map((e) =>
            e.floor
              ? { dot: encodeDot(e.dot, t), p: e.p, n: e.n, floor: true, target: t.of(e.target) }
              : { dot: encodeDot(e.dot, t), p: e.p, n: e.n, baseP: e.baseP, baseN: e.baseN },
          ),
        },
      };
    case "set":
      return {
        set: {
          members: [...(store as Map<string, SetMember>).entries()]
            .sort((a, b) => compareText(a[0], b[0]))
            .map(([text, m]) => ({ value: text, dots: m.dots.map((d) => encodeDot(d, t)) })),
        },
      };
    case "register":
      return {
        register: {
          entries: byDot(store as Map<string, RegisterEntry>).map((e) => ({
            dot: encodeDot(e.dot, t),
            value: e.text,
            clock: e.clock,
            writer: t.of(e.writer),
          })),
        },
      };
    case "flag":
      return { flag: { dots: byDot(store as Map<string, DotEntry>).map((e) => encodeDot(e.dot, t)) } };
    case "vote":
      return { vote: { entries: byDot(store as Map<string, VoteEntry>).map((e) => ({ dot: encodeDot(e.dot, t), value: e.value })) } };
    case "map":
      return {
        map: {
          entries: [...(store as MapStore).values()]
            .sort((a, b) => compareText(a.keyText, b.keyText) || CAUSAL_TYPES.indexOf(a.type) - CAUSAL_TYPES.indexOf(b.type))
            .map((e) => ({
              key: e.keyText,
              type: TYPE_TO_PB[e.type],
              presence: byDot(e.presence).map((p) => encodeDot(p.dot, t)),
              value: pb.Store.encode(encodeStore(e.type, e.value, t)).finish(),
            })),
        },
      };
  }
}

function encodeContext(ctx: CausalContext, t: ReplicaTable): pb.CausalContext.$Properties {
  const vector = [...ctx.vv.entries()].map(([r, n]) => ({ replica: t.of(r), counter: n })).sort((a, b) => a.replica - b.replica);
  const cloud = [...ctx.cloud.entries()]
    .map(([r, s]) => ({ replica: t.of(r), counters: [...s].sort((a, b) => a - b) }))
    .sort((a, b) => a.replica - b.replica);
  return { vector, cloud };
}

/** Canonical bytes of a state or delta: equal states give equal bytes. */
export function encodeState(s: CrdtState): Uint8Array {
  if (s.type === "ydoc") {
    return pb.CrdtState.encode({ format: FORMAT, type: pb.CrdtType.YDOC, ydoc: Y.encodeStateAsUpdate(s.doc) }).finish();
  }
  const table = new ReplicaTable();
  for (const r of s.ctx.vv.keys()) table.add(r);
  for (const r of s.ctx.cloud.keys()) table.add(r);
  collectReplicas(s.type, s.store, table);
  const replicas = table.seal();
  return pb.CrdtState.encode({
    format: FORMAT,
    type: TYPE_TO_PB[s.type],
    replicas,
    context: encodeContext(s.ctx, table),
    store: encodeStore(s.type, s.store, table),
  }).finish();
}

// ---------------------------------------------------------------------------------------------
// Decoding: every rule of the canonical form is checked, so that accepted bytes re-encode to
// themselves and a hostile peer cannot plant states the join logic does not expect.

function fail(message: string): never {
  throw new CrdtError("decode_error", message);
}

function counterOf(n: number | null | undefined, what: string): number {
  const v = n ?? 0;
  if (!Number.isSafeInteger(v) || v < 1) fail(`${what} must be a positive safe integer`);
  return v;
}

function naturalOf(n: number | null | undefined, what: string): number {
  const v = n ?? 0;
  if (!Number.isSafeInteger(v) || v < 0) fail(`${what} must be a non-negative safe integer`);
  return v;
}

class Decoder {
  constructor(
    readonly replicas: readonly ReplicaId[],
    readonly ctx: CausalContext,
  ) {}

  replica(i: number | null | undefined): ReplicaId {
    const r = this.replicas[i ?? 0];
    if (r === undefined) fail("replica index out of range");
    return r;
  }

  dot(p: pb.Dot.$Properties | null | undefined): Dot {
    if (!p) fail("missing dot");
    const d = dot(this.replica(p.replica), counterOf(p.counter, "dot counter"));
    if (!this.ctx.has(d)) fail("a stored dot is missing from the causal context");
    return d;
  }

  sortedDots(list: readonly pb.Dot.$Properties[] | null | undefined): Dot[] {
    const out = (list ?? []).map((p) => this.dot(p));
    for (let i = 1; i < out.length; i++) if (compareDots(out[i - 1] as Dot, out[i] as Dot) >= 0) fail("dots out of order");
    return out;
  }

  store(type: CausalType, p: pb.Store.$Properties | null | undefined, depth: number): AnyStore {
    if (!p) fail("missing store");
    const field = STORE_FIELD[type];
    for (const f of ["counter", "set", "register", "flag", "map", "vote"] as const) {
      if (f !== field && p[f]) fail(`a ${type} cannot hold a ${f} store`);
    }
    switch (field) {
      case "counter":
        return this.counter(type, p.counter?.entries ?? []);
      case "set":
        return this.set(p.set?.members ?? []);
      case "register":
        return this.register(p.register?.entries ?? []);
      case "flag":
        return dotFunOf(this.sortedDots(p.flag?.dots).map((d) => Object.freeze({ dot: d })));
      case "vote":
        return this.inOrder(
          (p.vote?.entries ?? []).map((e) => Object.freeze({ dot: this.dot(e.dot), value: e.value === true })),
        );
      case "map":
        return this.map(p.map?.entries ?? [], depth);
    }
  }

  inOrder<E extends { dot: Dot }>(entries: E[]): Map<string, E> {
    for (let i = 1; i < entries.length; i++) {
      if (compareDots((entries[i - 1] as E).dot, (entries[i] as E).dot) >= 0) fail("entries out of order");
    }
    return dotFunOf(entries);
  }

  counter(type: CausalType, list: readonly pb.CounterEntry.$Properties[]): AnyStore {
    const entries: CounterEntry[] = list.map((e) => {
      const d = this.dot(e.dot);
      const p = naturalOf(e.p, "p");
      const n = naturalOf(e.n, "n");
      if (type === "gcounter" && n !== 0) fail("a gcounter has no decrements");
      if (e.floor) {
        if (e.baseP || e.baseN) fail("a floor has no base");
        return Object.freeze({ dot: d, floor: true as const, target: this.replica(e.target), p, n });
      }
      if (e.target) fail("only floors have a target");
      const baseP = naturalOf(e.baseP, "base p");
      const baseN = naturalOf(e.baseN, "base n");
      return Object.freeze({ dot: d, floor: false as const, p, n, baseP, baseN });
    });
    return this.inOrder(entries);
  }

  set(list: readonly pb.SetMember.$Properties[]): AnyStore {
    const out = new Map<string, SetMember>();
    let prev: string | undefined;
    for (const m of list) {
      const text = m.value ?? "";
      if (prev !== undefined && compareText(prev, text) >= 0) fail("members out of order");
      prev = text;
      const dots = this.sortedDots(m.dots);
      if (dots.length === 0) fail("a member without dots");
      out.set(text, Object.freeze({ value: deepFreeze(parseCanonicalJson(text)), dots: Object.freeze(dots) }));
    }
    return out;
  }

  register(list: readonly pb.RegisterEntry.$Properties[]): AnyStore {
    const entries: RegisterEntry[] = list.map((e) => {
      const text = e.value ?? "";
      const clock = e.clock ?? 0;
      if (!Number.isSafeInteger(clock)) fail("clock must be a safe integer");
      return Object.freeze({
        dot: this.dot(e.dot),
        value: deepFreeze(parseCanonicalJson(text)),
        text,
        clock,
        writer: this.replica(e.writer),
      });
    });
    return this.inOrder(entries);
  }

  map(list: readonly pb.MapEntry.$Properties[], depth: number): AnyStore {
    if (depth >= MAX_NESTING) fail(`ormaps nest deeper than ${MAX_NESTING} levels`);
    const out: MapStore = new Map();
    let prev: [string, number] | undefined;
    for (const e of list) {
      const type = PB_TO_TYPE.get(e.type ?? 0);
      if (type === undefined || type === "ydoc") fail("an ormap value must be a causal type");
      const keyText = e.key ?? "";
      const order = CAUSAL_TYPES.indexOf(type);
      if (prev && (compareText(prev[0], keyText) || prev[1] - order) >= 0) fail("map entries out of order");
      prev = [keyText, order];
      let nested: pb.Store;
      try {
        nested = pb.Store.decode(e.value ?? new Uint8Array());
      } catch {
        fail("malformed nested value");
      }
      const value = this.store(type, nested, depth + 1);
      const presence = dotFunOf(this.sortedDots(e.presence).map((d) => Object.freeze({ dot: d })));
      if (presence.size === 0 && kindOf(type).isBottom(value)) fail("an empty map entry");
      const entry: MapEntry = { key: deepFreeze(parseCanonicalJson(keyText)), keyText, type, presence, value };
      out.set(mapEntryKey(keyText, type), entry);
    }
    return out;
  }
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === "object") {
    for (const child of Object.values(v)) deepFreeze(child);
    Object.freeze(v);
  }
  return v;
}

function decodeContext(p: pb.CausalContext.$Properties | null | undefined, replicas: readonly ReplicaId[]): CausalContext {
  const ctx = new CausalContext();
  let prev = -1;
  for (const v of p?.vector ?? []) {
    const i = v.replica ?? 0;
    if (i <= prev) fail("version vector out of order");
    prev = i;
    const r = replicas[i];
    if (r === undefined) fail("replica index out of range");
    ctx.vv.set(r, counterOf(v.counter, "version"));
  }
  prev = -1;
  for (const c of p?.cloud ?? []) {
    const i = c.replica ?? 0;
    if (i <= prev) fail("dot cloud out of order");
    prev = i;
    const r = replicas[i];
    if (r === undefined) fail("replica index out of range");
    const counters = c.counters ?? [];
    if (counters.length === 0) fail("empty dot cloud entry");
    const floor = (ctx.vv.get(r) ?? 0) + 1;
    let last = floor;
    for (const n of counters) {
      // Canonical clouds are compacted: every counter lies beyond the vector plus a gap.
      if (counterOf(n, "cloud counter") <= last) fail("dot cloud not compacted or out of order");
      last = n;
    }
    ctx.cloud.set(r, new Set(counters));
  }
  return ctx;
}

export interface DecodeOptions {
  /** Yjs clientID the decoded document writes with (ydoc only); see emptyYDoc. */
  readonly clientId?: number;
  /**
   * `bytes` already decoded as a protobuf message by the caller (which looked at its type), so
   * that it is not decoded twice; it must be the decoding of exactly `bytes`.
   */
  readonly message?: pb.CrdtState;
  /**
   * Check that `bytes` are the canonical encoding (default true). Only bytes that are stored or
   * hashed as they are need it; a caller that joins the state and re-encodes it itself (a replica
   * applying a peer's delta) may skip the check, which costs a full re-encode.
   */
  readonly verifyCanonical?: boolean;
}

/**
 * Decodes canonical bytes into a state. Anything else (malformed protobuf, unknown types, ids or
 * members not in canonical form or order, dots outside the context, nesting deeper than
 * MAX_NESTING, malformed Yjs updates) throws CrdtError("decode_error") and never anything else.
 */
export function decodeState(bytes: Uint8Array, opts: DecodeOptions = {}): CrdtState {
  let msg: pb.CrdtState;
  try {
    msg = opts.message ?? pb.CrdtState.decode(bytes);
  } catch {
    fail("malformed state bytes");
  }
  if (msg.format !== FORMAT) fail(`unsupported state format ${msg.format}`);
  const type = PB_TO_TYPE.get(msg.type);
  if (type === undefined) fail(`unknown state type ${msg.type}`);
  if (type === "ydoc") {
    if (msg.replicas.length || msg.context || msg.store) fail("a ydoc holds only its update");
    const s = emptyYDoc(opts.clientId ?? 0);
    try {
      Y.applyUpdate(s.doc, msg.ydoc);
    } catch {
      fail("malformed Yjs update");
    }
    return s;
  }
  const replicas = msg.replicas as ReplicaId[];
  for (let i = 0; i < replicas.length; i++) {
    if (!isReplicaId(replicas[i])) fail("malformed replica id");
    if (i > 0 && compareText(replicas[i - 1] as string, replicas[i] as string) >= 0) fail("replica table out of order");
  }
  const ctx = decodeContext(msg.context, replicas);
  const decoder = new Decoder(replicas, ctx);
  const store = decoder.store(type, msg.store, 0);
  const state = { type, store, ctx } as CausalState;
  // A table entry no dot uses would give one state two encodings.
  if (opts.verifyCanonical !== false && compareBytes(encodeState(state), bytes) !== 0) fail("state is not in canonical form");
  return state;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

