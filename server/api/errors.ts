import type { Json } from "../../crdt/index.js";
import { LatticeError, toLatticeError } from "../../functions/errors.js";
import type { ErrorCode } from "../../protos/errors.js";
import { statusOf } from "../../protos/errors.js";

/** The error body of SPEC §5, identical over HTTP, SSE and WebSocket. */
export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  readonly detail?: Json;
}

/** `{"code","message","detail"?}` of a catalogue error; a detail that is not JSON is dropped. */
export function errorInfo(err: LatticeError): ErrorBody {
  if (err.detail === undefined) return { code: err.code, message: err.message };
  let detail: Json | undefined;
  try {
    detail = JSON.parse(JSON.stringify(err.detail) ?? "null") as Json;
  } catch {
    detail = undefined;
  }
  return detail === undefined ? { code: err.code, message: err.message } : { code: err.code, message: err.message, detail };
}

/** The HTTP status and body of a catalogue error. */
export function httpError(err: LatticeError): { status: number; body: { error: ErrorBody } } {
  return { status: statusOf(err.code), body: { error: errorInfo(err) } };
}

/** What fastify itself throws: a code such as FST_ERR_CTP_BODY_TOO_LARGE and an HTTP status. */
interface FrameworkError {
  readonly code?: unknown;
  readonly statusCode?: unknown;
  readonly message: string;
  readonly validation?: readonly { instancePath?: string; keyword?: string; message?: string }[];
  readonly validationContext?: string;
}

const MESSAGES: Readonly<Record<string, [ErrorCode, string]>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ["payload_too_large", "the request body is over the size limit"],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ["invalid_input", "the body must be JSON sent as Content-Type: application/json"],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ["invalid_input", "the Content-Length does not match the body"],
  FST_ERR_CTP_EMPTY_JSON_BODY: ["invalid_input", "the JSON body is empty"],
  FST_ERR_BAD_URL: ["invalid_input", "the URL has invalid percent-encoding or is not UTF-8"],
  FST_ERR_MAX_PARAM_LENGTH: ["invalid_input", "a path segment is too long"],
  FST_ERR_ASYNC_CONSTRAINT: ["invalid_input", "the request matches no route constraint"],
};

/**
 * Maps anything a route, a hook or fastify itself threw to a catalogue error (SPEC §5): fastify's
 * framework errors by code and status, everything else as the functions layer maps it.
 */
export function toCatalogueError(err: unknown): LatticeError {
  if (err instanceof LatticeError) return err;
  if (err instanceof Error) {
    const e = err as Error & FrameworkError;
    const known = typeof e.code === "string" ? MESSAGES[e.code] : undefined;
    if (known) return new LatticeError(known[0], known[1]);
    if (e.validation) {
      const first = e.validation[0];
      const where = `${e.validationContext ?? "request"}${first?.instancePath ?? ""}`;
      return new LatticeError("invalid_input", `${where} ${first?.message ?? "is invalid"}`, {
        path: first?.instancePath ?? "",
        keyword: first?.keyword ?? "",
      });
    }
    if (typeof e.statusCode === "number" && typeof e.code === "string" && e.code.startsWith("FST_")) {
      if (e.statusCode === 413) return new LatticeError("payload_too_large", e.message);
      if (e.statusCode === 503) return new LatticeError("unavailable", e.message);
      if (e.statusCode >= 400 && e.statusCode < 500) return new LatticeError("invalid_input", e.message);
    }
  }
  return toLatticeError(err);
}
