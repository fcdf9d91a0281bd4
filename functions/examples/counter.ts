/**
 * A counter that goes both ways (pncounter), one per entity key.
 *
 * Commands (each replies with the counter's value afterwards):
 * - `increment {amount?}`: adds `amount` (an integer ≥ 1, default 1);
 * - `decrement {amount?}`: subtracts it;
 * - `get`.
 * The input may be omitted (null) or `{}`. A result outside the safe integer range is
 * `invalid_input` and changes nothing.
 *
 * @module
 */
import { command, defineService } from "../index.js";
import type { FromSchema } from "../index.js";

/** `null`, `{}` or `{amount: n}` with n ≥ 1. */
export const amountInput = {
  type: ["object", "null"],
  properties: { amount: { type: "integer", minimum: 1 } },
  additionalProperties: false,
} as const;

/** The amount of an input matching {@link amountInput}: `{amount?: number} | null`. */
export function amountOf(input: FromSchema<typeof amountInput>): number {
  return input?.amount ?? 1;
}

export default defineService({
  name: "counter",
  type: "pncounter",
  commands: {
    increment: command({
      input: amountInput,
      handler: (state, input) => {
        state.increment(amountOf(input));
        return state.value;
      },
    }),
    decrement: command({
      input: amountInput,
      handler: (state, input) => {
        state.decrement(amountOf(input));
        return state.value;
      },
    }),
    get: (state) => state.value,
  },
});
