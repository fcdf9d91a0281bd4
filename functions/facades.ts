import type {
  AnyStore,
  CausalType,
  CounterEntry,
  CounterStore,
  FlagStore,
  Json,
  MapEntry,
  MapStore,
  RegisterClock,
  RegisterEntry,
  RegisterStore,
  SetMember,
  SetStore,
  VoteEntry,
  VoteStore,
} from "../crdt/index.js";
import {
  CrdtError,
  MAX_NESTING,
  checkSafeInteger,
  addToCounter,
  addToSet,
  canonicalJson,
  castVote,
  clearMap,
  clearSet,
  counterValue,
  deleteMapKey,
  enableFlag,
  kindOf,
  mapKeyType,
  mapValue,
  memberValues,
  removeFromSet,
  setRegister,
  tally,
  updateMap,
  visibleEntries,
  voteOf,
  winner,
} from "../crdt/index.js";
import type { MutationSession, Slot } from "./session.js";
import type {
  ClockSpec,
  FlagState,
  GCounterState,
  GSetState,
  LWWRegisterState,
  ORMapState,
  ORSetState,
  PNCounterState,
  StateOf,
  VoteState,
} from "./state-types.js";

/** Builds the typed facade a handler gets for a causal state at `slot`. */
export function facadeFor<T extends CausalType>(type: T, slot: Slot<AnyStore>, session: MutationSession, depth = 0): StateOf<T> {
  switch (type) {
    case "gcounter":
    case "pncounter":
      return counterFacade(type, slot as Slot<CounterStore>, session) as StateOf<T>;
    case "gset":
    case "orset":
      return setFacade(slot as Slot<SetStore>, session, type === "gset") as StateOf<T>;
    case "lwwregister":
      return registerFacade(slot as Slot<RegisterStore>, session) as StateOf<T>;
    case "flag":
      return flagFacade(slot as Slot<FlagStore>, session) as StateOf<T>;
    case "vote":
      return voteFacade(slot as Slot<VoteStore>, session) as StateOf<T>;
    case "ormap":
      return mapFacade(slot as Slot<MapStore>, session, depth) as StateOf<T>;
    default:
      throw new CrdtError("type_mismatch", `unknown state model ${String(type)}`);
  }
}

function counterFacade(type: "gcounter" | "pncounter", slot: Slot<CounterStore>, session: MutationSession): GCounterState | PNCounterState {
  const value = (): number => counterValue(slot.read(false) ?? new Map<string, CounterEntry>()) + session.pendingOn(slot.id);
  const add = (amount: unknown): void => {
    if (typeof amount !== "number") throw new CrdtError("invalid_value", "amount must be a number");
    checkSafeInteger(amount, "amount");
    if (type === "gcounter" && amount < 0) throw new CrdtError("invalid_value", "a gcounter cannot be decremented");
    if (amount === 0) return;
    checkSafeInteger(value() + amount, "counter value");
    session.addToCounterSlot(slot.id, amount, (net) => slot.write((c) => addToCounter(c, session.replica, net, type)));
  };
  const f: PNCounterState = {
    get value() {
      return value();
    },
    increment(n = 1) {
      add(n);
    },
    decrement(n = 1) {
      if (typeof n !== "number") throw new CrdtError("invalid_value", "amount must be a number");
      add(-n);
    },
    toJSON: value,
  };
  if (type === "gcounter") {
    const { decrement: _omit, ...g } = Object.getOwnPropertyDescriptors(f);
    return Object.defineProperties({}, g) as GCounterState;
  }
  return f;
}

function setFacade(slot: Slot<SetStore>, session: MutationSession, growOnly: boolean): GSetState | ORSetState {
  const members = (): Json[] => memberValues(slot.read() ?? new Map<string, SetMember>());
  const f: ORSetState = {
    get value() {
      return members();
    },
    get size() {
      return slot.read()?.size ?? 0;
    },
    has(v) {
      return slot.read()?.has(canonicalJson(v)) ?? false;
    },
    add(v) {
      slot.write((c) => addToSet(c, session.replica, v, session.limits));
    },
    remove(v) {
      slot.write((c) => removeFromSet(c, v, session.limits));
    },
    clear() {
      slot.write((c) => clearSet(c));
    },
    [Symbol.iterator]() {
      return members()[Symbol.iterator]();
    },
    toJSON: members,
  };
  if (growOnly) {
    const { remove: _r, clear: _c, ...g } = Object.getOwnPropertyDescriptors(f);
    return Object.defineProperties({}, g) as GSetState;
  }
  return f;
}

