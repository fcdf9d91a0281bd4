import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  CloseCode,
  DEFAULT_CLIENT_FRAME_BYTES,
  DEFAULT_GOSSIP_FRAME_BYTES,
  ProtoDecodeError,
  client,
  closeCodeName,
  crdt,
  decodeMessage,
  encodeMessage,
  isRetryableClose,
  replica,
} from "./index.js";
import type { DecodableType, EncodableType } from "./index.js";

const GOSSIP = DEFAULT_GOSSIP_FRAME_BYTES;
const CLIENT = DEFAULT_CLIENT_FRAME_BYTES;

const bytes = (...values: number[]) => Uint8Array.from(values);
const nonce = new Uint8Array(32).fill(7);
const digest = new Uint8Array(32).fill(9);

/** A decoded message as a plain value: own enumerable fields, proto3 defaults dropped, bytes copied. */
function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) {
    const view = value as Uint8Array;
    return view.byteLength === 0 ? undefined : Uint8Array.from(view);
  }
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(plain);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const v = plain((value as Record<string, unknown>)[key]);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  if (value === 0 || value === "" || value === false || value === null) return undefined;
  return value;
}

/** Encodes, decodes, and checks the result equals the input and re-encodes to the same bytes. */
function roundTrip<T, P>(type: DecodableType<T> & EncodableType<P>, message: P, maxBytes: number): T {
  const encoded = encodeMessage(type, message);
  const decoded = decodeMessage(type, encoded, maxBytes);
  assert.deepStrictEqual(plain(decoded), plain(message));
  assert.deepStrictEqual(Uint8Array.from(encodeMessage(type, decoded as unknown as P)), Uint8Array.from(encoded));
  return decoded;
}

/** One envelope of every body kind. */
const envelopes: Record<string, replica.Envelope.$Properties> = {
  hello: {
    protocolVersion: 1,
    hello: {
      replicaId: "r-us-east-1",
      region: "us-east",
      advertiseUrl: "ws://10.0.0.1:8080",
      protocolVersions: [1],
      nonce,
      features: ["yjs", "awareness"],
      timeMs: 1_732_000_000_000,
      role: replica.Role.DIALER,
    },
  },
  authProof: { protocolVersion: 1, authProof: { mac: digest } },
  authResult: {
    protocolVersion: 1,
    authResult: { ok: false, reason: replica.RefusalReason.VERSION_MISMATCH, message: "speaks 2", protocolVersions: [1] },
  },
  heartbeat: { protocolVersion: 1, heartbeat: { timeMs: 1_732_000_000_123, seq: 42 } },
  heartbeatReply: { protocolVersion: 1, heartbeatReply: { echoTimeMs: 1_732_000_000_123, seq: 42, timeMs: 1_732_000_000_150 } },
  membership: {
    protocolVersion: 1,
    membership: {
      members: [
        { replicaId: "a", region: "us-east", url: "ws://a:8080", connected: true },
        { replicaId: "b", region: "eu-west", url: "ws://b:8080" },
      ],
    },
  },
  deltaBatch: {
    protocolVersion: 1,
    deltaBatch: {
      batchSeq: 3,
      deltas: [
        {
          service: "cart",
          key: "u1",
          origin: "a",
          seq: 5,
          firstSeq: 3,
          originTimeMs: 1_732_000_000_000,
          delta: bytes(8, 1, 16, 1),
          version: [{ replica: "a", count: 5 }, { replica: "b", count: 2 }],
        },
        { service: "cart", key: "u2", origin: "a", seq: 9, deleted: true },
      ],
    },
  },
  ack: { protocolVersion: 1, ack: { batchSeq: 3 } },
  digestSummary: {
    protocolVersion: 1,
    digestSummary: { round: 1, fanout: 256, depth: 2, root: digest, buckets: new Uint8Array(256 * 32).fill(1) },
  },
  bucketDigests: {
    protocolVersion: 1,
    bucketDigests: { round: 1, buckets: [{ bucket: 0 }, { bucket: 137, leaves: new Uint8Array(256 * 32).fill(2) }] },
  },
  entityDigests: {
    protocolVersion: 1,
    entityDigests: {
      round: 1,
      leaves: [35106, 35107],
      entities: [{ service: "cart", key: "u1", digest, version: [{ replica: "a", count: 5 }], deleted: false }],
    },
  },
  stateRequest: {
    protocolVersion: 1,
    stateRequest: {
      round: 1,
      entities: [{ service: "notes", key: "n1", version: [{ replica: "b", count: 1 }], context: bytes(8, 1), stateVector: bytes(1, 2, 3) }],
    },
  },
  stateReply: {
    protocolVersion: 1,
    stateReply: {
      round: 1,
      entities: [
        { service: "cart", key: "u1", state: bytes(8, 1), version: [{ replica: "a", count: 5 }], partial: true },
        { service: "cart", key: "gone", deleted: true },
      ],
    },
  },
  yjsSync: { protocolVersion: 1, yjsSync: { requestId: 11, service: "notes", key: "n1", stateVector: bytes(0) } },
  yjsDiff: { protocolVersion: 1, yjsDiff: { requestId: 11, service: "notes", key: "n1", update: bytes(0, 0) } },
  awareness: { protocolVersion: 1, awareness: { service: "notes", key: "n1", update: bytes(1, 2), origin: "a" } },
};

