import type { CausalContext } from "../causal-context.js";
import type { Dot } from "../dot.js";
import { compareDots, dotKey } from "../dot.js";
import { compareText } from "../json.js";
import type { Json } from "../json.js";
import type { StoreKind } from "./kind.js";
import type { SetMember, SetStore } from "./stores.js";

function joinDots(t: readonly Dot[], tctx: CausalContext, s: readonly Dot[], sctx: CausalContext): Dot[] {
  const inS = new Set(s.map(dotKey));
  const inT = new Set(t.map(dotKey));
  const out: Dot[] = [];
  for (const d of t) if (inS.has(dotKey(d)) || !sctx.has(d)) out.push(d);
  for (const d of s) if (!inT.has(dotKey(d)) && !tctx.has(d)) out.push(d);
  return out.sort(compareDots);
}

function sameDots(a: readonly Dot[], b: readonly Dot[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (compareDots(a[i] as Dot, b[i] as Dot) !== 0) return false;
  return true;
}

/** Add-wins observed-remove set (gset uses it without removals): members keyed by canonical text, each with its dots. */
export const setKind: StoreKind<SetStore> = {
  empty: () => new Map(),
  isBottom: (s) => s.size === 0,
  hasContent: (s) => s.size > 0,
  clone: (s) => new Map(s),
  mergeInto(target, tctx, src, sctx) {
    for (const [k, tm] of target) {
      const sm = src.get(k);
      // Most members of a large state are untouched by a small delta: skip them without allocating.
      if (!sm && !tm.dots.some((d) => sctx.has(d))) continue;
      const dots = sm ? joinDots(tm.dots, tctx, sm.dots, sctx) : tm.dots.filter((d) => !sctx.has(d));
      if (dots.length === 0) target.delete(k);
      else if (!sameDots(dots, tm.dots)) target.set(k, Object.freeze({ value: tm.value, dots }));
    }
    for (const [k, sm] of src) {
      if (target.has(k)) continue;
      const dots = sm.dots.filter((d) => !tctx.has(d));
      if (dots.length > 0) target.set(k, dots.length === sm.dots.length ? sm : Object.freeze({ value: sm.value, dots }));
    }
  },
  collectDots(s, out) {
    for (const m of s.values()) out.push(...m.dots);
  },
  anyDotIn(s, ctx) {
    for (const m of s.values()) for (const d of m.dots) if (ctx.has(d)) return true;
    return false;
  },
  removal: () => new Map(),
  view: (s) => sortedMembers(s).map((m) => m.value),
};

export function sortedMembers(s: SetStore): SetMember[] {
  return [...s.entries()].sort((a, b) => compareText(a[0], b[0])).map(([, m]) => m);
}

export function memberValues(s: SetStore): Json[] {
  return sortedMembers(s).map((m) => m.value);
}
