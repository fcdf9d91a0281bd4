import type { FastifyInstance } from "fastify";
import type { AuthClaims } from "../../functions/define-service.js";
import type { FunctionEngine } from "../../functions/engine.js";
import { toLatticeError } from "../../functions/errors.js";
import { CloseCode } from "../../protos/close-codes.js";
import type { Authenticator } from "../api/auth.js";
import type { ApiLimits } from "../api/limits.js";
import type { ApiMetrics } from "../api/metrics.js";
import type { OriginPolicy } from "../api/origins.js";
import { closeSocket } from "../api/client-socket.js";
import { superviseSocket } from "../api/keep-alive.js";
import { originAllowed } from "../api/origins.js";
import type { AwarenessGossip } from "../api/yjs-hub.js";
import { YjsHub } from "../api/yjs-hub.js";
import { encodePermissionDenied } from "../api/yjs-messages.js";
import type { YjsRefusal } from "../api/yjs-metrics.js";
import { YjsMetrics } from "../api/yjs-metrics.js";
import { YjsSession } from "../api/yjs-session.js";

export interface YjsWsOptions {
  readonly engine: FunctionEngine;
  readonly auth: Authenticator;
  readonly limits: ApiLimits;
  /** The client API metrics; the endpoint's own metrics join its registry. */
  readonly metrics: ApiMetrics;
  /** Browser origins allowed to open /v1/yjs (others: accepted, then closed with 4403). */
  readonly origins: OriginPolicy;
  /** The cluster, for awareness across replicas; absent for a lone replica. */
  readonly gossip?: AwarenessGossip;
}

/** The token claim that makes every /v1/yjs connection of the token read-only. */
export const READ_ONLY_CLAIM = "readOnly";
/** `ctx.command` when `authorize` is asked whether a client may open a document. */
export const YJS_CONNECT = "yjs:connect";
/** `ctx.command` when `authorize` is asked whether the client may also edit it. */
export const YJS_WRITE = "yjs:write";

/**
 * The y-websocket endpoint `/v1/yjs/{service}/{key}` (SPEC §5; YjsSession does the protocol, the
 * YjsHub the documents). The stock `WebsocketProvider` with serverUrl `…/v1/yjs/{service}` and
 * room `{key}` syncs unchanged; a room name may contain slashes (the rest of the path is the
 * key). Access, in order: the Origin allow-list (4403), the token (`?token=`, 4401), the
 * service (unknown or not a ydoc: 4404), the key (4400), sockets per IP (1013), then the
 * service's `authorize`, asked with `ctx.kind = "stream"` and `ctx.command = "yjs:connect"`
 * (false: 4403) and, unless the token's `readOnly` claim is true already, `"yjs:write"` (false:
 * read-only). Refusals accept the upgrade, send the y-protocols permission-denied message where
 * it is about access, and close, so stock clients stop retrying. Frames that arrive meanwhile
 * wait in the session.
 */
