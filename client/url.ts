/**
 * The /v1/ws URL of a replica from what a user passes to createClient.
 *
 * @example
 * socketUrl("http://127.0.0.1:8080");              // "ws://127.0.0.1:8080/v1/ws"
 * socketUrl("https://eu.example.com/lattice/");     // "wss://eu.example.com/lattice/v1/ws"
 * socketUrl("ws://localhost:8080/v1/ws", "t0k3n");  // "ws://localhost:8080/v1/ws?token=t0k3n"
 */

const WS_PATH = "/v1/ws";

/**
 * `base` may be http(s):// or ws(s)://, with or without the /v1/ws path, and may carry a path
 * prefix (a replica behind a reverse proxy). In a page a relative URL resolves against the page.
 * The token goes in `?token=`: browsers cannot set headers on a WebSocket.
 */
export function socketUrl(base: string, token?: string): string {
  const page = (globalThis as { location?: { href?: unknown } }).location?.href;
  let url: URL;
  try {
    url = typeof page === "string" ? new URL(base, page) : new URL(base);
  } catch {
    throw new TypeError(`not a replica URL: ${JSON.stringify(base)} (expected http://host:port or ws://host:port)`);
  }
  switch (url.protocol) {
    case "http:":
      url.protocol = "ws:";
      break;
    case "https:":
      url.protocol = "wss:";
      break;
    case "ws:":
    case "wss:":
      break;
    default:
      throw new TypeError(`a replica URL is http(s):// or ws(s)://, not ${url.protocol}`);
  }
  const path = url.pathname.replace(/\/+$/, "");
  url.pathname = path.endsWith(WS_PATH) ? path : `${path}${WS_PATH}`;
  url.hash = "";
  if (token !== undefined) url.searchParams.set("token", token);
  return url.toString();
}
