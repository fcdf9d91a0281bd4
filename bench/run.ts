/**
 * Runs every benchmark in BENCHMARKS, one after another, each in its own child process (so one
 * benchmark's heap and JIT state cannot skew the next), and writes their combined JSON to stdout
 * and to bench/results/latest.json (committed: keep the format stable).
 *
 * `npm run bench` builds first and runs dist/bench/run.js, which starts `node dist/bench/<name>.js`.
 * Run from source (`node --import tsx bench/run.ts`) it starts `node --import tsx bench/<name>.ts`.
 * Children get --expose-gc so the harness can collect garbage between measurements.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { formatJson, printJson, progress, stopwatch } from "./harness.js";

/** Benchmark modules, by file name without extension; each prints one JSON object on stdout. */
const BENCHMARKS: readonly string[] = ["crdt", "convergence", "anti-entropy", "store", "memory", "runtimes", "http", "ws"];

const here = dirname(fileURLToPath(import.meta.url));
const compiled = import.meta.url.endsWith(".js");
/** The repository root: dist/bench/ when compiled, bench/ when run from source. */
const root = resolve(here, compiled ? "../.." : "..");
const resultsFile = join(root, "bench", "results", "latest.json");

function runBenchmark(name: string): Promise<unknown> {
  const file = join(here, `${name}${compiled ? ".js" : ".ts"}`);
  const args = compiled ? ["--expose-gc", file] : ["--expose-gc", "--import", "tsx", file];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code !== 0) {
        reject(new Error(`benchmark ${name} failed (${signal ?? `exit code ${code}`})`));
        return;
      }
      const out = Buffer.concat(chunks).toString("utf8");
      try {
        resolvePromise(JSON.parse(out));
      } catch {
        reject(new Error(`benchmark ${name} did not print one JSON object on stdout:\n${out.slice(0, 500)}`));
      }
    });
  });
}

async function main(): Promise<void> {
  const total = stopwatch();
  const benchmarks: Record<string, unknown> = {};
  for (const name of BENCHMARKS) {
    progress(`running ${name}`);
    const elapsed = stopwatch();
    benchmarks[name] = await runBenchmark(name);
    progress(`${name} done in ${(elapsed() / 1000).toFixed(1)} s`);
  }
  const combined = { date: new Date().toISOString(), durationMs: total(), benchmarks };
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, formatJson(combined));
  printJson(combined);
  progress(`wrote ${relative(process.cwd(), resultsFile) || resultsFile}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
