/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, e.g. the replica profile http.ts and ws.ts
 * write with BENCH_PROFILE_DIR) as JSON on stdout:
 *
 * - `byArea`: self time per area: a folder of this project (replica/, functions/, server/, …),
 *   an npm package (node_modules/<name>), Node's own JavaScript (node:…), or V8's pseudo-frames
 *   ((garbage collector), (program), (idle));
 * - `topSelf`: the functions with the most self time;
 * - `topInclusive`: the functions with the most inclusive time (each sample counted once per
 *   function however often it recurs on the stack), which shows the costly call paths.
 *
 * Usage: `node --import tsx bench/support/cpuprofile-top.ts <file.cpuprofile> [top=30] [fromUs toUs]`.
 * Times are in ms and in % of the non-idle samples. `fromUs toUs` keep only the samples taken in
 * that window, in µs of CLOCK_MONOTONIC (the profile's clock; `process.hrtime.bigint() / 1000n`
 * in any process on the machine): http.ts and ws.ts print their runs' windows so.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { round } from "../harness.js";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/dist\/$/, "/");

/** Where a frame's code lives. */
function areaOf(f: CallFrame): string {
  const url = f.url;
  if (!url) return f.functionName.startsWith("(") ? f.functionName : "(native)";
  if (url.startsWith("node:")) return "node:internal";
  const nm = url.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "/node_modules/".length).split("/");
    return `npm:${rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1] ?? ""}` : (rest[0] ?? "?")}`;
  }
  const path = url.startsWith("file://") ? fileURLToPath(url) : url;
  const rel = path.startsWith(ROOT) ? path.slice(ROOT.length).replace(/^dist\//, "") : path;
  const top = rel.split("/")[0] ?? rel;
  return rel.includes("/") ? `${top}/` : rel;
}

function nameOf(f: CallFrame): string {
  const fn = f.functionName || "(anonymous)";
  if (!f.url) return fn;
  const path = f.url.startsWith("file://") ? fileURLToPath(f.url) : f.url;
  const short = path.startsWith(ROOT) ? path.slice(ROOT.length) : path.replace(/^.*\/node_modules\//, "node_modules/");
  return `${fn} ${short}:${f.lineNumber + 1}`;
}

export interface ProfileSummary {
  file: string;
  /** The profile's span, or the window's. */
  wallMs: number;
  /** Sampled time that was not (idle). */
  busyMs: number;
  byArea: { area: string; ms: number; pct: number }[];
  topSelf: { fn: string; ms: number; pct: number }[];
  topInclusive: { fn: string; ms: number; pct: number }[];
}

export function summarise(file: string, top = 30, window?: { fromUs: number; toUs: number }): ProfileSummary {
  const p = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of p.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const selfUs = new Map<number, number>();
  let at = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i] ?? 0;
    at += dt;
    if (window && (at < window.fromUs || at >= window.toUs)) continue;
    const id = p.samples[i] as number;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
  }
  let idleUs = 0;
  let totalUs = 0;
  const area = new Map<string, number>();
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    totalUs += us;
    if (node.callFrame.functionName === "(idle)") {
      idleUs += us;
      continue;
    }
    const a = areaOf(node.callFrame);
    area.set(a, (area.get(a) ?? 0) + us);
    const name = nameOf(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!n || n.callFrame.functionName === "(root)") continue;
      const k = nameOf(n.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + us);
    }
  }
  const busyUs = totalUs - idleUs;
  const rows = <K extends string>(m: Map<string, number>, key: K, n: number) =>
    [...m.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, n)
      .map(([k, us]) => ({ [key]: k, ms: round(us / 1000, 1), pct: round((us / busyUs) * 100, 1) }) as { [P in K]: string } & { ms: number; pct: number });
  return {
    file,
    wallMs: round((window ? Math.min(window.toUs, p.endTime) - Math.max(window.fromUs, p.startTime) : p.endTime - p.startTime) / 1000, 1),
    busyMs: round(busyUs / 1000, 1),
    byArea: rows(area, "area", 40),
    topSelf: rows(self, "fn", top),
    topInclusive: rows(incl, "fn", top),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: cpuprofile-top <file.cpuprofile> [top]\n");
    process.exit(2);
  }
  const [from, to] = [process.argv[4], process.argv[5]].map(Number);
  const window = from !== undefined && to !== undefined && Number.isFinite(from) && Number.isFinite(to) ? { fromUs: from, toUs: to } : undefined;
  process.stdout.write(`${JSON.stringify(summarise(file, Number(process.argv[3] ?? 30), window), null, 2)}\n`);
}
