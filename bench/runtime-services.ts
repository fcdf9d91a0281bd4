/**
 * The services bench/runtimes.ts measures, in a module of their own: the worker runtime imports
 * the module that defines a service, and importing runtimes.ts would run the benchmark.
 * The same two services for each runtime: `counter-<runtime>` (pncounter) and
 * `set-<runtime>` (orset).
 */
import type { ServiceDefinition } from "../functions/define-service.js";
import { defineService } from "../functions/define-service.js";

function services(runtime: "inline" | "worker"): ServiceDefinition[] {
  return [
    defineService({
      name: `counter-${runtime}`,
      type: "pncounter",
      runtime,
      commands: { increment: (s) => (s.increment(1), s.value) },
    }),
    defineService({
      name: `set-${runtime}`,
      type: "orset",
      runtime,
      commands: {
        add: (s, input) => (s.add(input), s.size),
        /** Adds one member and removes another: a real change every call, the size stays put. */
        swap: (s, input) => {
          const { add, remove } = input as { add: string; remove: string };
          s.add(add);
          s.remove(remove);
          return s.size;
        },
      },
    }),
  ];
}

export default [...services("inline"), ...services("worker")];
