/**
 * A launch switch (a flag per entity key): once launched, launched forever, on every replica.
 *
 * Commands:
 * - `launch` → `{launched: true, alreadyLaunched}`; `alreadyLaunched` tells whether this replica
 *   had already seen the flag enabled (launching twice changes nothing the second time);
 * - `get` → boolean.
 *
 * @module
 */
import { defineService } from "../index.js";

export default defineService({
  name: "launched",
  type: "flag",
  commands: {
    launch: (state) => {
      const alreadyLaunched = state.value;
      state.enable();
      return { launched: state.value, alreadyLaunched };
    },
    get: (state) => state.value,
  },
});
