/** JSON schemas of the HTTP API (SPEC §5), shared by the routes and checked by fastify. */

/** Any JSON value (command input and replies, views): validated by the service, not the route. */
export const anyJson = {} as const;

/** `{"error": {"code", "message", "detail"?}}`, the same body for every error. */
export const errorResponse = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" }, detail: anyJson },
    },
  },
} as const;

/** Error responses of every route: 4xx and 5xx carry the catalogue body. */
export const errorResponses = { "4xx": errorResponse, "5xx": errorResponse } as const;

/** A version: `{replicaId: number of that replica's committed changes}`. */
export const version = { type: "object", additionalProperties: { type: "integer", minimum: 0 } } as const;

/** `{"state": view, "version": {…}}` */
export const entityView = {
  type: "object",
  required: ["state", "version"],
  properties: { state: anyJson, version },
} as const;

export const entityParams = {
  type: "object",
  required: ["service", "key"],
  properties: { service: { type: "string" }, key: { type: "string" } },
} as const;

export const commandParams = {
  type: "object",
  required: ["service", "key", "command"],
  properties: { service: { type: "string" }, key: { type: "string" }, command: { type: "string" } },
} as const;

export const servicesResponse = {
  type: "object",
  required: ["services"],
  properties: {
    services: {
      type: "array",
      items: {
        type: "object",
        required: ["name", "type", "commands", "streams"],
        properties: {
          name: { type: "string" },
          type: { type: "string" },
          commands: { type: "array", items: { type: "string" } },
          streams: { type: "array", items: { type: "string" } },
        },
      },
    },
  },
} as const;
