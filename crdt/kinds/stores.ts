import type { DotFun } from "../dot-fun.js";
import type { Dot } from "../dot.js";
import type { Json } from "../json.js";
import type { ReplicaId } from "../replica-id.js";
import type { CausalType } from "./kind.js";

/** A replica's running totals for gcounter/pncounter: p counts increments, n decrements. */
export interface CountEntry {
  readonly dot: Dot;
  readonly floor: false;
  readonly p: number;
  readonly n: number;
  /** Totals already removed by an ormap key removal this replica had observed. */
  readonly baseP: number;
  readonly baseN: number;
}

/** Totals of `target` that a remover observed; see CounterEntry in protos/crdt.proto. */
export interface FloorEntry {
  readonly dot: Dot;
  readonly floor: true;
  readonly target: ReplicaId;
  readonly p: number;
  readonly n: number;
}

export type CounterEntry = CountEntry | FloorEntry;
export type CounterStore = DotFun<CounterEntry>;

export interface SetMember {
  readonly value: Json;
  /** Sorted by compareDots. */
  readonly dots: readonly Dot[];
}
/** Members keyed by canonical JSON text. */
export type SetStore = Map<string, SetMember>;

export interface RegisterEntry {
  readonly dot: Dot;
  readonly value: Json;
  readonly text: string;
  readonly clock: number;
  readonly writer: ReplicaId;
}
export type RegisterStore = DotFun<RegisterEntry>;

export interface DotEntry {
  readonly dot: Dot;
}
export type FlagStore = DotFun<DotEntry>;

export interface VoteEntry {
  readonly dot: Dot;
  readonly value: boolean;
}
export type VoteStore = DotFun<VoteEntry>;

export interface MapEntry {
  readonly key: Json;
  readonly keyText: string;
  readonly type: CausalType;
  /** Dots that make the key present while its value is empty (an entry "added empty"). */
  readonly presence: DotFun<DotEntry>;
  readonly value: AnyStore;
}
/** Entries keyed by mapEntryKey(keyText, type): a key's type never changes, so the pair is the identity. */
export type MapStore = Map<string, MapEntry>;

export type AnyStore = CounterStore | SetStore | RegisterStore | FlagStore | VoteStore | MapStore;

export function mapEntryKey(keyText: string, type: CausalType): string {
  return `${keyText}\u0000${type}`;
}
