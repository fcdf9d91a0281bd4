// Compiles the TypeScript sources to dist/, copies the protobufjs static code beside them, and
// bundles the demo app (client/demo) into dist/demo for the replica to serve at `/`.
// Kept as a script (not a chain of shell commands) so it runs the same on every platform.
//
//   node scripts/build.mjs               everything (npm run build, npm test, prepare)
//   node scripts/build.mjs --demo-only   only dist/demo, leaving the rest of dist/ alone
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");

if (!process.argv.includes("--demo-only")) {
  rmSync("dist", { recursive: true, force: true });
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], { stdio: "inherit" });
  if (existsSync("protos/generated")) {
    cpSync("protos/generated", "dist/protos/generated", {
      recursive: true,
      filter: (src) => !src.endsWith(".d.ts"),
    });
  }
}
await buildDemo("dist/demo");

/**
 * The demo page: client/demo/app/main.ts with the SDK, yjs and y-websocket in one ES module for
 * browsers, its stylesheet, and index.html. Type errors are tsc's job (npm run lint checks
 * client/demo/tsconfig.json); esbuild only strips the types.
 */
async function buildDemo(outdir) {
  rmSync(outdir, { recursive: true, force: true });
  // yjs breaks when two copies meet in one page (its types fail instanceof checks across copies
  // and it warns "Yjs was already imported"), so every import of it goes to the one this
  // repository installs, and the bundle is checked for strays below.
  const yjs = fileURLToPath(import.meta.resolve("yjs"));
  const result = await build({
    entryPoints: { main: "client/demo/app/main.ts", style: "client/demo/style.css" },
    outdir,
    bundle: true,
    format: "esm",
    platform: "browser",
    // Browsers of the last few years; the SDK and yjs need nothing newer.
    target: ["es2022"],
    minify: true,
    sourcemap: true,
    metafile: true,
    tsconfig: "client/demo/tsconfig.json",
    logLevel: "warning",
    plugins: [
      {
        name: "one-yjs",
        setup(b) {
          b.onResolve({ filter: /^yjs$/ }, () => ({ path: yjs }));
        },
      },
    ],
  });
  const yjsDirs = new Set(
    Object.keys(result.metafile.inputs)
      .map((input) => input.split(/[\\/]/))
      .map((parts) => parts.lastIndexOf("yjs") > 0 && parts[parts.lastIndexOf("yjs") - 1] === "node_modules" ? parts.slice(0, parts.lastIndexOf("yjs") + 1).join(sep) : undefined)
      .filter((dir) => dir !== undefined),
  );
  if (yjsDirs.size !== 1) throw new Error(`the demo bundle must hold exactly one copy of yjs, found ${yjsDirs.size}: ${[...yjsDirs].join(", ")}`);
  copyFileSync("client/demo/index.html", join(outdir, "index.html"));
  const size = (name) => result.metafile.outputs[join(outdir, name).split(sep).join("/")]?.bytes ?? 0;
  process.stdout.write(`demo: ${relative(".", outdir)}/ (main.js ${Math.round(size("main.js") / 1024)} KiB, style.css ${Math.round(size("style.css") / 1024)} KiB)\n`);
}
