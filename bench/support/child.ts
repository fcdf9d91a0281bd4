/**
 * Forking helper scripts of bench/support/ the way bench/run.ts starts benchmarks: from source
 * (`bench/support/<name>.ts` under `node --import tsx`) when the caller runs from source, or the
 * compiled `dist/bench/support/<name>.js` when it runs from dist; and waiting for one to say it
 * is ready. Every child started here dies with the benchmark process.
 */
import type { ChildProcess, ForkOptions } from "node:child_process";
import { fork } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const compiled = import.meta.url.endsWith(".js");

// A benchmark that throws must not leave servers behind that skew the next benchmark's figures.
const live = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

/** SIGKILLs `child` if this process exits while it still runs (for children not forked here). */
export function killOnExit(child: ChildProcess): void {
  live.add(child);
  child.once("exit", () => live.delete(child));
}

/**
 * Forks bench/support/<name> with `args`; `nodeFlags` are extra node options (such as
 * --max-old-space-size). The child has an IPC channel; stdio follows `stdio` (default: stdout
 * ignored, stderr inherited).
 */
export function forkSupport(name: string, args: readonly string[], nodeFlags: readonly string[] = [], stdio: ForkOptions["stdio"] = ["ignore", "ignore", "inherit", "ipc"]): ChildProcess {
  const file = join(here, `${name}${compiled ? ".js" : ".ts"}`);
  const execArgv = [...nodeFlags, ...(compiled ? [] : ["--import", "tsx"])];
  const child = fork(file, [...args], { execArgv, stdio });
  killOnExit(child);
  return child;
}

export interface ReadyChildOptions<T> {
  /** Names the child in errors. */
  readonly what: string;
  /** The child's ready message read from an IPC message, or undefined for any other message. */
  readonly ready: (message: unknown) => T | undefined;
  readonly nodeFlags?: readonly string[];
  readonly timeoutMs: number;
}

export interface ReadyChild<T> {
  readonly child: ChildProcess;
  readonly pid: number;
  /** What the child sent when it was ready. */
  readonly ready: T;
  /** Resolves when the child has exited (created at fork, so it cannot miss an early exit). */
  readonly exited: Promise<void>;
}

/**
 * Forks bench/support/<name> and resolves once it sends its ready message; rejects (the child
 * SIGKILLed) if it exits first or stays silent for `timeoutMs`.
 */
export function forkUntilReady<T>(name: string, args: readonly string[], opts: ReadyChildOptions<T>): Promise<ReadyChild<T>> {
  const child = forkSupport(name, args, opts.nodeFlags);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      settle();
      child.kill("SIGKILL");
      reject(new Error(`${opts.what} was not ready within ${opts.timeoutMs} ms`));
    }, opts.timeoutMs);
    // Whichever comes first wins; the other listeners must not outlive the start.
    const settle = (): void => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    const onMessage = (raw: unknown): void => {
      const ready = opts.ready(raw);
      if (ready === undefined) return;
      settle();
      resolve({ child, pid: child.pid as number, ready, exited });
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      settle();
      reject(new Error(`${opts.what} exited before it was ready (${signal ?? code})`));
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}
