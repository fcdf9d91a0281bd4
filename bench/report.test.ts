/**
 * The benchmark report (docs/benchmarks.md and its SVG charts) rendered from a fixture results
 * file: every figure and ratio is on the page, the machine is described, each chart has one bar
 * per measured figure and is well-formed markup, and malformed input is reported, not rendered.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Figure } from "./figures.js";
import { figure, readFigures, shareOf } from "./figures.js";
import { renderReport } from "./report-markdown.js";
import { writeReport } from "./report.js";
import type { RunResults } from "./run-results.js";
import { parseRunResults } from "./run-results.js";
import { barChartSvg, escapeXml, niceMax } from "./svg-chart.js";

const storeFigures: Figure[] = [
  figure({
    id: "commands-spread-fsync-off",
    label: "commands/s, 10,000 entities, fsync off",
    value: 21_000,
    unit: "commands/s",
    better: "higher",
    against: { label: "raw level batch puts", kind: "ceiling", value: 84_000 },
  }),
  figure({
    id: "commands-hot-fsync-on",
    label: "commands/s, one hot entity, fsync on",
    value: 3_000,
    unit: "commands/s",
    better: "higher",
    against: { label: "raw level batch puts, sync", kind: "ceiling", value: 2_000 },
  }),
];
const httpFigures: Figure[] = [
  figure({
    id: "spread",
    label: "req/s, counter.increment over 1,000 keys <&>",
    value: 12_500,
    unit: "req/s",
    better: "higher",
    against: { label: "bare fastify | POST echo", kind: "peer", value: 50_000 },
    target: 0.5,
    note: "autocannon, 50 connections",
  }),
];
const convergenceFigures: Figure[] = [
  figure({
    id: "lag-p50",
    label: "replication lag p50, worst region pair",
    value: 4,
    unit: "ms",
    better: "lower",
    against: { label: "raw ws one-way p50", kind: "ceiling", value: 0.5 },
  }),
];

function fixture(over: Partial<RunResults> = {}): RunResults {
  return {
    date: "2026-11-22T10:00:00.000Z",
    durationMs: 512_345,
    budgetMs: 900_000,
    quick: false,
    runFrom: "dist",
    machine: {
      cpu: "AMD EPYC 7B13",
      cores: 2,
      availableParallelism: 2,
      totalMemGiB: 7.8,
      freeMemGiB: 5.1,
      node: "v20.20.2",
      os: "Linux 6.1.0 x64",
      loadAverageAtStart: [0.42, 0.3, 0.2],
      date: "2026-11-22T09:51:00.000Z",
      label: null,
    },
    runs: {
      store: { durationMs: 30_000, outcome: "ok" },
      http: { durationMs: 60_000, outcome: "ok" },
      convergence: { durationMs: 20_000, outcome: "ok" },
      memory: { durationMs: 5_000, outcome: "failed", detail: "exit code 1: out of memory" },
      yjs: { durationMs: 0, outcome: "skipped", detail: "bench/yjs.ts does not exist yet" },
    },
    benchmarks: {
      store: { benchmark: "store", about: "Group commit on LevelDB.", figures: storeFigures },
      http: { benchmark: "http", figures: httpFigures },
      convergence: {
        benchmark: "convergence",
        figures: convergenceFigures,
        lagMs: {
          "us-east -> eu-west": { count: 10, p50: 3, p90: 4, p99: 6, max: 9, mean: 3.2 },
          "eu-west -> us-east": { count: 10, p50: 4, p90: 5, p99: 8, max: 11, mean: 4.1 },
        },
        transportFloor: { pairs: { "us-east -> eu-west": { oneWayMs: { p50: 0.4, p99: 1.1 } } } },
      },
    },
    ...over,
  };
}

/** Checks that every tag opened is closed in order; returns the element names seen. */
function checkWellFormed(svg: string): string[] {
  assert.ok(svg.startsWith("<?xml"), "an XML declaration first");
  const body = svg.replace(/<\?xml[^>]*\?>/, "");
  const stack: string[] = [];
  const seen: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const between = body.slice(last, m.index);
    assert.ok(!/[<>]/.test(between), `stray markup before ${m[0]}: ${between.slice(0, 80)}`);
    assert.ok(!/&(?!(amp|lt|gt|quot|apos);)/.test(between), `unescaped & in text: ${between.slice(0, 80)}`);
    last = tag.lastIndex;
    const [, close, name, , selfClose] = m as unknown as [string, string, string, string, string];
    if (close) assert.equal(stack.pop(), name, `</${name}> closes the open element`);
    else if (!selfClose) stack.push(name);
    seen.push(name);
  }
  assert.ok(!/[<>]/.test(body.slice(last)), "nothing after the last tag");
  assert.deepEqual(stack, [], "every element closed");
  assert.equal(seen[0], "svg");
  return seen;
}

