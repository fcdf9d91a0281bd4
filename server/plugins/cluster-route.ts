import type { FastifyInstance } from "fastify";
import type { Cluster } from "../../replica/cluster.js";
import type { Replica } from "../../replica/replica.js";

export interface ClusterRouteOptions {
  readonly replica: Replica;
  readonly cluster: Cluster;
}

const peerSchema = {
  type: "object",
  required: ["url", "id", "region", "connected", "lastHeardMs", "queuedDeltas", "lastAntiEntropyMs"],
  properties: {
    url: { type: "string" },
    id: { type: ["string", "null"] },
    region: { type: ["string", "null"] },
    connected: { type: "boolean" },
    lastHeardMs: { type: ["integer", "null"] },
    queuedDeltas: { type: "integer" },
    lastAntiEntropyMs: { type: ["integer", "null"] },
    error: { type: "string" },
  },
} as const;

/** GET /v1/cluster (SPEC §5): this replica and what it knows of each peer. */
export function clusterRoutePlugin(app: FastifyInstance, opts: ClusterRouteOptions): Promise<void> {
  app.get(
    "/v1/cluster",
    {
      schema: {
        response: {
          200: {
            type: "object",
            required: ["replica", "peers"],
            properties: {
              replica: {
                type: "object",
                required: ["id", "region", "url"],
                properties: { id: { type: "string" }, region: { type: "string" }, url: { type: "string" } },
              },
              peers: { type: "array", items: peerSchema },
            },
          },
        },
      },
    },
    async () => ({
      replica: { id: opts.replica.id, region: opts.replica.region, url: opts.cluster.advertiseUrl },
      peers: opts.cluster.status(),
    }),
  );
  return Promise.resolve();
}
