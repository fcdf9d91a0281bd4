/**
 * A poll (one per entity key): a question, its options, and one ballot per voter.
 *
 * State: an ormap with
 * - `"poll"`: an lwwregister holding `{question, options}`, written with the `reverse` clock so the
 *   first creation wins everywhere (two replicas creating the same poll at once do not mix their
 *   option lists);
 * - `"ballots"`: an ormap from voter id to an lwwregister holding the option voted for;
 * - `"closed"`: a flag.
 *
 * Why not a `vote` per option, or a counter per option: a `vote` is one vote per REPLICA (it is
 * made for presence), and a counter cannot tell that the same person voted twice or changed their
 * mind. A register per voter gives one ballot per person that they can change (the last change
 * wins, also when they vote on two replicas at once) or retract (`ballots.delete`), and the tally
 * is a count over the ballots.
 *
 * The voter is the token's `sub` claim when the call carries verified claims, else `input.voter`.
 *
 * Commands:
 * - `create {question, options}` → the results; 2 to 20 distinct options; `failed` if the poll
 *   exists.
 * - `vote {option, voter?}` → the results; `failed` when the poll does not exist, is closed, the
 *   option is not one of its options, or there is no voter. Voting the same way again changes
 *   nothing.
 * - `retract {voter?}` → the results (no ballot: nothing changes).
 * - `close` → the results; later votes fail. (A vote cast on another replica before it saw the close
 *   still counts: closing is not a barrier across replicas.)
 * - `results` → `{question, options: [{option, votes}], totalVotes, closed}` (null question and no
 *   options before `create`). The view is the same.
 *
 * @module
 */
import { command, defineService } from "../index.js";
import type { AuthClaims, CommandContext, ORMapState } from "../index.js";

type PollDef = { readonly question: string; readonly options: string[] };

export type PollResults = {
  readonly question: string | null;
  readonly options: { readonly option: string; readonly votes: number }[];
  readonly totalVotes: number;
  readonly closed: boolean;
};

function pollOf(state: ORMapState): PollDef | null {
  const v = state.get("poll", "lwwregister").value;
  if (v === null || typeof v !== "object" || Array.isArray(v)) return null;
  const { question, options } = v;
  if (typeof question !== "string" || !Array.isArray(options)) return null;
  return { question, options: options.filter((o): o is string => typeof o === "string") };
}

function resultsOf(state: ORMapState): PollResults {
  const poll = pollOf(state);
  const counts = new Map<string, number>((poll?.options ?? []).map((o) => [o, 0]));
  let totalVotes = 0;
  const ballots = state.get("ballots", "ormap");
  for (const voter of ballots.keys()) {
    const choice = ballots.get(voter, "lwwregister").value;
    // A ballot for an option the poll does not have (it lost a concurrent create) is not counted.
    if (typeof choice !== "string" || !counts.has(choice)) continue;
    counts.set(choice, (counts.get(choice) ?? 0) + 1);
    totalVotes++;
  }
  return {
    question: poll?.question ?? null,
    options: [...counts].map(([option, votes]) => ({ option, votes })),
    totalVotes,
    closed: state.get("closed", "flag").value,
  };
}

function voterOf(auth: AuthClaims, input: { voter?: string } | null, ctx: CommandContext): string {
  if (auth && typeof auth.sub === "string" && auth.sub.length > 0) return auth.sub;
  const voter = input?.voter;
  if (voter !== undefined && voter.length > 0) return voter;
  return ctx.fail("a vote needs a voter: a token with a sub claim, or input.voter");
}

const voter = { type: "string", minLength: 1, maxLength: 256 } as const;

export default defineService({
  name: "poll",
  type: "ormap",
  commands: {
    create: command({
      input: {
        type: "object",
        properties: {
          question: { type: "string", minLength: 1, maxLength: 1000 },
          options: { type: "array", items: { type: "string", minLength: 1, maxLength: 200 }, minItems: 2, maxItems: 20, uniqueItems: true },
        },
        required: ["question", "options"],
        additionalProperties: false,
      },
      handler: (state, { question, options }, ctx) => {
        if (pollOf(state)) ctx.fail(`poll ${ctx.key} already exists`);
        state.get("poll", "lwwregister").set({ question, options }, "reverse");
        return resultsOf(state);
      },
    }),
    vote: command({
      input: {
        type: "object",
        properties: { option: { type: "string" }, voter },
        required: ["option"],
        additionalProperties: false,
      },
      handler: (state, input, ctx) => {
        const poll = pollOf(state);
        if (!poll) return ctx.fail(`there is no poll ${ctx.key}`);
        if (state.get("closed", "flag").value) ctx.fail(`poll ${ctx.key} is closed`);
        const { option } = input;
        if (!poll.options.includes(option)) ctx.fail(`"${option}" is not an option of poll ${ctx.key}`, { options: poll.options });
        state.get("ballots", "ormap").get(voterOf(ctx.auth, input, ctx), "lwwregister").set(option);
        return resultsOf(state);
      },
    }),
    retract: command({
      input: { type: ["object", "null"], properties: { voter }, additionalProperties: false },
      handler: (state, input, ctx) => {
        const ballots = state.get("ballots", "ormap");
        const who = voterOf(ctx.auth, input, ctx);
        if (ballots.has(who)) ballots.delete(who);
        return resultsOf(state);
      },
    }),
    close: (state) => {
      state.get("closed", "flag").enable();
      return resultsOf(state);
    },
    results: (state) => resultsOf(state),
  },
  view: (state) => resultsOf(state),
});
