/**
 * Tags of one item (an add-wins observed-remove set of strings per entity key).
 *
 * Commands (each replies with the tags afterwards, sorted):
 * - `add {tag}`: adds a tag (1 to 100 characters); adding a present tag changes nothing;
 * - `remove {tag}`: removes the tag as observed; a concurrent `add` on another replica wins;
 *   removing a missing tag changes nothing;
 * - `clear`: removes every observed tag;
 * - `list`.
 *
 * @module
 */
import { command, defineService } from "../index.js";
import type { GSetState } from "../index.js";

const tagInput = {
  type: "object",
  properties: { tag: { type: "string", minLength: 1, maxLength: 100 } },
  required: ["tag"],
  additionalProperties: false,
} as const;

/** The members of a set of strings, sorted. */
export function sortedStrings(state: GSetState): string[] {
  return state.value.filter((v): v is string => typeof v === "string").sort();
}

export default defineService({
  name: "tags",
  type: "orset",
  commands: {
    add: command({
      input: tagInput,
      handler: (state, input) => {
        state.add(input.tag);
        return sortedStrings(state);
      },
    }),
    remove: command({
      input: tagInput,
      handler: (state, input) => {
        state.remove(input.tag);
        return sortedStrings(state);
      },
    }),
    clear: (state) => {
      state.clear();
      return sortedStrings(state);
    },
    list: (state) => sortedStrings(state),
  },
  view: (state) => sortedStrings(state),
});
