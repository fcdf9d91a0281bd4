import type { FastifyInstance } from "fastify";
import type { WsTransport } from "../../replica/transport/ws-transport.js";

export interface GossipRouteOptions {
  readonly transport: WsTransport;
}

/**
 * The replica-to-replica WebSocket (SPEC §6). The socket is handed to the transport synchronously
 * in the upgrade callback, since `ws` drops frames that arrive while a socket has no listener;
 * authentication happens inside, in the gossip handshake.
 */
export function gossipRoutePlugin(app: FastifyInstance, opts: GossipRouteOptions): Promise<void> {
  app.get("/v1/gossip", { websocket: true }, (socket, req) => {
    opts.transport.accept(socket, req.socket.remoteAddress ?? "unknown");
  });
  return Promise.resolve();
}
