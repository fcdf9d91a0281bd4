import type { FastifyBaseLogger } from "fastify";
import type { Json } from "../../crdt/index.js";
import type { AuthClaims } from "../../functions/define-service.js";
import type { EntityView, FunctionEngine } from "../../functions/engine.js";
import { LatticeError, toLatticeError } from "../../functions/errors.js";
import type { StreamHandle } from "../../functions/streams.js";
import { openStream } from "../../functions/streams.js";
import { CloseCode } from "../../protos/close-codes.js";
import type { ClientSocket, RawData } from "./client-socket.js";
import { bytesOf, closeSocket } from "./client-socket.js";
import { errorInfo } from "./errors.js";
import type { ClientRequest, Form, ParsedFrame, ServerMessage } from "./frames.js";
import { encodeServerMessage, parseBinaryFrame, parseTextFrame } from "./frames.js";
import type { ApiLimits } from "./limits.js";
import type { ApiMetrics } from "./metrics.js";
import { FrameRateLimiter } from "./rate-limiter.js";


export interface SessionDeps {
  readonly engine: FunctionEngine;
  readonly limits: ApiLimits;
  readonly metrics: ApiMetrics;
  readonly log: FastifyBaseLogger;
}

/** A subscription or stream of the connection, keyed by the id of the request that opened it. */
interface Sub {
  readonly kind: "subscription" | "stream";
  readonly id: number;
  /** Pushes go out in the form of the request that opened it. */
  readonly form: Form;
  /** Settles (never rejects) once the open finished, successfully or not. */
  ready: Promise<void>;
  /** Releases the entity: stops the subscription, or cancels the stream (runs onClose). */
  release: (() => void | Promise<void>) | undefined;
  /** Pushes produced before the open reply went out, sent right after it. */
  buffer: ServerMessage[] | null;
  /** No more pushes: ended by the server, cancelled, or the socket closed. */
  ended: boolean;
  /** Counted in the subscription/stream gauge. */
  counted: boolean;
}


/**
 * One /v1/ws connection (SPEC §5): decodes frames, enforces the per-connection limits (SPEC §8),
 * runs calls, subscriptions and streams on the engine, and answers in the form each request came
 * in. `receive` never throws: decoding and handling are both guarded, a frame that cannot be
 * answered closes the socket with 4400, and an unexpected failure with 4500. `close` (on socket
 * close) cancels every stream, running its onClose, and stops every subscription.
 */
export class ClientSession {
  private readonly subs = new Map<number, Sub>();
  private readonly limiter: FrameRateLimiter;
  private inFlight = 0;
  private closed = false;
  private cleanup: Promise<void> | undefined;

  constructor(
    private readonly socket: ClientSocket,
    private readonly auth: AuthClaims,
    private readonly deps: SessionDeps,
    now: () => number = () => deps.engine.replica.env.clock.monotonic(),
  ) {
    this.limiter = new FrameRateLimiter(deps.limits.maxFramesPerSecond, now);
  }

  /** Open subscriptions and streams (for tests and metrics). */
  get openSubscriptions(): number {
    return this.subs.size;
  }

  /** Handles one incoming frame. Never throws. */
  receive(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    try {
      const bytes = bytesOf(data);
      if (bytes.byteLength > this.deps.limits.maxFrameBytes) {
        this.deps.metrics.refused("frame_size");
        this.terminate(CloseCode.messageTooBig, `frame of ${bytes.byteLength} bytes is over the limit of ${this.deps.limits.maxFrameBytes}`);
        return;
      }
      const decision = this.limiter.take();
      if (decision === "close") {
        this.deps.metrics.refused("frame_rate");
        this.terminate(CloseCode.rateLimited, `more than ${this.deps.limits.maxFramesPerSecond} frames per second`);
        return;
      }
      const form: Form = isBinary ? "binary" : "json";
      const parsed: ParsedFrame = isBinary
        ? parseBinaryFrame(bytes, this.deps.limits.maxFrameBytes, this.deps.limits.maxInputDepth)
        : parseTextFrame(bytes.toString("utf8"), this.deps.limits.maxInputDepth);
      if (parsed.kind === "unusable") {
        this.deps.metrics.refused("bad_frame");
        this.terminate(CloseCode.badFrame, parsed.reason);
        return;
      }
      const id = parsed.kind === "request" ? parsed.request.id : parsed.id;
      if (decision === "refuse") {
        this.deps.metrics.refused("frame_rate");
        this.fail(id, form, new LatticeError("rate_limited", `more than ${this.deps.limits.maxFramesPerSecond} frames per second; this frame was not run`));
        return;
      }
      if (parsed.kind === "invalid") {
        this.fail(id, form, parsed.error);
        return;
      }
      this.handle(parsed.request, form);
    } catch (err) {
      this.deps.log.error({ err }, "client frame handling failed");
      this.terminate(CloseCode.internal, "internal error");
    }
  }

