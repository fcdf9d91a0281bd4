import websocket from "@fastify/websocket";
import Fastify from "fastify";
import type { FastifyInstance } from "fastify";
import { collectDefaultMetrics, Registry } from "prom-client";
import { Cluster } from "../replica/cluster.js";
import type { Env } from "../replica/env.js";
import { ReplicaMetrics } from "../replica/metrics.js";
import type { ReplicaOptions } from "../replica/options.js";
import { Replica } from "../replica/replica.js";
import { LevelStore } from "../replica/storage/level-store.js";
import { MemoryStore } from "../replica/storage/memory-store.js";
import type { KeyValueStore } from "../replica/storage/store.js";
import { createWsTransport } from "../replica/transport/ws-transport.js";
import type { LatticeConfig } from "./config.js";
import { clusterRoutePlugin } from "./plugins/cluster-route.js";
import { gossipRoutePlugin } from "./plugins/gossip-route.js";
import { healthPlugin } from "./plugins/health.js";
import { metricsRoutePlugin } from "./plugins/metrics-route.js";

/** A running replica process: the HTTP server, the replica and its cluster. */
export interface LatticeNode {
  readonly app: FastifyInstance;
  readonly replica: Replica;
  readonly cluster: Cluster;
  /** http://host:port actually bound (port 0 resolves to the real port). */
  readonly url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  readonly env?: Env;
  readonly replicaOptions?: Partial<ReplicaOptions>;
  /** Pass false to keep tests quiet; default is the config's log level. */
  readonly logger?: boolean;
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
  const app = Fastify({
    logger: opts.logger === false || config.logLevel === "silent" ? false : { level: config.logLevel },
    bodyLimit: 1024 * 1024,
  });
  replica.onError = (err) => app.log.error({ err }, "replica listener failed");
  const transport = createWsTransport({ onError: (err) => app.log.warn({ err }, "gossip connection handler failed") });
  const cluster = new Cluster({
    replica,
    transport,
    secret: config.clusterSecret,
    advertiseUrl: config.advertiseUrl,
    seeds: config.peers,
    log: (level, msg) => app.log[level](msg),
  });
  const metrics = new ReplicaMetrics(replica, () => cluster.status().reduce((n, p) => n + p.queuedDeltas, 0));
  cluster.observer = metrics;
  replica.cluster = cluster;
  const processRegistry = new Registry();
  collectDefaultMetrics({ register: processRegistry, prefix: "lattice_process_" });

  let ready = false;
  await app.register(websocket, { options: { maxPayload: transport.maxFrameBytes, perMessageDeflate: false } });
  await app.register(healthPlugin, { ready: () => ready });
  await app.register(clusterRoutePlugin, { replica, cluster });
  await app.register(metricsRoutePlugin, { registries: [metrics.registry, processRegistry] });
  await app.register(gossipRoutePlugin, { transport });
  app.addHook("onClose", async () => {
    await cluster.close();
    await replica.close();
  });

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  if (config.port === 0 && !config.advertiseUrlSet) cluster.advertiseUrl = `ws://${advertiseHost(config.host)}:${port}`;
  cluster.start();
  ready = true;
  if (config.clusterSecretIsDefault && config.peers.length > 0) {
    app.log.warn("LATTICE_CLUSTER_SECRET is not set: using the development default; set a secret before exposing gossip");
  }
  app.log.info(`replica ${replica.id} (${config.region}) serving on http://${config.host}:${port}${replica.createdNow ? ", new incarnation" : ""}`);

  let closing: Promise<void> | undefined;
  return {
    app,
    replica,
    cluster,
    url: `http://${config.host}:${port}`,
    close: () => (closing ??= app.close().then(() => undefined)),
  };
}

function advertiseHost(host: string): string {
  return host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
}
