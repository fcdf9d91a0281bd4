/**
 * The acceptance suite every {@link Transport} implementation must pass, so that the in-memory
 * network used by simulations keeps the same {@link Connection} contract as the WebSocket
 * transport used in production. An implementation's test file is a fixture plus one call:
 *
 * ```ts
 * runTransportAcceptanceTests("memory", async () => {
 *   const errors: unknown[] = [];
 *   const net = createMemoryNetwork(realEnv(), { onError: (e) => errors.push(e) });
 *   const a = net.transport("mem://a");
 *   const b = net.transport("mem://b");
 *   return { a, b, urlB: "mem://b", nowhere: "mem://nowhere", errors,
 *            teardown: async () => { await a.close(); await b.close(); } };
 * });
 * ```
 *
 * The suite runs in real time (it waits with real timers), so a memory network under test here
 * needs a real-time env; fault injection and virtual time are tested beside the implementation.
 *
 * @module
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe as nodeDescribe, it as nodeIt } from "node:test";
import { CloseCode, ObservedCloseCode } from "../../protos/close-codes.js";
import type { Connection, ConnectionHandlers, Transport } from "./transport.js";

export interface TransportFixture {
  /** The transport that dials. */
  readonly a: Transport;
  /** The transport `a` dials; the suite installs its inbound handler. */
  readonly b: Transport;
  /** The URL at which `a` reaches `b` (a base URL, as in LATTICE_PEERS). */
  readonly urlB: string;
  /** A URL where nothing listens: dialing it must fail with 1006. */
  readonly nowhere: string;
  /** Errors both transports reported through their `onError` option, in order. */
  readonly errors: readonly unknown[];
  /** Closes both transports and whatever else the fixture opened. */
  readonly teardown: () => Promise<void>;
}

/** How long any single expected event may take before a test fails (real milliseconds). */
const EVENT_TIMEOUT_MS = 5000;
/** How long to watch for events that must not happen (a second close, say). */
const QUIET_MS = 50;

type ProbeEvent =
  | { readonly kind: "open" }
  | { readonly kind: "message"; readonly frame: Uint8Array }
  | { readonly kind: "close"; readonly code: number; readonly reason: string };

/** Connection handlers that record what they see, with a way to wait for what is expected. */
export class Probe implements ConnectionHandlers {
  readonly events: ProbeEvent[] = [];
  private readonly waiters = new Set<() => void>();

  open(): void {
    this.record({ kind: "open" });
  }

  message(frame: Uint8Array): void {
    this.record({ kind: "message", frame });
  }

  close(code: number, reason: string): void {
    this.record({ kind: "close", code, reason });
  }

  get frames(): Uint8Array[] {
    return this.events.flatMap((e) => (e.kind === "message" ? [e.frame] : []));
  }

  get closes(): Array<{ code: number; reason: string }> {
    return this.events.flatMap((e) => (e.kind === "close" ? [{ code: e.code, reason: e.reason }] : []));
  }

  get opened(): boolean {
    return this.events.some((e) => e.kind === "open");
  }

