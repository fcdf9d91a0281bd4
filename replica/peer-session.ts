import "../protos/runtime.js";
import { CloseCode } from "../protos/close-codes.js";
import { ProtoDecodeError, decodeMessage } from "../protos/decode.js";
import { lattice } from "../protos/generated/replica.js";
import {
  GOSSIP_PROTOCOL_VERSION,
  NONCE_BYTES,
  SUPPORTED_PROTOCOL_VERSIONS,
  computeAuthProof,
  encodeDeltaBatchEnvelope,
  negotiateVersion,
  refusalCloseCode,
  verifyAuthProof,
} from "../protos/gossip.js";
import { GOSSIP_HANDSHAKE_FRAME_BYTES } from "../protos/limits.js";
import type { ReplicaId } from "../crdt/index.js";
import { isReplicaId } from "../crdt/index.js";
import type { Env, TimerHandle } from "./env.js";
import type { Connection } from "./transport/transport.js";

import pb = lattice.replica;
import Role = lattice.replica.Role;
import RefusalReason = lattice.replica.RefusalReason;

export type Envelope = pb.Envelope;

/** Who this side is, and what it needs to authenticate a peer. */
export interface SessionIdentity {
  readonly id: ReplicaId;
  readonly region: string;
  readonly advertiseUrl: string;
  readonly secret: string;
}

/** The peer as it introduced itself in its Hello. */
export interface PeerHello {
  readonly id: ReplicaId;
  readonly region: string;
  readonly url: string;
}

export interface SessionEvents {
  /** Both proofs verified: the session may carry data. Return false to refuse it (duplicate). */
  authenticated(session: PeerSession): boolean;
  /** An authenticated envelope arrived. Never called before `authenticated`. */
  envelope(session: PeerSession, env: Envelope): void;
  /** The session ended (always called once, also for sessions that never authenticated). */
  closed(session: PeerSession, code: number, reason: string): void;
  /**
   * A peer was refused or misbehaved: for logs and /v1/cluster. `cause` is the handshake's
   * RefusalReason when there is one, this side's or the one the peer sent in its AuthResult.
   */
  refused(session: PeerSession, reason: string, cause?: RefusalReason): void;
}

/**
 * One gossip connection: the handshake of PROTOCOL.md (Hello, AuthProof over the cluster secret
 * — never the secret itself — and AuthResult), then framing of envelopes and liveness. Every
 * frame is decoded inside try/catch; a bad frame closes this socket and nothing else.
 */
export class PeerSession {
  peer: PeerHello | undefined;
  version = GOSSIP_PROTOCOL_VERSION;
  authenticated = false;
  lastHeardMs: number;
  bytesIn = 0;
  bytesOut = 0;
  private readonly nonce: Uint8Array;
  private peerNonce: Uint8Array | undefined;
  private peerVerified = false;
  private weAccepted = false;
  private closed = false;
  private helloSent = false;
  private handshakeTimer: TimerHandle | undefined;

  constructor(
    readonly conn: Connection,
    private readonly me: SessionIdentity,
    private readonly env: Env,
    private readonly events: SessionEvents,
    private readonly opts: { readonly handshakeTimeoutMs: number; readonly maxFrameBytes: number },
  ) {
    this.nonce = env.random.bytes(NONCE_BYTES);
    this.lastHeardMs = env.clock.monotonic();
  }

  get role(): Role.DIALER | Role.LISTENER {
    return this.conn.role === "dialer" ? Role.DIALER : Role.LISTENER;
  }

  start(): void {
    this.handshakeTimer = this.env.timers.after(this.opts.handshakeTimeoutMs, () => {
      if (!this.authenticated) this.refuse(RefusalReason.TIMEOUT, "handshake timed out");
    });
    this.conn.start({
      open: () => this.sendHello(),
      message: (frame) => this.onFrame(frame),
      close: (code, reason) => this.onClose(code, reason),
    });
    // A listener's connection is open from the start; a dialer's opens later (open() above).
    if (this.conn.role === "listener") this.sendHello();
  }

  send(payload: Partial<pb.Envelope.$Properties>): boolean {
    if (this.closed) return false;
    const frame = pb.Envelope.encode({ protocolVersion: this.version, ...payload }).finish();
    this.bytesOut += frame.length;
    return this.conn.send(frame);
  }

  /** A DeltaBatch of already encoded Delta messages (see encodeDeltaBatchEnvelope). */
  sendDeltaBatch(batchSeq: number, deltas: readonly Uint8Array[]): boolean {
    if (this.closed) return false;
    const frame = encodeDeltaBatchEnvelope(this.version, batchSeq, deltas);
    this.bytesOut += frame.length;
    return this.conn.send(frame);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.conn.close(code, reason);
  }

  /** Drops the connection at once: the peer stopped answering, so a closing handshake would hang. */
  terminate(): void {
    this.conn.terminate();
  }

  private sendHello(): void {
    if (this.helloSent) return;
    this.helloSent = true;
    this.send({
      hello: {
        replicaId: this.me.id,
        region: this.me.region,
        advertiseUrl: this.me.advertiseUrl,
        protocolVersions: [...SUPPORTED_PROTOCOL_VERSIONS],
        nonce: this.nonce,
        timeMs: this.env.clock.now(),
        role: this.role,
      },
    });
  }

