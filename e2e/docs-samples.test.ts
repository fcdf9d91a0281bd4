/**
 * Every code sample of the documentation runs (issue 6 §4): each fenced block of README.md,
 * docs/*.md and client/README.md is either run — services loaded as LATTICE_FUNCTIONS loads
 * them, curl calls, console transcripts, browser JavaScript and WebSocket transcripts against a
 * real replica, test files with node --test — and its documented output compared, or tagged
 * `norun: <reason>`. An untagged block fails, so new docs cannot add unchecked samples. The
 * convention is in docs/README.md, "Code samples".
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, describe, it } from "node:test";
import { loadConfig, SETTINGS } from "../server/config.js";
import { planPage } from "./support/docs-blocks.js";
import { compareOutput, SAMPLE_REPLICA_ID } from "./support/docs-match.js";
import { PageRunner } from "./support/docs-runner.js";
import { consoleCommands, curlToRequest, parseStart, shCommands } from "./support/docs-shell.js";

/** The repository root (this file runs from e2e/ under tsx and from dist/e2e/ when built). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "docs", "README.md")) || !existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("docs/README.md not found above the test file");
    dir = up;
  }
  return dir;
}

const ROOT = repoRoot();
const PAGES = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`),
  ...(existsSync(join(ROOT, "client", "README.md")) ? ["client/README.md"] : []),
];

describe("the docs sample convention", () => {
  it("refuses untagged blocks, norun without a reason, unknown modes and stray output blocks", () => {
    const md = [
      "```",
      "x",
      "```",
      "```ts",
      "y",
      "```",
      "```yaml norun:",
      "```",
      "```sh runn",
      "```",
      "```json output",
      "{}",
      "```",
      "```ts file=../escape.ts",
      "```",
      "```yaml norun: an excerpt, checked by e2e/compose.test.ts",
      "a: 1",
      "```",
    ].join("\n");
    const plan = planPage("x.md", md);
    assert.deepEqual(
      plan.problems.map((p) => p.split(":")[1]),
      ["1", "4", "7", "9", "11", "14"],
    );
    assert.equal(plan.blocks.length, 2, "the output block and the norun block are still listed");
  });

  it("reads curl, console transcripts and start lines", () => {
    const [c] = shCommands(`curl -s -X POST localhost:8080/v1/x \\\n  -H 'content-type: application/json' -d '{"a":"b c"}'   # → {"result":1}`);
    assert.ok(c);
    assert.deepEqual(curlToRequest(c.words), { method: "POST", url: "http://localhost:8080/v1/x", headers: { "content-type": "application/json" }, body: '{"a":"b c"}' });
    assert.equal(c.expected, '{"result":1}');
    const t = consoleCommands(`$ curl -s localhost:8080/a\n{"x":1}\n$ curl -s localhost:8080/b\n[1,\n 2]`);
    assert.deepEqual(
      t.map((x) => x.expected),
      ['{"x":1}', "[1,\n 2]"],
    );
    assert.deepEqual(parseStart("LATTICE_FUNCTIONS=services/a.ts,services/b.ts npm start -- --port 8081"), {
      env: { LATTICE_FUNCTIONS: "services/a.ts,services/b.ts" },
      argv: ["--port", "8081"],
    });
    assert.throws(() => shCommands("curl localhost:8080/a | jq ."), /pipes/);
    assert.throws(() => shCommands('curl -H "Authorization: Bearer $TOKEN" localhost:8080/a'), /variables/);
    assert.throws(() => curlToRequest(["wget", "x"]), /only curl/);
  });

  it("compares elided JSON: {…}, […], …, a last member …, text with …, the sample replica id", () => {
    const id = "AbCdEfGhIjKlMnOp";
    assert.equal(compareOutput(`{"state":2,"version":{…}}`, ['{"state":2,"version":{"x":1}}'], id), undefined);
    assert.equal(compareOutput(`{"state":2,"version":{"${SAMPLE_REPLICA_ID}":1}}`, [`{"state":2,"version":{"${id}":1}}`], id), undefined);
    assert.ok(compareOutput(`{"state":2,"version":{"${SAMPLE_REPLICA_ID}":1}}`, ['{"state":2,"version":{"other":1}}'], id));
    assert.equal(compareOutput(`{"error":{"code":"failed","message":"Cannot …",…}}`, ['{"error":{"code":"failed","message":"Cannot add","detail":{}}}'], id), undefined);
    assert.ok(compareOutput(`{"error":{"code":"failed"}}`, ['{"error":{"code":"failed","message":"x"}}'], id), "extra keys need a …");
    assert.equal(compareOutput(`{"items":[…],"n":…}`, ['{"items":[1,2],"n":"z"}'], id), undefined);
    assert.ok(compareOutput(`{"n":3}`, ['{"n":4}'], id));
    assert.ok(compareOutput(`a\nb`, ["a"], id), "a missing line");
    assert.equal(compareOutput(`online: …`, ["online: true"], id), undefined);
  });
});

describe("docs/operations.md, Configuration reference", () => {
  it("lists every LATTICE_* variable of server/config.ts, with the default loadConfig applies", () => {
    const md = readFileSync(join(ROOT, "docs", "operations.md"), "utf8");
    const section = md.split("\n## ").find((s) => s.startsWith("Configuration reference"));
    assert.ok(section, "docs/operations.md has a \"## Configuration reference\" section");
    const rows = section
      .split("\n")
      .filter((l) => l.startsWith("| `LATTICE_"))
      .map((l) => l.split("|").map((c) => c.trim()));
    assert.deepEqual(
      rows.map((r) => (r[1] ?? "").replace(/`/g, "")),
      Object.keys(SETTINGS),
      "the variables, in the order of SETTINGS",
    );
    // Defaults written as literal values must be what a replica started without the variable uses.
    const config = loadConfig({}, [], ROOT) as unknown as Record<string, unknown>;
    const literal: Record<string, [string, unknown]> = {
      LATTICE_HOST: ["host", config.host],
      LATTICE_PORT: ["port", config.port],
      LATTICE_REGION: ["region", config.region],
      LATTICE_PEER_TIMEOUT_MS: ["peerTimeoutMs", config.peerTimeoutMs],
      LATTICE_LOG_LEVEL: ["logLevel", config.logLevel],
      LATTICE_CORS_ORIGINS: ["corsOrigins", config.corsOrigins],
    };
    for (const r of rows) {
      const name = (r[1] ?? "").replace(/`/g, "");
      const documented = /^`([^`]*)`$/.exec(r[2] ?? "")?.[1];
      const actual = literal[name];
      if (actual) assert.equal(documented, String(actual[1]), `${name} default`);
    }
    assert.equal(config.fsync, false, "LATTICE_FSYNC defaults to 0");
    assert.equal(config.lab, false, "LATTICE_LAB defaults to 0");
    assert.equal(config.authSecret, undefined, "auth is off by default");
    assert.equal(config.dataDir, join(ROOT, "data"), "LATTICE_DATA_DIR defaults to ./data");
  });
});

for (const page of PAGES) {
  describe(page, () => {
    const plan = planPage(page, readFileSync(join(ROOT, page), "utf8"));
    const runner = new PageRunner(ROOT, (s) => import.meta.resolve(s));
    after(() => runner.close());

    it("every fenced block is run or tagged norun with a reason", () => {
      assert.deepEqual(plan.problems, []);
    });

    plan.blocks.forEach((b, i) => {
      if (b.mode.kind === "norun" || b.mode.kind === "output") return;
      const next = plan.blocks[i + 1];
      it(`line ${b.line}: \`\`\`${b.info}`, () => runner.run(b, next?.mode.kind === "output" ? next : undefined));
    });
  });
}
