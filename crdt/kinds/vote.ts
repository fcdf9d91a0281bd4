import { dotFunKind, latestOf } from "../dot-fun.js";
import type { ReplicaId } from "../replica-id.js";
import type { StoreKind, ViewEnv } from "./kind.js";
import type { VoteStore } from "./stores.js";

export interface VoteView {
  readonly selfVote: boolean;
  readonly votesFor: number;
  readonly totalVoters: number;
  readonly atLeastOne: boolean;
  readonly majority: boolean;
  readonly all: boolean;
}

/** The current vote of `replica`: its latest entry, false when it never voted. */
export function voteOf(s: VoteStore, replica: ReplicaId): boolean {
  return latestOf(s, replica)?.value ?? false;
}

/** Tally over self plus the live members; votes of replicas that are not live do not count. */
export function tally(s: VoteStore, env: ViewEnv): VoteView {
  const voters = new Set<ReplicaId>(env.live);
  voters.add(env.self);
  let votesFor = 0;
  for (const r of voters) if (voteOf(s, r)) votesFor++;
  const totalVoters = voters.size;
  return {
    selfVote: voteOf(s, env.self),
    votesFor,
    totalVoters,
    atLeastOne: votesFor > 0,
    majority: votesFor * 2 > totalVoters,
    all: votesFor === totalVoters,
  };
}

/** One vote per replica, each a dot that supersedes the replica's previous vote. */
export const voteKind: StoreKind<VoteStore> = dotFunKind((s, env) => ({ ...tally(s, env) }));