  /** Resolves once `predicate` holds (checked after every event); rejects after `ms`. */
  until(predicate: () => boolean, what: string, ms = EVENT_TIMEOUT_MS): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!predicate()) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out after ${ms} ms waiting for ${what}; saw ${this.describe()}`));
      }, ms);
      this.waiters.add(check);
    });
  }

  untilOpen(): Promise<void> {
    return this.until(() => this.opened, "open");
  }

  untilClosed(): Promise<{ code: number; reason: string }> {
    return this.until(() => this.closes.length > 0, "close").then(() => this.closes[0] as { code: number; reason: string });
  }

  untilFrames(n: number): Promise<Uint8Array[]> {
    return this.until(() => this.frames.length >= n, `${n} frames`).then(() => this.frames);
  }

  describe(): string {
    return JSON.stringify(
      this.events.map((e) => (e.kind === "message" ? `message(${e.frame.byteLength} bytes)` : e.kind === "close" ? `close(${e.code}, ${e.reason})` : "open")),
    );
  }

  private record(event: ProbeEvent): void {
    this.events.push(event);
    for (const waiter of [...this.waiters]) waiter();
  }
}

/** Waits `ms` real milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves once `predicate` holds, polling every few milliseconds; rejects after `ms`. */
export function eventually(predicate: () => boolean, what: string, ms = EVENT_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = (): void => {
      if (predicate()) resolve();
      else if (Date.now() - started > ms) reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      else setTimeout(poll, 5);
    };
    poll();
  });
}

/** Collects the connections a transport accepts, in order. */
export class InboundQueue {
  readonly accepted: Connection[] = [];
  private readonly probe = new Probe();

  constructor(transport: Transport, private readonly onAccept?: (conn: Connection) => void) {
    transport.onInbound((conn) => {
      this.accepted.push(conn);
      this.onAccept?.(conn);
      // Reuses the probe's waiting machinery: one "open" per accepted connection.
      this.probe.open();
    });
  }

  /** The `n`th accepted connection (0-based), once it has arrived. */
  async nth(n: number): Promise<Connection> {
    await this.probe.until(() => this.accepted.length > n, `inbound connection #${n}`);
    return this.accepted[n] as Connection;
  }
}

interface Pair {
  readonly dialer: Connection;
  readonly listener: Connection;
  readonly dp: Probe;
  readonly lp: Probe;
}

/** Dials b from a, starts both ends with probes and waits until both are open. */
async function connectPair(fx: TransportFixture, handlers?: { listener?: ConnectionHandlers }): Promise<Pair> {
  const inbound = new InboundQueue(fx.b);
  const dp = new Probe();
  const dialer = fx.a.dial(fx.urlB);
  dialer.start(dp);
  const listener = await inbound.nth(0);
  const lp = new Probe();
  listener.start(handlers?.listener ?? lp);
  await dp.untilOpen();
  if (handlers?.listener === undefined) await lp.untilOpen();
  return { dialer, listener, dp, lp };
}

/** A frame whose first four bytes carry `i`, so that order can be checked. */
function numbered(i: number, size = 16): Uint8Array {
  const frame = new Uint8Array(size);
  new DataView(frame.buffer).setUint32(0, i);
  frame.fill(i & 0xff, 4);
  return frame;
}

function numberOf(frame: Uint8Array): number {
  return new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0);
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).byteLength;
}

// node:test's describe()/it() return promises that its runner awaits itself; these wrappers
// discard them in one place instead of marking every call site.
function describe(name: string, fn: () => void): void {
  void nodeDescribe(name, fn);
}

