import type { FastifyInstance } from "fastify";
import type { Json } from "../../crdt/index.js";
import type { FunctionEngine } from "../../functions/engine.js";
import { LatticeError } from "../../functions/errors.js";
import type { Authenticator } from "../api/auth.js";
import { decodeUtf8, parseJsonText } from "../api/json-input.js";
import type { ApiLimits } from "../api/limits.js";
import { anyJson, commandParams, entityParams, entityView, errorResponses, servicesResponse } from "../api/schemas.js";

export interface EntitiesOptions {
  readonly engine: FunctionEngine;
  readonly auth: Authenticator;
  readonly limits: ApiLimits;
}

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

/**
 * The HTTP API of SPEC §5: run a command, read an entity, list the services. Bodies are JSON only
 * (application/json, UTF-8, at most `maxBodyBytes`, nesting at most `maxInputDepth`); an empty body
 * is the input null. Path segments arrive percent-decoded. Tokens only in the Authorization header.
 */
export function entitiesPlugin(app: FastifyInstance, opts: EntitiesOptions): Promise<void> {
  const { engine, limits } = opts;
  // Only JSON: no text/plain, no forms. The parser reads bytes so that invalid UTF-8 is refused
  // instead of silently replaced, and bounds nesting before anything walks the value.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "buffer", bodyLimit: limits.maxBodyBytes }, (req, body, done) => {
    try {
      const charset = CHARSET.exec(req.headers["content-type"] ?? "")?.[1]?.toLowerCase();
      if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
        throw new LatticeError("invalid_input", `the body must be UTF-8, not ${charset}`);
      }
      const bytes = body as Buffer;
      if (bytes.byteLength === 0) {
        done(null, null);
        return;
      }
      done(null, parseJsonText(decodeUtf8(bytes, "the body"), limits.maxInputDepth, "the body"));
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  const onRequest = opts.auth.hook({ queryToken: false, defer: false });

  app.post<{ Params: { service: string; key: string; command: string }; Body: Json | undefined }>(
    "/v1/entities/:service/:key/:command",
    {
      onRequest,
      schema: {
        params: commandParams,
        response: { 200: { type: "object", required: ["result"], properties: { result: anyJson } }, ...errorResponses },
      },
    },
    async (req) => {
      const { service, key, command } = req.params;
      const input = req.body === undefined ? null : req.body;
      const result = await engine.call({ service, key, command, input, auth: opts.auth.claims(req) });
      return { result };
    },
  );

  app.get<{ Params: { service: string; key: string } }>(
    "/v1/entities/:service/:key",
    { onRequest, schema: { params: entityParams, response: { 200: entityView, ...errorResponses } } },
    async (req) => engine.read(req.params.service, req.params.key),
  );

  app.get("/v1/services", { onRequest, schema: { response: { 200: servicesResponse, ...errorResponses } } }, async () => ({
    services: engine.describe(),
  }));
  return Promise.resolve();
}
