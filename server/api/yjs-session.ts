import type { FastifyBaseLogger } from "fastify";
import * as Y from "yjs";
import { CloseCode } from "../../protos/close-codes.js";
import type { EntityRef } from "../../replica/entity-ref.js";
import { ReplicaError } from "../../replica/errors.js";
import type { ClientSocket, RawData } from "./client-socket.js";
import { bytesOf, closeSocket } from "./client-socket.js";
import type { ApiLimits } from "./limits.js";
import { FrameRateLimiter } from "./rate-limiter.js";
import { decodeAwarenessUpdate } from "./yjs-awareness.js";
import type { YjsHub } from "./yjs-hub.js";
import type { YjsMessage } from "./yjs-messages.js";
import { YjsFrameError, YjsMessageType, decodeYjsMessage, encodeAwarenessMessage, encodeSyncStep1, encodeSyncStep2 } from "./yjs-messages.js";
import type { YjsMetrics } from "./yjs-metrics.js";
import type { RoomMember, YjsRoom } from "./yjs-room.js";
import { YjsUpdateError, checkStateVector, checkYjsUpdate } from "./yjs-update.js";

export interface YjsSessionDeps {
  readonly hub: YjsHub;
  readonly limits: ApiLimits;
  readonly metrics: YjsMetrics;
  readonly log: FastifyBaseLogger;
  /** Monotonic milliseconds (rate limits). */
  readonly now: () => number;
}

/**
 * One /v1/yjs connection: the y-websocket protocol for one document (y-protocols PROTOCOL.md).
 * Frames that arrive before the document is loaded (and before the plugin's access checks
 * finished) wait in order, so step 1 is answered from the stored document (y-websocket#81).
 * `receive` never throws: malformed frames, state vectors, Yjs and awareness updates close the
 * socket with 4400 before anything changed; oversized ones with 4413; rate and buffer overruns
 * with 1013 (the stock client reconnects and resyncs).
 */
export class YjsSession implements RoomMember {
  ready = false;
  private room: YjsRoom | undefined;
  private queue: Uint8Array[] | null = [];
  private queuedBytes = 0;
  private closed = false;
  private readOnly = false;
  private commits = 0;
  private paused = false;
  private readonly frames: FrameRateLimiter;
  private readonly awarenessRate: FrameRateLimiter;

  constructor(
    private readonly socket: ClientSocket,
    private readonly deps: YjsSessionDeps,
  ) {
    this.frames = new FrameRateLimiter(deps.limits.maxYjsFramesPerSecond, deps.now);
    this.awarenessRate = new FrameRateLimiter(deps.limits.maxYjsAwarenessPerSecond, deps.now);
  }

  /**
   * Joins the document once access is settled: loads it, sends the replica's step 1 and the
   * awareness states known here, then handles the frames that waited.
   */
  async start(ref: EntityRef, readOnly: boolean): Promise<void> {
    if (this.closed) return;
    this.readOnly = readOnly;
    let room: YjsRoom;
    try {
      room = await this.deps.hub.join(ref, this);
    } catch (err) {
      this.failed(err);
      return;
    }
    if (this.closed) {
      this.deps.hub.leave(room, this);
      return;
    }
    this.room = room;
    const doc = this.doc();
    if (!doc) return;
    this.ready = true;
    this.send(encodeSyncStep1(Y.encodeStateVector(doc)));
    const live = room.awareness.live();
    if (live.length > 0) this.send(encodeAwarenessMessage(room.awareness.encode(live)));
    const waiting = this.queue ?? [];
    this.queue = null;
    this.queuedBytes = 0;
    for (const frame of waiting) {
      if (this.closed) return;
      this.handle(frame);
    }
  }

  /** Handles one incoming frame (or queues it until the document is loaded). Never throws. */
  receive(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    try {
      const bytes = bytesOf(data);
      const limits = this.deps.limits;
      if (bytes.byteLength > limits.maxYjsFrameBytes) {
        this.refuse("frame_size", CloseCode.payloadTooLarge, `frame of ${bytes.byteLength} bytes is over the limit of ${limits.maxYjsFrameBytes}`);
        return;
      }
      if (!isBinary) {
        this.refuse("bad_frame", CloseCode.badFrame, "y-websocket frames are binary");
        return;
      }
      const decision = this.frames.take();
      if (decision !== "accept") {
        // Awareness repeats itself (the next change or renewal carries the whole state); a
        // dropped sync frame would lose an edit, so the client reconnects and resyncs instead.
        const droppable = bytes[0] === YjsMessageType.awareness || bytes[0] === YjsMessageType.queryAwareness;
        if (decision === "refuse" && droppable) {
          this.deps.metrics.refused("frame_rate");
          return;
        }
        this.refuse("frame_rate", CloseCode.tryAgainLater, `more than ${limits.maxYjsFramesPerSecond} frames per second`);
        return;
      }
      if (this.queue) {
        this.queuedBytes += bytes.byteLength;
        if (this.queuedBytes > limits.maxBufferedBytes) {
          this.refuse("slow_reader", CloseCode.tryAgainLater, "too many bytes sent before the document was loaded");
          return;
        }
        // A copy: the frame waits past this event, and Node may reuse pooled buffers.
        this.queue.push(new Uint8Array(bytes));
        return;
      }
      this.handle(bytes);
    } catch (err) {
      this.internal(err);
    }
  }

