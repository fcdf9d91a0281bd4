/**
 * Presence (Cloudstate's `samples/js-crdts` presence): is a user online anywhere? One entity per
 * user id, a `vote`: each replica votes true while the user has at least one connection to it.
 *
 * Streams:
 * - `connect`: held open by a client for as long as it is connected (a browser tab). On open the
 *   replica votes true; on close (the client cancels or disconnects) it votes false, but only when
 *   it was the user's LAST connection to this replica: two tabs on one replica, one closed, keep
 *   the user online. Sends no messages.
 * - `monitor`: first message `{online}` with the current status, then one message each time
 *   "anyone online" (`atLeastOne`: some live replica votes true) flips, and nothing in between.
 *
 * Commands: `status` → `{online, replicas}` (`replicas`: how many live replicas hold a connection
 * of the user); the view is `{online, replicas}` too.
 *
 * The connection count is per-process memory, keyed by replica id and user, as in Cloudstate's
 * sample (`onStateSet` kept a local, non-replicated count). That is only right for the inline
 * runtime, where every stream of a replica runs in that replica's process; a worker runtime would
 * need the count in the replica.
 *
 * A replica that dies with connections open stops counting on the others as soon as they mark it
 * down (votes of replicas that are not live do not count), and their `monitor` streams push the
 * flip then (the engine wakes streams whose tally a membership change changed). When it restarts
 * on the same data, the engine runs the `onClose` of the `connect` streams the dead process left
 * open (functions/stream-journal.ts) before serving: the count is empty then, so each votes false
 * and the stale `true` vote is withdrawn everywhere.
 *
 * @module
 */
import { defineService } from "../index.js";
import type { VoteState } from "../index.js";

/** Open `connect` streams per replica and user: `${replicaId}\0${user}` → count. */
const connections = new Map<string, number>();

const slot = (replica: string, user: string): string => `${replica}\u0000${user}`;

/** How many `connect` streams of `user` are open on replica `replicaId` (for tests and status). */
export function connectionCount(replicaId: string, user: string): number {
  return connections.get(slot(replicaId, user)) ?? 0;
}

const statusOf = (state: VoteState) => ({ online: state.atLeastOne, replicas: state.votesFor });

export default defineService({
  name: "presence",
  type: "vote",
  // The connection count above is this process's memory: the hooks must run in it.
  runtime: "inline",
  commands: {
    status: (state) => statusOf(state),
  },
  streams: {
    connect: {
      onOpen: (state, _input, ctx) => {
        const k = slot(ctx.replica.id, ctx.key);
        connections.set(k, (connections.get(k) ?? 0) + 1);
        // A no-op when this replica already votes true: no delta, no gossip.
        state.vote(true);
      },
      onClose: (state, ctx) => {
        const k = slot(ctx.replica.id, ctx.key);
        const left = (connections.get(k) ?? 1) - 1;
        if (left > 0) {
          connections.set(k, left);
          return;
        }
        connections.delete(k);
        state.vote(false);
      },
    },
    monitor: {
      onOpen: (state, _input, ctx) => {
        ctx.local.online = state.atLeastOne;
        return { online: state.atLeastOne };
      },
      onChange: (state, ctx) => {
        if (state.atLeastOne === ctx.local.online) return undefined;
        ctx.local.online = state.atLeastOne;
        return { online: state.atLeastOne };
      },
    },
  },
  view: (state) => statusOf(state),
});
