/**
 * The benchmark's side of a replica process (./replica-host.ts): forks it (./child.ts: from
 * source or from dist, like bench/run.ts), waits for it to be ready, and sends it requests.
 */
import type { ChildProcess } from "node:child_process";
import { forkUntilReady } from "./child.js";
import type { HostReady, HostReply, HostRequest, HostStatus } from "./host-protocol.js";

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

// Distributive Omit, so that each request variant keeps its own fields.
type RequestBody = HostRequest extends infer R ? (R extends HostRequest ? Omit<R, "id"> : never) : never;

export class ReplicaProcess {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private exited = false;

  private constructor(
    readonly child: ChildProcess,
    readonly ready: HostStatus,
    private readonly exitedPromise: Promise<void>,
  ) {
    child.on("message", (raw) => {
      const reply = raw as HostReply;
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      clearTimeout(p.timer);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new Error(`replica ${ready.region}: ${reply.error}`));
    });
    child.on("exit", (code, signal) => {
      this.exited = true;
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(new Error(`replica ${ready.region} exited (${signal ?? code})`));
      }
      this.pending.clear();
    });
  }

  /** Forks a replica with these server flags; resolves once it serves and has started its cluster. */
  static async start(flags: readonly string[], timeoutMs = 30_000): Promise<ReplicaProcess> {
    const ready = (raw: unknown): HostReady | undefined => ((raw as Partial<HostReady> | null)?.ready === true ? (raw as HostReady) : undefined);
    const { child, ready: hello, exited } = await forkUntilReady("replica-host", flags, { what: `replica ${flags.join(" ")}`, ready, timeoutMs });
    return new ReplicaProcess(child, hello.status, exited);
  }

  request<T>(body: RequestBody, timeoutMs = 60_000): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`replica ${this.ready.region} has exited`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`replica ${this.ready.region}: ${body.op} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.child.send({ ...body, id });
    });
  }

  status(): Promise<HostStatus> {
    return this.request<HostStatus>({ op: "status" });
  }

  /** Closes the node cleanly (flushes and closes its store), then waits for the process to exit. */
  async stop(timeoutMs = 15_000): Promise<void> {
    if (this.exited) return;
    try {
      await this.request({ op: "close" }, timeoutMs);
    } catch {
      // It may exit before the reply arrives; the kill below covers a hang.
    }
    const timer = setTimeout(() => this.child.kill("SIGKILL"), timeoutMs);
    try {
      await this.exitedPromise;
    } finally {
      clearTimeout(timer);
    }
  }
}
