import { CausalContext } from "./causal-context.js";
import type { Dot } from "./dot.js";
import { CrdtError } from "./errors.js";
import type { CausalType, ViewEnv } from "./kinds/kind.js";
import { kindOf } from "./kinds/registry.js";
import type { StoreOf } from "./kinds/registry.js";
import type { Json } from "./json.js";

/** A dot store with the causal context it was seen under: what operations read and return. */
export interface Causal<S> {
  readonly store: S;
  readonly ctx: CausalContext;
}

/** The state (or delta: deltas are states) of one entity of a causal state model. */
export interface CausalState<T extends CausalType = CausalType> extends Causal<StoreOf[T]> {
  readonly type: T;
}

export function emptyState<T extends CausalType>(type: T): CausalState<T> {
  return { type, store: kindOf(type).empty(), ctx: new CausalContext() };
}

export function cloneState<T extends CausalType>(s: CausalState<T>): CausalState<T> {
  return { type: s.type, store: kindOf(s.type).clone(s.store), ctx: s.ctx.clone() };
}

/** Joins `src` into `target` in place (target's store and context change, src is untouched). */
export function mergeInto<T extends CausalType>(target: CausalState<T>, src: CausalState<T>): void {
  if (target.type !== src.type) {
    throw new CrdtError("type_mismatch", `cannot join a ${src.type} into a ${target.type}`);
  }
  kindOf(target.type).mergeInto(target.store, target.ctx, src.store, src.ctx);
  target.ctx.mergeFrom(src.ctx);
}

/** The least upper bound of two states; neither argument changes. */
export function join<T extends CausalType>(a: CausalState<T>, b: CausalState<T>): CausalState<T> {
  const out = cloneState(a);
  mergeInto(out, b);
  return out;
}

export function view(s: CausalState, env: ViewEnv): Json {
  return kindOf(s.type).view(s.store, env);
}

/** True for the empty value: no dot held and none seen. */
export function isEmptyState(s: CausalState): boolean {
  return kindOf(s.type).isBottom(s.store) && s.ctx.isEmpty();
}

/** Builds a delta from the store part and the dots it covers (removed ones and new ones). */
export function delta<S>(store: S, dots: Iterable<Dot>): Causal<S> {
  return { store, ctx: CausalContext.of(dots) };
}

/** Narrows a state of unknown model to `type`, throwing type_mismatch when it holds another. */
export function asType<T extends CausalType>(s: { readonly type: string }, type: T): CausalState<T> {
  if (s.type !== type) throw new CrdtError("type_mismatch", `expected a ${type}, found a ${s.type}`);
  return s as CausalState<T>;
}
