import type { Causal } from "../causal.js";
import { delta } from "../causal.js";
import type { Dot } from "../dot.js";
import { dot, dotKey } from "../dot.js";
import { CrdtError } from "../errors.js";
import { canonicalJson } from "../json.js";
import type { JsonLimits } from "../json.js";
import type { CausalType, Mint } from "../kinds/kind.js";
import { CAUSAL_TYPES } from "../kinds/kind.js";
import { compareEntries, isVisible } from "../kinds/map.js";
import { kindOf } from "../kinds/registry.js";
import type { StoreOf } from "../kinds/registry.js";
import type { DotEntry, MapEntry, MapStore } from "../kinds/stores.js";
import { mapEntryKey } from "../kinds/stores.js";
import type { ReplicaId } from "../replica-id.js";
import { frozenCopy } from "./frozen-copy.js";

const lookup = (t: CausalType) => kindOf(t);

/** The value store under `key` if the key holds a `type` value, visible or not. */
export function mapValue<T extends CausalType>(s: MapStore, key: unknown, type: T): StoreOf[T] | undefined {
  return s.get(mapEntryKey(canonicalJson(key), type))?.value as StoreOf[T] | undefined;
}

/** The type of the visible value under `key`, if any: one lookup per state model, not a scan. */
export function mapKeyType(s: MapStore, key: unknown): CausalType | undefined {
  const text = canonicalJson(key);
  for (const t of CAUSAL_TYPES) {
    const e = s.get(mapEntryKey(text, t));
    if (e && isVisible(e, lookup)) return t;
  }
  return undefined;
}

/**
 * Runs a nested operation on the `type` value under `key` and wraps its delta in a map delta.
 * Writing a key that is not visible also adds a presence dot, so a key "added empty" (fn returns
 * null) is visible with the empty value of its type. A key keeps the type it was created with.
 */
export function updateMap<T extends CausalType>(
  s: Causal<MapStore>,
  replica: ReplicaId,
  key: unknown,
  type: T,
  fn: (nested: Causal<StoreOf[T]>) => Causal<StoreOf[T]> | null,
  limits?: JsonLimits,
): Causal<MapStore> | null {
  const keyText = canonicalJson(key, limits);
  const existingType = mapKeyType(s.store, key);
  if (existingType !== undefined && existingType !== type) {
    throw new CrdtError("type_mismatch", `key ${keyText} holds a ${existingType}, not a ${type}`);
  }
  const kind = kindOf(type);
  const ek = mapEntryKey(keyText, type);
  const entry = s.store.get(ek);
  const nested = fn({ store: (entry?.value as StoreOf[T] | undefined) ?? kind.empty(), ctx: s.ctx });
  const visible = entry !== undefined && isVisible(entry, lookup);
  if (nested === null && visible) return null;

  const dots: Dot[] = [];
  const presence = new Map<string, DotEntry>();
  if (!visible) {
    const counter = Math.max(s.ctx.max(replica), nested?.ctx.max(replica) ?? 0) + 1;
    const p = dot(replica, counter);
    presence.set(dotKey(p), Object.freeze({ dot: p }));
    dots.push(p);
  }
  const value = nested?.store ?? kind.empty();
  const out: MapEntry = {
    key: entry?.key ?? frozenCopy(keyText),
    keyText,
    type,
    presence,
    value,
  };
  // A nested delta that only removes (empty store) leaves no entry: an empty entry is not canonical.
  const keep = presence.size > 0 || !kind.isBottom(value);
  const d = delta<MapStore>(keep ? new Map([[ek, out]]) : new Map<string, MapEntry>(), dots);
  if (nested) d.ctx.mergeFrom(nested.ctx);
  return d;
}

function removeEntries(s: Causal<MapStore>, replica: ReplicaId, entries: MapEntry[]): Causal<MapStore> {
  let counter = s.ctx.max(replica);
  const minted: Dot[] = [];
  const mint: Mint = () => {
    const d = dot(replica, ++counter);
    minted.push(d);
    return d;
  };
  const dots: Dot[] = [];
  const store: MapStore = new Map();
  // Mint in canonical entry order, so equal states give equal deltas.
  for (const e of [...entries].sort(compareEntries)) {
    const kind = kindOf(e.type);
    for (const p of e.presence.values()) dots.push(p.dot);
    kind.collectDots(e.value, dots);
    const rest = kind.removal(e.value, mint);
    if (!kind.isBottom(rest)) store.set(mapEntryKey(e.keyText, e.type), { ...e, presence: new Map(), value: rest });
  }
  return delta(store, [...dots, ...minted]);
}

/** Removes `key` as observed: a later write starts from the empty value. Null when not visible. */
export function deleteMapKey(s: Causal<MapStore>, replica: ReplicaId, key: unknown): Causal<MapStore> | null {
  const keyText = canonicalJson(key);
  const entries = CAUSAL_TYPES.map((t) => s.store.get(mapEntryKey(keyText, t))).filter((e): e is MapEntry => e !== undefined);
  if (!entries.some((e) => isVisible(e, lookup))) return null;
  return removeEntries(s, replica, entries);
}

/** Removes every observed key. Null when no key is visible. */
export function clearMap(s: Causal<MapStore>, replica: ReplicaId): Causal<MapStore> | null {
  const entries = [...s.store.values()];
  if (!entries.some((e) => isVisible(e, lookup))) return null;
  return removeEntries(s, replica, entries);
}
