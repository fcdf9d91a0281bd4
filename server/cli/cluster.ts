/**
 * `lattice cluster` (`npm run cluster`): the three regions of SPEC §7 as child processes on one
 * machine — us-east, eu-west and ap-south on 8081–8083, data under ./data/<region>, meshed with
 * one cluster secret — with each line of their logs prefixed by its region. Ctrl-C (SIGINT) or
 * SIGTERM stops them cleanly (each replica flushes and closes its store); a second Ctrl-C kills.
 *
 * A replica that fails before all three are ready stops the whole cluster (a taken port, a bad
 * flag); one that dies later is reported and the others keep running, so that killing a region
 * on purpose is something to watch, not a crash.
 *
 * @module
 */
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { isAbsolute, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { SETTINGS } from "../config.js";
import { requestJson } from "../api/http-json.js";
import { CLUSTER_REGIONS } from "./topology.js";
import { UsageError } from "./usage.js";

// Children run the replica the way this file runs: TypeScript through tsx, or compiled in dist/.
const TS = import.meta.url.endsWith(".ts");
const MAIN_PATH = fileURLToPath(new URL(`../main.${TS ? "ts" : "js"}`, import.meta.url));
const EXEC_ARGV = TS ? ["--import", import.meta.resolve("tsx")] : [];

/** How long a replica may take to answer /readyz (store open, services loaded). */
const READY_TIMEOUT_MS = 60_000;
/** How long a stopping replica may take to flush and close before it is killed. */
const STOP_GRACE_MS = 10_000;

/** Settings `lattice cluster` sets per region itself; the rest are passed to every replica. */
const PER_REGION = new Set(["port", "region", "data-dir", "peers", "advertise-url", "cluster-secret", "host", "memory", "lab"]);
const PASSED = Object.values(SETTINGS).filter((f) => !PER_REGION.has(f));

/** Passed settings that `lattice start` also takes bare, meaning 1 (`--fsync`). */
const BOOLEAN_SETTINGS = new Set(["fsync"]);

/** `--fsync` alone becomes `--fsync=1`, as `lattice start` reads it (parseArgs wants a value). */
function bareBooleans(argv: readonly string[]): string[] {
  return argv.map((arg, i) => {
    const next = argv[i + 1];
    const bare = arg.startsWith("--") && !arg.includes("=") && BOOLEAN_SETTINGS.has(arg.slice(2)) && (next === undefined || next.startsWith("--"));
    return bare ? `${arg}=1` : arg;
  });
}

export function clusterHelp(): string {
  const regions = CLUSTER_REGIONS.map((r) => `${r.region} on ${r.port}`).join(", ");
  return [
    "Usage: lattice cluster [flags]",
    "",
    `Runs three replicas as child processes on this machine: ${regions},`,
    "meshed through LATTICE_PEERS, each with its data under <data-dir>/<region>. Logs are prefixed",
    "by region. Ctrl-C stops all three cleanly.",
    "",
    "  --data-dir D         base data directory (default ./data)",
    "  --memory             keep every replica's data in memory instead",
    "  --cluster-secret S   shared gossip secret (default: LATTICE_CLUSTER_SECRET, else a random",
    "                       one for this run, printed so that other replicas can join)",
    "  --host H             interface to listen on (default 127.0.0.1)",
    `  --ports P,P,P        ports for ${CLUSTER_REGIONS.map((r) => r.region).join(", ")} (default ${CLUSTER_REGIONS.map((r) => r.port).join(",")})`,
    "  --lab                turn the partition lab on (LATTICE_LAB=1), see lattice lab --help",
    "  --verbose            also show each HTTP request the replicas log",
    "",
    `Passed to every replica: ${PASSED.map((f) => `--${f}`).join(", ")}`,
    "(lattice start --help explains them).",
  ].join("\n");
}

interface Child {
  readonly region: string;
  readonly port: number;
  readonly proc: ChildProcess;
  readonly exited: Promise<number | null>;
  done: boolean;
}

const LEVELS: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };

/**
 * A pino JSON line as `HH:MM:SS.mmm LEVEL message`, or undefined for request logs (unless
 * verbose); anything that is not a pino line passes unchanged.
 */
export function formatLogLine(line: string, verbose: boolean): string | undefined {
  if (!line.startsWith("{")) return line;
  let rec: { level?: unknown; time?: unknown; msg?: unknown; err?: { message?: unknown } };
  try {
    rec = JSON.parse(line) as typeof rec;
  } catch {
    return line;
  }
  if (typeof rec.level !== "number" || typeof rec.msg !== "string") return line;
  if (!verbose && (rec.msg === "incoming request" || rec.msg === "request completed")) return undefined;
  const time = typeof rec.time === "number" ? new Date(rec.time).toISOString().slice(11, 23) : "";
  const err = typeof rec.err?.message === "string" ? `: ${rec.err.message}` : "";
  return `${time} ${(LEVELS[rec.level] ?? String(rec.level)).padEnd(5)} ${rec.msg}${err}`;
}

