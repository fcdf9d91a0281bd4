import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Replica } from "../replica/replica.js";
import { MemoryStore } from "../replica/storage/memory-store.js";
import { FunctionEngine } from "./engine.js";
import { LoadError, loadExamples, loadServices } from "./loader.js";
import { serviceModule } from "./runtime.js";

const here = dirname(fileURLToPath(import.meta.url));
const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
/** Static fixtures: TypeScript beside this file (compiled beside the compiled test). */
const fixture = (name: string): string => join(here, "testdata", `${name}${ext}`);

/**
 * Modules outside this package, written per run: what a user's LATTICE_FUNCTIONS points at.
 * They import "lattice", which only the loader's resolve hook makes resolvable there.
 */
let outside: string;

function write(rel: string, text: string): string {
  const file = join(outside, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

before(() => {
  outside = mkdtempSync(join(tmpdir(), "lattice-loader-"));
  write(
    "ext/counter.mts",
    `import { defineService } from "lattice";
import { canonicalJson } from "lattice/crdt";
const step: number = 2;
export default defineService({
  name: "ext-counter",
  type: "pncounter",
  runtime: "worker",
  commands: { add: (s) => (s.increment(step), { value: s.value, key: canonicalJson({ b: 1, a: 2 }) }) },
});
`,
  );
  write(
    "ext/many.mjs",
    `import { defineService } from "lattice";
export default [
  defineService({ name: "js-one", type: "flag", commands: { on: (s) => (s.enable(), s.value) } }),
  { name: "js-two", type: "gset", commands: { add: (s, v) => (s.add(v), s.size) } },
];
`,
  );
  write("pkg/package.json", JSON.stringify({ type: "module" }));
  write("pkg/typed.ts", `import { defineService } from "lattice";\nconst n: string = "pkg-ts";\nexport default defineService({ name: n, type: "flag", commands: {} });\n`);
  write("pkg/plain.js", `import { defineService } from "lattice";\nexport default defineService({ name: "pkg-js", type: "flag", commands: {} });\n`);
  write("bad/syntax.mts", `import { defineService } from "lattice";\nexport default defineService({ name: "x", type: "flag", commands: { on: (s) => { s.enable( } } });\n`);
  write("bad/syntax.mjs", `export default {\n`);
  write("bad/throws.mjs", `throw new Error("module init failed");\n`);
  write("bad/empty.mjs", `export default [];\n`);
  write("bad/cjs.ts", `import { defineService } from "lattice";\nexport default defineService({ name: "cjs", type: "flag", commands: {} });\n`);
});

after(() => {
  rmSync(outside, { recursive: true, force: true });
});

async function loadError(paths: string[], cwd?: string): Promise<LoadError> {
  try {
    await loadServices(paths, cwd);
  } catch (err) {
    assert.ok(err instanceof LoadError, `expected a LoadError, got ${String(err)}`);
    return err;
  }
  assert.fail("expected loadServices to fail");
}

describe("loadServices", () => {
  it("loads a TypeScript module whose default export is one service, and records its module", async () => {
    const [svc, ...rest] = await loadServices([fixture("single")]);
    assert.equal(rest.length, 0);
    assert.equal(svc?.name, "single");
    assert.ok(svc);
    assert.equal(serviceModule(svc), pathToFileURL(fixture("single")).href);
  });

  it("loads a JavaScript module exporting an array, relative to cwd, importing \"lattice\"", async () => {
    const services = await loadServices(["ext/many.mjs"], outside);
    assert.deepEqual(
      services.map((s) => s.name),
      ["js-one", "js-two"],
    );
  });

  it("loads .ts and .js modules of an ESM package outside this one", async () => {
    const services = await loadServices([join(outside, "pkg/typed.ts"), join(outside, "pkg/plain.js")]);
    assert.deepEqual(
      services.map((s) => s.name),
      ["pkg-ts", "pkg-js"],
    );
  });

  it("keeps the order of the paths and of each module's array", async () => {
    const services = await loadServices(["ext/many.mjs", fixture("single")], outside);
    assert.deepEqual(
      services.map((s) => s.name),
      ["js-one", "js-two", "single"],
    );
  });

  it("a service from a module outside the package runs in a worker that resolves \"lattice\" too", async () => {
    const services = await loadServices([join(outside, "ext/counter.mts")]);
    const replica = await Replica.open({ store: new MemoryStore() });
    const engine = new FunctionEngine(replica, services, { worker: { size: 1 } });
    try {
      await engine.ready();
      assert.deepEqual(await engine.call({ service: "ext-counter", key: "k", command: "add", input: null, auth: null }), {
        value: 2,
        key: '{"a":2,"b":1}',
      });
    } finally {
      await engine.shutdown();
      await replica.close();
    }
  });

  describe("fails the start with a message naming the file", () => {
    it("missing file", async () => {
      const e = await loadError(["nope/missing.ts"], outside);
      assert.equal(e.file, join(outside, "nope/missing.ts"));
      assert.match(e.message, /missing\.ts: no such file/);
    });

    it("TypeScript syntax error", async () => {
      const e = await loadError([join(outside, "bad/syntax.mts")]);
      assert.match(e.message, /^cannot load services from .*bad\/syntax\.mts: /);
    });

    it("JavaScript syntax error", async () => {
      const e = await loadError([join(outside, "bad/syntax.mjs")]);
      assert.match(e.message, /bad\/syntax\.mjs: .*(SyntaxError|Unexpected)/is);
    });

    it("a module that throws while loading", async () => {
      const e = await loadError([join(outside, "bad/throws.mjs")]);
      assert.match(e.message, /bad\/throws\.mjs: module init failed/);
    });

    it("no default export", async () => {
      const e = await loadError([fixture("no-default")]);
      assert.match(e.message, /no-default\.[jt]s: the module has no default export/);
    });

    it("an empty array", async () => {
      const e = await loadError([join(outside, "bad/empty.mjs")]);
      assert.match(e.message, /empty\.mjs: the default export is an empty array/);
    });

    it("an invalid service, with its position in the array", async () => {
      const e = await loadError([fixture("invalid-service")]);
      assert.match(e.message, /invalid-service\.[jt]s: default export \[1\]: service broken: unknown state model "nope"/);
    });

    it("a name two modules define", async () => {
      const e = await loadError([fixture("dup-a"), fixture("dup-b")]);
      assert.equal(e.file, fixture("dup-b"));
      assert.match(e.message, /dup-b\.[jt]s: service "dup" is already defined by .*dup-a\.[jt]s/);
    });

    it("a CommonJS-loaded module importing \"lattice\" gets a hint", async () => {
      const e = await loadError([join(outside, "bad/cjs.ts")]);
      assert.match(e.message, /bad\/cjs\.ts: .*loaded as CommonJS, where "lattice" resolves only from node_modules: name it \.mts\/\.mjs, or put \{"type": "module"\}/s);
    });
  });
});

describe("loadExamples", () => {
  const examples = join(here, "examples", `index${ext}`);
  it("returns the example services, each runnable in a worker", { skip: !existsSync(examples) && "functions/examples/index is not written yet" }, async () => {
    const services = await loadExamples();
    assert.ok(services.length > 0);
    for (const s of services) assert.equal(serviceModule(s), pathToFileURL(examples).href);
    assert.equal(new Set(services.map((s) => s.name)).size, services.length);
  });
});
