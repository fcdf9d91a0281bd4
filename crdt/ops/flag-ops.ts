import type { Causal } from "../causal.js";
import { delta } from "../causal.js";
import { dotKey } from "../dot.js";
import type { FlagStore } from "../kinds/stores.js";
import type { ReplicaId } from "../replica-id.js";

/** Turns the flag on; null when it is on already (a flag never turns off again by itself). */
export function enableFlag(s: Causal<FlagStore>, replica: ReplicaId): Causal<FlagStore> | null {
  if (s.store.size > 0) return null;
  const d = s.ctx.next(replica);
  return delta(new Map([[dotKey(d), Object.freeze({ dot: d })]]), [d]);
}