const count = (text: string, needle: string): number => text.split(needle).length - 1;

describe("figures", () => {
  it("computes the share of the peer or ceiling in the direction that is better", () => {
    assert.equal(shareOf(25, 100, "higher"), 0.25);
    assert.equal(shareOf(4, 0.5, "lower"), 0.125);
    assert.equal(shareOf(0, 100, "higher"), null, "nothing measured is not a ratio of 0");
    assert.equal(shareOf(10, 0, "higher"), null);
    assert.equal(shareOf(Number.NaN, 1, "lower"), null);
  });

  it("reads valid figures and reports malformed ones by id", () => {
    const bad = { id: "broken", label: "x", value: "fast", unit: "ops/s", better: "higher", against: { label: "y", kind: "ceiling", value: 1 }, ratio: 1 };
    const { figures, problems } = readFigures({ figures: [...storeFigures, bad, 42] });
    assert.equal(figures.length, 2);
    assert.equal(problems.length, 2);
    assert.match(problems[0] ?? "", /broken.*value/);
    assert.deepEqual(readFigures({ benchmark: "old" }), { figures: [], problems: [] }, "a benchmark without figures has none");
  });
});

describe("report markdown", () => {
  const { markdown, charts } = renderReport(fixture());

  it("shows every figure with its value, its peer or ceiling and its ratio", () => {
    for (const f of [...storeFigures, ...httpFigures, ...convergenceFigures]) {
      assert.ok(markdown.includes(f.label.replace(/\|/g, "\\|")), `label of ${f.id}`);
      assert.ok(markdown.includes(f.against.label.replace(/\|/g, "\\|")), `against of ${f.id}`);
    }
    assert.ok(markdown.includes("21,000 commands/s"));
    assert.ok(markdown.includes("84,000 commands/s"));
    assert.ok(markdown.includes("| 0.25 (4× slower) |"), "throughput ratio and its reading");
    assert.ok(markdown.includes("| 1.5 (1.5× better) |"), "a ratio above 1");
    assert.ok(markdown.includes("| 0.125 (8× more) |"), "latency ratio: the ceiling's time over ours");
    assert.ok(markdown.includes("≥ 0.5 ✗ missed"), "target and whether it was met");
    assert.ok(markdown.includes("0 of 1 targets met"));
    assert.ok(markdown.includes("bare fastify \\| POST echo"), "pipes in labels are escaped for tables");
    assert.ok(markdown.includes("- req/s, counter.increment over 1,000 keys <&>: autocannon, 50 connections"), "notes");
    assert.ok(markdown.includes("Group commit on LevelDB."), "a benchmark's about line");
    const shared = [1, 2].map((n) =>
      figure({ id: `f${n}`, label: `case ${n}`, value: n, unit: "ms", better: "lower", against: { label: "x", kind: "ceiling", value: 1 }, note: "the same caveat" }),
    );
    const once = renderReport(fixture({ benchmarks: { store: { figures: shared } }, runs: {} })).markdown;
    assert.equal(count(once, "the same caveat"), 1, "a note shared by several figures is said once");
  });

  it("describes the machine and the run", () => {
    for (const s of ["2 × AMD EPYC 7B13", "7.8 GiB", "Linux 6.1.0 x64", "v20.20.2", "0.42, 0.3, 0.2", "2026-11-22T09:51:00.000Z", "8 min 32 s"]) {
      assert.ok(markdown.includes(s), s);
    }
    assert.ok(markdown.includes("within the budget"));
    assert.ok(!markdown.includes("OVER BUDGET"));
    assert.ok(renderReport(fixture({ durationMs: 1_000_000 })).markdown.includes("OVER BUDGET"));
  });

  it("gives the machine's cost of a wake-up, and explains it when it is high; older results have none", () => {
    assert.ok(!markdown.includes("sleep and wake-up"), "the fixture predates the measurement");
    const withCost = (us: number): string => renderReport(fixture({ machine: { ...fixture().machine, wakeUpCpuUs: us } })).markdown;
    assert.ok(withCost(72.5).includes("| CPU per sleep and wake-up | 72.5 µs"));
    assert.ok(withCost(72.5).includes("pays about 72.5 µs of CPU"));
    assert.ok(withCost(3.1).includes("| CPU per sleep and wake-up | 3.1 µs"));
    assert.ok(!withCost(3.1).includes("pays about"), "a cheap wake-up needs no explanation");
  });

  it("flags a benchmark whose result says it lost part of its load", () => {
    assert.ok(!markdown.includes("Incomplete run"));
    const base = fixture();
    const http = base.benchmarks["http"];
    assert.ok(typeof http === "object" && http !== null);
    const lossy = renderReport(fixture({ benchmarks: { ...base.benchmarks, http: { ...http, complete: false } } })).markdown;
    const section = lossy.slice(lossy.indexOf("## http"));
    assert.ok(section.includes("**Incomplete run**"));
  });

  it("says which benchmarks failed or were skipped, and flags a quick run", () => {
    assert.ok(markdown.includes("**Failed**: exit code 1: out of memory."));
    assert.ok(markdown.includes("| yjs | skipped: bench/yjs.ts does not exist yet |"));
    assert.ok(!markdown.includes("## yjs"), "a benchmark not run has no section");
    assert.ok(markdown.includes("## memory"), "a failed one has");
    assert.ok(!markdown.includes("Quick run"));
    assert.ok(renderReport(fixture({ quick: true })).markdown.includes("**Quick run**"));
  });

  it("embeds the charts and the lag per region pair", () => {
    assert.deepEqual(charts.map((c) => c.file), ["ratios.svg", "convergence-lag.svg"]);
    assert.ok(markdown.includes("](benchmarks/ratios.svg)"));
    assert.ok(markdown.includes("](benchmarks/convergence-lag.svg)"));
    assert.ok(markdown.includes("| us-east → eu-west | 3 ms | 6 ms | 9 ms | 0.4 ms | 1.1 ms |"));
    assert.ok(markdown.includes("| eu-west → us-east | 4 ms | 8 ms | 11 ms | n/a | n/a |"));
  });

  it("has no fenced code block (docs-samples would try to run it)", () => {
    assert.ok(!markdown.includes("```"));
  });

  it("draws no lag chart without a convergence result", () => {
    const { benchmarks } = fixture();
    const rest = Object.fromEntries(Object.entries(benchmarks).filter(([k]) => k !== "convergence"));
    const r = renderReport(fixture({ benchmarks: rest }));
    assert.deepEqual(r.charts.map((c) => c.file), ["ratios.svg"]);
    assert.ok(!r.markdown.includes("convergence-lag.svg"));
  });
});

