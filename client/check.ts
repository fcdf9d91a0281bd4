/** The longest delay setTimeout honours (a longer one, or Infinity, fires after about 1 ms). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Returns `value` if it is a number from `min` to `max`; throws a RangeError naming the option otherwise. */
export function numberIn(name: string, value: unknown, min: number, max = Number.POSITIVE_INFINITY): number {
  if (typeof value !== "number" || Number.isNaN(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a number from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}