  private handle(bytes: Uint8Array): void {
    try {
      this.dispatch(decodeYjsMessage(bytes));
    } catch (err) {
      if (err instanceof YjsFrameError || err instanceof YjsUpdateError) {
        this.refuse(err instanceof YjsUpdateError ? "bad_update" : "bad_frame", CloseCode.badFrame, err.message);
        return;
      }
      this.internal(err);
    }
  }

  private dispatch(msg: YjsMessage): void {
    const room = this.room;
    const doc = this.doc();
    if (!room || !doc) return;
    const limits = this.deps.limits;
    switch (msg.kind) {
      case "step1": {
        const sv = checkStateVector(msg.stateVector);
        this.send(encodeSyncStep2(Y.encodeStateAsUpdate(doc, sv)));
        return;
      }
      case "step2":
      case "update": {
        if (msg.update.byteLength > limits.maxYjsUpdateBytes) {
          this.refuse("update_size", CloseCode.payloadTooLarge, `Yjs update of ${msg.update.byteLength} bytes is over the limit of ${limits.maxYjsUpdateBytes}`);
          return;
        }
        if (this.readOnly) {
          this.deps.metrics.refused("read_only");
          return;
        }
        this.commit(room, checkYjsUpdate(msg.update));
        return;
      }
      case "awareness": {
        if (msg.update.byteLength > limits.maxYjsAwarenessBytes) {
          this.refuse("awareness_size", CloseCode.payloadTooLarge, `awareness update of ${msg.update.byteLength} bytes is over the limit of ${limits.maxYjsAwarenessBytes}`);
          return;
        }
        const records = decodeAwarenessUpdate(msg.update);
        // Only changes count against the rate: the stock client sends back every state it hears.
        if (!room.awareness.accepts(records)) return;
        if (this.awarenessRate.take() !== "accept") {
          this.deps.metrics.refused("awareness_rate");
          return;
        }
        this.deps.hub.clientAwareness(room, this, records);
        return;
      }
      case "queryAwareness":
        // Each answer encodes the whole table: it counts against the awareness rate.
        if (this.awarenessRate.take() !== "accept") {
          this.deps.metrics.refused("awareness_rate");
          return;
        }
        this.send(encodeAwarenessMessage(room.awareness.encode(room.awareness.live())));
        return;
      case "auth":
      case "unknown":
        return;
    }
  }

  private commit(room: YjsRoom, update: ReturnType<typeof checkYjsUpdate>): void {
    this.commits++;
    if (this.commits >= this.deps.limits.maxInFlight && !this.paused && this.socket.pause) {
      // Backpressure instead of a refusal: a client pasting faster than the store commits waits.
      this.paused = true;
      this.socket.pause();
    }
    this.deps.hub
      .commit(room, update)
      .catch((err: unknown) => this.failed(err))
      .finally(() => {
        this.commits--;
        if (this.paused && this.commits < this.deps.limits.maxInFlight) {
          this.paused = false;
          this.socket.resume?.();
        }
      });
  }

  /** The loaded document, or undefined (the socket is then closed: the entity went away). */
  private doc(): Y.Doc | undefined {
    const state = this.room?.entity?.state;
    if (state?.type === "ydoc") return state.doc;
    if (this.room) this.terminate(CloseCode.entityDeleted, "the document was deleted");
    return undefined;
  }

  send(frame: Uint8Array): void {
    if (this.closed) return;
    try {
      this.socket.send(frame);
    } catch (err) {
      this.deps.log.debug({ err }, "yjs send failed");
      this.terminate(CloseCode.internal, "send failed");
      return;
    }
    if (this.socket.bufferedAmount > this.deps.limits.maxBufferedBytes) {
      this.deps.metrics.refused("slow_reader");
      this.terminate(CloseCode.tryAgainLater, "the client is not reading");
    }
  }

  terminate(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.ready = false;
    this.queue = null;
    closeSocket(this.socket, code, reason, this.deps.log);
    // Leave now, not when `ws` reports the close: a client that is not reading never answers the
    // close frame, and `ws` waits its closeTimeout (30 s) before dropping the socket, with the
    // client's cursors shown to everyone meanwhile. A microtask later, because terminate can run
    // inside a room broadcast (the send that overflowed), and leaving broadcasts the removal.
    if (this.room) queueMicrotask(() => this.leaveRoom());
  }

  /** The socket closed: leave the document (its awareness clients are removed for everyone). */
  dispose(): void {
    this.closed = true;
    this.ready = false;
    this.queue = null;
    this.leaveRoom();
  }

  private leaveRoom(): void {
    const room = this.room;
    this.room = undefined;
    try {
      if (room) this.deps.hub.leave(room, this);
    } catch (err) {
      // From terminate's microtask nothing would catch it: the process would crash.
      this.deps.log.warn({ err }, "leaving a yjs document failed");
    }
  }

  private refuse(reason: Parameters<YjsMetrics["refused"]>[0], code: number, message: string): void {
    this.deps.metrics.refused(reason);
    this.terminate(code, message);
  }

  private failed(err: unknown): void {
    if (err instanceof YjsUpdateError) this.refuse("bad_update", CloseCode.badFrame, err.message);
    else if (err instanceof ReplicaError && err.code === "entity_deleted") this.terminate(CloseCode.entityDeleted, "the document was deleted");
    else if (err instanceof ReplicaError && err.code === "unavailable") this.terminate(CloseCode.goingAway, "the replica is shutting down");
    else this.internal(err);
  }

  private internal(err: unknown): void {
    this.deps.log.warn({ err }, "yjs connection failed");
    this.terminate(CloseCode.internal, "internal error");
  }
}
