/**
 * Renders a run's results (bench/results/latest.json) as docs/benchmarks.md and its charts.
 * Generic over benchmarks: every benchmark that printed `figures` (./figures.ts) gets a table;
 * a benchmark may also print `about` (one sentence). Nothing here measures anything.
 *
 * The page has no fenced code blocks: e2e/docs-samples.test.ts runs every fenced block of
 * docs/*.md, and a generated page has nothing to run.
 */
import type { Figure } from "./figures.js";
import { readFigures } from "./figures.js";
import type { Chart, PairLag } from "./report-charts.js";
import { convergenceChart, pairLags, ratiosChart } from "./report-charts.js";
import { formatDuration, formatRatio, formatValue, withUnit } from "./report-format.js";
import type { RunResults } from "./run-results.js";

export interface Report {
  readonly markdown: string;
  readonly charts: readonly Chart[];
}

/** Escapes text for a markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(" | ")} |`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function targetText(f: Figure): string {
  if (f.target === undefined) return "";
  if (f.ratio === null) return `≥ ${f.target}`;
  return `≥ ${f.target} ${f.ratio >= f.target ? "✓ met" : "✗ missed"}`;
}

/** "0.52 (raw level 1.9× faster)" style reading of a ratio, for readers who skip the definition. */
function reading(f: Figure): string {
  if (f.ratio === null) return "n/a";
  const r = formatRatio(f.ratio);
  if (f.ratio >= 0.995 && f.ratio <= 1.005) return `${r} (on par)`;
  if (f.ratio > 1) return `${r} (${formatRatio(f.ratio)}× better)`;
  return `${r} (${formatRatio(1 / f.ratio)}× ${f.better === "higher" ? "slower" : "more"})`;
}

function machineSection(results: RunResults): string[] {
  const m = results.machine;
  const over = results.durationMs > results.budgetMs;
  return [
    "## The machine and the run",
    "",
    "| | |",
    "| --- | --- |",
    row(["CPU", `${m.cores} × ${m.cpu} (node may use ${m.availableParallelism})`]),
    row(["Memory", `${m.totalMemGiB} GiB (${m.freeMemGiB} GiB free at the start)`]),
    row(["Operating system", m.os]),
    row(["Node.js", m.node]),
    row(["Load average at the start", `${m.loadAverageAtStart.join(", ")} (1, 5, 15 min)`]),
    ...(m.wakeUpCpuUs != null ? [row(["CPU per sleep and wake-up", `${m.wakeUpCpuUs} µs (a 1 ms timer, idle process; a few µs on bare metal)`])] : []),
    ...(m.label ? [row(["Machine", m.label])] : []),
    row(["Started", m.date]),
    row(["Run", `${formatDuration(results.durationMs)} in all, from ${results.runFrom === "dist" ? "the build (dist/)" : "source (tsx)"}; budget ${formatDuration(results.budgetMs)}${over ? " — OVER BUDGET" : ""}`]),
    "",
    "A load average near or above the number of cores means other work shared the machine and " +
      "depressed the absolute figures; the ratios hold up better, since each peer or ceiling ran " +
      "on the same machine minutes or seconds apart.",
    ...(m.wakeUpCpuUs != null && m.wakeUpCpuUs >= 20
      ? [
          "",
          `Every time a process here sleeps and is woken it pays about ${m.wakeUpCpuUs} µs of CPU. ` +
            "Work that comes as many small events pays that per event: a replica at a low fixed rate, " +
            "where each edit wakes it for the client's frame, the store's write and each peer's " +
            "acknowledgement, or a peer woken for every small batch. This can make CPU per delivery " +
            "at a fixed rate several times the figure at saturation, where events share wake-ups.",
        ]
      : []),
    "",
  ];
}

function figureTable(figures: readonly Figure[]): string[] {
  const lines = [row(["Figure", "Lattice", "Peer or ceiling", "Ratio", "Target"]), "| --- | ---: | --- | --- | --- |"];
  for (const f of figures) {
    lines.push(
      row([
        f.label,
        withUnit(f.value, f.unit),
        `${f.against.kind === "peer" ? "peer" : "ceiling"}: ${f.against.label}: ${withUnit(f.against.value, f.unit)}`,
        reading(f),
        targetText(f),
      ]),
    );
  }
  // A note shared by several figures (one per case) is said once, without a label.
  const notes = new Map<string, string[]>();
  for (const f of figures) if (f.note) notes.set(f.note, [...(notes.get(f.note) ?? []), f.label]);
  if (notes.size > 0) lines.push("", ...[...notes].map(([note, labels]) => (labels.length === 1 ? `- ${labels[0] ?? ""}: ${note}` : `- ${note}`)));
  return lines;
}

function lagTable(lags: readonly PairLag[]): string[] {
  const lines = [row(["Origin → receiver", "p50", "p99", "max", "raw ws one-way p50", "raw ws one-way p99"]), "| --- | ---: | ---: | ---: | ---: | ---: |"];
  const ms = (v: number | undefined): string => (v === undefined ? "n/a" : `${formatValue(v)} ms`);
  for (const l of lags) lines.push(row([l.pair.replace(" -> ", " → "), ms(l.p50), ms(l.p99), ms(l.max), ms(l.rawP50), ms(l.rawP99)]));
  return lines;
}

