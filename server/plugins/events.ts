import type { FastifyInstance } from "fastify";
import type { EntityView, FunctionEngine } from "../../functions/engine.js";
import { LatticeError } from "../../functions/errors.js";
import type { Authenticator } from "../api/auth.js";
import { errorInfo } from "../api/errors.js";
import type { ApiLimits } from "../api/limits.js";
import type { ApiMetrics } from "../api/metrics.js";
import { entityParams, errorResponses } from "../api/schemas.js";

export interface EventsOptions {
  readonly engine: FunctionEngine;
  readonly auth: Authenticator;
  readonly limits: ApiLimits;
  readonly metrics: ApiMetrics;
}

function stateEvent(v: EntityView): string {
  return `event: state\ndata: ${JSON.stringify({ state: v.state, version: v.version })}\n\n`;
}

/**
 * Server-Sent Events (SPEC §5): `GET /v1/entities/{service}/{key}/events` sends
 * `event: state` / `data: {"state", "version"}` now and after every change of the entity's
 * converged state, plus a comment line every `sseHeartbeatMs` so proxies keep the stream open.
 * Refusals before the stream starts are ordinary JSON error responses. Once streaming, a deleted
 * entity or an expired token sends `event: error` with the error body and ends the stream.
 * A client that cannot keep up gets the latest state when its connection drains (states
 * supersede each other; nothing is queued without bound). A disconnect stops the subscription
 * and unpins the entity.
 */
export function eventsPlugin(app: FastifyInstance, opts: EventsOptions): Promise<void> {
  const { engine, limits, metrics } = opts;
  const open = new Set<() => void>();

  app.addHook("preClose", async () => {
    for (const end of [...open]) end();
  });

  app.get<{ Params: { service: string; key: string } }>(
    "/v1/entities/:service/:key/events",
    {
      onRequest: opts.auth.hook({ queryToken: true, defer: false }),
      // A HEAD request would hold a stream open with nothing to send.
      exposeHeadRoute: false,
      schema: { params: entityParams, response: errorResponses },
    },
    async (req, reply) => {
      const { service, key } = req.params;
      const claims = opts.auth.claims(req);
      const deleted = (): LatticeError => new LatticeError("entity_deleted", `${service}/${key} was deleted`);

      // Until the response starts, a change only needs remembering: the latest view supersedes.
      let early: EntityView | "deleted" | undefined;
      let onView = (v: EntityView | { deleted: true }): void => {
        early = "deleted" in v ? "deleted" : v;
      };
      const sub = await engine.subscribe(service, key, (v) => onView(v));

      reply.hijack();
      const res = reply.raw;
      const headers: Record<string, string | number | string[]> = {};
      // Headers hooks already set (CORS) go out with the stream.
      for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = value;
      res.writeHead(200, {
        ...headers,
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        "x-accel-buffering": "no",
      });
      metrics.subscriptionOpened("sse");

      let blocked = false;
      let pending: string | undefined;
      let ended = false;
      const timers: { heartbeat?: NodeJS.Timeout; cancelExpiry?: () => void } = {};
      const write = (chunk: string): void => {
        if (ended) return;
        if (blocked) {
          pending = chunk;
          return;
        }
        if (!res.write(chunk)) {
          blocked = true;
          res.once("drain", () => {
            blocked = false;
            const next = pending;
            pending = undefined;
            if (next !== undefined) write(next);
          });
        }
      };
      const end = (last?: LatticeError): void => {
        if (ended) return;
        if (last) write(`event: error\ndata: ${JSON.stringify({ error: errorInfo(last) })}\n\n`);
        ended = true;
        clearInterval(timers.heartbeat);
        timers.cancelExpiry?.();
        open.delete(end);
        sub.stop();
        metrics.subscriptionClosed("sse");
        res.end();
      };
      onView = (v) => {
        if ("deleted" in v) end(deleted());
        else write(stateEvent(v));
      };
      open.add(end);
      res.on("close", () => end());

      write(stateEvent(sub.initial));
      if (early === "deleted") end(deleted());
      else if (early) write(stateEvent(early));
      if (ended) return;
      timers.heartbeat = setInterval(() => {
        if (!blocked) write(": heartbeat\n\n");
      }, limits.sseHeartbeatMs);
      timers.cancelExpiry = opts.auth.whenExpired(claims, engine.replica.env.clock.now(), () => end(new LatticeError("unauthorized", "the token expired")));
    },
  );
  return Promise.resolve();
}
