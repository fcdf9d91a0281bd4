/**
 * CPU time and memory of another process, read from /proc (Linux). Elsewhere every reading is
 * undefined and the benchmarks report null. CPU times are in clock ticks of 1/100 s (USER_HZ,
 * which is 100 on every Linux configuration Node supports), summed over all of the process's
 * threads (the main thread, libuv's pool, V8's GC helpers).
 */
import { readFileSync } from "node:fs";
import { round } from "../harness.js";

const USER_HZ = 100;

/** User + system CPU seconds the process `pid` (or only its main thread) has used so far. */
export function cpuSeconds(pid: number, mainThreadOnly = false): number | undefined {
  try {
    const stat = readFileSync(mainThreadOnly ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may contain spaces: count from after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / USER_HZ : undefined;
  } catch {
    return undefined;
  }
}

export interface ProcMemory {
  /** Resident set size now, MiB. */
  rssMiB: number;
  /** Peak resident set size (VmHWM), MiB. */
  peakRssMiB: number;
}

/** RSS of `pid` now and at its peak. */
export function memoryOf(pid: number): ProcMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (name: string): number | undefined => {
      const m = new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status);
      return m ? Number(m[1]) : undefined;
    };
    const rss = kib("VmRSS");
    const hwm = kib("VmHWM");
    return rss === undefined || hwm === undefined ? undefined : { rssMiB: round(rss / 1024, 1), peakRssMiB: round(hwm / 1024, 1) };
  } catch {
    return undefined;
  }
}

export interface CpuWindow {
  /** CPU seconds used in the window (all threads). */
  cpuSeconds: number;
  /** Mean utilisation over the window, in % of one core (200% = two cores busy). */
  cpuPercent: number;
  /** The main (JavaScript) thread alone, % of one core: near 100 means it is the bottleneck. */
  mainThreadCpuPercent: number | null;
  /** Times per second the main thread was preempted while runnable (nonvoluntary switches). */
  mainThreadPreemptionsPerSec: number | null;
}

/** Nonvoluntary context switches of the main thread of `pid` so far. */
function preemptions(pid: number): number | undefined {
  try {
    const m = /^nonvoluntary_ctxt_switches:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/task/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Starts measuring the CPU time of `pid`; `stop()` returns the window's figures (null off Linux). */
export function cpuWindow(pid: number): { stop: () => CpuWindow | null } {
  const c0 = cpuSeconds(pid);
  const m0 = cpuSeconds(pid, true);
  const s0 = preemptions(pid);
  const t0 = performance.now();
  return {
    stop: () => {
      const c1 = cpuSeconds(pid);
      const m1 = cpuSeconds(pid, true);
      const s1 = preemptions(pid);
      const seconds = (performance.now() - t0) / 1000;
      if (c0 === undefined || c1 === undefined || seconds <= 0) return null;
      return {
        cpuSeconds: round(c1 - c0, 2),
        cpuPercent: round(((c1 - c0) / seconds) * 100, 1),
        mainThreadCpuPercent: m0 === undefined || m1 === undefined ? null : round(((m1 - m0) / seconds) * 100, 1),
        mainThreadPreemptionsPerSec: s0 === undefined || s1 === undefined ? null : Math.round((s1 - s0) / seconds),
      };
    },
  };
}

/** Busy CPU seconds of the whole machine so far (all cores; /proc/stat), or undefined. */
export function machineBusySeconds(): number | undefined {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0] ?? "";
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already in user)
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = f;
    return (user + nice + system + irq + softirq + steal) / USER_HZ;
  } catch {
    return undefined;
  }
}

/**
 * Measures how much CPU processes OTHER than `ours` (pids; this process is always counted as
 * ours) used during a window, in % of one core: on a shared machine, anything well above zero
 * means the figures of that window are depressed and not comparable.
 */
