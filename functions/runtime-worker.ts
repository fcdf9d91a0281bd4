import { Worker } from "node:worker_threads";
import { LatticeError } from "./errors.js";
import type { Outcome } from "./invocation.js";
import type { WireRequest, WireResponse } from "./runtime-protocol.js";
import { decodeError, decodeOutcome, encodeRequest } from "./runtime-protocol.js";
import type { Hook, HookRequest, Runtime, RuntimeService } from "./runtime.js";
import { replaceContents } from "./runtime.js";
import type { FromWorker, WorkerInit } from "./worker-messages.js";

export interface WorkerRuntimeOptions {
  /**
   * Worker threads in the pool. Default 2: one runaway handler (until its timeout) then still
   * leaves a worker serving, and more threads than that mostly compete with the replica's own
   * thread for the cores (raise it on big machines with many worker services).
   */
  readonly size: number;
  /** Heap limit per worker in MiB (V8 old generation; resourceLimits.maxOldGenerationSizeMb). */
  readonly maxHeapMb: number;
  /** Young-generation limit per worker in MiB; undefined leaves V8's default. */
  readonly maxYoungHeapMb: number | undefined;
  /** Stack size per worker in MiB (resourceLimits.stackSizeMb; Node's default is 4). */
  readonly stackMb: number;
  /** How long a new worker may take to import the service modules before it counts as failed. */
  readonly startupTimeoutMs: number;
}

export const DEFAULT_WORKER_OPTIONS: WorkerRuntimeOptions = {
  size: 2,
  maxHeapMb: 128,
  maxYoungHeapMb: undefined,
  stackMb: 4,
  startupTimeoutMs: 10_000,
};

/** True when this file runs from its TypeScript source (tsx), false when compiled to dist/. */
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const WORKER_MAIN = new URL(FROM_SOURCE ? "./worker-main.ts" : "./worker-main.js", import.meta.url);

/**
 * What a worker runs. Compiled: worker-main.js. From source (tests, `node --import tsx`): Node 20
 * does not apply `--import` hooks to a worker's own entry file, so a small bootstrap registers
 * tsx in the worker first and then imports worker-main.ts.
 */
function workerEntry(): { readonly script: URL | string; readonly eval: boolean } {
  if (!FROM_SOURCE) return { script: WORKER_MAIN, eval: false };
  const api = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const main = JSON.stringify(WORKER_MAIN.href);
  return { script: `import(${api}).then((tsx) => { tsx.register(); return import(${main}); });`, eval: true };
}

function hookLabel(service: string, hook: Hook): string {
  switch (hook.kind) {
    case "command":
      return `${service}.${hook.name}`;
    case "stream":
      return `${service}.${hook.name} ${hook.phase}`;
    case "view":
      return `the view of ${service}`;
    case "authorize":
      return `authorize of ${service}`;
  }
}

interface Job {
  readonly req: WireRequest;
  readonly timeoutMs: number;
  readonly label: string;
  resolve(res: WireResponse): void;
  reject(err: LatticeError): void;
}

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  gone: boolean;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
}

/** What happened in a pool so far (tests, metrics, logs). */
export interface PoolStats {
  started: number;
  timeouts: number;
  /** Workers lost while running a hook: out of memory, an uncaught error, an exit. */
  crashes: number;
  startFailures: number;
}

/**
 * A fixed-size pool of worker threads, each running one hook at a time. A watchdog per call
 * terminates a worker that runs past the call's time limit (worker_threads resourceLimits bound
 * only the heap and the stack, not CPU time) and starts a replacement; a worker that dies
 * (heap exhausted, uncaught error) fails its call and is replaced too. Calls wait in a queue
 * while every worker is busy. Idle workers do not keep the process alive.
 */
export class WorkerPool {
  readonly options: WorkerRuntimeOptions;
  readonly stats: PoolStats = { started: 0, timeouts: 0, crashes: 0, startFailures: 0 };
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private readyWaiters: { resolve: () => void; reject: (err: Error) => void }[] = [];
  private closed = false;