  /** The socket closed or is closing: cancel every stream (onClose runs) and stop every subscription. */
  close(): Promise<void> {
    if (this.cleanup) return this.cleanup;
    this.closed = true;
    const subs = [...this.subs.values()];
    this.cleanup = Promise.all(
      subs.map(async (sub) => {
        await sub.ready;
        try {
          await this.release(sub);
        } catch (err) {
          this.deps.log.warn({ err, sub: sub.id }, "closing a stream failed");
        }
      }),
    ).then(() => undefined);
    return this.cleanup;
  }

  /** Closes the socket with `code` and cleans up. */
  terminate(code: number, reason: string): void {
    if (!this.closed) closeSocket(this.socket, code, reason, this.deps.log);
    void this.close();
  }

  private handle(req: ClientRequest, form: Form): void {
    switch (req.op) {
      case "call":
        this.call(req, form);
        return;
      case "subscribe":
      case "stream":
        this.open(req, form);
        return;
      case "cancel":
        void this.cancel(req.id, req.sub, form);
        return;
    }
  }

  private admit(id: number, form: Form): boolean {
    if (this.inFlight >= this.deps.limits.maxInFlight) {
      this.deps.metrics.refused("in_flight");
      this.fail(id, form, new LatticeError("rate_limited", `more than ${this.deps.limits.maxInFlight} requests in flight on this connection`));
      return false;
    }
    return true;
  }

  private call(req: Extract<ClientRequest, { op: "call" }>, form: Form): void {
    if (!this.admit(req.id, form)) return;
    this.inFlight++;
    this.deps.engine
      .call({ service: req.service, key: req.key, command: req.command, input: req.input, auth: this.auth })
      .then(
        (result) => this.send({ kind: "result", id: req.id, result }, form),
        (err: unknown) => this.fail(req.id, form, toLatticeError(err)),
      )
      .finally(() => {
        this.inFlight--;
      });
  }

  private open(req: Extract<ClientRequest, { op: "subscribe" | "stream" }>, form: Form): void {
    if (this.subs.has(req.id)) {
      this.fail(req.id, form, new LatticeError("invalid_input", `id ${req.id} is in use by an open subscription or stream`));
      return;
    }
    if (this.subs.size >= this.deps.limits.maxSubscriptions) {
      this.deps.metrics.refused("subscriptions");
      this.fail(req.id, form, new LatticeError("rate_limited", `more than ${this.deps.limits.maxSubscriptions} subscriptions and streams on this connection`));
      return;
    }
    if (!this.admit(req.id, form)) return;
    const sub: Sub = {
      kind: req.op === "subscribe" ? "subscription" : "stream",
      id: req.id,
      form,
      ready: Promise.resolve(),
      release: undefined,
      buffer: [],
      ended: false,
      counted: false,
    };
    this.subs.set(req.id, sub);
    this.inFlight++;
    const opening = req.op === "subscribe" ? this.subscribe(sub, req.service, req.key) : this.stream(sub, req);
    sub.ready = opening
      .then(
        async (opened) => {
          if (!this.closed) {
            this.send(opened.reply, form);
            const buffered = sub.buffer ?? [];
            sub.buffer = null;
            for (const m of buffered) this.send(m, form);
          }
          if (this.closed || sub.ended) {
            // The socket went away, or the server ended it, while it was opening: release at once
            // (both releases are idempotent: a second stop or cancel does nothing).
            sub.ended = true;
            if (this.subs.get(sub.id) === sub) this.subs.delete(sub.id);
            await opened.release();
            return;
          }
          sub.release = opened.release;
          sub.counted = true;
          if (sub.kind === "subscription") this.deps.metrics.subscriptionOpened("ws");
          else this.deps.metrics.streamOpened();
        },
        (err: unknown) => {
          sub.ended = true;
          if (this.subs.get(sub.id) === sub) this.subs.delete(sub.id);
          this.fail(sub.id, form, toLatticeError(err));
        },
      )
      .catch((err: unknown) => this.deps.log.error({ err }, "opening a subscription failed"))
      .finally(() => {
        this.inFlight--;
      });
  }

