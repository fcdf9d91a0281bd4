/**
 * The machine a benchmark run happened on, as the report describes it: recorded once by
 * bench/run.ts before the first benchmark, from node:os, so that figures from different runs
 * can be told apart (a 2-core VM with a load average of 6 is not a quiet laptop).
 */
import os from "node:os";

export interface Machine {
  /** CPU model of the first core ("AMD EPYC 7B13"). */
  readonly cpu: string;
  /** Logical cores (os.cpus().length) and what node may use (os.availableParallelism()). */
  readonly cores: number;
  readonly availableParallelism: number;
  readonly totalMemGiB: number;
  readonly freeMemGiB: number;
  readonly node: string;
  /** os.type(), os.release() and os.arch() ("Linux 6.1.0 x64"). */
  readonly os: string;
  /** 1, 5 and 15 minute load averages when the run started: well above 0 means a busy machine. */
  readonly loadAverageAtStart: readonly [number, number, number];
  /** ISO date the run started. */
  readonly date: string;
  /** BENCH_MACHINE, when set ("ci runner", "dev laptop"). */
  readonly label: string | null;
}

const gib = (bytes: number): number => Math.round((bytes / 2 ** 30) * 10) / 10;

export function describeMachine(now = new Date()): Machine {
  const cpus = os.cpus();
  const [l1 = 0, l5 = 0, l15 = 0] = os.loadavg().map((x) => Math.round(x * 100) / 100);
  return {
    cpu: cpus[0]?.model.trim() || "unknown",
    cores: cpus.length,
    availableParallelism: os.availableParallelism(),
    totalMemGiB: gib(os.totalmem()),
    freeMemGiB: gib(os.freemem()),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: [l1, l5, l15],
    date: now.toISOString(),
    label: process.env["BENCH_MACHINE"]?.trim() || null,
  };
}
