import { existsSync, readFileSync, statSync } from "node:fs";
import { register } from "node:module";
import { dirname, extname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServiceDefinition } from "./define-service.js";
import { defineService } from "./define-service.js";
import { setServiceModule } from "./runtime.js";

/**
 * Loading services from module files (SPEC §7 LATTICE_FUNCTIONS) and the example services.
 *
 * - JavaScript modules are imported as they are. For TypeScript modules (.ts, .mts, .cts, .tsx)
 *   the loader registers tsx's ESM hooks (`register()` from tsx/esm/api) in the thread, once,
 *   unless Lattice itself runs from its TypeScript sources (then tsx is already there). So tsx
 *   is a runtime dependency of the replica. Not `tsImport`: its namespaced imports load a second
 *   copy of every dependency (yjs included, whose types must be shared with the replica's).
 * - A module may `import { defineService } from "lattice"` wherever it lives: the loader
 *   installs a resolve hook that maps "lattice" (and "lattice/crdt") to the copy of Lattice
 *   that is running, whether or not the module's own node_modules has one.
 * - Every service loaded here remembers its module URL, which is what lets it run in the
 *   worker runtime (a worker imports the same module and finds the service by name).
 *
 * Any problem (missing file, syntax or import error, no default export, an invalid service, a
 * name defined twice) is a LoadError naming the file: the replica does not start.
 */

/** True when this file runs from its TypeScript source (tsx), false when compiled to dist/. */
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const OWN_EXT = FROM_SOURCE ? "ts" : "js";

