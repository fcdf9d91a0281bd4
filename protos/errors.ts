/**
 * The one error catalogue of Lattice (SPEC §5): every code a client can see, its HTTP status and
 * what it means. The same body travels over HTTP and WebSocket: {"error": {code, message,
 * detail?}}. Pure data with no imports, so the browser client shares it. docs/api.md lists the
 * same table; a test checks the two agree.
 */
export const ERROR_CATALOGUE = {
  invalid_input: { status: 400, meaning: "The request is malformed: bad JSON or UTF-8, wrong types, a value the state rejects (an unsafe integer, a member over the size limit), or an unknown op." },
  unauthorized: { status: 401, meaning: "No token, or a token that does not verify, while LATTICE_AUTH_SECRET is set." },
  forbidden: { status: 403, meaning: "The token is valid but the service's authorize hook refused the call." },
  unknown_service: { status: 404, meaning: "No service of that name is loaded on this replica." },
  unknown_command: { status: 404, meaning: "The service has no command (or stream) of that name." },
  entity_deleted: { status: 410, meaning: "The entity was deleted (by ctx.delete() on any replica); deletion is permanent." },
  payload_too_large: { status: 413, meaning: "The body or frame is over the configured size limit." },
  failed: { status: 422, meaning: "The handler called ctx.fail(message, detail): a business rule refused the command; nothing changed." },
  rate_limited: { status: 429, meaning: "Too many frames per second or commands in flight on this connection." },
  function_error: { status: 500, meaning: "The handler threw; nothing changed and the connection stays usable." },
  unavailable: { status: 503, meaning: "The replica is starting, shutting down, or cannot write to its store." },
  replication_timeout: { status: 504, meaning: "A majority/all write was not acknowledged by enough replicas in time; it is applied locally and keeps spreading." },
  function_timeout: { status: 504, meaning: "The handler ran past its timeoutMs and was stopped (worker runtime); nothing changed." },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  readonly detail?: unknown;
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, code);
}

export function statusOf(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}
