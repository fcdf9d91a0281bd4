/**
 * Helpers for tests and benchmarks that run replicas as child processes: a free loopback port,
 * a JSON GET that leaves no socket behind, and a graceful stop that cannot hang.
 */
import type { ChildProcess } from "node:child_process";
import { get } from "node:http";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";

/** A free TCP port on 127.0.0.1 (bound to port 0, then released for the replica to bind). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: 0 }, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** GET a JSON document from 127.0.0.1 without keep-alive; rejects on a status other than 200. */
export function getJson(url: string, timeoutMs = 10_000): Promise<unknown> {
  if (!url.startsWith("http://127.0.0.1:")) return Promise.reject(new Error(`refusing to fetch ${url}: 127.0.0.1 only`));
  return new Promise((resolve, reject) => {
    const req = get(url, { agent: false, headers: { connection: "close" }, timeout: timeoutMs }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => {
        if (res.statusCode !== 200) reject(new Error(`GET ${url}: ${res.statusCode} ${body.slice(0, 200)}`));
        else {
          try {
            resolve(JSON.parse(body));
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        }
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on("error", reject);
  });
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the child has exited. */
export async function stopChild(child: ChildProcess, exited: Promise<unknown>, graceMs: number): Promise<void> {
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}
