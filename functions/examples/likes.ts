/**
 * Likes of one item (a gcounter per entity key): it only ever grows.
 *
 * Commands:
 * - `like {amount?}` → the number of likes afterwards (`amount` an integer ≥ 1, default 1);
 * - `get` → the number of likes.
 *
 * @module
 */
import { command, defineService } from "../index.js";
import { amountInput, amountOf } from "./counter.js";

export default defineService({
  name: "likes",
  type: "gcounter",
  commands: {
    like: command({
      input: amountInput,
      handler: (state, input) => {
        state.increment(amountOf(input));
        return state.value;
      },
    }),
    get: (state) => state.value,
  },
});