/** Registers the acceptance tests for one implementation under `describe(name)`. */
export function runTransportAcceptanceTests(name: string, setup: () => Promise<TransportFixture>): void {
  /** Runs `fn` on a fresh fixture and always tears it down. */
  const test = (title: string, fn: (fx: TransportFixture) => Promise<void>): void => {
    void nodeIt(title, { timeout: 30_000 }, async () => {
      const fx = await setup();
      try {
        await fn(fx);
      } finally {
        await fx.teardown();
      }
    });
  };

  describe(`${name}: Transport acceptance`, () => {
    describe("opening", () => {
      test("a dial opens a connection on both sides, with roles and remotes", async (fx) => {
        const { dialer, listener, dp, lp } = await connectPair(fx);
        assert.equal(dialer.role, "dialer");
        assert.equal(dialer.remote, fx.urlB);
        assert.equal(listener.role, "listener");
        assert.equal(typeof listener.remote, "string");
        assert.notEqual(listener.remote, "");
        assert.deepEqual(dp.events, [{ kind: "open" }]);
        assert.deepEqual(lp.events, [{ kind: "open" }]);
        assert.equal(dialer.bufferedAmount(), 0);
        assert.equal(listener.bufferedAmount(), 0);
      });

      test("send before the connection is open returns false", async (fx) => {
        const inbound = new InboundQueue(fx.b);
        const conn = fx.a.dial(fx.urlB);
        assert.equal(conn.send(new Uint8Array([1])), false);
        const probe = new Probe();
        conn.start(probe);
        await probe.untilOpen();
        (await inbound.nth(0)).start(new Probe());
        assert.equal(conn.send(new Uint8Array([1])), true);
      });

      test("a dial to nowhere closes with 1006 exactly once and never opens", async (fx) => {
        const probe = new Probe();
        const conn = fx.a.dial(fx.nowhere);
        conn.start(probe);
        const closed = await probe.untilClosed();
        assert.equal(closed.code, ObservedCloseCode.abnormal);
        assert.equal(typeof closed.reason, "string");
        assert.equal(conn.send(new Uint8Array([1])), false);
        await sleep(QUIET_MS);
        assert.equal(probe.events.length, 1, probe.describe());
      });

      test("a dial closed before it opens reports that close exactly once", async (fx) => {
        new InboundQueue(fx.b, (conn) => conn.start(new Probe()));
        const probe = new Probe();
        const conn = fx.a.dial(fx.urlB);
        conn.start(probe);
        conn.close(CloseCode.normal, "never mind");
        assert.deepEqual(await probe.untilClosed(), { code: CloseCode.normal, reason: "never mind" });
        await sleep(QUIET_MS);
        assert.deepEqual(probe.events, [{ kind: "close", code: CloseCode.normal, reason: "never mind" }]);
      });

      test("without an inbound handler, a connection is refused with 1001", async (fx) => {
        const probe = new Probe();
        fx.a.dial(fx.urlB).start(probe);
        const closed = await probe.untilClosed();
        assert.equal(closed.code, CloseCode.goingAway);
      });
    });

    describe("frames", () => {
      test("frames flow both ways, in order", async (fx) => {
        const { dialer, listener, dp, lp } = await connectPair(fx);
        const n = 200;
        for (let i = 0; i < n; i++) {
          assert.equal(dialer.send(numbered(i)), true);
          assert.equal(listener.send(numbered(1000 + i)), true);
        }
        const atListener = await lp.untilFrames(n);
        const atDialer = await dp.untilFrames(n);
        assert.deepEqual(atListener.map(numberOf), Array.from({ length: n }, (_, i) => i));
        assert.deepEqual(atDialer.map(numberOf), Array.from({ length: n }, (_, i) => 1000 + i));
      });

      test("binary content is preserved exactly: random, empty, 1 MiB, and views into larger buffers", async (fx) => {
        const { dialer, listener, dp, lp } = await connectPair(fx);
        const backing = new Uint8Array(randomBytes(64));
        const frames = [
          new Uint8Array(randomBytes(1000)),
          new Uint8Array(0),
          new Uint8Array(randomBytes(1024 * 1024)),
          backing.subarray(10, 20),
        ];
        for (const frame of frames) {
          assert.equal(dialer.send(frame), true);
          assert.equal(listener.send(frame), true);
        }
        // Plain Uint8Arrays (deepEqual compares prototypes, so a Buffer would fail here too).
        const expected = frames.map((f) => new Uint8Array(f));
        assert.deepEqual(await lp.untilFrames(frames.length), expected);
        assert.deepEqual(await dp.untilFrames(frames.length), expected);
      });

      test("the sender may reuse its buffer as soon as send returns", async (fx) => {
        const { dialer, listener, dp, lp } = await connectPair(fx);
        // Enough bytes that a socket cannot take them all at once and has to queue some.
        const size = 1024 * 1024;
        const count = 8;
        for (const conn of [dialer, listener]) {
          const buf = new Uint8Array(size);
          for (let k = 0; k < count; k++) {
            buf.fill(k + 1);
            assert.equal(conn.send(buf), true);
          }
          buf.fill(0);
        }
        for (const probe of [lp, dp]) {
          const frames = await probe.untilFrames(count);
          frames.forEach((frame, k) => assert.deepEqual(frame, new Uint8Array(size).fill(k + 1), `frame ${k}`));
        }
      });
    });

    describe("closing", () => {
      test("a close reaches the other side with its code and reason; each side hears it once", async (fx) => {
        const { dialer, dp, lp } = await connectPair(fx);
        dialer.close(CloseCode.normal, "done");
        assert.deepEqual(await lp.untilClosed(), { code: CloseCode.normal, reason: "done" });
        assert.deepEqual(await dp.untilClosed(), { code: CloseCode.normal, reason: "done" });
        await sleep(QUIET_MS);
        assert.equal(lp.closes.length, 1);
        assert.equal(dp.closes.length, 1);
        assert.equal(lp.events.at(-1)?.kind, "close");
        assert.equal(dp.events.at(-1)?.kind, "close");
      });

      test("the listener can close too", async (fx) => {
        const { listener, dp, lp } = await connectPair(fx);
        listener.close(CloseCode.duplicateSession, "duplicate session");
        assert.deepEqual(await dp.untilClosed(), { code: CloseCode.duplicateSession, reason: "duplicate session" });
        assert.deepEqual(await lp.untilClosed(), { code: CloseCode.duplicateSession, reason: "duplicate session" });
      });

      test("both sides closing at once still hear exactly one close each", async (fx) => {
        const { dialer, listener, dp, lp } = await connectPair(fx);
        dialer.close(CloseCode.normal, "a");
        listener.close(CloseCode.normal, "b");
        await dp.untilClosed();
        await lp.untilClosed();
        await sleep(QUIET_MS);
        assert.equal(dp.closes.length, 1);
        assert.equal(lp.closes.length, 1);
      });

      test("a reason longer than 123 bytes is cut at a character boundary", async (fx) => {
        const { dialer, dp, lp } = await connectPair(fx);
        dialer.close(CloseCode.normal, "é".repeat(100)); // 200 bytes of UTF-8
        for (const probe of [lp, dp]) {
          const { reason } = await probe.untilClosed();
          assert.ok(utf8Length(reason) <= 123, `${utf8Length(reason)} bytes`);
          assert.equal(reason, "é".repeat(61));
        }
      });

      test("send after close returns false", async (fx) => {
        const { dialer, listener, lp } = await connectPair(fx);
        dialer.close(CloseCode.normal, "bye");
        assert.equal(dialer.send(new Uint8Array([1])), false);
        await lp.untilClosed();
        assert.equal(listener.send(new Uint8Array([1])), false);
        assert.equal(dialer.send(new Uint8Array([1])), false);
      });

      test("close codes that cannot be sent are refused with a RangeError", async (fx) => {
        const { dialer, lp } = await connectPair(fx);
        for (const code of [ObservedCloseCode.abnormal, ObservedCloseCode.noStatus, 999, 1015, 2000, 5000, 4000.5]) {
          assert.throws(() => dialer.close(code, "no"), RangeError, `code ${code}`);
        }
        assert.equal(dialer.send(numbered(1)), true);
        assert.deepEqual((await lp.untilFrames(1)).map(numberOf), [1]);
      });

      test("terminate drops the connection: 1006 on both sides", async (fx) => {
        const { dialer, dp, lp } = await connectPair(fx);
        dialer.terminate();
        assert.equal((await lp.untilClosed()).code, ObservedCloseCode.abnormal);
        assert.equal((await dp.untilClosed()).code, ObservedCloseCode.abnormal);
        assert.equal(dialer.send(new Uint8Array([1])), false);
      });

      test("close() of the dialing transport closes its connections with 1001 before it resolves", async (fx) => {
        const { dp, lp } = await connectPair(fx);
        await fx.a.close();
        assert.equal(dp.closes.length, 1, dp.describe());
        assert.equal(dp.closes[0]?.code, CloseCode.goingAway);
        assert.equal((await lp.untilClosed()).code, CloseCode.goingAway);
        await fx.a.close(); // idempotent

        const late = new Probe();
        fx.a.dial(fx.urlB).start(late);
        await late.untilClosed();
        assert.equal(late.opened, false);
      });

      test("close() of the accepting transport closes accepted connections with 1001", async (fx) => {
        const { dp, lp } = await connectPair(fx);
        await fx.b.close();
        assert.equal(lp.closes[0]?.code, CloseCode.goingAway);
        assert.equal((await dp.untilClosed()).code, CloseCode.goingAway);
      });
    });

    describe("buffering before start", () => {
      test("a listener started late gets open, frames and close in order", async (fx) => {
        const inbound = new InboundQueue(fx.b);
        const dp = new Probe();
        const dialer = fx.a.dial(fx.urlB);
        dialer.start(dp);
        await dp.untilOpen();
        for (let i = 0; i < 3; i++) dialer.send(numbered(i));
        dialer.close(CloseCode.normal, "bye");
        const listener = await inbound.nth(0);
        await sleep(100);
        const lp = new Probe();
        listener.start(lp);
        // Never inside start(): the caller finishes setting up before any handler runs.
        assert.equal(lp.events.length, 0);
        await lp.untilClosed();
        assert.deepEqual(
          lp.events.map((e) => (e.kind === "message" ? numberOf(e.frame) : e.kind)),
          ["open", 0, 1, 2, "close"],
        );
        assert.deepEqual(lp.closes, [{ code: CloseCode.normal, reason: "bye" }]);
      });

      test("a dialer started late gets open, then the frames sent to it", async (fx) => {
        const inbound = new InboundQueue(fx.b);
        const dialer = fx.a.dial(fx.urlB);
        const listener = await inbound.nth(0);
        const lp = new Probe();
        listener.start(lp);
        await lp.untilOpen();
        listener.send(numbered(1));
        listener.send(numbered(2));
        await sleep(100);
        const dp = new Probe();
        dialer.start(dp);
        assert.equal(dp.events.length, 0);
        await dp.untilFrames(2);
        assert.deepEqual(
          dp.events.map((e) => (e.kind === "message" ? numberOf(e.frame) : e.kind)),
          ["open", 1, 2],
        );
      });

      test("start twice is an error", async (fx) => {
        const { dialer } = await connectPair(fx);
        assert.throws(() => dialer.start(new Probe()));
      });
    });

    describe("handlers that throw", () => {
      test("a message handler that throws closes the connection with 4500; the error is reported", async (fx) => {
        const boom = new Error("message handler bug");
        const lp = new Probe();
        let calls = 0;
        const { dialer, dp } = await connectPair(fx, {
          listener: {
            open: () => lp.open(),
            message: (frame) => {
              calls++;
              lp.message(frame);
              throw boom;
            },
            close: (code, reason) => lp.close(code, reason),
          },
        });
        dialer.send(numbered(1));
        dialer.send(numbered(2));
        assert.equal((await dp.untilClosed()).code, CloseCode.internal);
        assert.equal((await lp.untilClosed()).code, CloseCode.internal);
        assert.equal(calls, 1, "no frame is delivered after the failure");
        assert.ok(fx.errors.includes(boom));
      });

      test("an open handler that throws closes the connection with 4500", async (fx) => {
        const boom = new Error("open handler bug");
        new InboundQueue(fx.b, (conn) => conn.start(new Probe()));
        const dp = new Probe();
        const conn = fx.a.dial(fx.urlB);
        conn.start({
          open: () => {
            dp.open();
            throw boom;
          },
          message: (f) => dp.message(f),
          close: (c, r) => dp.close(c, r),
        });
        assert.equal((await dp.untilClosed()).code, CloseCode.internal);
        assert.ok(fx.errors.includes(boom));
      });

      test("a close handler that throws is reported and nothing else happens", async (fx) => {
        const boom = new Error("close handler bug");
        const { dialer, lp } = await connectPair(fx);
        let closes = 0;
        const other = fx.a.dial(fx.nowhere);
        other.start({
          open: () => {},
          message: () => {},
          close: () => {
            closes++;
            throw boom;
          },
        });
        await eventually(() => fx.errors.includes(boom), "the close handler's error to be reported");
        await sleep(QUIET_MS);
        assert.equal(closes, 1);
        // The unrelated connection is unharmed.
        assert.equal(dialer.send(numbered(5)), true);
        assert.deepEqual((await lp.untilFrames(1)).map(numberOf), [5]);
      });

      test("an inbound handler that throws closes that connection with 4500", async (fx) => {
        const boom = new Error("inbound handler bug");
        fx.b.onInbound(() => {
          throw boom;
        });
        const dp = new Probe();
        fx.a.dial(fx.urlB).start(dp);
        assert.equal((await dp.untilClosed()).code, CloseCode.internal);
        assert.ok(fx.errors.includes(boom));
      });
    });
  });
}
