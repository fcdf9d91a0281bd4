import type { Causal } from "../causal.js";
import { delta } from "../causal.js";
import type { Dot } from "../dot.js";
import { dotKey } from "../dot.js";
import { CrdtError } from "../errors.js";
import type { VoteEntry, VoteStore } from "../kinds/stores.js";
import { voteOf } from "../kinds/vote.js";
import type { ReplicaId } from "../replica-id.js";

/** Casts `replica`'s vote; null when it already votes that way (a replica starts voting false). */
export function castVote(s: Causal<VoteStore>, replica: ReplicaId, value: boolean): Causal<VoteStore> | null {
  if (typeof value !== "boolean") throw new CrdtError("invalid_value", "a vote is true or false");
  if (voteOf(s.store, replica) === value) return null;
  const covered: Dot[] = [];
  for (const e of s.store.values()) if (e.dot.replica === replica) covered.push(e.dot);
  const entry: VoteEntry = Object.freeze({ dot: s.ctx.next(replica), value });
  return delta(new Map([[dotKey(entry.dot), entry]]), [...covered, entry.dot]);
}