/** A module named in LATTICE_FUNCTIONS could not be loaded; the message names the file. */
export class LoadError extends Error {
  constructor(
    readonly file: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot load services from ${file}: ${problem}`, options);
    this.name = "LoadError";
  }
}

const TS_EXTENSIONS: ReadonlySet<string> = new Set([".ts", ".mts", ".cts", ".tsx"]);

function isTypeScript(url: string): boolean {
  return TS_EXTENSIONS.has(extname(new URL(url).pathname));
}

/**
 * The resolve hook, as a data: URL so that it needs no file of its own (and no compilation): it
 * maps the bare specifiers in `data` to the URLs of this copy of Lattice and leaves every other
 * specifier to the next resolver.
 */
const RESOLVE_HOOK = `
let map = {};
export async function initialize(data) { map = data || {}; }
export async function resolve(specifier, context, nextResolve) {
  if (Object.prototype.hasOwnProperty.call(map, specifier)) return nextResolve(map[specifier], context);
  return nextResolve(specifier, context);
}
`;

/** The URLs "lattice" and "lattice/crdt" resolve to: this running copy's entry points. */
export function latticeEntryPoints(): Record<string, string> {
  return {
    lattice: new URL(`./index.${OWN_EXT}`, import.meta.url).href,
    "lattice/crdt": new URL(`../crdt/index.${OWN_EXT}`, import.meta.url).href,
  };
}

let resolverInstalled = false;

/**
 * Makes `import … from "lattice"` resolve to this copy of Lattice in every module imported from
 * now on in this thread (workers install it again: module hooks are per thread in Node 20).
 * Idempotent.
 */
export function installLatticeResolver(): void {
  if (resolverInstalled) return;
  resolverInstalled = true;
  register(`data:text/javascript,${encodeURIComponent(RESOLVE_HOOK)}`, { data: latticeEntryPoints() });
}

let typescript: Promise<void> | undefined;

/** Makes this thread able to import TypeScript (once); a no-op when Lattice runs from source. */
function enableTypeScript(): Promise<void> {
  if (FROM_SOURCE) return Promise.resolve();
  typescript ??= import("tsx/esm/api").then(
    (tsx) => void tsx.register(),
    (err: unknown) => {
      typescript = undefined;
      throw new Error(`loading TypeScript modules needs the tsx package (${err instanceof Error ? err.message : String(err)})`);
    },
  );
  return typescript;
}

/** Imports a module by file URL (TypeScript through tsx), with "lattice" resolvable. */
export async function importModule(url: string): Promise<Record<string, unknown>> {
  installLatticeResolver();
  if (isTypeScript(url)) await enableTypeScript();
  return (await import(url)) as Record<string, unknown>;
}

/**
 * True when Node loads `file` as CommonJS: a .cjs/.cts file, or a .js/.ts/.tsx file with no
 * package.json marking it `"type": "module"` (the nearest package.json decides).
 */
function loadsAsCommonJs(file: string): boolean {
  const ext = extname(file);
  if (ext === ".cjs" || ext === ".cts") return true;
  if (ext === ".mjs" || ext === ".mts") return false;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        return (JSON.parse(readFileSync(pkg, "utf8")) as { type?: unknown }).type !== "module";
      } catch {
        return true;
      }
    }
    if (dirname(dir) === dir) return true;
  }
}

/**
 * Why an import failed. The resolve hook serves ES modules only: a module Node loads as
 * CommonJS resolves `require("lattice")` from node_modules only; say so.
 */
function importProblem(file: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (loadsAsCommonJs(file)) {
    return `${message}\n(this module is loaded as CommonJS, where "lattice" resolves only from node_modules: name it .mts/.mjs, or put {"type": "module"} in its package.json, or install lattice beside it)`;
  }
  return message;
}

function describe(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "an array";
  return typeof x === "object" ? "an object" : typeof x;
}

/**
 * Checks that `x` is a service: the same checks as defineService (a module may export a plain
 * object without calling it), with a message saying what is wrong.
 */
function checkService(x: unknown): ServiceDefinition {
  if (typeof x !== "object" || x === null || Array.isArray(x)) throw new TypeError(`expected a service (defineService({...})), got ${describe(x)}`);
  const o = x as Record<string, unknown>;
  if (typeof o["name"] !== "string") throw new TypeError("a service needs a string name");
  if (typeof o["commands"] !== "object" || o["commands"] === null) throw new TypeError(`service ${o["name"]}: commands must be an object`);
  if (o["streams"] !== undefined && (typeof o["streams"] !== "object" || o["streams"] === null)) {
    throw new TypeError(`service ${o["name"]}: streams must be an object`);
  }
  for (const hook of ["view", "authorize"]) {
    if (o[hook] !== undefined && typeof o[hook] !== "function") throw new TypeError(`service ${o["name"]}: ${hook} must be a function`);
  }
  if (o["timeoutMs"] !== undefined && !(typeof o["timeoutMs"] === "number" && Number.isFinite(o["timeoutMs"]) && o["timeoutMs"] > 0)) {
    throw new TypeError(`service ${o["name"]}: timeoutMs must be a positive number`);
  }
  return defineService(x as ServiceDefinition);
}

/** The services a module exports as its default export: one service or an array of them. */
function defaultServices(file: string, ns: Record<string, unknown>): ServiceDefinition[] {
  if (!("default" in ns) || ns["default"] === undefined) {
    throw new LoadError(file, "the module has no default export (export default defineService({...}) or an array of services)");
  }
  const d = ns["default"];
  const list: unknown[] = Array.isArray(d) ? d : [d];
  if (list.length === 0) throw new LoadError(file, "the default export is an empty array");
  return list.map((x, i) => {
    try {
      return checkService(x);
    } catch (err) {
      const where = Array.isArray(d) ? `default export [${i}]` : "default export";
      throw new LoadError(file, `${where}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}

/** Imports one module file and returns its services, each tagged with the module's URL. */
export async function loadModule(file: string): Promise<ServiceDefinition[]> {
  if (!existsSync(file)) throw new LoadError(file, "no such file");
  if (!statSync(file).isFile()) throw new LoadError(file, "not a file");
  const url = pathToFileURL(file).href;
  let ns: Record<string, unknown>;
  try {
    ns = await importModule(url);
  } catch (err) {
    throw new LoadError(file, importProblem(file, err), { cause: err });
  }
  const services = defaultServices(file, ns);
  for (const s of services) setServiceModule(s, url);
  return services;
}

/**
 * Loads the services of every module in `paths` (absolute, or relative to `cwd`), in order
 * (SPEC §7 LATTICE_FUNCTIONS). Rejects with a LoadError naming the file at the first problem,
 * including a service name that another module (or the same one) already defines.
 */
export async function loadServices(paths: readonly string[], cwd: string = process.cwd()): Promise<ServiceDefinition[]> {
  const out: ServiceDefinition[] = [];
  const origin = new Map<string, string>();
  for (const p of paths) {
    const file = isAbsolute(p) ? p : resolve(cwd, p);
    for (const s of await loadModule(file)) {
      const first = origin.get(s.name);
      if (first !== undefined) {
        throw new LoadError(file, first === file ? `service "${s.name}" is defined twice in this module` : `service "${s.name}" is already defined by ${first}`);
      }
      origin.set(s.name, file);
      out.push(s);
    }
  }
  return out;
}

/**
 * The example services (functions/examples/index: `export const examples: ServiceDefinition[]`),
 * loaded like any other module so that examples may use the worker runtime. Imported on demand:
 * nothing here depends on the examples existing until this is called.
 */
export async function loadExamples(): Promise<ServiceDefinition[]> {
  const url = new URL(`./examples/index.${OWN_EXT}`, import.meta.url).href;
  const file = fileURLToPath(url);
  if (!existsSync(file)) throw new LoadError(file, "the example services are missing");
  let ns: Record<string, unknown>;
  try {
    ns = await importModule(url);
  } catch (err) {
    throw new LoadError(file, importProblem(file, err), { cause: err });
  }
  const list = ns["examples"] ?? ns["default"];
  if (!Array.isArray(list)) throw new LoadError(file, "expected `export const examples: ServiceDefinition[]`");
  const services = defaultServices(file, { default: list });
  const names = new Set<string>();
  for (const s of services) {
    if (names.has(s.name)) throw new LoadError(file, `service "${s.name}" is defined twice`);
    names.add(s.name);
    setServiceModule(s, url);
  }
  return services;
}

/**
 * Every service a module exports, by name: its default export and every named export that is a
 * service or an array of services. What a worker searches for the service it was asked to run.
 */
export function exportedServices(ns: Record<string, unknown>): Map<string, ServiceDefinition> {
  const out = new Map<string, ServiceDefinition>();
  const consider = (x: unknown): void => {
    if (typeof x === "object" && x !== null && !Array.isArray(x)) {
      const o = x as Partial<ServiceDefinition>;
      if (typeof o.name === "string" && typeof o.type === "string" && typeof o.commands === "object" && o.commands !== null && !out.has(o.name)) {
        out.set(o.name, x as ServiceDefinition);
      }
    }
  };
  const d = ns["default"];
  for (const x of Array.isArray(d) ? d : [d]) consider(x);
  for (const [k, v] of Object.entries(ns)) {
    if (k === "default") continue;
    for (const x of Array.isArray(v) ? (v as unknown[]) : [v]) consider(x);
  }
  return out;
}
