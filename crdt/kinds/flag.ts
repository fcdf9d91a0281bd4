import { anyEntryIn, mergeDotFun } from "../dot-fun.js";
import type { StoreKind } from "./kind.js";
import type { FlagStore } from "./stores.js";

/** Enable-wins flag: true while any enabling dot survives. Only an ormap key removal clears it. */
export const flagKind: StoreKind<FlagStore> = {
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
  view: (s) => s.size > 0,
};
