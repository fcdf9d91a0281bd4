/**
 * The entry point of a worker-runtime thread (functions/runtime-worker.ts starts it). It imports
 * the service modules, then answers one request at a time: it decodes the state into a private
 * copy, builds the same facades and ctx the inline runtime builds (invocation.ts), runs the hook
 * and answers the outcome (reply, encoded delta or Yjs update, effects, forward, ended), or the
 * error. Stopping a runaway handler is the pool's job: it terminates this thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { ServiceDefinition } from "./define-service.js";
import { LatticeError } from "./errors.js";
import { invoke } from "./invocation.js";
import { exportedServices, importModule, installLatticeResolver } from "./loader.js";
import type { WireRequest, WireResponse } from "./runtime-protocol.js";
import { decodeRequest, encodeError, encodeOutcome } from "./runtime-protocol.js";
import { hookFunction, readOnlyReason, runAuthorize } from "./runtime.js";
import type { FromWorker, WorkerInit } from "./worker-messages.js";

const port = parentPort;
if (!port) throw new Error("worker-main.ts runs only as a worker thread");

const modules = new Map<string, Promise<Map<string, ServiceDefinition>>>();

function servicesOf(url: string): Promise<Map<string, ServiceDefinition>> {
  let p = modules.get(url);
  if (!p) {
    p = importModule(url).then(exportedServices);
    modules.set(url, p);
  }
  return p;
}

async function handle(w: WireRequest): Promise<WireResponse> {
  try {
    const def = (await servicesOf(w.service.module)).get(w.service.name);
    if (!def) throw new LatticeError("function_error", `the module ${w.service.module} does not export a service named ${w.service.name}`);
    if (def.type !== w.service.type) throw new LatticeError("function_error", `service ${def.name} is a ${def.type} in its module, not a ${w.service.type}`);
    const req = decodeRequest(w);
    if (req.hook.kind === "authorize") {
      const ok = await runAuthorize(def, req.info, req.hook.call);
      return { id: w.id, ok: true, outcome: { reply: ok, change: null, effects: [], forward: null, ended: null } };
    }
    if (!req.state) throw new LatticeError("function_error", "a state hook needs the entity's state");
    const readOnly = readOnlyReason(req.hook);
    const outcome = await invoke(
      def.type,
      req.state,
      { info: req.info, env: req.env, limits: req.limits, ...(readOnly ? { readOnly } : {}), ...(req.local ? { local: req.local } : {}) },
      hookFunction(def, req.hook, req.input),
    );
    return { id: w.id, ok: true, outcome: encodeOutcome(outcome) };
  } catch (err) {
    return { id: w.id, ok: false, error: encodeError(err) };
  }
}

function post(msg: FromWorker): void {
  port?.postMessage(msg);
}

port.on("message", (w: WireRequest) => {
  void handle(w).then((res) => {
    try {
      post(res);
    } catch (err) {
      // A value the hook left behind that cannot be cloned (ctx.local holding a function, say).
      const why = err instanceof Error ? err.message : String(err);
      post({ id: w.id, ok: false, error: encodeError(new LatticeError("function_error", `the outcome cannot leave the worker: ${why}`)) });
    }
  });
});

installLatticeResolver();
const init = workerData as WorkerInit;
// A module that fails to import fails the worker's start; the pool reports it to the callers.
await Promise.all(init.modules.map(servicesOf));
post({ ready: true });