export function renderReport(results: RunResults): Report {
  const names = Object.keys(results.runs);
  for (const n of Object.keys(results.benchmarks)) if (!names.includes(n)) names.push(n);
  const byBenchmark: { name: string; figures: Figure[] }[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const { figures, problems: p } = readFigures(results.benchmarks[name]);
    byBenchmark.push({ name, figures });
    problems.push(...p.map((x) => `${name}: ${x}`));
  }
  const all = byBenchmark.flatMap((b) => b.figures);
  const charts: Chart[] = [ratiosChart(byBenchmark.filter((b) => b.figures.length > 0))];
  const lags = pairLags(results.benchmarks["convergence"]);
  const lagChart = convergenceChart(lags);
  if (lagChart) charts.push(lagChart);

  const withTarget = all.filter((f) => f.target !== undefined && f.ratio !== null);
  const met = withTarget.filter((f) => (f.ratio as number) >= (f.target as number)).length;

  const md: string[] = [
    "# Benchmarks",
    "",
    "Generated by `npm run bench` ([bench/run.ts](../bench/run.ts)), which runs every benchmark of " +
      "[bench/](../bench/README.md) and writes `bench/results/latest.json`; this page and its charts are " +
      "rendered from that file by [bench/report.ts](../bench/report.ts) (`npm run bench:report` renders " +
      "them again without measuring). Do not edit by hand.",
    "",
  ];
  if (results.quick) {
    md.push(
      "> **Quick run** (`LATTICE_BENCH_QUICK=1`): every benchmark was shrunk to a smoke test. These " +
        "figures show that the benchmarks run; they are not measurements to quote.",
      "",
    );
  }
  md.push(
    "Every figure stands beside a peer (another system doing the same job, such as bare fastify) or a " +
      "ceiling (the same job without what Lattice adds, such as raw LevelDB batch writes) measured in " +
      "the same run, on the same machine. The ratio is the share of that peer or ceiling Lattice " +
      "reaches: ours ÷ theirs for throughput, theirs ÷ ours for time, latency and bytes, so 1 means " +
      "as good as it and 0.25 means a quarter as fast (or four times the time). Ceilings are not " +
      "targets: they do strictly less work. Absolute figures move with the machine; compare ratios " +
      "across machines.",
    "",
    `${all.length} figures from ${byBenchmark.filter((b) => b.figures.length > 0).length} benchmarks` +
      (withTarget.length > 0 ? `; ${met} of ${withTarget.length} targets met.` : "."),
    "",
    `![${charts[0]?.alt ?? ""}](benchmarks/ratios.svg)`,
    "",
    ...machineSection(results),
  );

  for (const { name, figures } of byBenchmark) {
    const run = results.runs[name];
    const result = results.benchmarks[name];
    // A benchmark not run at all (its module does not exist yet) shows in the runs table only.
    if (run?.outcome === "skipped") continue;
    md.push(`## ${name}`, "");
    const about = isObject(result) && typeof result["about"] === "string" ? result["about"] : null;
    md.push(`${about ? `${about} ` : ""}Source: [bench/${name}.ts](../bench/${name}.ts).` + (run ? ` Took ${formatDuration(run.durationMs)}.` : ""), "");
    if (run && run.outcome !== "ok") {
      md.push(`**Failed**${run.detail ? `: ${run.detail}` : ""}.`, "");
      continue;
    }
    if (isObject(result) && result["complete"] === false) {
      // The benchmark ran to the end, but lost part of its load: the figures describe less than it claims.
      md.push("**Incomplete run**: the benchmark lost part of its load (edits, clients or connections; see `complete` and the totals in the JSON), so these figures describe less load than configured.", "");
    }
    if (figures.length === 0) {
      md.push("No figures (see the JSON in `bench/results/latest.json`).", "");
      continue;
    }
    md.push(...figureTable(figures), "");
    if (name === "convergence" && lagChart) {
      md.push(
        "Per region pair, with the raw WebSocket one-way time between the same two processes (half a " +
          "measured round trip, while the replicas are idle):",
        "",
        ...lagTable(lags),
        "",
        `![${lagChart.alt}](benchmarks/${lagChart.file})`,
        "",
      );
    }
  }

  md.push("## Runs", "", row(["Benchmark", "Outcome", "Duration"]), "| --- | --- | ---: |");
  for (const name of names) {
    const run = results.runs[name];
    md.push(row([name, run ? `${run.outcome}${run.detail ? `: ${run.detail}` : ""}` : "ok", run ? formatDuration(run.durationMs) : ""]));
  }
  md.push(row(["all", results.durationMs > results.budgetMs ? "over the budget" : "within the budget", formatDuration(results.durationMs)]), "");
  if (problems.length > 0) md.push("Figures left out because the benchmark printed them malformed:", "", ...problems.map((p) => `- ${p}`), "");
  return { markdown: md.join("\n"), charts };
}
