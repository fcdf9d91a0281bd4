import type { CausalContext } from "../causal-context.js";
import type { Dot } from "../dot.js";
import type { Json } from "../json.js";
import type { ReplicaId } from "../replica-id.js";

/** The state models whose state is a dot store plus a causal context (all but ydoc). */
export type CausalType = "gcounter" | "pncounter" | "gset" | "orset" | "lwwregister" | "flag" | "ormap" | "vote";

export const CAUSAL_TYPES: readonly CausalType[] = [
  "gcounter",
  "pncounter",
  "gset",
  "orset",
  "lwwregister",
  "flag",
  "ormap",
  "vote",
];

/** What a view needs beyond the state: who is asking, and which replicas are live (for vote). */
export interface ViewEnv {
  readonly self: ReplicaId;
  /** Live members other than self; self always counts. */
  readonly live: ReadonlySet<ReplicaId>;
}

/** Mints fresh dots of the acting replica during a mutation. */
export type Mint = () => Dot;

/**
 * Operations every dot-store shape provides, so that the generic join, the ormap (which nests
 * any shape) and the codec can treat stores uniformly. Stores are mutable; `mergeInto` copies
 * whatever it keeps from `src` by reference only for immutable entries, never for containers.
 */
export interface StoreKind<S> {
  empty(): S;
  /** True when the store holds no dot at all: the bottom element. */
  isBottom(s: S): boolean;
  /** True when the store holds live content (a removal leaves only non-content marker dots). */
  hasContent(s: S): boolean;
  clone(s: S): S;
  /** Joins `src` (under `sctx`) into `target` (under `tctx`); contexts are not touched. */
  mergeInto(target: S, tctx: CausalContext, src: S, sctx: CausalContext): void;
  /** Appends every dot the store holds. */
  collectDots(s: S, out: Dot[]): void;
  /**
   * True when some dot of the store is in `ctx`. Joins call it for entries the other side does
   * not hold, so that a small delta joining a large state skips them without allocating.
   */
  anyDotIn(s: S, ctx: CausalContext): boolean;
  /**
   * The store part of a delta that removes everything `s` holds. Its dots plus the ones the
   * result holds form the delta's context. Most shapes return the empty store; counters leave
   * floors so that concurrent increments survive without what the remover had observed.
   */
  removal(s: S, mint: Mint): S;
  view(s: S, env: ViewEnv): Json;
}