  private refuse(reason: RefusalReason, message: string): void {
    this.events.refused(this, message, reason);
    this.send({
      protocolVersion: GOSSIP_PROTOCOL_VERSION,
      authResult: { ok: false, reason, message, protocolVersions: [...SUPPORTED_PROTOCOL_VERSIONS] },
    });
    this.close(refusalCloseCode(reason), message);
  }

  private onFrame(frame: Uint8Array): void {
    try {
      this.lastHeardMs = this.env.clock.monotonic();
      this.bytesIn += frame.length;
      const limit = this.authenticated ? this.opts.maxFrameBytes : GOSSIP_HANDSHAKE_FRAME_BYTES;
      let env: Envelope;
      try {
        env = decodeMessage(pb.Envelope, frame, limit);
      } catch (err) {
        if (err instanceof ProtoDecodeError && err.code === "too_large") {
          this.events.refused(this, "frame over the size limit");
          this.close(CloseCode.messageTooBig, "frame too large");
        } else this.refuse(RefusalReason.MALFORMED, "undecodable frame");
        return;
      }
      if (!this.authenticated) {
        this.onHandshake(env);
        return;
      }
      if (env.protocolVersion !== this.version) {
        this.refuse(RefusalReason.VERSION_MISMATCH, `envelope in version ${env.protocolVersion}`);
        return;
      }
      this.events.envelope(this, env);
    } catch (err) {
      // A bug or hostile frame must cost this connection only, never the process.
      this.events.refused(this, `error handling a frame: ${String(err)}`);
      this.close(CloseCode.internal, "internal error");
    }
  }

  private onHandshake(env: Envelope): void {
    switch (env.body) {
      case "hello":
        return this.onHello(env.hello as pb.Hello);
      case "authProof":
        return this.onProof((env.authProof as pb.AuthProof).mac);
      case "authResult": {
        const r = env.authResult as pb.AuthResult;
        if (!r.ok) {
          this.events.refused(this, `peer refused us: ${r.message || RefusalReason[r.reason]}`, r.reason);
          this.close(refusalCloseCode(r.reason), "refused by peer");
          return;
        }
        this.weAccepted = true;
        this.maybeOpen();
        return;
      }
      default:
        this.events.refused(this, "data frame before authentication");
        this.close(CloseCode.authFailed, "not authenticated");
    }
  }

  private onHello(h: pb.Hello): void {
    if (this.peerNonce) return this.refuse(RefusalReason.MALFORMED, "second hello");
    if (!isReplicaId(h.replicaId) || h.nonce.length !== NONCE_BYTES) {
      return this.refuse(RefusalReason.MALFORMED, "malformed hello");
    }
    const expectedRole = this.role === Role.DIALER ? Role.LISTENER : Role.DIALER;
    if (h.role !== expectedRole) return this.refuse(RefusalReason.MALFORMED, "hello with the wrong role");
    if (h.replicaId === this.me.id) return this.refuse(RefusalReason.SAME_REPLICA_ID, "peer has our replica id");
    const v = negotiateVersion(SUPPORTED_PROTOCOL_VERSIONS, h.protocolVersions);
    if (v === undefined) return this.refuse(RefusalReason.VERSION_MISMATCH, `no common protocol version in [${h.protocolVersions.join(",")}]`);
    this.version = v;
    this.peerNonce = h.nonce;
    this.peer = { id: h.replicaId, region: h.region.slice(0, 64), url: h.advertiseUrl.slice(0, 2048) };
    const mac = computeAuthProof(this.me.secret, {
      role: this.role,
      challenge: h.nonce,
      nonce: this.nonce,
      replicaId: this.me.id,
      peerReplicaId: h.replicaId,
      protocolVersion: v,
    });
    this.send({ authProof: { mac } });
  }

  private onProof(mac: Uint8Array): void {
    if (!this.peer || !this.peerNonce) return this.refuse(RefusalReason.MALFORMED, "proof before hello");
    const ok = verifyAuthProof(
      this.me.secret,
      {
        role: this.role === Role.DIALER ? Role.LISTENER : Role.DIALER,
        challenge: this.nonce,
        nonce: this.peerNonce,
        replicaId: this.peer.id,
        peerReplicaId: this.me.id,
        protocolVersion: this.version,
      },
      mac,
    );
    if (!ok) return this.refuse(RefusalReason.BAD_PROOF, "bad cluster secret proof");
    this.peerVerified = true;
    this.send({ authResult: { ok: true } });
    this.maybeOpen();
  }

  private maybeOpen(): void {
    if (!this.peerVerified || !this.weAccepted || this.authenticated) return;
    this.authenticated = true;
    this.handshakeTimer?.cancel();
    if (!this.events.authenticated(this)) {
      this.authenticated = false;
      this.refuse(RefusalReason.DUPLICATE_SESSION, "already connected to this replica");
    }
  }

  private onClose(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.handshakeTimer?.cancel();
    this.events.closed(this, code, reason);
  }
}
