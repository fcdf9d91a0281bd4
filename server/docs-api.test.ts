import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { ERROR_CATALOGUE } from "../protos/errors.js";
import { DEFAULT_API_LIMITS } from "./api/limits.js";

/** The repository root (this file runs from server/ under tsx and from dist/server/ when built). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "docs", "api.md"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("docs/api.md not found above the test file");
    dir = up;
  }
  return dir;
}

/** The body rows of the first table after the `## {heading}` line, as trimmed cells. */
function tableUnder(markdown: string, heading: string): string[][] {
  const lines = markdown.split("\n");
  const start = lines.indexOf(`## ${heading}`);
  assert.ok(start >= 0, `docs/api.md has no "## ${heading}" section`);
  const rows: string[][] = [];
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("## ")) break;
    if (line.startsWith("|")) {
      inTable = true;
      rows.push(
        line
          .slice(1, -1)
          .split("|")
          .map((c) => c.trim()),
      );
    } else if (inTable) break;
  }
  // Drop the header and the --- separator.
  return rows.slice(2);
}

const unquote = (cell: string): string => cell.replace(/^`|`$/g, "");

describe("docs/api.md", () => {
  const doc = readFileSync(join(repoRoot(), "docs", "api.md"), "utf8");

  it("lists exactly the error catalogue of protos/errors.ts: codes, statuses and meanings, in order", () => {
    const rows = tableUnder(doc, "Errors").map(([code, status, meaning]) => [unquote(code ?? ""), Number(status), meaning]);
    const catalogue = Object.entries(ERROR_CATALOGUE).map(([code, e]) => [code, e.status, e.meaning]);
    assert.deepEqual(rows, catalogue);
  });

  it("lists every client API limit with its default", () => {
    const rows = tableUnder(doc, "Limits").map(([name, def]) => [unquote(name ?? ""), Number(/^\d+/.exec(def ?? "")?.[0])]);
    assert.deepEqual(rows, Object.entries(DEFAULT_API_LIMITS));
  });
});
