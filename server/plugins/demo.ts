/**
 * Serves the demo app (client/demo, bundled by scripts/build.mjs into dist/demo) at `/`.
 *
 * Only a fixed allow-list of files is served, each from its own route, and all of them are read
 * into memory when the plugin first registers in the process: no request path ever reaches the
 * file system, so nothing outside the demo folder can be served, and a request costs no disk read.
 * A rebuilt demo is picked up when the process restarts. When the build is missing (the
 * TypeScript was compiled with tsc alone), these routes answer 503 with a message saying how to
 * build it, and the API works as usual.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

// From source (tsx) this file is server/plugins/demo.ts and the build is dist/demo; compiled, it
// is dist/server/plugins/demo.js and the build sits beside it in dist/demo.
const TS = import.meta.url.endsWith(".ts");
/** Where scripts/build.mjs writes the demo. */
export const DEFAULT_DEMO_DIR = fileURLToPath(new URL(TS ? "../../dist/demo/" : "../../demo/", import.meta.url));

/** The files served, by URL path: file name and media type. Nothing else is ever read. */
export const DEMO_FILES: Readonly<Record<string, { readonly file: string; readonly type: string; readonly required: boolean }>> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8", required: true },
  "/index.html": { file: "index.html", type: "text/html; charset=utf-8", required: true },
  "/main.js": { file: "main.js", type: "text/javascript; charset=utf-8", required: true },
  "/style.css": { file: "style.css", type: "text/css; charset=utf-8", required: true },
  // Source maps are a convenience for browser dev tools; a build without them still serves.
  "/main.js.map": { file: "main.js.map", type: "application/json; charset=utf-8", required: false },
  "/style.css.map": { file: "style.css.map", type: "application/json; charset=utf-8", required: false },
};

/**
 * The page loads only its own script and style and talks only to its own origin (the replica:
 * /v1/ws, /v1/yjs, /v1/cluster). CSP level 3 `'self'` covers ws:/wss: to the same host.
 */
export const DEMO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

export interface DemoOptions {
  /** The folder holding the built demo. Default DEFAULT_DEMO_DIR (dist/demo). */
  readonly dir?: string;
}

interface LoadedFile {
  readonly body: Buffer;
  readonly type: string;
  readonly etag: string;
}

/** Complete builds by folder: the nodes of one process (tests, benchmarks) share the buffers. */
const loaded = new Map<string, Map<string, LoadedFile>>();

/** The demo's files by URL path, or what is missing when the build is incomplete (not cached: a later build is found at the next start). */
export function loadDemo(dir: string): { files: Map<string, LoadedFile> } | { missing: string[] } {
  const cached = loaded.get(dir);
  if (cached) return { files: cached };
  const byName = new Map<string, LoadedFile | undefined>();
  const missing: string[] = [];
  for (const { file, type, required } of Object.values(DEMO_FILES)) {
    if (byName.has(file)) continue;
    let body: Buffer | undefined;
    try {
      body = readFileSync(join(dir, file));
    } catch {
      if (required) missing.push(file);
    }
    // A strong validator from the content: the names are fixed, so browsers must revalidate and
    // get a 304 while the build is unchanged.
    byName.set(file, body && { body, type, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` });
  }
  if (missing.length > 0) return { missing };
  const files = new Map<string, LoadedFile>();
  for (const [path, spec] of Object.entries(DEMO_FILES)) {
    const file = byName.get(spec.file);
    if (file) files.set(path, file);
  }
  loaded.set(dir, files);
  return { files };
}

function securityHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header("content-security-policy", DEMO_CSP)
    .header("x-content-type-options", "nosniff")
    .header("referrer-policy", "no-referrer")
    .header("cross-origin-opener-policy", "same-origin");
}

/** GET `/` and the demo's assets (HEAD too: fastify adds it to every GET route). */
export function demoPlugin(app: FastifyInstance, opts: DemoOptions): Promise<void> {
  const dir = opts.dir ?? DEFAULT_DEMO_DIR;
  const demo = loadDemo(dir);
  if ("missing" in demo) {
    app.log.warn(`the demo app is not built (${demo.missing.join(", ")} missing in ${dir}): / answers 503; run npm run build`);
    const message = [
      "Lattice: the demo app is not built, so there is nothing to show at this address.",
      `Missing in ${dir}: ${demo.missing.join(", ")}.`,
      "Build it with `npm run build` (or `node scripts/build.mjs --demo-only`) and restart the replica.",
      "The API is up: see /v1/services, /v1/cluster and /healthz.",
      "",
    ].join("\n");
    const notBuilt = (_req: FastifyRequest, reply: FastifyReply) =>
      securityHeaders(reply).code(503).header("cache-control", "no-store").type("text/plain; charset=utf-8").send(message);
    for (const path of Object.keys(DEMO_FILES)) app.get(path, notBuilt);
    return Promise.resolve();
  }
  for (const [path, file] of demo.files) {
    app.get(path, (req, reply) => {
      securityHeaders(reply).header("cache-control", "no-cache").header("etag", file.etag);
      if (etagMatches(req.headers["if-none-match"], file.etag)) return reply.code(304).send();
      return reply.type(file.type).send(file.body);
    });
  }
  return Promise.resolve();
}

/** If-None-Match: a list of entity tags (weak ones compare equal, RFC 9110 §13.1.2) or `*`. */
function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}
