import type { Causal } from "../causal.js";
import { delta } from "../causal.js";
import type { Dot } from "../dot.js";
import { dotKey } from "../dot.js";
import { checkSafeInteger } from "../errors.js";
import { canonicalJson } from "../json.js";
import type { JsonLimits } from "../json.js";
import { compareWrites, winner } from "../kinds/register.js";
import type { RegisterEntry, RegisterStore } from "../kinds/stores.js";
import type { ReplicaId } from "../replica-id.js";
import { frozenCopy } from "./frozen-copy.js";

/**
 * The four register clocks of Cloudstate:
 * - `default`: wall clock, max(now, winner's clock + 1), so a replica's own writes always advance;
 * - `reverse`: minus the wall clock, so the first write wins;
 * - `custom`: the given clock as is (a write with a lower clock than the winner loses);
 * - `customAutoIncrement`: the given clock, raised to the winner's clock + 1 when not above it.
 */
export type RegisterClock =
  | { readonly kind: "default" }
  | { readonly kind: "reverse" }
  | { readonly kind: "custom"; readonly value: number }
  | { readonly kind: "customAutoIncrement"; readonly value: number };

export const DEFAULT_CLOCK: RegisterClock = Object.freeze({ kind: "default" });

function clockValue(clock: RegisterClock, now: number, current: RegisterEntry | undefined): number {
  switch (clock.kind) {
    case "default":
      return current ? Math.max(now, current.clock + 1) : now;
    case "reverse":
      return -now;
    case "custom":
      return clock.value;
    case "customAutoIncrement":
      return current && clock.value <= current.clock ? current.clock + 1 : clock.value;
  }
}

/**
 * Writes `value` with `clock` (`now` is the injected wall clock in ms). Returns null when the
 * write changes nothing visible: the value already wins, or an observed write beats the new one.
 */
export function setRegister(
  s: Causal<RegisterStore>,
  replica: ReplicaId,
  value: unknown,
  clock: RegisterClock,
  now: number,
  limits?: JsonLimits,
): Causal<RegisterStore> | null {
  const text = canonicalJson(value, limits);
  checkSafeInteger(now, "now");
  if (clock.kind === "custom" || clock.kind === "customAutoIncrement") checkSafeInteger(clock.value, "clock");
  const current = winner(s.store);
  if (current && current.text === text) return null;
  const entry: RegisterEntry = Object.freeze({
    dot: s.ctx.next(replica),
    value: frozenCopy(text),
    text,
    clock: clockValue(clock, now, current),
    writer: replica,
  });
  checkSafeInteger(entry.clock, "clock");
  if (current && compareWrites(current, entry) < 0) return null;
  const covered: Dot[] = [...s.store.values()].map((e) => e.dot);
  return delta(new Map([[dotKey(entry.dot), entry]]), [...covered, entry.dot]);
}
