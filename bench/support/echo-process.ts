/**
 * The parent side of ./echo-server.ts: forks a baseline server (`fastify` or `ws`) and waits for
 * the port it listens on.
 */
import type { ChildProcess } from "node:child_process";
import { forkSupport } from "./child.js";

export interface EchoProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly port: number;
  stop(): Promise<void>;
}

export function startEcho(mode: "fastify" | "ws", timeoutMs = 20_000): Promise<EchoProcess> {
  const child = forkSupport("echo-server", [mode]);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${mode} echo server did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once("message", (raw) => {
      clearTimeout(timer);
      const { port } = raw as { port: number };
      resolve({
        child,
        pid: child.pid as number,
        port,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
          const kill = setTimeout(() => child.kill("SIGKILL"), 5000);
          await exited;
          clearTimeout(kill);
        },
      });
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${mode} echo server exited before it was ready (${signal ?? code})`));
    });
  });
}
