/**
 * Forking helper scripts of bench/support/ the way bench/run.ts starts benchmarks: from source
 * (`bench/support/<name>.ts` under `node --import tsx`) when the caller runs from source, or the
 * compiled `dist/bench/support/<name>.js` when it runs from dist.
 */
import type { ChildProcess, ForkOptions } from "node:child_process";
import { fork } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const compiled = import.meta.url.endsWith(".js");

/** Every live child, so that an exiting benchmark takes them down with it. */
const live = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

/**
 * Forks bench/support/<name> with `args`; `nodeFlags` are extra node options (such as
 * --max-old-space-size). The child has an IPC channel; stdio follows `stdio` (default: stdout
 * ignored, stderr inherited).
 */
export function forkSupport(name: string, args: readonly string[], nodeFlags: readonly string[] = [], stdio: ForkOptions["stdio"] = ["ignore", "ignore", "inherit", "ipc"]): ChildProcess {
  const file = join(here, `${name}${compiled ? ".js" : ".ts"}`);
  const execArgv = [...nodeFlags, ...(compiled ? [] : ["--import", "tsx"])];
  const child = fork(file, [...args], { execArgv, stdio });
  live.add(child);
  child.once("exit", () => live.delete(child));
  return child;
}
