/**
 * A benchmark's whole-number option from the environment (BENCH_HTTP_SECONDS, BENCH_YJS_DOCS, …).
 */

/**
 * The environment variable `name` as a positive integer, or `fallback` when it is unset or empty.
 * Anything else throws: a mistyped option silently replaced by its default would be a run of
 * another size than the one asked for, with nothing to show for it.
 */
export function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer (got ${raw})`);
  return n;
}
