import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { loadConfig } from "../config.js";
import type { LatticeNode, StartOptions } from "../node.js";
import { startNode } from "../node.js";
import { DEMO_CSP } from "./demo.js";

const FILES = {
  "index.html": '<!doctype html><title>demo</title><script type="module" src="./main.js"></script>',
  "main.js": 'console.log("demo");\n//# sourceMappingURL=main.js.map',
  "main.js.map": '{"version":3,"sources":[],"mappings":""}',
  "style.css": "body{margin:0}",
  // In the folder but not on the allow-list: must never be served.
  "secret.txt": "not for the web",
};

async function node(demo: StartOptions["demo"]): Promise<LatticeNode> {
  const config = loadConfig({ LATTICE_CLUSTER_SECRET: "demo-test-secret" }, ["--memory", "--port", "0"]);
  return startNode(config, { logger: false, demo });
}

describe("demo app at /", () => {
  let dir: string;
  let n: LatticeNode;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "lattice-demo-"));
    for (const [name, text] of Object.entries(FILES)) await writeFile(join(dir, name), text);
    n = await node({ dir });
  });
  after(async () => {
    await n.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("serves index.html at / and /index.html, with the CSP and a validator", async () => {
    for (const url of ["/", "/index.html"]) {
      const r = await n.app.inject({ method: "GET", url });
      assert.equal(r.statusCode, 200, url);
      assert.equal(r.headers["content-type"], "text/html; charset=utf-8");
      assert.equal(r.body, FILES["index.html"]);
      assert.equal(r.headers["content-security-policy"], DEMO_CSP);
      assert.equal(r.headers["x-content-type-options"], "nosniff");
      assert.equal(r.headers["cache-control"], "no-cache");
      assert.match(String(r.headers.etag), /^"[A-Za-z0-9_-]+"$/);
    }
  });

  it("serves the script, the style and the source map with their media types", async () => {
    const want: Record<string, [string, string]> = {
      "/main.js": ["text/javascript; charset=utf-8", FILES["main.js"]],
      "/style.css": ["text/css; charset=utf-8", FILES["style.css"]],
      "/main.js.map": ["application/json; charset=utf-8", FILES["main.js.map"]],
    };
    for (const [url, [type, body]] of Object.entries(want)) {
      const r = await n.app.inject({ method: "GET", url });
      assert.equal(r.statusCode, 200, url);
      assert.equal(r.headers["content-type"], type, url);
      assert.equal(r.body, body, url);
    }
  });

  it("answers 304 to a matching If-None-Match, and the full file to a stale one", async () => {
    const first = await n.app.inject({ method: "GET", url: "/main.js" });
    const etag = String(first.headers.etag);
    const again = await n.app.inject({ method: "GET", url: "/main.js", headers: { "if-none-match": `"stale", ${etag}` } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, "");
    assert.equal(again.headers.etag, etag);
    const weak = await n.app.inject({ method: "GET", url: "/main.js", headers: { "if-none-match": `W/${etag}` } });
    assert.equal(weak.statusCode, 304);
    const stale = await n.app.inject({ method: "GET", url: "/main.js", headers: { "if-none-match": '"stale"' } });
    assert.equal(stale.statusCode, 200);
    assert.equal(stale.body, FILES["main.js"]);
    // Different files have different validators.
    const css = await n.app.inject({ method: "GET", url: "/style.css" });
    assert.notEqual(css.headers.etag, etag);
  });

  it("answers HEAD with the headers and no body", async () => {
    const r = await n.app.inject({ method: "HEAD", url: "/" });
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers["content-type"], "text/html; charset=utf-8");
    assert.equal(r.body, "");
  });

  it("serves nothing outside the allow-list: other files in the folder, traversal, other folders", async () => {
    for (const url of ["/secret.txt", "/../package.json", "/%2e%2e/package.json", "/main.js/../secret.txt", "/demo/main.js", "/index.htm", "/etc/passwd"]) {
      const r = await n.app.inject({ method: "GET", url });
      assert.equal(r.statusCode, 404, url);
      assert.ok(!r.body.includes("not for the web"), url);
      assert.equal(r.json<{ error: { code: string } }>().error.code, "unknown_command", url);
    }
  });

  it("leaves the API alone", async () => {
    const r = await n.app.inject({ method: "GET", url: "/v1/services" });
    assert.equal(r.statusCode, 200);
    assert.ok(Array.isArray(r.json<{ services: unknown[] }>().services));
  });
});

describe("demo app: missing build, partial build, turned off", () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "lattice-demo-"));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("answers 503 with how to build it when the build is missing, and the replica still runs", async () => {
    const n = await node({ dir: join(dir, "nothing-here") });
    try {
      for (const url of ["/", "/main.js", "/style.css"]) {
        const r = await n.app.inject({ method: "GET", url });
        assert.equal(r.statusCode, 503, url);
        assert.equal(r.headers["content-type"], "text/plain; charset=utf-8");
        assert.equal(r.headers["cache-control"], "no-store");
        assert.match(r.body, /demo app is not built/);
        assert.match(r.body, /npm run build/);
        assert.match(r.body, /index\.html, main\.js, style\.css/);
      }
      assert.equal((await n.app.inject({ method: "GET", url: "/healthz" })).statusCode, 200);
    } finally {
      await n.close();
    }
  });

  it("treats a build without its script as missing, and one without a source map as complete", async () => {
    const partial = join(dir, "partial");
    const noMap = join(dir, "no-map");
    for (const [d, names] of [
      [partial, ["index.html", "style.css"]],
      [noMap, ["index.html", "main.js", "style.css"]],
    ] as const) {
      await rm(d, { recursive: true, force: true });
      await mkdir(d);
      for (const name of names) await writeFile(join(d, name), FILES[name]);
    }
    const a = await node({ dir: partial });
    try {
      const r = await a.app.inject({ method: "GET", url: "/" });
      assert.equal(r.statusCode, 503);
      assert.match(r.body, /Missing in .*: main\.js\./);
    } finally {
      await a.close();
    }
    const b = await node({ dir: noMap });
    try {
      assert.equal((await b.app.inject({ method: "GET", url: "/" })).statusCode, 200);
      assert.equal((await b.app.inject({ method: "GET", url: "/main.js" })).statusCode, 200);
      assert.equal((await b.app.inject({ method: "GET", url: "/main.js.map" })).statusCode, 404);
    } finally {
      await b.close();
    }
  });

  it("is not there at all with demo: false", async () => {
    const n = await node(false);
    try {
      const r = await n.app.inject({ method: "GET", url: "/" });
      assert.equal(r.statusCode, 404);
      assert.equal(r.json<{ error: { code: string } }>().error.code, "unknown_command");
    } finally {
      await n.close();
    }
  });
});
