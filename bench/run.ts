/**
 * Runs every benchmark in BENCHMARKS, one after another, each in its own child process (so one
 * benchmark's heap and JIT state cannot skew the next), writes their combined JSON to
 * bench/results/latest.json (committed: keep the format stable, see ./run-results.ts) and
 * renders docs/benchmarks.md with its charts from it (./report.ts).
 *
 * `npm run bench` builds first and runs dist/bench/run.js, which starts `node dist/bench/<name>.js`.
 * Run from source (`node --import tsx bench/run.ts`) it starts `node --import tsx bench/<name>.ts`.
 * Children get --expose-gc so the harness can collect garbage between measurements.
 *
 * A benchmark that fails is recorded as failed (with the end of its error) and the run goes on:
 * one broken benchmark should not cost the other fourteen minutes of figures. The exit code is 1
 * if any failed.
 *
 * Environment: LATTICE_BENCH_QUICK=1 shrinks every benchmark to a smoke run and writes to
 * bench/results/tmp/quick/ (results and report) instead of the committed files;
 * LATTICE_BENCH_ONLY=crdt,store runs only those (written to bench/results/tmp/only/).
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { QUICK, formatJson, progress, stopwatch } from "./harness.js";
import { describeMachine, measureWakeUpCpuUs } from "./machine.js";
import { ONLY_OUT, QUICK_OUT, REPO_ROOT, RESULTS_FILE, writeReport } from "./report.js";
import type { BenchmarkRun, RunResults } from "./run-results.js";
import { RUN_BUDGET_MS } from "./run-results.js";

interface Benchmark {
  /** File name without extension; the module prints one JSON object on stdout. */
  readonly name: string;
}

const BENCHMARKS: readonly Benchmark[] = [
  { name: "crdt" },
  { name: "convergence" },
  { name: "anti-entropy" },
  { name: "store" },
  { name: "memory" },
  { name: "runtimes" },
  { name: "http" },
  { name: "ws" },
  { name: "yjs" },
];

const here = dirname(fileURLToPath(import.meta.url));
const compiled = import.meta.url.endsWith(".js");

function fileOf(name: string): string {
  return join(here, `${name}${compiled ? ".js" : ".ts"}`);
}

/** Runs one benchmark; resolves with its JSON, rejects with the reason it failed. */
function runBenchmark(name: string): Promise<unknown> {
  const file = fileOf(name);
  const args = compiled ? ["--expose-gc", file] : ["--expose-gc", "--import", "tsx", file];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderrTail = "";
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => {
      process.stderr.write(c);
      stderrTail = (stderrTail + c.toString("utf8")).slice(-2000);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code !== 0) {
        const last = stderrTail.trim().split("\n").filter((l) => l.trim() && !l.startsWith("[bench]")).slice(0, 1)[0] ?? "";
        reject(new Error(`${signal ?? `exit code ${code}`}${last ? `: ${last.trim().slice(0, 300)}` : ""}`));
        return;
      }
      const out = Buffer.concat(chunks).toString("utf8");
      try {
        resolvePromise(JSON.parse(out));
      } catch {
        reject(new Error(`did not print one JSON object on stdout: ${out.slice(0, 200)}`));
      }
    });
  });
}

function selected(): readonly Benchmark[] {
  const only = process.env["LATTICE_BENCH_ONLY"]?.split(",").map((s) => s.trim()).filter(Boolean);
  if (!only || only.length === 0) return BENCHMARKS;
  const unknown = only.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length > 0) throw new Error(`LATTICE_BENCH_ONLY: unknown benchmark ${unknown.join(", ")} (known: ${BENCHMARKS.map((b) => b.name).join(", ")})`);
  return BENCHMARKS.filter((b) => only.includes(b.name));
}

async function main(): Promise<void> {
  const total = stopwatch();
  const machine = { ...describeMachine(), wakeUpCpuUs: await measureWakeUpCpuUs() };
  const list = selected();
  const partial = list.length < BENCHMARKS.length;
  // A quick or partial run must not overwrite the committed results and page.
  const outRoot = QUICK ? QUICK_OUT : partial ? ONLY_OUT : REPO_ROOT;
  const resultsFile = outRoot === REPO_ROOT ? RESULTS_FILE : join(outRoot, "latest.json");
  progress(`machine: ${machine.cores} x ${machine.cpu}, load ${machine.loadAverageAtStart.join(" ")}${QUICK ? " (quick run)" : ""}`);

  const runs: Record<string, BenchmarkRun> = {};
  const benchmarks: Record<string, unknown> = {};
  for (const { name } of list) {
    progress(`running ${name}`);
    const elapsed = stopwatch();
    try {
      benchmarks[name] = await runBenchmark(name);
      runs[name] = { durationMs: elapsed(), outcome: "ok" };
      progress(`${name} done in ${((runs[name]?.durationMs ?? 0) / 1000).toFixed(1)} s`);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      runs[name] = { durationMs: elapsed(), outcome: "failed", detail };
      progress(`${name} FAILED after ${(elapsed() / 1000).toFixed(1)} s: ${detail}`);
    }
  }
  const results: RunResults = {
    date: new Date().toISOString(),
    durationMs: total(),
    budgetMs: RUN_BUDGET_MS,
    quick: QUICK,
    runFrom: compiled ? "dist" : "source",
    machine,
    runs,
    benchmarks,
  };
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, formatJson(results));
  progress(`wrote ${relative(process.cwd(), resultsFile) || resultsFile}`);
  for (const f of writeReport(results, outRoot)) progress(`wrote ${relative(process.cwd(), f) || f}`);
  progress(`all done in ${(results.durationMs / 1000).toFixed(1)} s (budget ${RUN_BUDGET_MS / 1000} s)`);
  if (Object.values(runs).some((r) => r.outcome === "failed")) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
