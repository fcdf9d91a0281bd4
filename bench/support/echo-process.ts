/**
 * The parent side of ./echo-server.ts: forks a baseline server (`fastify` or `ws`) and waits for
 * the port it listens on.
 */
import type { ServingProcess } from "./serving-process.js";
import { startServing } from "./serving-process.js";

export type EchoProcess = ServingProcess;

export function startEcho(mode: "fastify" | "ws", timeoutMs = 20_000): Promise<EchoProcess> {
  return startServing("echo-server", [mode], { what: `${mode} echo server`, timeoutMs, stopGraceMs: 5000 });
}
