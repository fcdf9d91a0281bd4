/**
 * Runs one documentation page's samples in order, against one replica per page (docs/README.md,
 * "Code samples"). The page gets a project directory of its own (a temp dir with
 * `{"type": "module"}`, like this repository): `file=` blocks are written into it, `start`
 * blocks (re)start the replica from it exactly as `npm start` would (loadConfig, then
 * LATTICE_FUNCTIONS through functions/loader.ts, else the examples), and run blocks talk to that
 * replica over real HTTP and WebSocket connections. A run block before any start block gets the
 * replica of a plain `npm start`.
 *
 * @module
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { WebSocket } from "ws";
import { latticeEntryPoints, loadExamples, loadServices } from "../../functions/loader.js";
import { loadConfig } from "../../server/config.js";
import type { LatticeNode } from "../../server/node.js";
import { startNode } from "../../server/node.js";
import type { ClassifiedBlock } from "./docs-blocks.js";
import { importSample, SampleScope } from "./docs-browser.js";
import { compareOutput, matches, parsePattern } from "./docs-match.js";
import type { Command } from "./docs-shell.js";
import { consoleCommands, curlToRequest, parseStart, shCommands } from "./docs-shell.js";

/** How long a sample may wait for an answer or for its output (a hang fails the sample). */
const WAIT_MS = 5000;
/** How long a `test=` file may run. */
const TEST_FILE_MS = 60_000;

