import type { FastifyRequest, onRequestAsyncHookHandler } from "fastify";
import { errors as joseErrors, jwtVerify } from "jose";
import type { AuthClaims } from "../../functions/define-service.js";
import { LatticeError } from "../../functions/errors.js";

/** The result of authenticating one request: verified claims (null with auth off) or the refusal. */
export type AuthOutcome = { readonly ok: true; readonly claims: AuthClaims } | { readonly ok: false; readonly error: LatticeError };

export interface AuthOptions {
  /** LATTICE_AUTH_SECRET; undefined turns auth off (SPEC §5: off by default for local use). */
  readonly secret: string | undefined;
  /** Seconds of clock skew allowed on `exp` and `nbf`. Default 5: issuers and edge replicas drift a little. */
  readonly clockToleranceSec?: number;
}

export interface AuthHookOptions {
  /** Accept `?token=` (WebSocket and SSE URLs only: browsers cannot set headers there). */
  readonly queryToken: boolean;
  /**
   * Record a refusal instead of throwing it, for WebSocket routes: the upgrade is accepted and the
   * socket closed with 4401, so that stock clients stop retrying (SPEC §5).
   */
  readonly defer: boolean;
}

/** Longest delay setTimeout accepts. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

/**
 * HS256 JWT authentication of client requests (SPEC §5). The token is verified in an onRequest
 * hook, before the body is read or a socket upgraded; routes read the outcome with `outcome(req)`.
 * One instance per node: it holds the key and the per-request outcomes.
 */
export class Authenticator {
  readonly enabled: boolean;
  private readonly key: Uint8Array | undefined;
  private readonly clockToleranceSec: number;
  private readonly outcomes = new WeakMap<FastifyRequest, AuthOutcome>();

  constructor(opts: AuthOptions) {
    this.enabled = opts.secret !== undefined;
    this.key = opts.secret === undefined ? undefined : new TextEncoder().encode(opts.secret);
    this.clockToleranceSec = opts.clockToleranceSec ?? 5;
  }

  /** Verifies an HS256 token and returns its claims; anything else is `unauthorized`. */
  async verify(token: string): Promise<Readonly<Record<string, unknown>>> {
    if (!this.key) throw new LatticeError("unauthorized", "auth is off on this replica");
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ["HS256"], clockTolerance: this.clockToleranceSec });
      return { ...payload };
    } catch (err) {
      const why = err instanceof joseErrors.JWTExpired ? "the token has expired" : err instanceof joseErrors.JOSEError ? `the token does not verify (${err.code})` : "the token does not verify";
      throw new LatticeError("unauthorized", why);
    }
  }

  /**
   * When verified claims stop being accepted, in epoch milliseconds: their `exp` plus the clock
   * tolerance (undefined without `exp`). Long-lived connections are closed then.
   */
  private expiresAt(claims: AuthClaims): number | undefined {
    const exp = claims?.exp;
    return typeof exp === "number" && Number.isFinite(exp) ? (exp + this.clockToleranceSec) * 1000 : undefined;
  }

  /**
   * Calls `onExpired` once the claims stop being accepted (`expiresAt`), for connections that
   * outlive their token; returns the cancel. Nothing is scheduled without `exp`, nor for an
   * expiry beyond setTimeout's range (about 24.8 days).
   */
  whenExpired(claims: AuthClaims, nowMs: number, onExpired: () => void): () => void {
    const at = this.expiresAt(claims);
    if (at === undefined || at - nowMs > MAX_TIMER_MS) return () => {};
    const timer = setTimeout(onExpired, Math.max(0, at - nowMs));
    return () => clearTimeout(timer);
  }

  /** Authenticates a request from its Authorization header or, where allowed, its `?token=`. */
  async authenticate(req: FastifyRequest, queryToken: boolean): Promise<AuthOutcome> {
    if (!this.enabled) return { ok: true, claims: null };
    try {
      const token = tokenOf(req, queryToken);
      return { ok: true, claims: await this.verify(token) };
    } catch (err) {
      if (err instanceof LatticeError) return { ok: false, error: err };
      throw err;
    }
  }

  /** An onRequest hook that authenticates and either throws `unauthorized` or records the outcome. */
  hook(opts: AuthHookOptions): onRequestAsyncHookHandler {
    return async (req) => {
      const outcome = await this.authenticate(req, opts.queryToken);
      if (!outcome.ok && !opts.defer) throw outcome.error;
      this.outcomes.set(req, outcome);
    };
  }

  /** The verified claims of `req` (null with auth off); throws the refusal if it had none. */
  claims(req: FastifyRequest): AuthClaims {
    const o = this.outcome(req);
    if (!o.ok) throw o.error;
    return o.claims;
  }

  /** The outcome the hook recorded for `req` (a route without the hook gets a refusal). */
  outcome(req: FastifyRequest): AuthOutcome {
    return this.outcomes.get(req) ?? { ok: false, error: new LatticeError("unauthorized", "the request was not authenticated") };
  }
}

function tokenOf(req: FastifyRequest, queryToken: boolean): string {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const m = BEARER.exec(header);
    if (!m?.[1]) throw new LatticeError("unauthorized", "the Authorization header must be `Bearer <token>`");
    return m[1];
  }
  const query = req.query as Record<string, unknown> | undefined;
  const fromQuery = query?.token;
  if (fromQuery !== undefined) {
    if (!queryToken) throw new LatticeError("unauthorized", "send the token in the Authorization header; ?token= is only for WebSocket and SSE URLs");
    if (typeof fromQuery !== "string" || fromQuery === "") throw new LatticeError("unauthorized", "?token= must be given once, non-empty");
    return fromQuery;
  }
  throw new LatticeError("unauthorized", "a token is required: Authorization: Bearer <token>");
}


/** A URL with the value of any `token` query parameter replaced, for logs. */
export function redactToken(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, "$1[redacted]");
}
