import type { Causal } from "../causal.js";
import { delta } from "../causal.js";
import type { Dot } from "../dot.js";
import { canonicalJson } from "../json.js";
import type { JsonLimits } from "../json.js";
import type { SetMember, SetStore } from "../kinds/stores.js";
import type { ReplicaId } from "../replica-id.js";
import { frozenCopy } from "./frozen-copy.js";

/** Adds `value`; null when it is already a member (re-adding changes nothing). */
export function addToSet(s: Causal<SetStore>, replica: ReplicaId, value: unknown, limits?: JsonLimits): Causal<SetStore> | null {
  const text = canonicalJson(value, limits);
  if (s.store.has(text)) return null;
  const d = s.ctx.next(replica);
  const member: SetMember = Object.freeze({ value: frozenCopy(text), dots: Object.freeze([d]) });
  return delta(new Map([[text, member]]), [d]);
}

/** Removes `value` as observed; null when it is not a member. */
export function removeFromSet(s: Causal<SetStore>, value: unknown, limits?: JsonLimits): Causal<SetStore> | null {
  const text = canonicalJson(value, limits);
  const member = s.store.get(text);
  if (!member) return null;
  return delta(new Map(), member.dots);
}

/** Removes every observed member; null when the set is empty. */
export function clearSet(s: Causal<SetStore>): Causal<SetStore> | null {
  if (s.store.size === 0) return null;
  const dots: Dot[] = [];
  for (const m of s.store.values()) dots.push(...m.dots);
  return delta(new Map(), dots);
}

export function hasMember(s: SetStore, value: unknown): boolean {
  return s.has(canonicalJson(value));
}

