import cors from "@fastify/cors";
import websocket from "@fastify/websocket";
import Fastify from "fastify";
import type { FastifyInstance } from "fastify";
import { collectDefaultMetrics, Registry } from "prom-client";
import type { ServiceDefinition } from "../functions/define-service.js";
import { FunctionEngine } from "../functions/engine.js";
import { DEFAULT_ENTITY_KEY_BYTES } from "../protos/limits.js";
import { Cluster } from "../replica/cluster.js";
import type { Env } from "../replica/env.js";
import { ReplicaMetrics } from "../replica/metrics.js";
import type { ReplicaOptions } from "../replica/options.js";
import { Replica } from "../replica/replica.js";
import { LevelStore } from "../replica/storage/level-store.js";
import { MemoryStore } from "../replica/storage/memory-store.js";
import type { KeyValueStore } from "../replica/storage/store.js";
import { PartitionLab } from "../replica/transport/lab-transport.js";
import { createWsTransport } from "../replica/transport/ws-transport.js";
import { Authenticator, redactToken } from "./api/auth.js";
import type { ApiLimits } from "./api/limits.js";
import { DEFAULT_API_LIMITS } from "./api/limits.js";
import { ApiMetrics } from "./api/metrics.js";
import type { OriginPolicy } from "./api/origins.js";
import { normalizeOrigin } from "./api/origins.js";
import type { LatticeConfig } from "./config.js";
import { clientWsPlugin } from "./plugins/client-ws.js";
import { clusterRoutePlugin } from "./plugins/cluster-route.js";
import type { DemoOptions } from "./plugins/demo.js";
import { demoPlugin } from "./plugins/demo.js";
import { entitiesPlugin } from "./plugins/entities.js";
import { errorsPlugin, frameworkErrors } from "./plugins/errors.js";
import { eventsPlugin } from "./plugins/events.js";
import { gossipRoutePlugin } from "./plugins/gossip-route.js";
import { healthPlugin } from "./plugins/health.js";
import { labPlugin } from "./plugins/lab.js";
import { metricsRoutePlugin } from "./plugins/metrics-route.js";
import { yjsWsPlugin } from "./plugins/yjs-ws.js";

/** A running replica process: the HTTP server, the replica and its cluster. */
export interface LatticeNode {
  readonly app: FastifyInstance;
  readonly replica: Replica;
  readonly cluster: Cluster;
  /** The function engine serving the client API. */
  readonly engine: FunctionEngine;
  /** The client API limits in force (defaults, LATTICE_LIMITS, then StartOptions.limits). */
  readonly limits: ApiLimits;
  /** http://host:port actually bound (port 0 resolves to the real port). */
  readonly url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  readonly env?: Env;
  readonly replicaOptions?: Partial<ReplicaOptions>;
  /** Pass false to keep tests quiet; default is the config's log level. */
  readonly logger?: boolean;
  /** The services this replica runs (SPEC §4). Default: none. */
  readonly services?: readonly ServiceDefinition[];
  /** Client API limits (SPEC §8), over the config's LATTICE_LIMITS and the defaults. */
  readonly limits?: Partial<ApiLimits>;
  /** Seconds of clock skew allowed on token `exp`/`nbf` (default 5). */
  readonly authClockToleranceSec?: number;
  /** The demo app at `/` (server/plugins/demo.ts): on by default so `npm start` shows it; false turns it off, an object picks its folder. */
  readonly demo?: boolean | DemoOptions;
}

/**
 * Starts one replica as SPEC §7 describes: opens the store (a new incarnation if it is empty),
 * binds the HTTP server, then joins the cluster. `close()` shuts down in reverse order: stop
 * accepting, close peer sessions, flush the last commits, close the store.
 */
