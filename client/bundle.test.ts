/**
 * The SDK as browsers get it: bundled by esbuild for the browser platform (no Node built-ins may
 * be pulled in), then run in a child Node with the standard (WHATWG) global WebSocket
 * (`--experimental-websocket` in Node 20) instead of `ws`, against a real replica: the global
 * WebSocket is found on its own, and calls, reads and subscriptions work with the standard event
 * objects. The Chromium tests of issue 5 §4 cover a real browser.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { LatticeNode } from "../server/node.js";
import { startReplica, tempDir } from "./test-support/replica.js";

let node: LatticeNode;
let dir: { path: string; remove: () => Promise<void> };

before(async () => {
  node = await startReplica();
  dir = await tempDir();
});

after(async () => {
  await node.close();
  await dir.remove();
});

/** client/index: the compiled .js next to this file under dist/, or the .ts source when run with tsx. */
function entry(): string {
  const js = fileURLToPath(new URL("./index.js", import.meta.url));
  return existsSync(js) ? js : fileURLToPath(new URL("./index.ts", import.meta.url));
}

const SCRIPT = `
import { createClient, LatticeError } from "./client.mjs";
const client = createClient(process.argv[2]);
const counter = client.entity("counter", "bundle");
const views = [];
await new Promise((resolve) => {
  counter.subscribe((v) => {
    views.push(v.state);
    if (views.length === 1) void counter.call("increment", { amount: 5 });
    if (v.state === 5) resolve();
  });
});
const read = await counter.get();
let code;
try { await counter.call("increment", { amount: 0 }); } catch (e) { code = e instanceof LatticeError ? e.code : String(e); }
const state = client.state;
await client.close();
console.log(JSON.stringify({ views, read: read.state, code, state, after: client.state }));
`;

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: dir.path, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill(), 20_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("client bundle for browsers", () => {
  it("bundles for the browser platform without Node built-ins and runs on a standard global WebSocket", async () => {
    const result = await build({ entryPoints: [entry()], bundle: true, format: "esm", platform: "browser", write: false, logLevel: "silent", metafile: true });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(
      inputs.every((i) => !i.startsWith("node:") && !i.includes("node_modules/")),
      `the bundle pulls in ${inputs.join(", ")}`,
    );
    const code = result.outputFiles[0]?.text ?? "";
    assert.doesNotMatch(code, /\bfrom\s*["']node:|\brequire\(/);
    await writeFile(join(dir.path, "client.mjs"), code);
    await writeFile(join(dir.path, "main.mjs"), SCRIPT);

    const out = await run(["--experimental-websocket", "--no-warnings", "main.mjs", node.url]);
    assert.equal(out.code, 0, out.stderr);
    assert.deepEqual(JSON.parse(out.stdout), { views: [0, 5], read: 5, code: "invalid_input", state: "open", after: "closed" });
  });
});