const clientFrames: Record<string, client.ClientFrame.$Properties> = {
  call: { id: 1, call: { service: "cart", key: "u1", command: "addItem", inputJson: '{"sku":"a","qty":2}' } },
  subscribe: { id: 2, subscribe: { service: "cart", key: "u1" } },
  stream: { id: 3, stream: { service: "presence", key: "bob", stream: "connect", inputJson: "{}" } },
  cancel: { id: 4, cancel: { sub: 3 } },
};

const serverFrames: Record<string, client.ServerFrame.$Properties> = {
  result: { id: 1, result: { json: '{"items":2}' } },
  error: { id: 1, error: { code: "failed", message: "out of stock", detailJson: '{"sku":"a"}' } },
  state: { id: 2, state: { stateJson: "[1,2]", version: [{ replica: "a", count: 3 }, { replica: "b", count: 1 }] } },
  message: { sub: 3, message: { json: '"hi"' } },
  end: { sub: 3, end: {} },
  ok: { id: 4, ok: {} },
};

function expectDecodeError(fn: () => unknown, code?: "too_large" | "malformed"): ProtoDecodeError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ProtoDecodeError, `expected ProtoDecodeError, got ${String(error)}`);
    if (code !== undefined) assert.equal(error.code, code);
    return error;
  }
  assert.fail("expected a ProtoDecodeError");
}

/** Decodes and swallows only ProtoDecodeError; anything else fails the test. */
function decodeOrReject<T>(type: DecodableType<T>, input: Uint8Array, maxBytes: number): T | ProtoDecodeError {
  try {
    return decodeMessage(type, input, maxBytes);
  } catch (error) {
    if (error instanceof ProtoDecodeError) return error;
    throw error;
  }
}

const hostileTargets: Array<[string, DecodableType<unknown>]> = [
  ["replica.Envelope", replica.Envelope],
  ["client.ClientFrame", client.ClientFrame],
  ["client.ServerFrame", client.ServerFrame],
  ["crdt.CrdtState", crdt.CrdtState],
  ["crdt.Store", crdt.Store],
];

