// Regenerates protos/generated/*.js and *.d.ts from protos/*.proto with protobufjs-cli.
// The generated static code is committed so that installs need no code generation and no
// .proto text is parsed at run time (see protos/PROTOCOL.md, "Why static code").
// `node scripts/gen-protos.mjs --check` fails when the committed files are stale.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const cliDir = join(require.resolve("protobufjs-cli/package.json"), "..");
const pbjs = join(cliDir, "bin", "pbjs");
const pbts = join(cliDir, "bin", "pbts");

const check = process.argv.includes("--check");
const outDir = check ? mkdtempSync(join(tmpdir(), "lattice-protos-")) : "protos/generated";
mkdirSync(outDir, { recursive: true });

const protos = readdirSync("protos").filter((f) => f.endsWith(".proto")).sort();
for (const file of protos) {
  const base = file.replace(/\.proto$/, "");
  const js = join(outDir, `${base}.js`);
  execFileSync(process.execPath, [pbjs, "-t", "static-module", "-w", "es6", "-r", `lattice-${base}`, "--no-create", "--no-verify",
    "--no-convert", "--no-delimited", "--force-number", "-o", js, join("protos", file)], { stdio: "inherit" });
  // protobufjs resolves its runtime as "protobufjs/minimal"; Node's ESM loader needs the file name.
  const text = readFileSync(js, "utf8").replace('from "protobufjs/minimal"', 'from "protobufjs/minimal.js"');
  writeFileSync(js, text);
  execFileSync(process.execPath, [pbts, "--no-comments", "-o", join(outDir, `${base}.d.ts`), js], { stdio: "inherit" });
}

if (check) {
  let stale = [];
  for (const f of readdirSync(outDir)) {
    const fresh = readFileSync(join(outDir, f), "utf8");
    let committed = "";
    try { committed = readFileSync(join("protos/generated", f), "utf8"); } catch { /* missing counts as stale */ }
    if (fresh !== committed) stale.push(f);
  }
  rmSync(outDir, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`protos/generated is stale: ${stale.join(", ")}; run npm run protos`);
    process.exit(1);
  }
  console.log("protos/generated is up to date");
}
