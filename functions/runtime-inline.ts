import type { Outcome } from "./invocation.js";
import { invoke } from "./invocation.js";
import type { HookRequest, Runtime, RuntimeService } from "./runtime.js";
import { hookFunction, readOnlyReason, runAuthorize } from "./runtime.js";

/**
 * The `inline` runtime (SPEC §4): handlers run in the replica's own thread, on a copy-on-write
 * session over the live state (no copy for reads, no encoding). The fastest runtime and the
 * default, for trusted code: nothing stops a handler that loops, and it blocks the replica
 * while it runs. `timeoutMs` is not enforced here.
 */
export class InlineRuntime implements Runtime {
  readonly name = "inline";

  async run(service: RuntimeService, req: HookRequest): Promise<Outcome> {
    const def = service.def;
    if (req.hook.kind === "authorize") {
      const ok = await runAuthorize(def, req.info, req.hook.call);
      return { reply: ok, change: null, effects: [], forward: undefined, ended: undefined };
    }
    if (!req.state) throw new Error("a state hook needs the entity's state");
    const readOnly = readOnlyReason(req.hook);
    return invoke(def.type, req.state, {
      info: req.info,
      env: req.env,
      limits: req.limits,
      ...(readOnly ? { readOnly } : {}),
      ...(req.local ? { local: req.local } : {}),
    }, hookFunction(def, req.hook, req.input));
  }

  /** Nothing to stop: inline runs end with their call. */
  async close(): Promise<void> {}
}