export function yjsWsPlugin(app: FastifyInstance, opts: YjsWsOptions): Promise<void> {
  const { engine, limits } = opts;
  const metrics = new YjsMetrics(opts.metrics.registry);
  const hub = new YjsHub({
    replica: engine.replica,
    gossip: opts.gossip,
    isYdocService: (name) => engine.registry.has(name) && engine.registry.get(name).def.type === "ydoc",
    maxKeyBytes: engine.options.maxKeyBytes,
    maxAwarenessBytes: limits.maxYjsAwarenessBytes,
    maxAwarenessClients: limits.maxYjsAwarenessClients,
    awarenessGossipMs: limits.yjsAwarenessGossipMs,
    metrics,
    log: app.log,
  });
  const sessions = new Set<YjsSession>();
  const perIp = new Map<string, number>();

  app.addHook("preClose", async () => {
    for (const s of [...sessions]) s.terminate(CloseCode.goingAway, "the replica is shutting down");
    hub.close();
    return Promise.resolve();
  });

  app.get<{ Params: { service: string; "*": string } }>(
    "/v1/yjs/:service/*",
    { websocket: true, onRequest: opts.auth.hook({ queryToken: true, defer: true }) },
    (socket, req) => {
      const refuse = (why: YjsRefusal, code: number, reason: string, tellClient = false): void => {
        metrics.refused(why);
        try {
          if (tellClient) socket.send(encodePermissionDenied(reason));
        } catch (err) {
          req.log.debug({ err }, "yjs refusal not sent");
        }
        closeSocket(socket, code, reason, req.log);
      };
      if (!originAllowed(req.headers.origin, req.headers.host, opts.origins)) {
        refuse("origin", CloseCode.forbidden, "origin not allowed", true);
        return;
      }
      const outcome = opts.auth.outcome(req);
      if (!outcome.ok) {
        refuse("token", CloseCode.unauthorized, outcome.error.message, true);
        return;
      }
      const service = req.params.service;
      const key = req.params["*"];
      if (!engine.registry.has(service) || engine.registry.get(service).def.type !== "ydoc") {
        refuse("not_found", CloseCode.notFound, `no ydoc service ${JSON.stringify(service).slice(0, 80)}`);
        return;
      }
      try {
        engine.checkKey(key);
      } catch (err) {
        refuse("bad_frame", CloseCode.badFrame, toLatticeError(err).message);
        return;
      }
      const ip = req.ip;
      const open = perIp.get(ip) ?? 0;
      if (open >= limits.maxYjsSocketsPerIp) {
        refuse("per_ip", CloseCode.tryAgainLater, `more than ${limits.maxYjsSocketsPerIp} Yjs sockets from one address`);
        return;
      }
      perIp.set(ip, open + 1);

      const session = new YjsSession(socket, { hub, limits, metrics, log: req.log, now: () => engine.replica.env.clock.monotonic() });
      sessions.add(session);
      metrics.connectionOpened();
      superviseSocket(socket, {
        intervalMs: limits.pingIntervalMs,
        log: req.log,
        onMessage: (data, isBinary) => session.receive(data, isBinary),
        cancelExpiry: opts.auth.whenExpired(outcome.claims, engine.replica.env.clock.now(), () => session.terminate(CloseCode.unauthorized, "the token expired")),
        onClose: () => {
          if (!sessions.delete(session)) return;
          metrics.connectionClosed();
          const left = (perIp.get(ip) ?? 1) - 1;
          if (left > 0) perIp.set(ip, left);
          else perIp.delete(ip);
          session.dispose();
        },
      });

      access(engine, service, key, outcome.claims).then(
        (access) => {
          if (access === "forbidden") {
            metrics.refused("forbidden");
            session.send(encodePermissionDenied(`not allowed to open ${service}/${key}`.slice(0, 200)));
            session.terminate(CloseCode.forbidden, "not allowed to open this document");
            return;
          }
          return session.start({ service, key }, access === "read");
        },
        (err: unknown) => {
          req.log.warn({ err }, "yjs authorize failed");
          session.terminate(CloseCode.internal, `authorize failed: ${toLatticeError(err).message}`);
        },
      ).catch((err: unknown) => {
        req.log.warn({ err }, "yjs connection failed to start");
        session.terminate(CloseCode.internal, "internal error");
      });
    },
  );
  return Promise.resolve();
}

/**
 * What the client may do with the document: the token's `readOnly` claim and the service's
 * `authorize` (kind "stream"; command "yjs:connect", then "yjs:write").
 */
async function access(engine: FunctionEngine, service: string, key: string, claims: AuthClaims): Promise<"write" | "read" | "forbidden"> {
  const svc = engine.registry.get(service);
  const claimedReadOnly = claims?.[READ_ONLY_CLAIM] === true;
  if (!svc.def.authorize) return claimedReadOnly ? "read" : "write";
  const allowed = async (command: string): Promise<boolean> => {
    try {
      await engine.authorizeStream(svc, engine.callInfo(service, key, command, claims));
      return true;
    } catch (err) {
      if (toLatticeError(err).code === "forbidden") return false;
      throw err;
    }
  };
  if (!(await allowed(YJS_CONNECT))) return "forbidden";
  if (claimedReadOnly) return "read";
  return (await allowed(YJS_WRITE)) ? "write" : "read";
}
