import type { StoreKind } from "./kinds/kind.js";
import type { CausalContext } from "./causal-context.js";
import type { Dot } from "./dot.js";
import { compareDots, dotKey } from "./dot.js";

/**
 * A dot store mapping each dot to an immutable entry (Almeida et al.'s DotFun; with entries that
 * are just `{dot}` it is a DotSet). An entry is written once by the replica that minted its dot,
 * so two stores holding the same dot hold the same entry and joins never merge entry values.
 */
export type DotFun<E extends { readonly dot: Dot }> = Map<string, E>;

/**
 * Joins `src` (seen under `sctx`) into `target` (seen under `tctx`) in place: an entry survives if
 * both sides hold it, or one side holds it and the other side has not seen its dot.
 * Returns whether `target` changed.
 */
export function mergeDotFun<E extends { readonly dot: Dot }>(
  target: DotFun<E>,
  tctx: CausalContext,
  src: ReadonlyMap<string, E>,
  sctx: CausalContext,
): boolean {
  let changed = false;
  // Adds before removals: a replica's new entry usually replaces its old one, and removing first
  // would shrink a small Map to nothing only to grow it again (two table reallocations per join).
  // Entries added here are in src, so the removal pass keeps them.
  for (const [k, e] of src) {
    if (!target.has(k) && !tctx.has(e.dot)) {
      target.set(k, e);
      changed = true;
    }
  }
  for (const [k, e] of target) {
    if (sctx.has(e.dot) && !src.has(k)) {
      target.delete(k);
      changed = true;
    }
  }
  return changed;
}

export function dotFunOf<E extends { readonly dot: Dot }>(entries: Iterable<E>): DotFun<E> {
  const m: DotFun<E> = new Map();
  for (const e of entries) m.set(dotKey(e.dot), e);
  return m;
}

/** Entries in canonical (dot) order, for encodings and deterministic iteration. */
export function sortedEntries<E extends { readonly dot: Dot }>(m: DotFun<E>): E[] {
  return [...m.values()].sort((a, b) => compareDots(a.dot, b.dot));
}

/** The entry of `replica` with the highest counter: a replica's entries supersede each other in order. */
export function latestOf<E extends { readonly dot: Dot }>(m: DotFun<E>, replica: string, accept?: (e: E) => boolean): E | undefined {
  let best: E | undefined;
  for (const e of m.values()) {
    if (e.dot.replica !== replica || (accept && !accept(e))) continue;
    if (!best || e.dot.counter > best.dot.counter) best = e;
  }
  return best;
}

export function anyEntryIn<E extends { readonly dot: Dot }>(m: DotFun<E>, ctx: CausalContext): boolean {
  for (const e of m.values()) if (ctx.has(e.dot)) return true;
  return false;
}

/**
 * The StoreKind of a plain DotFun whose entries are all content (flag, register, vote): only
 * the view differs between them. Counters add floors and are built separately.
 */
export function dotFunKind<E extends { readonly dot: Dot }>(view: StoreKind<DotFun<E>>["view"]): StoreKind<DotFun<E>> {
  return {
    empty: () => new Map(),
    isBottom: (s) => s.size === 0,
    hasContent: (s) => s.size > 0,
    clone: (s) => new Map(s),
    mergeInto(target, tctx, src, sctx) {
      mergeDotFun(target, tctx, src, sctx);
    },
    anyDotIn: (s, ctx) => anyEntryIn(s, ctx),
    collectDots(s, out) {
      for (const e of s.values()) out.push(e.dot);
    },
    removal: () => new Map(),
    view,
  };
}
