/**
 * Test fixture (runtime.test.ts): services that fail in every way a handler can, defined for
 * both runtimes (`faults-inline`, `faults-worker`) so that their failures can be compared, plus
 * worker-only services that loop, hang or exhaust their heap (never run those inline).
 */
import type { CommandContext, ServiceDefinition } from "../define-service.js";
import { defineService } from "../define-service.js";
import type { PNCounterState } from "../state-types.js";

type Runtime = "inline" | "worker";

function overflow(n: number): number {
  return overflow(n + 1) + 1;
}

function faults(runtime: Runtime): ServiceDefinition {
  const self = `faults-${runtime}`;
  return defineService({
    name: self,
    type: "pncounter",
    runtime,
    timeoutMs: 400,
    commands: {
      ok: (s) => (s.increment(1), s.value),
      get: (s) => s.value,
      fail: (s, _input, ctx) => {
        s.increment(5);
        ctx.fail("not allowed", { reason: "test", n: 1 });
      },
      throws: (s) => {
        s.increment(7);
        throw new Error("boom");
      },
      asyncThrows: async (s) => {
        s.increment(1);
        await Promise.resolve();
        throw new TypeError("later");
      },
      unsafe: (s) => s.increment(2 ** 60),
      badReply: (s) => {
        s.increment(1);
        return { big: 10n };
      },
      stack: () => overflow(0),
      effects: (s, input, ctx) => {
        s.increment(1);
        ctx.effect(self, "effect-target", "ok", null, { synchronous: true });
        ctx.forward(self, "forward-target", "get", input);
        return "ignored: forwarded";
      },
      del: (_s, _input, ctx) => ctx.delete(),
      info: (_s, input, ctx: CommandContext) => ({ service: ctx.service, key: ctx.key, command: ctx.command, auth: ctx.auth, replica: ctx.replica.id, input }),
    },
    streams: {
      watch: {
        onOpen: (s, input, ctx) => {
          ctx.local["opened"] = input;
          ctx.local["changes"] = 0;
          return { first: s.value };
        },
        onChange: (s, ctx) => {
          const n = Number(ctx.local["changes"]) + 1;
          ctx.local["changes"] = n;
          if (s.value >= 3) ctx.end({ done: s.value, changes: n, opened: ctx.local["opened"] as string });
          return { value: s.value, changes: n };
        },
        onClose: (s: PNCounterState) => s.decrement(1),
      },
      mutates: {
        onChange: (s) => s.increment(1),
      },
    },
    view: (s) => ({ count: s.value }),
    authorize: (ctx) => ctx.auth?.["role"] !== "blocked",
  });
}

/** Worker only: handlers that never return or eat the heap. */
const runaway = defineService({
  name: "runaway",
  type: "pncounter",
  runtime: "worker",
  timeoutMs: 600,
  commands: {
    loop: (s) => {
      s.increment(1);
      let spins = 0;
      for (;;) if (++spins < 0) return spins;
    },
    hang: () => new Promise(() => undefined),
    ok: (s) => (s.increment(1), s.value),
  },
});

const hog = defineService({
  name: "hog",
  type: "orset",
  runtime: "worker",
  // Long enough that the heap limit, not the watchdog, stops it.
  timeoutMs: 30_000,
  commands: {
    eat: () => {
      const keep: number[][] = [];
      for (;;) keep.push(new Array<number>(100_000).fill(keep.length));
    },
    ok: (s) => (s.add("fine"), s.size),
  },
});

export default [faults("inline"), faults("worker"), runaway, hog];