export async function startNode(config: LatticeConfig, opts: StartOptions = {}): Promise<LatticeNode> {
  const store: KeyValueStore = config.dataDir ? await LevelStore.open(config.dataDir) : new MemoryStore();
  const replica = await Replica.open({
    store,
    ...(opts.env ? { env: opts.env } : {}),
    options: { region: config.region, fsync: config.fsync, peerTimeoutMs: config.peerTimeoutMs, ...opts.replicaOptions },
  });
  const limits: ApiLimits = { ...DEFAULT_API_LIMITS, ...config.limits, ...opts.limits };
  const app = Fastify({
    logger:
      opts.logger === false || config.logLevel === "silent"
        ? false
        : {
            level: config.logLevel,
            // ?token= on WebSocket and SSE URLs must not end up in logs.
            serializers: { req: (req) => ({ method: req.method, url: redactToken(req.url), host: req.host, remoteAddress: req.ip }) },
          },
    bodyLimit: limits.maxBodyBytes,
    // Keys are up to 512 bytes of UTF-8, percent-encoded up to 3 characters per byte; longer
    // segments are invalid_input (frameworkErrors), like an over-long key.
    routerOptions: { maxParamLength: 3 * DEFAULT_ENTITY_KEY_BYTES + 16 },
    // Requests during shutdown get the catalogue's unavailable (errorsPlugin), not fastify's body.
    return503OnClosing: false,
    frameworkErrors,
    // Strict input validation (SPEC §5): no coercion, nothing removed, no defaults filled in.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false } },
  });
  replica.onError = (err) => app.log.error({ err }, "replica listener failed");
  const onGossipError = (err: unknown): void => app.log.warn({ err }, "gossip connection handler failed");
  const transport = createWsTransport({ onError: onGossipError });
  // LATTICE_LAB: gossip goes through the partition lab, which the /v1/lab admin calls steer.
  const lab = config.lab ? new PartitionLab({ region: config.region, env: replica.env, onError: onGossipError }) : undefined;
  const cluster = new Cluster({
    replica,
    transport: lab ? lab.wrap(transport) : transport,
    secret: config.clusterSecret,
    advertiseUrl: config.advertiseUrl,
    seeds: config.peers,
    log: (level, msg) => app.log[level](msg),
  });
  const metrics = new ReplicaMetrics(replica, () => cluster.status().reduce((n, p) => n + p.queuedDeltas, 0));
  cluster.observer = metrics;
  replica.cluster = cluster;
  const processRegistry = processMetrics();

  let ready = false;
  let engine: FunctionEngine;
  try {
    engine = new FunctionEngine(replica, opts.services ?? [], { maxKeyBytes: DEFAULT_ENTITY_KEY_BYTES });
    const apiMetrics = new ApiMetrics(engine, (err, effect) =>
      app.log.warn({ code: err.code, effect: { service: effect.service, key: effect.key, command: effect.command } }, `effect failed: ${err.message}`),
    );
    engine.observer = apiMetrics;
    const auth = new Authenticator({
      secret: config.authSecret,
      ...(opts.authClockToleranceSec !== undefined ? { clockToleranceSec: opts.authClockToleranceSec } : {}),
    });

    await app.register(errorsPlugin);
    if (config.corsOrigins === "*" || config.corsOrigins.length > 0) await app.register(cors, corsOptions(config.corsOrigins));
    await app.register(websocket, {
      // One ws server serves every endpoint, so its frame limit is the largest (gossip, 16 MiB);
      // each endpoint enforces its own smaller limit per frame (client frames: limits.maxFrameBytes).
      options: { maxPayload: Math.max(transport.maxFrameBytes, limits.maxFrameBytes, limits.maxYjsFrameBytes), perMessageDeflate: false },
      preClose(done) {
        for (const client of this.websocketServer.clients) client.close(1001, "the replica is shutting down");
        this.websocketServer.close();
        done();
      },
    });
    await app.register(healthPlugin, { ready: () => ready });
    await app.register(metricsRoutePlugin, { registries: [metrics.registry, apiMetrics.registry, processRegistry] });
    await app.register(gossipRoutePlugin, { transport });
    await app.register(async (admin) => {
      admin.addHook("onRequest", auth.hook({ queryToken: false, defer: false }));
      await admin.register(clusterRoutePlugin, { replica, cluster });
      await admin.register(labPlugin, { lab, cluster });
    });
    await app.register(entitiesPlugin, { engine, auth, limits });
    await app.register(eventsPlugin, { engine, auth, limits, metrics: apiMetrics });
    await app.register(clientWsPlugin, { engine, auth, limits, metrics: apiMetrics, origins: config.wsOrigins });
    await app.register(yjsWsPlugin, { engine, auth, limits, metrics: apiMetrics, origins: config.wsOrigins, gossip: cluster });
    if (opts.demo !== false) await app.register(demoPlugin, opts.demo === true || opts.demo === undefined ? {} : opts.demo);
    app.addHook("onClose", async () => {
      // Client sockets and SSE streams were closed in preClose (their streams' onClose ran).
      await engine.shutdown();
      await cluster.close();
      await replica.close();
    });

    // A worker runtime that cannot load its modules fails the start, not the first call.
    await engine.ready();
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    // Nothing may stay open when the start fails: the store above all (its lock).
    await app.close().catch(() => undefined);
    await replica.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  if (config.port === 0 && !config.advertiseUrlSet) cluster.advertiseUrl = `ws://${advertiseHost(config.host)}:${port}`;
  cluster.start();
  ready = true;
  if (config.authSecret !== undefined && Buffer.byteLength(config.authSecret) < 32) {
    app.log.warn("LATTICE_AUTH_SECRET is shorter than 32 bytes: HS256 tokens signed with it can be brute-forced; use a longer random secret");
  }
  if (config.clusterSecretIsDefault && config.peers.length > 0) {
    app.log.warn("LATTICE_CLUSTER_SECRET is not set: using the development default; set a secret before exposing gossip");
  }
  if (lab) app.log.warn("LATTICE_LAB is on: POST /v1/lab/* can cut or delay gossip between regions (a learning and test tool, not for production)");
  app.log.info(`replica ${replica.id} (${config.region}) serving on http://${config.host}:${port}${replica.createdNow ? ", new incarnation" : ""}`);

  let closing: Promise<void> | undefined;
  return {
    app,
    replica,
    cluster,
    engine,
    limits,
    url: `http://${config.host}:${port}`,
    close: () => (closing ??= app.close().then(() => undefined)),
  };
}

/** @fastify/cors options for an origin policy: "*" or an exact, case-insensitive allow-list. */
function corsOptions(policy: OriginPolicy) {
  return {
    origin:
      policy === "*"
        ? "*"
        : (origin: string | undefined, cb: (err: Error | null, allow: boolean) => void) => cb(null, origin !== undefined && policy.includes(normalizeOrigin(origin))),
    methods: ["GET", "HEAD", "POST"],
    allowedHeaders: ["authorization", "content-type"],
    // Browsers may cache a preflight answer this long (seconds).
    maxAge: 600,
  };
}

function advertiseHost(host: string): string {
  return host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
}

let processRegistry: Registry | undefined;

/**
 * Process metrics (CPU, memory, event-loop delay) describe the process, not a node, and
 * prom-client starts an event-loop monitor for them that it never stops: so one registry per
 * process, shared by every node it runs (tests and benchmarks start many).
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: "lattice_process_" });
  }
  return processRegistry;
}