describe("report charts", () => {
  const { charts } = renderReport(fixture());
  const [ratios, lag] = charts as unknown as [{ svg: string }, { svg: string }];

  it("are well-formed SVG documents", () => {
    for (const c of charts) {
      const names = checkWellFormed(c.svg);
      assert.ok(names.includes("rect") && names.includes("text"));
    }
  });

  it("draw one bar per figure, grouped by benchmark, with escaped labels and target marks", () => {
    assert.equal(count(ratios.svg, '<rect class="bar"'), storeFigures.length + httpFigures.length + convergenceFigures.length);
    for (const g of ["store", "http", "convergence"]) assert.ok(ratios.svg.includes(`>${g}</text>`), g);
    assert.ok(ratios.svg.includes("&lt;&amp;&gt;"), "labels escaped");
    assert.equal(count(ratios.svg, '<line class="mark"'), 1, "the one target");
    assert.equal(count(ratios.svg, '<line class="reference"'), 1, "the line at 1");
  });

  it("draw the ratios on a log axis: equal factors, equal steps", () => {
    // Ratios 0.25, 1.5, 0.25, 0.125: the axis runs from 0.1 (the power of ten below) to 1.5.
    const widths = [...ratios.svg.matchAll(/<rect class="bar"[^>]* width="([\d.]+)"/g)].map((m) => Number(m[1]));
    const [spread, hot, http, lagRatio] = widths as [number, number, number, number];
    const unit = 380 / Math.log10(1.5 / 0.1);
    assert.ok(Math.abs(spread - unit * Math.log10(0.25 / 0.1)) < 1, `0.25 at ${spread}`);
    assert.ok(Math.abs(hot - unit * Math.log10(1.5 / 0.1)) < 1, `1.5 at ${hot}`);
    assert.equal(http, spread, "equal ratios, equal bars");
    assert.ok(Math.abs(spread - lagRatio - unit * Math.log10(2)) < 1, "halving the ratio is one fixed step");
    for (const t of [">0.1<", ">1<", ">1.5<"]) assert.ok(ratios.svg.includes(t), `tick ${t}`);
  });

  it("make bar length proportional to the value on a linear axis", () => {
    const svg = barChartSvg({ title: "t", axisLabel: "x", rows: [1, 2, 4].map((v) => ({ label: String(v), value: v, valueText: String(v) })) });
    const widths = [...svg.matchAll(/<rect class="bar"[^>]* width="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(widths, [95, 190, 380]);
  });

  it("draw the lag per pair: a p50 bar, a p99 bar behind it, the raw ws mark where measured", () => {
    assert.equal(count(lag.svg, '<rect class="bar"'), 2);
    assert.equal(count(lag.svg, '<rect class="back"'), 2);
    assert.equal(count(lag.svg, '<line class="mark"'), 1);
    assert.ok(lag.svg.includes("us-east → eu-west"));
  });

  it("skip the bar of a figure with nothing measured, and survive hostile labels", () => {
    const svg = barChartSvg({
      title: 'a "quoted" <title> & more',
      axisLabel: "x",
      rows: [
        { label: "</svg><script>alert(1)</script>", value: 0.5, valueText: "0.5" },
        { label: "nothing", value: null, valueText: "n/a" },
      ],
    });
    checkWellFormed(svg);
    assert.equal(count(svg, '<rect class="bar"'), 1);
    assert.ok(!svg.includes("<script>"));
    assert.equal(escapeXml(`<a href="x">&'`), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
  });

  it("choose a round axis maximum", () => {
    assert.equal(niceMax(1), 1);
    assert.equal(niceMax(1.07), 1.2);
    assert.equal(niceMax(0.034), 0.04);
    assert.equal(niceMax(730), 800);
    assert.equal(niceMax(0), 1);
  });
});

describe("writing the report", () => {
  it("writes the page and its charts, and removes a chart the run did not produce", () => {
    const root = mkdtempSync(join(tmpdir(), "lattice-report-test-"));
    try {
      writeReport(fixture(), root);
      assert.deepEqual(readdirSync(join(root, "docs", "benchmarks")).sort(), ["convergence-lag.svg", "ratios.svg"]);
      const page = readFileSync(join(root, "docs", "benchmarks.md"), "utf8");
      assert.ok(page.startsWith("# Benchmarks\n") && page.endsWith("\n"));
      const { benchmarks } = fixture();
      writeReport(fixture({ benchmarks: { store: benchmarks["store"] } }), root);
      assert.deepEqual(readdirSync(join(root, "docs", "benchmarks")), ["ratios.svg"], "no stale lag chart from an older run");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("refuses a results file that lacks what the report needs", () => {
    assert.doesNotThrow(() => parseRunResults(JSON.parse(JSON.stringify(fixture())) as unknown));
    const { machine: _machine, ...noMachine } = fixture();
    assert.throws(() => parseRunResults(noMachine), /machine/);
    assert.throws(() => parseRunResults({ date: "x", durationMs: 1, benchmarks: {} }), /budgetMs/, "the format before the report existed");
    assert.throws(() => parseRunResults({ ...fixture(), runs: { x: { outcome: "maybe", durationMs: 1 } } }), /runs\.x/);
  });
});
