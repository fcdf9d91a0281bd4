import type { CausalContext } from "../causal-context.js";
import { anyEntryIn, mergeDotFun } from "../dot-fun.js";
import type { Json } from "../json.js";
import { compareText } from "../json.js";
import type { CausalType, StoreKind, ViewEnv } from "./kind.js";
import { CAUSAL_TYPES } from "./kind.js";
import type { AnyStore, DotEntry, MapEntry, MapStore } from "./stores.js";

/** Read-only stand-in for an absent side's presence; mergeDotFun only reads its src. */
const EMPTY_PRESENCE: ReadonlyMap<string, DotEntry> = new Map();

export type KindLookup = (type: CausalType) => StoreKind<AnyStore>;

/** A key is visible while it holds a presence dot or live content of its value. */
export function isVisible(e: MapEntry, lookup: KindLookup): boolean {
  return e.presence.size > 0 || lookup(e.type).hasContent(e.value);
}

/**
 * The view key of an entry: string keys stay as they are; other JSON keys appear as their
 * canonical text, since a JSON object can only have string keys.
 */
export function viewKey(e: MapEntry): string {
  return typeof e.key === "string" ? e.key : e.keyText;
}

/**
 * Observed-remove map whose values are dot stores of any causal type sharing the map's causal
 * context (Almeida et al.'s ORMap). Built from a lookup rather than importing the registry so the
 * registry can nest maps without an import cycle.
 */
export function createMapKind(lookup: KindLookup): StoreKind<MapStore> {
  const empty = (): Map<string, DotEntry> => new Map();

  const kind: StoreKind<MapStore> = {
    empty: () => new Map(),
    isBottom: (s) => s.size === 0,
    hasContent(s) {
      for (const e of s.values()) if (isVisible(e, lookup)) return true;
      return false;
    },
    clone(s) {
      const out: MapStore = new Map();
      for (const [k, e] of s) {
        out.set(k, { ...e, presence: new Map(e.presence), value: lookup(e.type).clone(e.value) });
      }
      return out;
    },
    mergeInto(target: MapStore, tctx: CausalContext, src: MapStore, sctx: CausalContext) {
      for (const [k, te] of target) {
        const se = src.get(k);
        const nested = lookup(te.type);
        // An entry the other side lacks changes only if the other side saw some of its dots.
        if (!se && !anyEntryIn(te.presence, sctx) && !nested.anyDotIn(te.value, sctx)) continue;
        mergeDotFun(te.presence, tctx, se?.presence ?? EMPTY_PRESENCE, sctx);
        nested.mergeInto(te.value, tctx, se?.value ?? nested.empty(), sctx);
        if (te.presence.size === 0 && nested.isBottom(te.value)) target.delete(k);
      }
      for (const [k, se] of src) {
        if (target.has(k)) continue;
        const nested = lookup(se.type);
        const entry: MapEntry = { key: se.key, keyText: se.keyText, type: se.type, presence: empty(), value: nested.empty() };
        mergeDotFun(entry.presence, tctx, se.presence, sctx);
        nested.mergeInto(entry.value, tctx, se.value, sctx);
        if (entry.presence.size > 0 || !nested.isBottom(entry.value)) target.set(k, entry);
      }
    },
    anyDotIn(s, ctx) {
      for (const e of s.values()) if (anyEntryIn(e.presence, ctx) || lookup(e.type).anyDotIn(e.value, ctx)) return true;
      return false;
    },
    collectDots(s, out) {
      for (const e of s.values()) {
        for (const p of e.presence.values()) out.push(p.dot);
        lookup(e.type).collectDots(e.value, out);
      }
    },
    removal(s, mint) {
      const out: MapStore = new Map();
      // Mint in canonical entry order, so equal states give equal deltas.
      for (const [k, e] of [...s].sort((x, y) => compareEntries(x[1], y[1]))) {
        const value = lookup(e.type).removal(e.value, mint);
        if (!lookup(e.type).isBottom(value)) out.set(k, { ...e, presence: empty(), value });
      }
      return out;
    },
    view(s, env: ViewEnv) {
      // A null prototype: a key named "__proto__" must be an own property, not a prototype swap.
      const out = Object.create(null) as Record<string, Json>;
      for (const e of visibleEntries(s, lookup)) out[viewKey(e)] = lookup(e.type).view(e.value, env);
      return out;
    },
  };
  return kind;
}

/** Canonical order of map entries: by key text, then by type (the order of the encoding). */
export function compareEntries(a: MapEntry, b: MapEntry): number {
  return compareText(a.keyText, b.keyText) || CAUSAL_TYPES.indexOf(a.type) - CAUSAL_TYPES.indexOf(b.type);
}

/**
 * Visible entries in canonical order (by key text). When concurrent writers gave one key two
 * types, the view shows the type that comes first in CAUSAL_TYPES; both stay in the state.
 */
export function visibleEntries(s: MapStore, lookup: KindLookup): MapEntry[] {
  const byKey = new Map<string, MapEntry>();
  for (const e of s.values()) {
    if (!isVisible(e, lookup)) continue;
    const prev = byKey.get(e.keyText);
    if (!prev || CAUSAL_TYPES.indexOf(e.type) < CAUSAL_TYPES.indexOf(prev.type)) byKey.set(e.keyText, e);
  }
  return [...byKey.values()].sort((a, b) => compareText(a.keyText, b.keyText));
}
