/**
 * A user's friends (a grow-only set of user ids per entity key): once added, never removed.
 *
 * Commands:
 * - `add {friend}` → the friends afterwards, sorted; a user cannot befriend themselves (`failed`),
 *   and adding a present friend changes nothing;
 * - `has {friend}` → boolean;
 * - `list` → the friends, sorted.
 *
 * @module
 */
import { command, defineService } from "../index.js";
import { sortedStrings } from "./tags.js";

const friendInput = {
  type: "object",
  properties: { friend: { type: "string", minLength: 1, maxLength: 256 } },
  required: ["friend"],
  additionalProperties: false,
} as const;

export default defineService({
  name: "friends",
  type: "gset",
  commands: {
    add: command({
      input: friendInput,
      handler: (state, { friend }, ctx) => {
        if (friend === ctx.key) ctx.fail(`${friend} cannot befriend themselves`);
        state.add(friend);
        return sortedStrings(state);
      },
    }),
    has: command({
      input: friendInput,
      handler: (state, input) => state.has(input.friend),
    }),
    list: (state) => sortedStrings(state),
  },
  view: (state) => sortedStrings(state),
});
