// Compiles the TypeScript sources to dist/ and copies the protobufjs static code beside them.
// Kept as a script (not a chain of shell commands) so it runs the same on every platform.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");

rmSync("dist", { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], { stdio: "inherit" });
if (existsSync("protos/generated")) {
  cpSync("protos/generated", "dist/protos/generated", {
    recursive: true,
    filter: (src) => !src.endsWith(".d.ts"),
  });
}
