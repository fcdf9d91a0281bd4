/**
 * Counts gossip bytes by envelope body: a {@link Transport} wrapper that records the size of every
 * frame its connections send, classified by the Envelope's oneof field number (read from the
 * frame's top-level protobuf tags, without decoding the message). Frames are what the
 * transport carries, so the totals are payload bytes, without WebSocket or TCP framing.
 */
import type { Connection, ConnectionHandlers, Transport } from "../../replica/transport/transport.js";

/** Envelope body field numbers (protos/replica.proto). */
const BODIES: Record<number, string> = {
  2: "hello",
  3: "authProof",
  4: "authResult",
  5: "heartbeat",
  6: "heartbeatReply",
  7: "membership",
  8: "deltaBatch",
  9: "ack",
  10: "digestSummary",
  11: "bucketDigests",
  12: "entityDigests",
  13: "stateRequest",
  14: "stateReply",
  15: "yjsSync",
  16: "yjsDiff",
  17: "awareness",
};

export interface WireCounts {
  frames: number;
  bytes: number;
  /** Per body: frames, bytes and the largest frame. */
  byBody: Record<string, { frames: number; bytes: number; maxFrameBytes: number }>;
  /** Connections started, and closes seen by this side by "code reason". */
  connections: number;
  closes: Record<string, number>;
}

export function emptyCounts(): WireCounts {
  return { frames: 0, bytes: 0, byBody: {}, connections: 0, closes: {} };
}

/** The body name of an encoded Envelope: the first top-level field other than protocol_version. */
export function bodyOf(frame: Uint8Array): string {
  let i = 0;
  const varint = (): number => {
    let v = 0;
    let shift = 0;
    for (;;) {
      if (i >= frame.length) throw new Error("truncated varint");
      const b = frame[i++] as number;
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
      shift += 7;
    }
  };
  try {
    while (i < frame.length) {
      const tag = varint();
      const field = Math.floor(tag / 8);
      const wire = tag & 7;
      if (field !== 1) return BODIES[field] ?? `field${field}`;
      if (wire === 0) varint();
      else if (wire === 2) i += varint();
      else return "unknown";
    }
  } catch {
    return "malformed";
  }
  return "empty";
}

export function record(counts: WireCounts, frame: Uint8Array): void {
  const body = bodyOf(frame);
  counts.frames++;
  counts.bytes += frame.length;
  const c = (counts.byBody[body] ??= { frames: 0, bytes: 0, maxFrameBytes: 0 });
  c.frames++;
  c.bytes += frame.length;
  c.maxFrameBytes = Math.max(c.maxFrameBytes, frame.length);
}

function wrapConnection(conn: Connection, counts: WireCounts): Connection {
  return {
    get role() {
      return conn.role;
    },
    get remote() {
      return conn.remote;
    },
    start: (handlers: ConnectionHandlers) => {
      counts.connections++;
      conn.start({
        open: () => handlers.open(),
        message: (frame) => handlers.message(frame),
        close: (code, reason) => {
          const key = `${code}${reason ? ` ${reason}` : ""}`;
          counts.closes[key] = (counts.closes[key] ?? 0) + 1;
          handlers.close(code, reason);
        },
      });
    },
    send: (frame: Uint8Array) => {
      const ok = conn.send(frame);
      if (ok) record(counts, frame);
      return ok;
    },
    bufferedAmount: () => conn.bufferedAmount(),
    close: (code: number, reason: string) => conn.close(code, reason),
    terminate: () => conn.terminate(),
  };
}

/** A transport whose connections (dialed and accepted) count the frames they send into `counts`. */
export function countingTransport(inner: Transport, counts: WireCounts): Transport {
  return {
    dial: (url) => wrapConnection(inner.dial(url), counts),
    onInbound: (handler) => inner.onInbound((conn) => handler(wrapConnection(conn, counts))),
    close: () => inner.close(),
  };
}
