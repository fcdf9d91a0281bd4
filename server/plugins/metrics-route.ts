import type { FastifyInstance } from "fastify";
import type { Registry } from "prom-client";

export interface MetricsRouteOptions {
  readonly registries: readonly Registry[];
}

/** GET /metrics in the Prometheus text format; never needs a token (SPEC §5). */
export function metricsRoutePlugin(app: FastifyInstance, opts: MetricsRouteOptions): Promise<void> {
  app.get("/metrics", async (_req, reply) => {
    const texts = await Promise.all(opts.registries.map((r) => r.metrics()));
    return reply.type("text/plain; version=0.0.4; charset=utf-8").send(texts.join("\n"));
  });
  return Promise.resolve();
}
