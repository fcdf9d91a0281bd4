/**
 * Which browser origins may use the API. `"*"` allows every origin; a list allows exactly those
 * origins (`scheme://host[:port]`, compared case-insensitively). Used for CORS on HTTP and for the
 * `Origin` check of WebSocket upgrades, which CORS does not cover.
 */
export type OriginPolicy = "*" | readonly string[];

/** Normalises an origin for comparison: lower case, no trailing slash. */
export function normalizeOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, "").toLowerCase();
}

/**
 * Whether a WebSocket upgrade with this `Origin` header may proceed. Requests without an Origin
 * come from non-browser clients, which could send any Origin anyway, so they pass; a same-origin
 * page (the Origin's host is the request's Host) always passes, as it does under CORS.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, policy: OriginPolicy): boolean {
  if (origin === undefined || policy === "*") return true;
  const normalized = normalizeOrigin(origin);
  if (policy.includes(normalized)) return true;
  if (host === undefined) return false;
  try {
    return new URL(normalized).host === host.toLowerCase();
  } catch {
    return false;
  }
}