  constructor(
    private readonly modules: readonly string[],
    options: Partial<WorkerRuntimeOptions> = {},
  ) {
    this.options = { ...DEFAULT_WORKER_OPTIONS, ...options };
    if (!Number.isInteger(this.options.size) || this.options.size < 1) throw new TypeError("the worker pool size must be a positive integer");
  }

  /** Starts the workers now (they import the service modules), instead of at the first call. */
  start(): void {
    while (!this.closed && this.slots.size < this.options.size) this.spawn();
  }

  /**
   * Resolves once every worker of the pool has imported the service modules; rejects when a
   * worker fails to start (a module that throws in a worker, say). For readiness checks and tests.
   */
  whenReady(): Promise<void> {
    this.start();
    if (this.readyCount() >= this.options.size) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.readyWaiters.push({ resolve, reject });
      this.refreshRefs();
    });
  }

  private readyCount(): number {
    let n = 0;
    for (const s of this.slots) if (s.ready) n++;
    return n;
  }

  private settleWaiters(err?: Error): void {
    if (!err && this.readyCount() < this.options.size) return;
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const w of waiters) {
      if (err) w.reject(err);
      else w.resolve();
    }
    this.refreshRefs();
  }

  /** Workers alive (starting or ready). */
  get size(): number {
    return this.slots.size;
  }

  /** Runs one request; rejects with function_timeout, function_error (worker lost) or unavailable. */
  submit(req: WireRequest, timeoutMs: number, label: string): Promise<WireResponse> {
    if (this.closed) return Promise.reject(new LatticeError("unavailable", "the worker runtime is shut down"));
    return new Promise<WireResponse>((resolve, reject) => {
      this.queue.push({ req, timeoutMs, label, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const gone = new LatticeError("unavailable", "the worker runtime is shutting down");
    this.settleWaiters(gone);
    for (const job of this.queue.splice(0)) job.reject(gone);
    await Promise.all(
      [...this.slots].map((slot) => {
        const job = this.release(slot);
        job?.reject(gone);
        return slot.worker.terminate().catch(() => undefined);
      }),
    );
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) break;
      if (slot.ready && !slot.gone && !slot.job) this.dispatch(slot, this.queue.shift() as Job);
    }
    if (this.queue.length > 0) this.start();
    this.refreshRefs();
  }

  /**
   * Busy workers, and starting ones that calls (or whenReady) wait for, keep the process alive; idle ones do
   * not (a script that stops calling can exit without closing the engine).
   */
  private refreshRefs(): void {
    for (const slot of this.slots) {
      if (slot.job || (!slot.ready && (this.queue.length > 0 || this.readyWaiters.length > 0))) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    slot.timer = setTimeout(() => this.timedOut(slot), Math.max(1, job.timeoutMs));
    try {
      slot.worker.postMessage(job.req);
    } catch (err) {
      this.release(slot);
      job.reject(new LatticeError("function_error", `the request cannot reach the worker: ${err instanceof Error ? err.message : String(err)}`));
      queueMicrotask(() => this.pump());
    }
  }

  /** Detaches the slot's job (and its watchdog); returns it. */
  private release(slot: Slot): Job | undefined {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
    return job;
  }

  private spawn(): void {
    const entry = workerEntry();
    const init: WorkerInit = { modules: this.modules };
    const worker = new Worker(entry.script, {
      eval: entry.eval,
      workerData: init,
      name: "lattice-functions",
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.maxHeapMb,
        stackSizeMb: this.options.stackMb,
        ...(this.options.maxYoungHeapMb !== undefined ? { maxYoungGenerationSizeMb: this.options.maxYoungHeapMb } : {}),
      },
    });
    this.stats.started++;
    const slot: Slot = { worker, ready: false, gone: false, job: undefined, timer: undefined };
    this.slots.add(slot);
    const startTimer = setTimeout(() => {
      this.lost(slot, new Error(`it did not start within ${this.options.startupTimeoutMs} ms`));
      void worker.terminate();
    }, this.options.startupTimeoutMs);
    startTimer.unref();
    worker.on("message", (m: FromWorker) => {
      if (slot.gone) return;
      if ("ready" in m) {
        clearTimeout(startTimer);
        slot.ready = true;
        this.settleWaiters();
        this.pump();
        return;
      }
      if (slot.job?.req.id !== m.id) return;
      const job = this.release(slot);
      job?.resolve(m);
      this.pump();
    });
    worker.on("error", (err) => {
      clearTimeout(startTimer);
      this.lost(slot, err);
    });
    worker.on("exit", (code) => {
      clearTimeout(startTimer);
      this.lost(slot, new Error(`the worker exited (code ${code})`));
    });
    this.refreshRefs();
  }

  /** A worker died or failed to start: fail what it was running, replace it. */
  private lost(slot: Slot, err: Error): void {
    if (slot.gone) return;
    slot.gone = true;
    this.slots.delete(slot);
    const job = this.release(slot);
    const why = err.message;
    if (job) {
      this.stats.crashes++;
      const oom = (err as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY";
      job.reject(
        new LatticeError(
          "function_error",
          oom
            ? `${job.label} ran out of memory (the worker heap limit is ${this.options.maxHeapMb} MiB); its worker was replaced`
            : `${job.label} crashed its worker (${why}); the worker was replaced`,
        ),
      );
    }
    if (this.closed) return;
    if (!slot.ready) {
      // A worker that cannot start would fail the same way again: tell the waiting calls now,
      // unless another worker is up to serve them. The next call tries a fresh worker.
      this.stats.startFailures++;
      this.settleWaiters(new Error(`a worker of the worker runtime failed to start: ${why}`));
      if (![...this.slots].some((s) => s.ready)) {
        const e = new LatticeError("function_error", `the worker runtime cannot start: ${why}`);
        for (const j of this.queue.splice(0)) j.reject(e);
      }
      this.refreshRefs();
      return;
    }
    this.spawn();
    this.pump();
  }

  private timedOut(slot: Slot): void {
    const job = this.release(slot);
    if (!job || slot.gone) return;
    this.stats.timeouts++;
    slot.gone = true;
    this.slots.delete(slot);
    void slot.worker.terminate();
    job.reject(new LatticeError("function_timeout", `${job.label} ran past its ${job.timeoutMs} ms limit and was stopped`));
    if (!this.closed) {
      this.spawn();
      this.pump();
    }
  }
}

/**
 * The `worker` runtime (SPEC §4): hooks run in a pool of worker threads, on a decoded copy of
 * the entity's state, and come back as an outcome of JSON and CRDT bytes
 * (runtime-protocol.ts). A handler that loops or hangs past the service's `timeoutMs` fails
 * with `function_timeout` and its worker is replaced; one that exhausts its heap fails with
 * `function_error`; either way the replica and its other calls keep going.
 *
 * Not a security boundary: a worker shares the process (its file system, network, environment
 * and memory outside the JS heap). Run code you do not trust in a separate process.
 */
export class WorkerRuntime implements Runtime {
  readonly name = "worker";
  readonly pool: WorkerPool;
  private nextId = 1;

  /** `modules`: the URLs of the modules defining the worker services, imported by every worker. */
  constructor(modules: readonly string[], options: Partial<WorkerRuntimeOptions> = {}) {
    this.pool = new WorkerPool([...new Set(modules)], options);
    this.pool.start();
  }

  async run(service: RuntimeService, req: HookRequest): Promise<Outcome> {
    const def = service.def;
    if (service.module === undefined) throw new LatticeError("function_error", `service ${def.name} was not loaded from a module and cannot run in a worker`);
    // Encoded now, before any await: the state is the live entity's.
    const wire = encodeRequest(this.nextId++, { name: def.name, type: def.type, module: service.module }, req);
    const res = await this.pool.submit(wire, req.timeoutMs, hookLabel(def.name, req.hook));
    if (!res.ok) throw decodeError(res.error);
    const out = decodeOutcome(res.outcome, def.type);
    if (!req.local) return out;
    if (out.local) replaceContents(req.local, out.local);
    return { ...out, local: req.local };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