/** The environment of a `test=` child: this one, minus what would make it a subtest of this run. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env["NODE_TEST_CONTEXT"];
  delete env["NODE_OPTIONS"];
  return env;
}

export class PageRunner {
  private root: string | undefined;
  private node: LatticeNode | undefined;
  /** The port the page's samples are written for (8080, or what its start command sets). */
  private documentedPort = 8080;
  private samples = 0;

  constructor(
    /** This repository's root (source tree). */
    private readonly repo: string,
    /** The resolver of the test file, for bare imports of js samples. */
    private readonly resolveBare: (specifier: string) => string,
  ) {}

  private project(): string {
    if (this.root === undefined) {
      this.root = mkdtempSync(join(tmpdir(), "lattice-docs-"));
      writeFileSync(join(this.root, "package.json"), `${JSON.stringify({ name: "docs-sample-project", private: true, type: "module" })}\n`);
    }
    return this.root;
  }

  async close(): Promise<void> {
    await this.stopNode();
    this.node = undefined;
    if (this.root !== undefined) rmSync(this.root, { recursive: true, force: true });
    this.root = undefined;
  }

  /**
   * Closes the page's replica. Keep-alive connections that fetch (undici) keeps pooled are
   * dropped first: after an SSE sample one of them can otherwise hold the shutdown for the
   * server's 72 s keep-alive timeout (seen in this test; the samples are over by then).
   */
  private async stopNode(): Promise<void> {
    const node = this.node;
    this.node = undefined;
    if (!node) return;
    const closing = node.close();
    node.app.server.closeAllConnections();
    await closing;
  }

  /** Runs one block; `output` is the output block right after it, if any. */
  async run(block: ClassifiedBlock, output: ClassifiedBlock | undefined): Promise<void> {
    switch (block.mode.kind) {
      case "file":
        this.write(block.mode.path, block.body);
        return;
      case "test":
        return this.runTestFile(block.mode.path, block.body);
      case "start":
        return this.start(block.body);
      case "run":
        break;
      default:
        throw new Error(`${block.mode.kind} blocks are not run`);
    }
    if (!this.node) await this.start("npm start");
    switch (block.lang) {
      case "sh":
        return this.runCommands(shCommands(block.body), output);
      case "console":
        return this.runCommands(consoleCommands(block.body), output);
      case "js":
        return this.runJs(block.body, output);
      case "ws":
        return this.runWs(block.body);
      default:
        throw new Error(`no runner for ${block.lang}`);
    }
  }

  private write(path: string, body: string): void {
    const file = join(this.project(), path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body.endsWith("\n") ? body : `${body}\n`);
  }

  private get replicaId(): string {
    if (!this.node) throw new Error("no replica is running");
    return this.node.replica.id;
  }

  private async start(body: string): Promise<void> {
    const cmd = parseStart(body);
    await this.stopNode();
    const root = this.project();
    const config = loadConfig(cmd.env, cmd.argv, root);
    if (config.peers.length > 0) throw new Error("a start block with peers would dial hosts outside the test: mark it norun");
    this.documentedPort = config.port;
    // Exactly what server/main.ts does with the configuration.
    const services = config.functions.length > 0 ? await loadServices(config.functions, root) : await loadExamples();
    this.node = await startNode({ ...config, host: "127.0.0.1", port: 0 }, { logger: false, services });
  }

  /** The documented address (localhost or 127.0.0.1 on the page's port) → the running replica. */
  private localize(text: string): string {
    if (!this.node) throw new Error("no replica is running");
    const port = new URL(this.node.url).port;
    const p = String(this.documentedPort);
    return text
      .replace(new RegExp(`\\b(https?|wss?)://(localhost|127\\.0\\.0\\.1):${p}\\b`, "g"), `$1://127.0.0.1:${port}`)
      .replace(new RegExp(`(^|[\\s'"(])(localhost|127\\.0\\.0\\.1):${p}\\b`, "g"), `$1127.0.0.1:${port}`);
  }

  private checkLocal(url: string): void {
    const u = new URL(url);
    if (u.hostname !== "127.0.0.1" || !this.node || u.port !== new URL(this.node.url).port) {
      throw new Error(`a sample may only call the page's replica (localhost:${this.documentedPort}), not ${url}`);
    }
  }

  private async runCommands(commands: readonly Command[], output: ClassifiedBlock | undefined): Promise<void> {
    if (commands.length === 0) throw new Error("a run block without commands");
    const all: string[] = [];
    for (const c of commands) {
      const req = curlToRequest(c.words.map((w) => this.localize(w)));
      this.checkLocal(req.url);
      const res = await fetch(req.url, { method: req.method, headers: req.headers, ...(req.body !== undefined ? { body: req.body } : {}), signal: AbortSignal.timeout(WAIT_MS) });
      const text = (await res.text()).trimEnd();
      all.push(text);
      if (c.expected !== undefined) {
        const diff = compareOutput(c.expected, text.split("\n"), this.replicaId);
        if (diff) throw new Error(`line ${c.line} (${c.words.join(" ")}): ${diff}`);
      } else if (!output) {
        throw new Error(`line ${c.line}: the command has no expected output (a "# → …" comment, transcript lines, or an output block)`);
      }
    }
    if (output) {
      const diff = compareOutput(output.body, all.join("\n").split("\n"), this.replicaId);
      if (diff) throw new Error(`output block at line ${output.line}: ${diff}`);
    }
  }

  private async runJs(code: string, output: ClassifiedBlock | undefined): Promise<void> {
    if (!output) throw new Error("a js run block needs an output block after it (what it prints)");
    const scope = new SampleScope();
    const guard = (url: string): void => this.checkLocal(url);
    const Base = scope.WebSocket;
    // Samples reach only the page's replica: checked before anything connects.
    const Guarded = class extends Base {
      constructor(url: string | URL, protocols?: string | string[]) {
        guard(String(url));
        super(url, protocols);
      }
    };
    Object.assign(scope, { WebSocket: Guarded });
    const expectedLines = output.body.split("\n").filter((l) => l.trim() !== "").length;
    const whole = expectedLines > 1 && parsePattern(output.body, this.replicaId) !== undefined;
    try {
      await importSample(this.localize(code), this.project(), `sample-${++this.samples}`, scope, (s) => this.resolve(s));
      await scope.waitForLines(whole ? 1 : expectedLines, WAIT_MS);
      // Anything printed shortly after the expected lines is a difference too.
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      await scope.close();
    }
    const diff = compareOutput(output.body, scope.lines, this.replicaId);
    if (diff) throw new Error(`output block at line ${output.line}: ${diff}\n  printed:\n${scope.lines.join("\n")}`);
  }

  private resolve(specifier: string): string {
    const lattice = latticeEntryPoints()[specifier];
    if (lattice !== undefined) return lattice;
    return this.resolveBare(specifier);
  }

  /** `→ frame` sends, `← pattern` waits for a frame that fits (independent frames may arrive in either order). */
  private async runWs(body: string): Promise<void> {
    if (!this.node) throw new Error("no replica is running");
    const url = `${this.node.url.replace(/^http/, "ws")}/v1/ws`;
    const ws = new WebSocket(url);
    const received: { frame: unknown; text: string; used: boolean }[] = [];
    let notify: (() => void) | undefined;
    ws.on("message", (data, isBinary) => {
      const text = isBinary ? "(binary)" : Buffer.isBuffer(data) ? data.toString("utf8") : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString("utf8");
      let frame: unknown;
      try {
        frame = JSON.parse(text) as unknown;
      } catch {
        frame = text;
      }
      received.push({ frame, text, used: false });
      notify?.();
    });
    ws.on("error", () => undefined);
    const closed = new Promise<void>((r) => ws.once("close", () => r()));
    try {
      await new Promise<void>((resolveOpen, reject) => {
        ws.once("open", () => resolveOpen());
        ws.once("error", reject);
      });
      for (const [i, raw] of body.split("\n").entries()) {
        const line = raw.trim();
        if (line === "") continue;
        if (line.startsWith("→")) {
          ws.send(line.slice(1).trim());
        } else if (line.startsWith("←")) {
          const pattern = parsePattern(line.slice(1).trim(), this.replicaId);
          if (pattern === undefined) throw new Error(`line ${i + 1}: "${line}" is not a JSON frame pattern`);
          const deadline = Date.now() + WAIT_MS;
          for (;;) {
            const hit = received.find((r) => !r.used && matches(pattern, r.frame));
            if (hit) {
              hit.used = true;
              break;
            }
            if (Date.now() > deadline) {
              throw new Error(`line ${i + 1}: no frame like ${line.slice(1).trim()}\n  unmatched frames: ${received.filter((r) => !r.used).map((r) => r.text).join("\n    ") || "none"}`);
            }
            await new Promise<void>((r) => {
              const t = setTimeout(r, 100);
              notify = () => {
                clearTimeout(t);
                r();
              };
            });
            notify = undefined;
          }
        } else {
          throw new Error(`line ${i + 1}: a ws transcript line starts with → (sent) or ← (received): ${line}`);
        }
      }
      await new Promise((r) => setTimeout(r, 50));
      const extra = received.filter((r) => !r.used);
      if (extra.length > 0) throw new Error(`frames the transcript does not show:\n    ${extra.map((r) => r.text).join("\n    ")}`);
    } finally {
      ws.terminate();
      await closed;
    }
  }

  /**
   * A `test=` file: written at its path in the page's project, with imports of this repository's
   * modules (written relative to where the file would sit in a clone: `../functions/loader.js`)
   * pointed at the repository, then run as its reader would run it: `node --import tsx --test`.
   */
  private async runTestFile(path: string, body: string): Promise<void> {
    const root = this.project();
    const at = dirname(join(root, path));
    const code = body.replace(/(\bfrom\s*|\bimport\s*\(\s*)(["'])(\.\.?\/[^"']+)\2/g, (m, head: string, q: string, spec: string) => {
      const local = resolve(at, spec);
      if (existsSync(local) || existsSync(local.replace(/\.js$/, ".ts"))) return m;
      const inRepo = resolve(this.repo, relative(root, local));
      const source = inRepo.replace(/\.js$/, ".ts");
      if (existsSync(source)) return `${head}${q}${pathToFileURL(source).href}${q}`;
      if (existsSync(inRepo)) return `${head}${q}${pathToFileURL(inRepo).href}${q}`;
      throw new Error(`${path} imports ${spec}, which is neither a file of this page nor of the repository`);
    });
    this.write(path, code);
    const tsx = this.resolveBare("tsx");
    const child = spawn(process.execPath, ["--import", tsx, "--test", path], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: childEnv() });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), TEST_FILE_MS);
    const code2 = await new Promise<number | null>((r) => child.once("close", (c) => r(c)));
    clearTimeout(timer);
    if (code2 !== 0) throw new Error(`node --test ${path} exited with ${code2}:\n${out}`);
    if (!/^# pass [1-9]/m.test(out)) throw new Error(`node --test ${path} ran no passing test:\n${out}`);
  }
}
