/**
 * The parent side of ./serve-child.ts: forks a server script of bench/support/ (./child.ts),
 * waits for the `{port}` it sends once it listens, and stops it (SIGTERM, then SIGKILL).
 */
import type { ChildProcess } from "node:child_process";
import { stopChild } from "../../e2e/support/process.js";
import { forkUntilReady } from "./child.js";

export interface ServingProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly port: number;
  /** SIGTERM (serve-child closes the server), SIGKILL after the grace; resolves once it exited. */
  stop(): Promise<void>;
}

export interface ServingOptions {
  /** Names the server in errors. */
  readonly what: string;
  readonly nodeFlags?: readonly string[];
  readonly timeoutMs: number;
  /** How long stop() waits after SIGTERM before SIGKILL. */
  readonly stopGraceMs: number;
}

const portOf = (raw: unknown): number | undefined => {
  const port = (raw as { port?: unknown } | null)?.port;
  return typeof port === "number" ? port : undefined;
};

/**
 * Runs `use` on the server `start` resolves with, and stops the server on every path: a failed
 * run must not leave it serving (and using CPU) through the next one.
 */
export async function withServer<S extends { stop(): Promise<void> }, T>(start: Promise<S>, use: (server: S) => Promise<T>): Promise<T> {
  const server = await start;
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
}

export async function startServing(name: string, args: readonly string[], opts: ServingOptions): Promise<ServingProcess> {
  const { child, pid, ready: port, exited } = await forkUntilReady(name, args, { what: opts.what, ready: portOf, timeoutMs: opts.timeoutMs, nodeFlags: opts.nodeFlags });
  return {
    child,
    pid,
    port,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) await stopChild(child, exited, opts.stopGraceMs);
    },
  };
}
