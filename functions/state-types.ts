import type * as Y from "yjs";
import type { CausalType, Json, TypeName, VoteView } from "../crdt/index.js";

/** How a register write is timestamped (SPEC §3 lwwregister clocks). */
export type ClockSpec = "default" | "reverse" | { readonly custom: number } | { readonly customAutoIncrement: number };

/** A grow-only counter: per-replica counts, summed. */
export interface GCounterState {
  readonly value: number;
  /** Adds n (default 1, must be >= 0). */
  increment(this: void, n?: number): void;
  toJSON(): number;
}

/** A counter that also decrements. */
export interface PNCounterState extends GCounterState {
  increment(this: void, n?: number): void;
  /** Subtracts n (default 1). */
  decrement(this: void, n?: number): void;
}

/** A grow-only set of JSON values. */
export interface GSetState extends Iterable<Json> {
  readonly value: Json[];
  readonly size: number;
  has(this: void, value: Json): boolean;
  add(this: void, value: Json): void;
  toJSON(): Json[];
}

/** An add-wins observed-remove set of JSON values. */
export interface ORSetState extends GSetState {
  remove(this: void, value: Json): void;
  clear(this: void): void;
}

/** A last-writer-wins register holding one JSON value (null before the first write). */
export interface LWWRegisterState {
  readonly value: Json | null;
  set(this: void, value: Json, clock?: ClockSpec): void;
  toJSON(): Json | null;
}

/** A flag that, once enabled, stays enabled. */
export interface FlagState {
  readonly value: boolean;
  enable(this: void): void;
  toJSON(): boolean;
}

/** One vote per replica, tallied over the live replicas. */
export interface VoteState extends VoteView {
  readonly value: VoteView;
  vote(this: void, value: boolean): void;
  toJSON(): VoteView;
}

/** A map from JSON keys to nested states of any causal model (the key's model never changes). */
export interface ORMapState {
  /** The value under `key`, as a state of `type`; empty until written. */
  get<T extends CausalType>(this: void, key: Json, type: T): StateOf<T>;
  has(this: void, key: Json): boolean;
  /** The state model of the value under `key`, if the key is present. */
  typeOf(this: void, key: Json): CausalType | undefined;
  keys(this: void): Json[];
  readonly size: number;
  /** Makes `key` present with the empty value of `type` (an entry "added empty"). */
  set(this: void, key: Json, type: CausalType): void;
  /** Removes `key` as observed: a later write starts from the empty value. */
  delete(this: void, key: Json): void;
  clear(this: void): void;
  toJSON(): Record<string, Json>;
}

/** The state a handler of a service of model T gets. */
export type StateOf<T extends TypeName> = T extends "gcounter"
  ? GCounterState
  : T extends "pncounter"
    ? PNCounterState
    : T extends "gset"
      ? GSetState
      : T extends "orset"
        ? ORSetState
        : T extends "lwwregister"
          ? LWWRegisterState
          : T extends "flag"
            ? FlagState
            : T extends "vote"
              ? VoteState
              : T extends "ormap"
                ? ORMapState
                : T extends "ydoc"
                  ? Y.Doc
                  : never;
