import type { FastifyInstance } from "fastify";
import type { FunctionEngine } from "../../functions/engine.js";
import { CloseCode } from "../../protos/close-codes.js";
import type { Authenticator } from "../api/auth.js";
import { closeSocket } from "../api/client-socket.js";
import type { ApiLimits } from "../api/limits.js";
import type { ApiMetrics } from "../api/metrics.js";
import type { OriginPolicy } from "../api/origins.js";
import { superviseSocket } from "../api/keep-alive.js";
import { originAllowed } from "../api/origins.js";
import { ClientSession } from "../api/ws-session.js";

export interface ClientWsOptions {
  readonly engine: FunctionEngine;
  readonly auth: Authenticator;
  readonly limits: ApiLimits;
  readonly metrics: ApiMetrics;
  /** Browser origins allowed to open /v1/ws (others: accepted, then closed with 4403). */
  readonly origins: OriginPolicy;
}

/**
 * The multiplexed client protocol on `/v1/ws` (SPEC §5; ClientSession does the protocol). The
 * token is verified in onRequest, before the upgrade; refusals accept the upgrade and close with
 * 4403 (origin not allowed) or 4401 (no or bad token, or the token expired while connected), so
 * stock clients stop retrying. Listeners are attached synchronously in the upgrade callback,
 * since `ws` drops frames that arrive while a socket has no listener. Pings every
 * `pingIntervalMs` drop clients that vanished without closing, which runs their streams' onClose.
 * On shutdown every socket is closed with 1001 after its streams were cancelled.
 */
export function clientWsPlugin(app: FastifyInstance, opts: ClientWsOptions): Promise<void> {
  const { engine, limits, metrics } = opts;
  const sessions = new Set<ClientSession>();

  app.addHook("preClose", async () => {
    const all = [...sessions];
    for (const s of all) s.terminate(CloseCode.goingAway, "the replica is shutting down");
    await Promise.all(all.map((s) => s.close()));
  });

  app.get("/v1/ws", { websocket: true, onRequest: opts.auth.hook({ queryToken: true, defer: true }) }, (socket, req) => {
    if (!originAllowed(req.headers.origin, req.headers.host, opts.origins)) {
      metrics.refused("origin");
      closeSocket(socket, CloseCode.forbidden, "origin not allowed", req.log);
      return;
    }
    const outcome = opts.auth.outcome(req);
    if (!outcome.ok) {
      metrics.refused("token");
      closeSocket(socket, CloseCode.unauthorized, outcome.error.message, req.log);
      return;
    }
    const session = new ClientSession(socket, outcome.claims, { engine, limits, metrics, log: req.log });
    sessions.add(session);
    metrics.socketOpened();
    superviseSocket(socket, {
      intervalMs: limits.pingIntervalMs,
      log: req.log,
      onMessage: (data, isBinary) => session.receive(data, isBinary),
      cancelExpiry: opts.auth.whenExpired(outcome.claims, engine.replica.env.clock.now(), () => session.terminate(CloseCode.unauthorized, "the token expired")),
      onClose: () => {
        if (!sessions.delete(session)) return;
        metrics.socketClosed();
        session.close().catch((err: unknown) => req.log.warn({ err }, "client session cleanup failed"));
      },
    });
  });
  return Promise.resolve();
}
