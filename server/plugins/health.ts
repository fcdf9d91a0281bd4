import type { FastifyInstance } from "fastify";

export interface HealthOptions {
  /** True once the store is open and the functions are loaded. */
  readonly ready: () => boolean;
}

/** Liveness and readiness (SPEC §5); never behind auth, so orchestrators can always probe. */
export function healthPlugin(app: FastifyInstance, opts: HealthOptions): Promise<void> {
  app.get("/healthz", async () => ({ ok: true }));
  app.get("/readyz", async (_req, reply) => {
    if (opts.ready()) return { ready: true };
    return reply.code(503).send({ ready: false });
  });
  return Promise.resolve();
}
