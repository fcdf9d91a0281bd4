import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { LatticeError } from "../../functions/errors.js";
import { httpError, toCatalogueError } from "../api/errors.js";

/** Sends a catalogue error as `{"error": {code, message, detail?}}` with its status (SPEC §5). */
export function sendError(request: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  const e = toCatalogueError(err);
  const { status, body } = httpError(e);
  if (status >= 500) request.log.error({ err }, `request failed: ${e.code}`);
  return reply.code(status).send(body);
}

/**
 * For fastify's `frameworkErrors` option: errors raised before routing (an invalid percent-encoded
 * URL, a path segment over the router's limit), which never reach the error handler.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void sendError(request, reply, err);
}

/**
 * One error catalogue for every route (SPEC §5): the error handler maps anything thrown — engine
 * errors, auth refusals, fastify's own body, media type and validation errors — to the catalogue
 * body and status; an unknown route is `unknown_command` (404); while the replica shuts down,
 * new requests are `unavailable` (503) and responses close their connection. Registered at the
 * root (not encapsulated).
 */
function errors(app: FastifyInstance): Promise<void> {
  let closing = false;
  app.setErrorHandler((err, request, reply) => sendError(request, reply, err));
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, new LatticeError("unknown_command", `no route ${request.method} ${request.url.split("?")[0] ?? ""}`)),
  );
  app.addHook("onRequest", async () => {
    if (closing) throw new LatticeError("unavailable", "the replica is shutting down");
  });
  // A response finishing during shutdown closes its connection: a keep-alive connection that was
  // busy when the shutdown began would otherwise hold it up for the keep-alive timeout (72 s).
  app.addHook("onSend", async (_request, reply) => {
    if (closing) reply.header("connection", "close");
  });
  app.addHook("preClose", async () => {
    closing = true;
  });
  return Promise.resolve();
}

export const errorsPlugin = fp(errors, { name: "lattice-errors", fastify: "5.x" });
