/**
 * Writes docs/benchmarks.md and docs/benchmarks/*.svg from a run's results, without measuring
 * anything: `npm run bench:report` (or `node dist/bench/report.js [results.json [outDir]]`, or
 * `node --import tsx bench/report.ts …`). bench/run.ts calls {@link writeReport} at the end of
 * every run. The default input is bench/results/latest.json; the default output is the
 * repository (docs/…), except for a quick run's results, which go to bench/results/tmp/quick/
 * so that smoke figures never replace the committed page.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CHART_FILES } from "./report-charts.js";
import { renderReport } from "./report-markdown.js";
import type { RunResults } from "./run-results.js";
import { parseRunResults } from "./run-results.js";

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root: dist/bench/ when compiled, bench/ when run from source. */
export const REPO_ROOT = resolve(here, import.meta.url.endsWith(".js") ? "../.." : "..");
export const RESULTS_FILE = join(REPO_ROOT, "bench", "results", "latest.json");

/** Writes the page and its charts under `root` (docs/benchmarks.md, docs/benchmarks/*.svg); returns the files written. */
export function writeReport(results: RunResults, root = REPO_ROOT): string[] {
  const { markdown, charts } = renderReport(results);
  const docs = join(root, "docs");
  const chartDir = join(docs, "benchmarks");
  mkdirSync(chartDir, { recursive: true });
  const written: string[] = [];
  const page = join(docs, "benchmarks.md");
  writeFileSync(page, markdown.endsWith("\n") ? markdown : `${markdown}\n`);
  written.push(page);
  for (const c of charts) {
    const file = join(chartDir, c.file);
    writeFileSync(file, c.svg);
    written.push(file);
  }
  // A chart this run did not produce (its benchmark failed) would show an older run's data.
  for (const name of CHART_FILES) {
    if (!charts.some((c) => c.file === name) && existsSync(join(chartDir, name))) rmSync(join(chartDir, name));
  }
  return written;
}

export function readResults(file = RESULTS_FILE): RunResults {
  return parseRunResults(JSON.parse(readFileSync(file, "utf8")) as unknown);
}

/** Where a quick run's results and report go (git-ignored). */
export const QUICK_OUT = join(REPO_ROOT, "bench", "results", "tmp", "quick");
/** Where the results and report of a run of some benchmarks only (LATTICE_BENCH_ONLY) go (git-ignored). */
export const ONLY_OUT = join(REPO_ROOT, "bench", "results", "tmp", "only");

function main(): void {
  const file = process.argv[2] ? resolve(process.argv[2]) : RESULTS_FILE;
  const results = readResults(file);
  const out = process.argv[3] ? resolve(process.argv[3]) : results.quick ? QUICK_OUT : REPO_ROOT;
  const written = writeReport(results, out);
  for (const f of written) process.stderr.write(`[bench] wrote ${relative(process.cwd(), f) || f}\n`);
}

// Only when run as a program: bench/run.ts and the tests import this module.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err: unknown) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
