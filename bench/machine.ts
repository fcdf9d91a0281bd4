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
  /**
   * CPU µs one sleep and wake-up of a process costs here (measureWakeUpCpuUs); absent in results
   * recorded before it was measured.
   */
  readonly wakeUpCpuUs?: number | null;
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

/**
 * The CPU time, in µs, that one sleep and wake-up of this process costs: a 1 ms timer awaited
 * `cycles` times, with nothing else to do, divided into the process's CPU time over them. A few µs
 * on bare metal; on some VMs tens of µs, since an idle vCPU is halted and woken through the
 * hypervisor. Work that arrives as many small events (a replica at a low fixed rate, a peer woken
 * for every small batch) pays it per event, so it explains per-event CPU figures far above those
 * at saturation. Null if the measurement could not run (process.cpuUsage unavailable).
 */
export async function measureWakeUpCpuUs(batches = 5, cycles = 100): Promise<number | null> {
  if (typeof process.cpuUsage !== "function") return null;
  const sleep = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));
  // A few cycles first: the first timers pay for the timer list's set-up and a cold JIT.
  for (let i = 0; i < 20; i++) await sleep();
  // The median of several batches: process.cpuUsage counts every thread, and one GC or compile
  // task in a batch would weigh as much as the wake-ups of a fast machine.
  const perCycle: number[] = [];
  for (let b = 0; b < batches; b++) {
    const start = process.cpuUsage();
    for (let i = 0; i < cycles; i++) await sleep();
    const used = process.cpuUsage(start);
    perCycle.push((used.user + used.system) / cycles);
  }
  perCycle.sort((x, y) => x - y);
  return Math.round((perCycle[Math.floor(perCycle.length / 2)] ?? 0) * 10) / 10;
}