export function foreignCpuWindow(ours: readonly number[]): { stop: () => number | null } {
  const pids = [...new Set([process.pid, ...ours])];
  const m0 = machineBusySeconds();
  const p0 = pids.map((p) => cpuSeconds(p));
  const t0 = performance.now();
  return {
    stop: () => {
      const m1 = machineBusySeconds();
      const p1 = pids.map((p) => cpuSeconds(p));
      const seconds = (performance.now() - t0) / 1000;
      if (m0 === undefined || m1 === undefined || seconds <= 0) return null;
      let own = 0;
      for (let i = 0; i < pids.length; i++) {
        const a = p0[i];
        const b = p1[i];
        if (a !== undefined && b !== undefined) own += b - a;
      }
      return round((Math.max(0, m1 - m0 - own) / seconds) * 100, 1);
    },
  };
}

export interface IoCounts {
  /** read-family system calls (read, readv, recv…). */
  readCalls: number;
  /** write-family system calls (write, writev, send…): one per socket write. */
  writeCalls: number;
  /** Bytes written to files and sockets. */
  writeBytes: number;
}

/** The process's I/O system call counters so far (/proc/PID/io), or undefined. */
export function ioCounts(pid: number): IoCounts | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/io`, "utf8");
    const field = (name: string): number => Number(new RegExp(`^${name}: (\\d+)`, "m").exec(text)?.[1] ?? NaN);
    const r = { readCalls: field("syscr"), writeCalls: field("syscw"), writeBytes: field("wchar") };
    return Number.isFinite(r.readCalls) && Number.isFinite(r.writeCalls) ? r : undefined;
  } catch {
    return undefined;
  }
}

export interface SyscallsPerUnit {
  readCallsPerUnit: number;
  writeCallsPerUnit: number;
  writeBytesPerUnit: number;
}

/** Starts counting `pid`'s I/O system calls; `stop(n)` returns them per unit of work (n units). */
export function ioWindow(pid: number): { stop: (units: number) => SyscallsPerUnit | null } {
  const a = ioCounts(pid);
  return {
    stop: (units) => {
      const b = ioCounts(pid);
      if (!a || !b || units <= 0) return null;
      return {
        readCallsPerUnit: round((b.readCalls - a.readCalls) / units, 3),
        writeCallsPerUnit: round((b.writeCalls - a.writeCalls) / units, 3),
        writeBytesPerUnit: round((b.writeBytes - a.writeBytes) / units, 1),
      };
    },
  };
}

/** What a load run records about the processes around it (http.ts and ws.ts). */
export interface RunReadings {
  /** The measured server over the run, all threads. */
  server: CpuWindow | null;
  /** This process (the load generator) over the run, % of one core. */
  loadGeneratorCpuPercent: number;
  /** The benchmark's other processes (the peers), by name; absent when there are none. */
  others?: Record<string, CpuWindow | null>;
  /**
   * CPU used by processes other than this benchmark's during the run, % of one core (/proc/stat):
   * on a shared machine, well above 0 means this run's figures are depressed.
   */
  foreignCpuPercent: number | null;
  /** The server's read and write system calls (and bytes written) per unit of work (/proc/PID/io). */
  serverSyscalls: SyscallsPerUnit | null;
}

/**
 * Starts every reading of one load run against the server `serverPid`, with the benchmark's
 * other processes `others` (name → pid); `stop(units)` ends them, `units` being the run's work
 * (requests, round trips) that the system calls are divided by.
 */
export function runReadings(serverPid: number, others: Readonly<Record<string, number>> = {}): { stop: (units: number) => RunReadings } {
  const cpu = cpuWindow(serverPid);
  const foreign = foreignCpuWindow([serverPid, ...Object.values(others)]);
  const io = ioWindow(serverPid);
  const otherCpu = Object.entries(others).map(([name, pid]) => [name, cpuWindow(pid)] as const);
  const self0 = process.cpuUsage();
  const t0 = performance.now();
  return {
    stop: (units) => {
      const wallS = (performance.now() - t0) / 1000;
      const self = process.cpuUsage(self0);
      const readings: RunReadings = {
        server: cpu.stop(),
        loadGeneratorCpuPercent: round(((self.user + self.system) / 1e6 / wallS) * 100, 1),
        foreignCpuPercent: foreign.stop(),
        serverSyscalls: io.stop(units),
      };
      if (otherCpu.length > 0) readings.others = Object.fromEntries(otherCpu.map(([name, w]) => [name, w.stop()]));
      return readings;
    },
  };
}