  private async subscribe(sub: Sub, service: string, key: string): Promise<{ reply: ServerMessage; release: () => void | Promise<void> }> {
    const onView = (v: EntityView | { deleted: true }): void => {
      if (sub.ended) return;
      if ("deleted" in v) {
        this.push(sub, { kind: "failed", sub: sub.id, error: errorInfo(new LatticeError("entity_deleted", `${service}/${key} was deleted`)) });
        this.ended(sub);
        // Before the open finished there is nothing to release yet; the open does it.
        void sub.release?.();
        return;
      }
      // A newer view supersedes one still waiting for the open reply.
      if (sub.buffer) sub.buffer = sub.buffer.filter((m) => m.kind !== "state");
      this.push(sub, { kind: "state", sub: sub.id, state: v.state, version: v.version });
    };
    const s = await this.deps.engine.subscribe(service, key, onView);
    return { reply: { kind: "snapshot", id: sub.id, state: s.initial.state, version: s.initial.version }, release: s.stop };
  }

  private async stream(sub: Sub, req: Extract<ClientRequest, { op: "stream" }>): Promise<{ reply: ServerMessage; release: () => void | Promise<void> }> {
    const handle: StreamHandle = await openStream(
      this.deps.engine,
      { service: req.service, key: req.key, stream: req.stream, input: req.input, auth: this.auth },
      {
        message: (message: Json) => this.push(sub, { kind: "message", sub: sub.id, message }),
        end: (message?: Json) => {
          if (sub.ended) return;
          this.push(sub, message === undefined ? { kind: "end", sub: sub.id } : { kind: "end", sub: sub.id, message });
          this.ended(sub);
        },
        error: (err: LatticeError) => {
          if (sub.ended) return;
          this.push(sub, { kind: "failed", sub: sub.id, error: errorInfo(err) });
          this.ended(sub);
        },
      },
    );
    return { reply: { kind: "ok", id: sub.id }, release: () => handle.cancel() };
  }

  /** A push on a subscription or stream: held back until the open reply went out. */
  private push(sub: Sub, msg: ServerMessage): void {
    if (sub.ended) return;
    if (sub.buffer) sub.buffer.push(msg);
    else this.send(msg, sub.form);
  }

  /** The server side ended a subscription or stream (no release needed: the engine already did). */
  private ended(sub: Sub): void {
    sub.ended = true;
    if (this.subs.get(sub.id) === sub) this.subs.delete(sub.id);
    this.uncount(sub);
  }

  private uncount(sub: Sub): void {
    if (!sub.counted) return;
    sub.counted = false;
    if (sub.kind === "subscription") this.deps.metrics.subscriptionClosed("ws");
    else this.deps.metrics.streamClosed();
  }

  /** Client cancel or disconnect. Idempotent. */
  private async release(sub: Sub): Promise<void> {
    if (this.subs.get(sub.id) === sub) this.subs.delete(sub.id);
    this.uncount(sub);
    if (sub.ended) return;
    sub.ended = true;
    await sub.release?.();
  }

  private async cancel(id: number, subId: number, form: Form): Promise<void> {
    try {
      const sub = this.subs.get(subId);
      if (sub) {
        await sub.ready;
        await this.release(sub);
      }
      // Cancelling what already ended (or never was) is not an error: the race is unavoidable.
      this.send({ kind: "ok", id }, form);
    } catch (err) {
      this.fail(id, form, toLatticeError(err));
    }
  }

  private fail(id: number, form: Form, err: LatticeError): void {
    this.send({ kind: "error", id, error: errorInfo(err) }, form);
  }

  private send(msg: ServerMessage, form: Form): void {
    if (this.closed) return;
    if (this.socket.bufferedAmount > this.deps.limits.maxBufferedBytes) {
      this.deps.metrics.refused("slow_reader");
      this.terminate(CloseCode.rateLimited, "the client does not read its frames");
      return;
    }
    try {
      this.socket.send(encodeServerMessage(msg, form));
    } catch (err) {
      this.deps.log.warn({ err }, "sending a client frame failed");
    }
  }
}