export async function runCluster(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const passOptions = Object.fromEntries(PASSED.map((f) => [f, { type: "string" as const }]));
  const { values } = parseArgs({
    args: bareBooleans(argv),
    options: {
      ...passOptions,
      "data-dir": { type: "string" },
      memory: { type: "boolean" },
      "cluster-secret": { type: "string" },
      host: { type: "string" },
      ports: { type: "string" },
      lab: { type: "boolean" },
      verbose: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${clusterHelp()}\n`);
    return 0;
  }
  const host = values.host ?? "127.0.0.1";
  const ports = values.ports === undefined ? CLUSTER_REGIONS.map((r) => r.port) : values.ports.split(",").map((p) => Number(p.trim()));
  if (ports.length !== CLUSTER_REGIONS.length || ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535) || new Set(ports).size !== ports.length) {
    throw new UsageError(`--ports needs ${CLUSTER_REGIONS.length} different ports such as ${CLUSTER_REGIONS.map((r) => r.port).join(",")}`);
  }
  const dataRaw = values["data-dir"] ?? "./data";
  const dataDir = isAbsolute(dataRaw) ? dataRaw : resolve(dataRaw);
  const given = values["cluster-secret"] ?? env.LATTICE_CLUSTER_SECRET;
  const secret = given || randomBytes(24).toString("base64url");
  const reachable = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const slots = CLUSTER_REGIONS.map((r, i) => ({ region: r.region, port: ports[i] as number }));
  const wsUrl = (port: number): string => `ws://${reachable}:${port}`;
  const httpUrl = (port: number): string => `http://${reachable}:${port}`;
  const width = Math.max(...slots.map((s) => s.region.length));
  const verbose = values.verbose === true;

  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  out(`lattice cluster: ${slots.map((s) => `${s.region} ${httpUrl(s.port)}`).join(", ")}`);
  out(`  data: ${values.memory ? "in memory" : `${dataDir}/<region>`}; cluster secret: ${given ? "as given" : `generated for this run: ${secret}`}`);

  const children: Child[] = [];
  let stopping = false;
  let stopped: Promise<void> | undefined;
  const stopAll = (): Promise<void> =>
    (stopped ??= (async () => {
      stopping = true;
      for (const c of children) if (!c.done) c.proc.kill("SIGTERM");
      const timer = setTimeout(() => {
        for (const c of children) if (!c.done) c.proc.kill("SIGKILL");
      }, STOP_GRACE_MS);
      await Promise.all(children.map((c) => c.exited));
      clearTimeout(timer);
    })());
  // A cluster process that exits for any reason takes its replicas with it.
  const killLeftovers = (): void => {
    for (const c of children) if (!c.done) c.proc.kill("SIGKILL");
  };
  process.on("exit", killLeftovers);

  for (const slot of slots) {
    const peers = slots.filter((s) => s !== slot).map((s) => wsUrl(s.port));
    const args = [
      ...["--host", host, "--port", String(slot.port), "--region", slot.region],
      ...["--peers", peers.join(","), "--advertise-url", wsUrl(slot.port), "--cluster-secret", secret],
      ...(values.memory ? ["--memory"] : ["--data-dir", join(dataDir, slot.region)]),
      ...(values.lab ? ["--lab", "1"] : []),
    ];
    for (const f of PASSED) {
      const v = (values as Record<string, unknown>)[f];
      if (typeof v === "string") args.push(`--${f}`, v);
    }
    // The environment is inherited (LATTICE_LOG_LEVEL, LATTICE_FUNCTIONS, … apply to all three);
    // the per-region settings above are flags, which win over it.
    const proc = spawn(process.execPath, [...EXEC_ARGV, MAIN_PATH, ...args], { env: { ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const prefix = `[${slot.region.padEnd(width)}]`;
    for (const stream of [proc.stdout, proc.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on("line", (line) => {
        const text = formatLogLine(line, verbose);
        if (text !== undefined) out(`${prefix} ${text}`);
      });
    }
    const child: Child = {
      region: slot.region,
      port: slot.port,
      proc,
      done: false,
      exited: new Promise((res) => {
        proc.once("exit", (code, signal) => {
          child.done = true;
          if (!stopping) out(`${prefix} exited (${signal ?? `code ${code}`})`);
          res(code);
        });
        proc.once("error", (err) => {
          out(`${prefix} could not start: ${err.message}`);
          child.done = true;
          res(1);
        });
      }),
    };
    children.push(child);
  }

  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    interrupts++;
    if (interrupts > 1) {
      out(`${signal} again: killing the replicas`);
      killLeftovers();
      return;
    }
    out(`${signal}: stopping the cluster (Ctrl-C again to kill)`);
    void stopAll();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  try {
    const ready = await waitAllReady(children, httpUrl, () => stopping);
    if (ready) {
      out(`lattice cluster: ready. Try: lattice status ${httpUrl(slots[0]?.port ?? 8081)}${values.lab ? `; lattice lab partition ${slots[0]?.region} ${slots[1]?.region}` : ""}`);
    } else if (!stopping) {
      out("lattice cluster: a replica failed to start; stopping the others");
      await stopAll();
      return 1;
    }
    await Promise.all(children.map((c) => c.exited));
    await stopAll();
    // Stopped on request: success. Every replica died on its own: failure.
    return interrupts > 0 ? 0 : 1;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.off("exit", killLeftovers);
  }
}

/** True once every replica answers /readyz; false as soon as one exits (or a stop begins) first. */
async function waitAllReady(children: readonly Child[], httpUrl: (port: number) => string, stopping: () => boolean): Promise<boolean> {
  const started = Date.now();
  const pending = new Set(children);
  while (pending.size > 0) {
    if (stopping() || children.some((c) => c.done)) return false;
    for (const c of [...pending]) {
      const res = await requestJson("GET", `${httpUrl(c.port)}/readyz`, { timeoutMs: 2000 }).catch(() => undefined);
      if (res?.status === 200) pending.delete(c);
    }
    if (pending.size === 0) break;
    if (Date.now() - started > READY_TIMEOUT_MS) return false;
    await sleep(200);
  }
  return true;
}
