/**
 * Running the docs' JavaScript samples (```js run) in Node as a browser would run them: the
 * sample is written to a module file and imported, with its own `console` (recorded), a
 * `WebSocket` (the `ws` package behind the browser API) and an `EventSource` (over fetch), all
 * tracked so that everything a sample opened is closed afterwards. Bare imports (`ws`, `jose`,
 * `yjs`, `lattice`, …) resolve from this repository.
 *
 * @module
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { inspect } from "node:util";
import { WebSocket as WsWebSocket } from "ws";

type Listener = (ev: { type: string; data?: string; lastEventId?: string }) => void;

/** A minimal EventSource over fetch: named events, `onmessage`, `onerror`, `close()`. */
export class FetchEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readyState = 0;
  onopen: Listener | null = null;
  onmessage: Listener | null = null;
  onerror: Listener | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly abort = new AbortController();

  constructor(readonly url: string) {
    void this.run();
  }

  addEventListener(type: string, fn: Listener): void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(fn);
    this.listeners.set(type, set);
  }

  removeEventListener(type: string, fn: Listener): void {
    this.listeners.get(type)?.delete(fn);
  }

  close(): void {
    this.readyState = 2;
    this.abort.abort();
  }

  private dispatch(type: string, ev: { type: string; data?: string }): void {
    if (this.readyState === 2 && type !== "error") return;
    const handler = type === "message" ? this.onmessage : type === "open" ? this.onopen : type === "error" ? this.onerror : null;
    handler?.(ev);
    for (const fn of this.listeners.get(type) ?? []) fn(ev);
  }

  private async run(): Promise<void> {
    try {
      const res = await fetch(this.url, { headers: { accept: "text/event-stream" }, signal: this.abort.signal });
      if (!res.ok || !res.body) {
        // A browser's EventSource does not retry a refused stream: it fails and closes.
        this.readyState = 2;
        await res.body?.cancel();
        this.dispatch("error", { type: "error" });
        return;
      }
      this.readyState = 1;
      this.dispatch("open", { type: "open" });
      const decoder = new TextDecoder();
      let buffer = "";
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const raw = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let type = "message";
          const data: string[] = [];
          for (const line of raw.split("\n")) {
            if (line.startsWith(":")) continue;
            const colon = line.indexOf(":");
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
            if (field === "event") type = value;
            else if (field === "data") data.push(value);
          }
          if (data.length > 0) this.dispatch(type, { type, data: data.join("\n") });
        }
      }
      if (this.readyState !== 2) {
        this.readyState = 2;
        this.dispatch("error", { type: "error" });
      }
    } catch {
      if (this.readyState !== 2) {
        this.readyState = 2;
        this.dispatch("error", { type: "error" });
      }
    }
  }
}

/** The browser's WebSocket constructor: a URL and optional subprotocols, nothing Node-only. */
export type BrowserWebSocket = new (url: string | URL, protocols?: string | string[]) => WsWebSocket;

/** What a sample sees as globals, and what it opened. */
export class SampleScope {
  readonly lines: string[] = [];
  private readonly sockets = new Set<WsWebSocket>();
  private readonly sources = new Set<FetchEventSource>();
  private waiter: (() => void) | undefined;

  readonly console = {
    log: (...args: unknown[]) => this.print(args),
    info: (...args: unknown[]) => this.print(args),
    warn: (...args: unknown[]) => this.print(args),
    error: (...args: unknown[]) => this.print(args),
  };

  readonly WebSocket: BrowserWebSocket;
  readonly EventSource: typeof FetchEventSource;

  constructor() {
    const sockets = this.sockets;
    const sources = this.sources;
    this.WebSocket = class extends WsWebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        sockets.add(this);
        // Errors reach the sample through onerror/onclose as in a browser, never as a throw.
        this.on("error", () => undefined);
      }
    };
    this.EventSource = class extends FetchEventSource {
      constructor(url: string) {
        super(url);
        sources.add(this);
      }
    };
  }

  private print(args: unknown[]): void {
    this.lines.push(args.map((a) => (typeof a === "string" ? a : (JSON.stringify(a) ?? inspect(a)))).join(" "));
    this.waiter?.();
  }

  /** Resolves once `n` lines were printed, or after `timeoutMs`. */
  async waitForLines(n: number, timeoutMs: number): Promise<void> {
    if (this.lines.length >= n) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiter = () => {
        if (this.lines.length >= n) done();
      };
    });
  }

  /** Closes every socket and stream the sample opened and waits until the sockets are gone. */
  async close(): Promise<void> {
    for (const s of this.sources) s.close();
    await Promise.all(
      [...this.sockets].map(
        (ws) =>
          new Promise<void>((resolve) => {
            if (ws.readyState === WsWebSocket.CLOSED) return resolve();
            ws.once("close", () => resolve());
            ws.terminate();
          }),
      ),
    );
  }
}

const REGISTRY = Symbol.for("lattice.docs-samples");
type Registry = Map<string, SampleScope>;

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[REGISTRY] ??= new Map<string, SampleScope>());
}

/**
 * Imports the sample as a module file in `dir`: its bare import specifiers resolved by
 * `resolveBare`, its `console`, `WebSocket` and `EventSource` the scope's (unless it imports a
 * name of its own). Resolves when the module finished evaluating (top-level await included).
 */
export async function importSample(code: string, dir: string, name: string, scope: SampleScope, resolveBare: (specifier: string) => string): Promise<void> {
  const rewritten = code.replace(/((?:^|\n)\s*import\s[^;]*?\sfrom\s*|(?:^|\n)\s*import\s*|import\s*\(\s*)(["'])([^"'.][^"']*)\2/g, (_m, head: string, q: string, spec: string) => `${head}${q}${resolveBare(spec)}${q}`);
  const own = new Set<string>();
  for (const m of rewritten.matchAll(/import\s+(?:\*\s+as\s+)?([\w$]+)?\s*,?\s*(?:\{([^}]*)\})?\s*from/g)) {
    if (m[1]) own.add(m[1]);
    for (const part of (m[2] ?? "").split(",")) {
      const local = part.split(/\s+as\s+/).pop()?.trim();
      if (local) own.add(local);
    }
  }
  const inject = ["console", "WebSocket", "EventSource"].filter((n) => !own.has(n));
  registry().set(name, scope);
  const prelude = `const { ${inject.join(", ")} } = globalThis[Symbol.for("lattice.docs-samples")].get(${JSON.stringify(name)});\n`;
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, prelude + rewritten);
  try {
    await import(pathToFileURL(file).href);
  } finally {
    // The module keeps its own reference; the registry entry is only for its first line.
    registry().delete(name);
  }
}