function toClock(spec: ClockSpec | undefined): RegisterClock {
  if (spec === undefined || spec === "default") return { kind: "default" };
  if (spec === "reverse") return { kind: "reverse" };
  if (typeof spec === "object" && spec !== null) {
    if ("custom" in spec) return { kind: "custom", value: spec.custom };
    if ("customAutoIncrement" in spec) return { kind: "customAutoIncrement", value: spec.customAutoIncrement };
  }
  throw new CrdtError("invalid_value", "clock must be 'default', 'reverse', {custom: n} or {customAutoIncrement: n}");
}

function registerFacade(slot: Slot<RegisterStore>, session: MutationSession): LWWRegisterState {
  const value = (): Json | null => winner(slot.read() ?? new Map<string, RegisterEntry>())?.value ?? null;
  return {
    get value() {
      return value();
    },
    set(v, clock) {
      const c = toClock(clock);
      slot.write((s) => setRegister(s, session.replica, v, c, session.now, session.limits));
    },
    toJSON: value,
  };
}

function flagFacade(slot: Slot<FlagStore>, session: MutationSession): FlagState {
  const value = (): boolean => (slot.read()?.size ?? 0) > 0;
  return {
    get value() {
      return value();
    },
    enable() {
      slot.write((c) => enableFlag(c, session.replica));
    },
    toJSON: value,
  };
}

function voteFacade(slot: Slot<VoteStore>, session: MutationSession): VoteState {
  const view = () => tally(slot.read() ?? new Map<string, VoteEntry>(), session.env);
  return {
    get value() {
      return view();
    },
    get selfVote() {
      return voteOf(slot.read() ?? new Map<string, VoteEntry>(), session.replica);
    },
    get votesFor() {
      return view().votesFor;
    },
    get totalVoters() {
      return view().totalVoters;
    },
    get atLeastOne() {
      return view().atLeastOne;
    },
    get majority() {
      return view().majority;
    },
    get all() {
      return view().all;
    },
    vote(v) {
      slot.write((c) => castVote(c, session.replica, v));
    },
    toJSON: view,
  };
}

function mapFacade(slot: Slot<MapStore>, session: MutationSession, depth: number): ORMapState {
  const store = (): MapStore => slot.read() ?? new Map<string, MapEntry>();
  const child = <T extends CausalType>(key: Json, type: T): Slot<AnyStore> => ({
    id: `${slot.id}\u0000${canonicalJson(key)}\u0000${type}`,
    read: (flush = true) => mapValue(slot.read(flush) ?? new Map<string, MapEntry>(), key, type),
    ctx: () => slot.ctx(),
    write: (op) => slot.write((pc) => updateMap<CausalType>(pc, session.replica, key, type, op, session.limits)),
  });
  const lookup = (t: CausalType) => kindOf(t);
  return {
    get(key, type) {
      // Pending counter amounts never change a key's type, so the check need not write them.
      const existing = mapKeyType(slot.read(false) ?? new Map<string, MapEntry>(), key);
      if (existing !== undefined && existing !== type) {
        throw new CrdtError("type_mismatch", `key ${canonicalJson(key)} holds a ${existing}, not a ${type}`);
      }
      // Deeper maps could not be encoded for storage or peers (crdt/codec.ts MAX_NESTING).
      if (type === "ormap" && depth + 1 >= MAX_NESTING) {
        throw new CrdtError("invalid_value", `ormaps nest at most ${MAX_NESTING} levels deep`);
      }
      return facadeFor(type, child(key, type), session, depth + 1);
    },
    has(key) {
      return mapKeyType(store(), key) !== undefined;
    },
    typeOf(key) {
      return mapKeyType(store(), key);
    },
    keys() {
      return visibleEntries(store(), lookup).map((e) => e.key);
    },
    get size() {
      return visibleEntries(store(), lookup).length;
    },
    set(key, type) {
      slot.write((pc) => updateMap(pc, session.replica, key, type, () => null, session.limits));
    },
    delete(key) {
      slot.write((pc) => deleteMapKey(pc, session.replica, key));
    },
    clear() {
      slot.write((pc) => clearMap(pc, session.replica));
    },
    toJSON() {
      return kindOf("ormap").view(store(), session.env) as Record<string, Json>;
    },
  };
}