describe("round trips", () => {
  for (const [kind, envelope] of Object.entries(envelopes)) {
    it(`replica.Envelope with ${kind}`, () => {
      const decoded = roundTrip(replica.Envelope, envelope, GOSSIP);
      assert.equal(decoded.body, kind);
      assert.equal(decoded.protocolVersion, 1);
    });
  }

  it("covers every Envelope body", () => {
    const env = new replica.Envelope();
    const oneof = Object.keys(envelopes);
    for (const kind of oneof) assert.ok(kind in env, kind);
    assert.equal(oneof.length, 16);
  });

  for (const [kind, frame] of Object.entries(clientFrames)) {
    it(`client.ClientFrame with ${kind}`, () => {
      assert.equal(roundTrip(client.ClientFrame, frame, CLIENT).op, kind);
    });
  }

  for (const [kind, frame] of Object.entries(serverFrames)) {
    it(`client.ServerFrame with ${kind}`, () => {
      assert.equal(roundTrip(client.ServerFrame, frame, CLIENT).body, kind);
    });
  }

  it("keeps empty bodies (Ok, End) distinguishable from no body", () => {
    assert.equal(decodeMessage(client.ServerFrame, encodeMessage(client.ServerFrame, { id: 4, ok: {} }), CLIENT).body, "ok");
    assert.equal(decodeMessage(client.ServerFrame, encodeMessage(client.ServerFrame, { sub: 3, end: {} }), CLIENT).body, "end");
    assert.equal(decodeMessage(client.ServerFrame, encodeMessage(client.ServerFrame, { id: 4 }), CLIENT).body, undefined);
  });

  it("crdt.CrdtState nested in a Delta", () => {
    const state: crdt.CrdtState.$Properties = {
      format: 1,
      type: crdt.CrdtType.ORSET,
      replicas: ["a", "b"],
      context: { vector: [{ replica: 0, counter: 4 }, { replica: 1, counter: 2 }], cloud: [{ replica: 1, counters: [5, 9] }] },
      store: { set: { members: [{ value: '"x"', dots: [{ replica: 0, counter: 4 }] }] } },
    };
    const inner = encodeMessage(crdt.CrdtState, state);
    const env = roundTrip(replica.Envelope, { protocolVersion: 1, deltaBatch: { batchSeq: 1, deltas: [{ service: "s", key: "k", origin: "a", seq: 1, delta: inner }] } }, GOSSIP);
    const delta = env.deltaBatch?.deltas?.[0]?.delta;
    assert.ok(delta);
    const decoded = roundTrip(crdt.CrdtState, state, GOSSIP);
    assert.deepStrictEqual(plain(decodeMessage(crdt.CrdtState, delta, GOSSIP)), plain(decoded));
  });

  it("decodes 64-bit fields to numbers, including unset ones and repeated ones", () => {
    const max = Number.MAX_SAFE_INTEGER;
    const env = decodeMessage(replica.Envelope, encodeMessage(replica.Envelope, { protocolVersion: 1, heartbeat: { timeMs: max } }), GOSSIP);
    assert.equal(env.heartbeat?.timeMs, max);
    assert.equal(env.heartbeat?.seq, 0);
    const cloud = decodeMessage(crdt.CloudEntry, encodeMessage(crdt.CloudEntry, { replica: 1, counters: [1, max] }), GOSSIP);
    assert.deepStrictEqual([...cloud.counters], [1, max]);
    const entry = decodeMessage(crdt.RegisterEntry, encodeMessage(crdt.RegisterEntry, { clock: -max, value: "1" }), GOSSIP);
    assert.equal(entry.clock, -max);
    assert.equal(decodeMessage(crdt.RegisterEntry, encodeMessage(crdt.RegisterEntry, { clock: 3 }), GOSSIP).clock, 3);
    assert.equal(typeof decodeMessage(crdt.Dot, new Uint8Array(), GOSSIP).counter, "number");
  });

  it("converts Long objects (protobufjs without protos/runtime.ts) and rejects unsafe ones", () => {
    const long = (low: number, high: number, unsigned: boolean) => ({ low, high, unsigned, __isLong__: true });
    const proto = { unset: long(0, 0, true) }; // how protobufjs declares an unset 64-bit default
    const fake = (value: Record<string, unknown>): DecodableType<Record<string, unknown>> => ({
      decode: () => Object.assign(Object.create(proto) as Record<string, unknown>, value),
    });
    const decoded = decodeMessage(
      fake({ a: long(5, 0, true), neg: long(-3, -1, false), max: long(-1, 0x1fffff, true), list: [long(7, 0, true)], nested: { b: long(0, 1, true) } }),
      bytes(),
      10,
    );
    assert.deepStrictEqual({ ...decoded }, { a: 5, neg: -3, max: Number.MAX_SAFE_INTEGER, list: [7], nested: { b: 2 ** 32 }, unset: 0 });
    expectDecodeError(() => decodeMessage(fake({ a: long(0, 0x200000, true) }), bytes(), 10), "malformed");
    expectDecodeError(() => decodeMessage(fake({ a: [long(0, -0x200001, false)] }), bytes(), 10), "malformed");
    expectDecodeError(() => decodeMessage(fake({ a: { b: [2 ** 60] } }), bytes(), 10), "malformed");
    assert.equal(decodeMessage(fake({ a: 0.5 }), bytes(), 10)["a"], 0.5);
  });

  it("rejects 64-bit values outside the safe integer range", () => {
    // Ack.batch_seq = 2^53 (varint written by hand: encode would round the number)
    const tooBig = bytes(0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10);
    assert.equal(decodeMessage(replica.Ack, bytes(0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f), GOSSIP).batchSeq, 2 ** 53 - 1);
    expectDecodeError(() => decodeMessage(replica.Ack, tooBig, GOSSIP), "malformed");
    const negative = encodeMessage(crdt.RegisterEntry, { clock: -(2 ** 60) });
    expectDecodeError(() => decodeMessage(crdt.RegisterEntry, negative, GOSSIP), "malformed");
    const repeated = encodeMessage(crdt.CloudEntry, { counters: [1, 2 ** 60] });
    expectDecodeError(() => decodeMessage(crdt.CloudEntry, repeated, GOSSIP), "malformed");
  });

  it("property: delta batches survive a round trip", () => {
    const safe = fc.maxSafeNat();
    const delta = fc.record(
      {
        service: fc.string({ maxLength: 20 }),
        key: fc.string({ unit: "binary", maxLength: 40 }),
        origin: fc.string({ maxLength: 20 }),
        seq: safe,
        firstSeq: safe,
        originTimeMs: safe,
        delta: fc.uint8Array({ maxLength: 64 }),
        deleted: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(safe, fc.array(delta, { maxLength: 8 }), (batchSeq, deltas) => {
        roundTrip(replica.Envelope, { protocolVersion: 1, deltaBatch: { batchSeq, deltas } }, GOSSIP);
      }),
      { numRuns: 300 },
    );
  });

  it("property: client frames survive a round trip", () => {
    const json = fc.json({ maxDepth: 3 });
    const frame = fc.oneof(
      fc.record({ id: fc.nat({ max: 0xffffffff }), call: fc.record({ service: fc.string(), key: fc.string(), command: fc.string(), inputJson: json }) }),
      fc.record({ id: fc.nat({ max: 0xffffffff }), stream: fc.record({ service: fc.string(), key: fc.string(), stream: fc.string(), inputJson: json }) }),
      fc.record({ id: fc.nat({ max: 0xffffffff }), cancel: fc.record({ sub: fc.nat({ max: 0xffffffff }) }) }),
    );
    fc.assert(
      fc.property(frame, (f) => {
        roundTrip(client.ClientFrame, f, CLIENT);
      }),
      { numRuns: 300 },
    );
  });
});

describe("hostile input", () => {
  for (const [name, type] of hostileTargets) {
    it(`random bytes never throw anything but ProtoDecodeError (${name})`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 512 }), (input) => {
          decodeOrReject(type, input, GOSSIP);
        }),
        { numRuns: 1000 },
      );
    });
  }

  it("random mutations of valid frames never throw anything but ProtoDecodeError", () => {
    const samples = [
      ...Object.values(envelopes).map((m) => [replica.Envelope, encodeMessage(replica.Envelope, m)] as const),
      ...Object.values(clientFrames).map((m) => [client.ClientFrame, encodeMessage(client.ClientFrame, m)] as const),
      ...Object.values(serverFrames).map((m) => [client.ServerFrame, encodeMessage(client.ServerFrame, m)] as const),
    ].filter(([, b]) => b.byteLength < 1024);
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        ([type, valid], edits) => {
          const input = Uint8Array.from(valid);
          for (const [at, value] of edits) input[at % input.length] = value;
          decodeOrReject(type as DecodableType<unknown>, input, GOSSIP);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("every truncation of a valid frame is rejected or decodes safely", () => {
    const all: Array<[DecodableType<unknown>, Uint8Array]> = [
      ...Object.values(envelopes).map((m) => [replica.Envelope, encodeMessage(replica.Envelope, m)] as [DecodableType<unknown>, Uint8Array]),
      ...Object.values(clientFrames).map((m) => [client.ClientFrame, encodeMessage(client.ClientFrame, m)] as [DecodableType<unknown>, Uint8Array]),
      ...Object.values(serverFrames).map((m) => [client.ServerFrame, encodeMessage(client.ServerFrame, m)] as [DecodableType<unknown>, Uint8Array]),
    ];
    let rejected = 0;
    for (const [type, valid] of all) {
      for (let end = 0; end < Math.min(valid.byteLength, 600); end++) {
        if (decodeOrReject(type, valid.subarray(0, end), GOSSIP) instanceof ProtoDecodeError) rejected++;
      }
    }
    assert.ok(rejected > 0);
  });

  it("~100k bytes of nested start-group tags yield ProtoDecodeError, not a crash", () => {
    for (const [, type] of hostileTargets) {
      // field 1, wire type 3 (start group), 100,000 times: skipType recursion
      const err = expectDecodeError(() => decodeMessage(type, new Uint8Array(100_000).fill(0x0b), GOSSIP), "malformed");
      assert.match(err.message, /depth|range|stack/i);
      // an unknown field (99) opening groups, reached inside a known nested message
      const groups = new Uint8Array(100_000);
      for (let i = 0; i < groups.length; i += 2) groups.set([0x9b, 0x06], i);
      expectDecodeError(() => decodeMessage(type, groups, GOSSIP), "malformed");
    }
    // inside Envelope.delta_batch (field 8), groups of an unknown field
    const inner = new Uint8Array(60_000).fill(0x0b);
    const prefix = bytes(0x42, ...varint(inner.length));
    const nested = new Uint8Array(prefix.length + inner.length);
    nested.set(prefix);
    nested.set(inner, prefix.length);
    expectDecodeError(() => decodeMessage(replica.Envelope, nested, GOSSIP), "malformed");
  });

  it("deeply nested length-delimited input decodes within bounded depth", () => {
    // Envelope.delta_batch → DeltaBatch.deltas → Delta, then 3,000 levels of an unknown
    // length-delimited field: the schema is not recursive, so unknown bytes are skipped whole.
    let payload: Uint8Array = new Uint8Array();
    for (let i = 0; i < 3_000; i++) payload = Uint8Array.from([0x4a, ...varint(payload.length), ...payload]);
    const delta = Uint8Array.from([0x12, ...varint(payload.length), ...payload]);
    const env = Uint8Array.from([0x08, 0x01, 0x42, ...varint(delta.length), ...delta]);
    const decoded = decodeOrReject(replica.Envelope, env, GOSSIP);
    assert.ok(!(decoded instanceof ProtoDecodeError));
    assert.equal(decoded.deltaBatch?.deltas?.length, 1);
    // Nesting known message fields (ClientFrame.call inside itself) cannot recurse either.
    let frame: Uint8Array = bytes(0x08, 0x01);
    for (let i = 0; i < 2_000; i++) frame = Uint8Array.from([0x12, ...varint(frame.length), ...frame]);
    decodeOrReject(client.ClientFrame, frame, CLIENT);
  });

  it("rejects oversized input before decoding it", () => {
    let calls = 0;
    const spy: DecodableType<unknown> = {
      decode() {
        calls++;
        return {};
      },
    };
    expectDecodeError(() => decodeMessage(spy, new Uint8Array(CLIENT + 1), CLIENT), "too_large");
    expectDecodeError(() => decodeMessage(spy, new ArrayBuffer(11), 10), "too_large");
    assert.equal(calls, 0);
    decodeMessage(spy, new Uint8Array(CLIENT), CLIENT);
    assert.equal(calls, 1);
    // a real frame one byte over its limit
    const frame = encodeMessage(client.ClientFrame, clientFrames["call"] ?? {});
    expectDecodeError(() => decodeMessage(client.ClientFrame, frame, frame.byteLength - 1), "too_large");
    assert.equal(decodeMessage(client.ClientFrame, frame, frame.byteLength).id, 1);
  });

  it("wraps whatever a decoder throws, even a non-Error", () => {
    const thrower: DecodableType<unknown> = {
      decode() {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the point of the test
        throw "not an Error";
      },
    };
    const err = expectDecodeError(() => decodeMessage(thrower, bytes(1), 10), "malformed");
    assert.equal(err.cause, "not an Error");
    assert.equal(err.name, "ProtoDecodeError");
  });

  it("rejects invalid UTF-8 in string fields", () => {
    // ClientFrame.call.service = 0xff 0xfe
    const frame = bytes(0x08, 0x01, 0x12, 0x04, 0x0a, 0x02, 0xff, 0xfe);
    expectDecodeError(() => decodeMessage(client.ClientFrame, frame, CLIENT), "malformed");
    // long strings take the TextDecoder path
    const long = new Uint8Array(200).fill(0xc3);
    const frame2 = Uint8Array.from([0x12, 0xcb, 0x01, 0x0a, 0xc8, 0x01, ...long]);
    expectDecodeError(() => decodeMessage(client.ClientFrame, frame2, CLIENT), "malformed");
  });

  it("a __proto__ string anywhere causes no prototype pollution", () => {
    const evil = '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';
    const frame = roundTrip(
      client.ClientFrame,
      { id: 1, call: { service: "__proto__", key: "__proto__", command: "constructor", inputJson: evil } },
      CLIENT,
    );
    assert.equal(frame.call?.service, "__proto__");
    assert.equal(Object.getPrototypeOf(frame.call), client.Call.prototype);
    const state = roundTrip(
      client.ServerFrame,
      { sub: 1, state: { stateJson: evil, version: [{ replica: "__proto__", count: 1 }, { replica: "constructor", count: 2 }] } },
      CLIENT,
    );
    assert.equal(state.state?.version?.[0]?.replica, "__proto__");
    const env = roundTrip(
      replica.Envelope,
      { protocolVersion: 1, membership: { members: [{ replicaId: "__proto__", region: "__proto__", url: "constructor" }] } },
      GOSSIP,
    );
    assert.equal(Object.getPrototypeOf(env.membership?.members?.[0]), replica.Member.prototype);
    // encoding a JSON-parsed object with an own "__proto__" key writes nothing from it
    const parsed = JSON.parse('{"id":5,"__proto__":{"call":{"service":"x"}}}') as client.ClientFrame.$Properties;
    const decoded = decodeMessage(client.ClientFrame, encodeMessage(client.ClientFrame, parsed), CLIENT);
    assert.equal(decoded.op, undefined);
    assert.equal(Object.getPrototypeOf(new client.ClientFrame(parsed)), client.ClientFrame.prototype);
    const probe: Record<string, unknown> = {};
    assert.equal(probe["polluted"], undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted"), false);
  });

  it("the last member of a oneof on the wire wins", () => {
    const two = Uint8Array.from([
      ...encodeMessage(replica.Envelope, { protocolVersion: 1, hello: { replicaId: "x" } }),
      ...encodeMessage(replica.Envelope, { ack: { batchSeq: 1 } }),
    ]);
    const env = decodeMessage(replica.Envelope, two, GOSSIP);
    assert.equal(env.body, "ack");
    assert.equal(env.hello, null);
  });

  it("unknown fields and unknown bodies are skipped, not kept", () => {
    // Envelope field 99 (a body from a later minor revision), length-delimited
    const future = bytes(0x08, 0x01, 0x9a, 0x06, 0x02, 0x08, 0x01);
    const env = decodeMessage(replica.Envelope, future, GOSSIP);
    assert.equal(env.protocolVersion, 1);
    assert.equal(env.body, undefined);
    assert.equal(env.$unknowns, undefined);
  });
});

describe("all generated files in one process", () => {
  // Each generated module must live in its own protobufjs root (gen-protos passes --root): with a
  // shared root, the module loaded last replaces the others' namespaces and their nested types
  // stop resolving.
  it("decode nested messages of every package", () => {
    const state = decodeMessage(crdt.CrdtState, encodeMessage(crdt.CrdtState, { context: { vector: [{ replica: 1, counter: 1 }] } }), GOSSIP);
    assert.equal(state.context?.vector?.[0]?.counter, 1);
    assert.equal(decodeMessage(replica.Envelope, encodeMessage(replica.Envelope, envelopes["ack"] ?? {}), GOSSIP).ack?.batchSeq, 3);
    assert.equal(decodeMessage(client.ServerFrame, encodeMessage(client.ServerFrame, serverFrames["ok"] ?? {}), CLIENT).body, "ok");
  });
});

describe("close codes", () => {
  it("are unique and named", () => {
    const codes = Object.values(CloseCode);
    assert.equal(new Set(codes).size, codes.length);
    assert.equal(closeCodeName(4429), "rateLimited");
    assert.equal(closeCodeName(1006), "abnormal");
    assert.equal(closeCodeName(4999), undefined);
    for (const code of codes) assert.ok((code >= 1000 && code <= 1015) || (code >= 4000 && code <= 4999));
  });

  it("say whether to retry", () => {
    assert.equal(isRetryableClose(CloseCode.unauthorized), false);
    assert.equal(isRetryableClose(CloseCode.entityDeleted), false);
    assert.equal(isRetryableClose(CloseCode.goingAway), true);
    assert.equal(isRetryableClose(CloseCode.rateLimited), true);
    assert.equal(isRetryableClose(1006), true);
  });
});

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
