/**
 * A user profile (a last-writer-wins register per entity key) holding one JSON object.
 *
 * Commands:
 * - `set {value, clock?}` → `{value, applied}`: writes the profile object. `clock` is how the write
 *   is timestamped (SPEC §3): `"default"` (wall clock, always after the value this replica has
 *   seen), `"reverse"` (the first write wins), `{"custom": n}` (exactly n: a write with a lower
 *   clock than the current value loses) or `{"customAutoIncrement": n}` (n, raised above the
 *   current value's clock when needed). `value` is the profile afterwards and `applied` whether
 *   this write is it (false when the clock lost). Writing the current value changes nothing.
 * - `get` → the profile, or null before the first write.
 *
 * @module
 */
import { command, defineService } from "../index.js";
import type { Json } from "../index.js";

const clockInput = {
  oneOf: [
    { enum: ["default", "reverse"] },
    { type: "object", properties: { custom: { type: "integer" } }, required: ["custom"], additionalProperties: false },
    {
      type: "object",
      properties: { customAutoIncrement: { type: "integer" } },
      required: ["customAutoIncrement"],
      additionalProperties: false,
    },
  ],
} as const;

/** JSON text with object keys sorted, so equal values give equal text. */
export function canonical(value: Json): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k] ?? null)}`).join(",")}}`;
}

export default defineService({
  name: "profile",
  type: "lwwregister",
  commands: {
    set: command({
      input: {
        type: "object",
        properties: { value: { type: "object" }, clock: clockInput },
        required: ["value"],
        additionalProperties: false,
      },
      handler: (state, { value, clock }) => {
        state.set(value, clock);
        const now = state.value;
        return { value: now, applied: now !== null && canonical(now) === canonical(value) };
      },
    }),
    get: (state) => state.value,
  },
});
