/**
 * One JSON request to a replica, for the CLI and for the lab's propagation to peers. No keep-alive
 * (each call is its own connection, closed with the response), so a command that finishes leaves
 * no socket behind to keep the process alive.
 *
 * @module
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

export interface JsonResponse {
  readonly status: number;
  /** The parsed JSON body, or null for an empty one. */
  readonly body: unknown;
}

export interface JsonRequestOptions {
  readonly body?: unknown;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** A ready Authorization header (forwarded as is); wins over `token`. */
  readonly authorization?: string;
  /** Whole request, connect to last byte (default 10 s: a replica answers admin calls at once). */
  readonly timeoutMs?: number;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** Answers larger than this are cut off: /v1/cluster and /v1/lab are a few KiB. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

export function requestJson(method: "GET" | "POST", url: string, opts: JsonRequestOptions = {}): Promise<JsonResponse> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.reject(new Error(`not a URL: ${url}`));
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") return Promise.reject(new Error(`not an http(s) URL: ${url}`));
  const payload = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body));
  const headers: Record<string, string | number> = { connection: "close", accept: "application/json" };
  if (payload) {
    headers["content-type"] = "application/json";
    headers["content-length"] = payload.length;
  }
  const auth = opts.authorization ?? (opts.token !== undefined ? `Bearer ${opts.token}` : undefined);
  if (auth !== undefined) headers.authorization = auth;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (err: Error | undefined, value?: JsonResponse): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(value as JsonResponse);
    };
    const req = send(target, { method, agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > MAX_RESPONSE_BYTES) {
          req.destroy(new Error(`${method} ${url}: answer over ${MAX_RESPONSE_BYTES} bytes`));
          return;
        }
        chunks.push(c);
      });
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        try {
          finish(undefined, { status: res.statusCode ?? 0, body: text.length > 0 ? JSON.parse(text) : null });
        } catch {
          finish(new Error(`${method} ${url}: ${res.statusCode} with a body that is not JSON: ${text.slice(0, 200)}`));
        }
      });
      res.on("error", (err) => finish(err));
    });
    const timer = setTimeout(() => req.destroy(new Error(`${method} ${url} timed out after ${timeoutMs} ms`)), timeoutMs);
    req.on("error", (err) => finish(err));
    req.end(payload);
  });
}

/** The http(s) base URL of a replica from its gossip base URL (ws → http, wss → https), or undefined. */
export function httpBaseOf(wsUrl: string): string | undefined {
  let u: URL;
  try {
    u = new URL(wsUrl);
  } catch {
    return undefined;
  }
  if (u.protocol !== "ws:" && u.protocol !== "wss:") return undefined;
  return `${u.protocol === "wss:" ? "https:" : "http:"}//${u.host}`;
}

/** The message of a catalogue error body (SPEC §5), or a short dump of whatever came back. */
export function errorText(res: JsonResponse): string {
  const e = (res.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (e && typeof e.code === "string") return `${res.status} ${e.code}: ${typeof e.message === "string" ? e.message : ""}`;
  return `${res.status} ${JSON.stringify(res.body)?.slice(0, 200) ?? ""}`;
}
