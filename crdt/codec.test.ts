// The canonical codec (SPEC §3, §8): states round-trip; equal states encode to equal bytes and
// digests whatever order built them; anything that is not a canonical encoding is rejected with
// CrdtError("decode_error") and never any other error; unsafe integers are refused; ydoc digests
// follow content, not update order.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import * as Y from "yjs";
import "../protos/runtime.js";
import { lattice } from "../protos/generated/crdt.js";
import {
  CAUSAL_TYPES,
  CrdtError,
  MAX_NESTING,
  addToCounter,
  addToSet,
  applyYUpdate,
  asReplicaId,
  canonicalJson,
  cloneState,
  decodeState,
  digest,
  emptyState,
  emptyYDoc,
  encodeState,
  join,
  joinYDocs,
  mergeInto,
  mergeYInto,
  setRegister,
  updateMap,
  view,
  yFullUpdate,
  yIdentity,
  yTransact,
  yView,
} from "./index.js";
import type { Causal, CausalState, CausalType, CrdtState, MapStore, ReplicaId, YDocState } from "./index.js";
import {
  OUTSIDER,
  REPLICA_IDS,
  applyOp,
  assertSameState,
  configureProperties,
  crdtErrorCode,
  hex,
  jsonValue,
  opArb,
  randomState,
  statesArb,
  withToString,
} from "./test-support/histories.js";

configureProperties(process.env);

const A = asReplicaId("A");
const ENV = { self: A, live: new Set<ReplicaId>(REPLICA_IDS) };
const toHex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const PB_TYPE: Record<CausalType | "ydoc", number> = {
  gcounter: 1,
  pncounter: 2,
  gset: 3,
  orset: 4,
  lwwregister: 5,
  flag: 6,
  ormap: 7,
  vote: 8,
  ydoc: 9,
};

/**
 * The only acceptable outcomes for arbitrary bytes: CrdtError("decode_error"), or a state whose
 * canonical re-encoding is exactly the input (causal types; ydoc update bytes are not canonical,
 * so a decoded ydoc must just be a usable document).
 */
function decodesCanonicallyOrRejects(bytes: Uint8Array): void {
  let s: CrdtState;
  try {
    s = decodeState(bytes);
  } catch (e) {
    assert.ok(e instanceof CrdtError, `decode threw a non-CrdtError: ${String(e)}`);
    assert.equal(e.code, "decode_error");
    return;
  }
  if (s.type === "ydoc") {
    assert.ok(yIdentity(s) instanceof Uint8Array);
    return;
  }
  assert.equal(toHex(encodeState(s)), toHex(bytes), "accepted bytes that are not canonical");
  view(s, ENV); // and it is usable
}

for (const type of CAUSAL_TYPES) {
  describe(`codec: ${type}`, () => {
    it("decode(encode(x)) re-encodes to the same bytes, views and digests the same, and behaves the same", () => {
      fc.assert(
        fc.property(statesArb(type, 2), opArb(type), (ss, op) => {
          const [x, y] = ss as [CausalState, CausalState];
          const bytes = encodeState(x);
          const back = decodeState(bytes) as CausalState;
          assert.equal(back.type, type);
          assert.equal(toHex(encodeState(back)), toHex(bytes));
          assert.deepEqual(view(back, ENV), view(x, ENV));
          assert.deepEqual(digest(back), digest(x));
          // A decoded state joins and accepts writes like the original.
          assertSameState(join(back, y), join(x, y));
          assertSameState(join(y, back), join(y, x));
          const mine = cloneState(x);
          applyOp(mine, OUTSIDER, op);
          applyOp(back, OUTSIDER, op);
          assertSameState(back, mine, "a write to the decoded state differs");
        }),
      );
    });

    it("equal states reached in different orders encode to equal bytes and digests", () => {
      fc.assert(
        fc.property(statesArb(type, 3), ([a, b, c]) => {
          assert.ok(a && b && c);
          const one = join(join(a, b), c);
          const two = join(c, join(b, a));
          const three = cloneState(b);
          mergeInto(three, c);
          mergeInto(three, a);
          mergeInto(three, b);
          assert.equal(hex(one), hex(two));
          assert.equal(hex(one), hex(three));
          assert.deepEqual(digest(one), digest(two));
          assert.deepEqual(digest(one), digest(three));
        }),
      );
    });

    it("random bytes are rejected with decode_error or are canonical", () => {
      const header = Uint8Array.of(0x08, 0x01, 0x10, PB_TYPE[type]); // format 1, this type
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 48 }), fc.boolean(), (tail, withHeader) => {
          const bytes = withHeader ? Uint8Array.from([...header, ...tail]) : tail;
          decodesCanonicallyOrRejects(bytes);
        }),
      );
    });

    it("truncated and byte-flipped encodings are rejected with decode_error or are canonical", () => {
      fc.assert(
        fc.property(randomState(type), fc.nat(), fc.integer({ min: 1, max: 255 }), fc.nat(), (s, pos, xor, cut) => {
          const bytes = encodeState(s);
          decodesCanonicallyOrRejects(bytes.slice(0, cut % bytes.length));
          const flipped = Uint8Array.from(bytes);
          const at = pos % flipped.length;
          flipped[at] = (flipped[at] as number) ^ xor;
          decodesCanonicallyOrRejects(flipped);
        }),
      );
    });
  });
}

describe("codec: limits and bad input", () => {
  /** An ormap with `depth` nested ormap levels (the top-level map counts), a flag at the bottom. */
  function nestedMap(depth: number): CausalState<"ormap"> {
    const nest = (n: Causal<MapStore>, d: number): Causal<MapStore> | null =>
      d > 1 ? updateMap(n, A, "k", "ormap", (m) => nest(m, d - 1)) : updateMap(n, A, "k", "flag", () => null);
    const s = emptyState("ormap");
    const d = nest(s, depth);
    assert.ok(d);
    mergeInto(s, { type: "ormap", ...d });
    return s;
  }

  it("a deeply nested ormap (depth 40) is rejected with decode_error; MAX_NESTING levels decode", () => {
    assert.equal(crdtErrorCode(() => decodeState(encodeState(nestedMap(40)))), "decode_error");
    assert.equal(crdtErrorCode(() => decodeState(encodeState(nestedMap(MAX_NESTING + 1)))), "decode_error");
    const ok = nestedMap(MAX_NESTING);
    assert.equal(hex(decodeState(encodeState(ok)) as CausalState), hex(ok));
  });

  it("unsafe integers are rejected with unsafe_integer, not rounded", () => {
    const big = 2 ** 53;
    const set = emptyState("orset");
    assert.equal(crdtErrorCode(() => addToSet(set, A, big)), "unsafe_integer");
    assert.equal(crdtErrorCode(() => addToSet(set, A, { nested: [1, -big] })), "unsafe_integer");
    assert.equal(crdtErrorCode(() => addToSet(set, A, 1e21)), "unsafe_integer");
    const reg = emptyState("lwwregister");
    assert.equal(crdtErrorCode(() => setRegister(reg, A, { v: big }, { kind: "default" }, 0)), "unsafe_integer");
    assert.equal(crdtErrorCode(() => setRegister(reg, A, "v", { kind: "custom", value: big }, 0)), "unsafe_integer");
    const map = emptyState("ormap");
    assert.equal(crdtErrorCode(() => updateMap(map, A, big, "flag", () => null)), "unsafe_integer");
    const counter = emptyState("pncounter");
    assert.equal(crdtErrorCode(() => addToCounter(counter, A, big, "pncounter")), "unsafe_integer");
    const d = addToCounter(counter, A, Number.MAX_SAFE_INTEGER, "pncounter");
    assert.ok(d);
    mergeInto(counter, { type: "pncounter", ...d });
    assert.equal(crdtErrorCode(() => addToCounter(counter, A, 1, "pncounter")), "unsafe_integer");
    assert.equal(view(counter, ENV), Number.MAX_SAFE_INTEGER);
    // Non-integers and non-JSON are invalid values.
    assert.equal(crdtErrorCode(() => addToSet(set, A, Number.NaN)), "invalid_value");
    assert.equal(crdtErrorCode(() => addToSet(set, A, undefined)), "invalid_value");
    assert.equal(crdtErrorCode(() => addToCounter(counter, A, 0.5, "pncounter")), "invalid_value");
  });

  it("decoding rejects members and values that are unsafe or not canonical JSON", () => {
    const pb = lattice.crdt;
    const setState = (value: string): Uint8Array =>
      pb.CrdtState.encode({
        format: 1,
        type: pb.CrdtType.ORSET,
        replicas: ["A"],
        context: { vector: [{ replica: 0, counter: 1 }] },
        store: { set: { members: [{ value, dots: [{ replica: 0, counter: 1 }] }] } },
      }).finish();
    assert.equal(hex(decodeState(setState('"ok"')) as CausalState), toHex(setState('"ok"')), "the template is valid");
    for (const bad of ["9007199254740993", "1e400", '{"b":1,"a":2}', "[1, 2]", "1.0", "-0", '"\\u0041"', "", "nope"]) {
      assert.equal(crdtErrorCode(() => decodeState(setState(bad))), "decode_error", bad);
    }
    // A stored dot the context has not seen, and a malformed replica id.
    const orphan = pb.CrdtState.encode({
      format: 1,
      type: pb.CrdtType.ORSET,
      replicas: ["A"],
      context: { vector: [{ replica: 0, counter: 1 }] },
      store: { set: { members: [{ value: '"x"', dots: [{ replica: 0, counter: 2 }] }] } },
    }).finish();
    assert.equal(crdtErrorCode(() => decodeState(orphan)), "decode_error");
    // A gcounter never decrements: an entry with n > 0 is rejected.
    const gcounter = (n: number): Uint8Array =>
      pb.CrdtState.encode({
        format: 1,
        type: pb.CrdtType.GCOUNTER,
        replicas: ["A"],
        context: { vector: [{ replica: 0, counter: 1 }] },
        store: { counter: { entries: [{ dot: { replica: 0, counter: 1 }, p: 3, n }] } },
      }).finish();
    assert.equal(view(decodeState(gcounter(0)) as CausalState, ENV), 3, "the template is valid");
    assert.equal(crdtErrorCode(() => decodeState(gcounter(1))), "decode_error");
    const badId = pb.CrdtState.encode({ format: 1, type: pb.CrdtType.FLAG, replicas: ["no:colons"], context: {}, store: { flag: {} } }).finish();
    assert.equal(crdtErrorCode(() => decodeState(badId)), "decode_error");
    assert.equal(crdtErrorCode(() => decodeState(pb.CrdtState.encode({ format: 2, type: pb.CrdtType.FLAG }).finish())), "decode_error");
  });

  it("random JSON members and keys round-trip through the codec", () => {
    fc.assert(
      fc.property(fc.array(jsonValue(), { maxLength: 4 }), (values) => {
        const s = emptyState("orset");
        const m = emptyState("ormap");
        for (const v of values) {
          const d = addToSet(s, A, v);
          if (d) mergeInto(s, { type: "orset", ...d });
          const dm = updateMap(m, A, v, "pncounter", (n) => addToCounter(n, A, 1, "pncounter"));
          if (dm) mergeInto(m, { type: "ormap", ...dm });
        }
        for (const st of [s, m] as CausalState[]) {
          const back = decodeState(encodeState(st)) as CausalState;
          assert.equal(hex(back), hex(st));
          assert.deepEqual(view(back, ENV), view(st, ENV));
        }
        assert.equal((s.store as Map<string, unknown>).size, new Set(values.map((v) => canonicalJson(v))).size);
      }),
    );
  });
});

describe("codec: ydoc", () => {
  const SHAPE = { t: "text", m: "map" } as const;

  type YOp = { client: number } & (
    | { kind: "insert"; pos: number; text: string }
    | { kind: "delete"; pos: number; len: number }
    | { kind: "set"; key: string; value: number }
    // A nested text under a map key: overwriting it deletes the text, and its content is then
    // garbage-collected into GC structs, which reach other documents already deleted.
    | { kind: "nest"; key: string; text: string }
    | { kind: "append"; key: string; text: string }
  );
  type YStep = { kind: "op"; op: YOp } | { kind: "sync"; from: number; to: number } | { kind: "update"; pick: number; to: number };
  const yStep: fc.Arbitrary<YStep> = fc.oneof(
    {
      arbitrary: fc
        .record({
          client: fc.nat({ max: 2 }),
          op: fc.oneof(
            fc.record({ kind: fc.constant("insert" as const), pos: fc.nat(), text: fc.string({ minLength: 1, maxLength: 3 }) }),
            fc.record({ kind: fc.constant("delete" as const), pos: fc.nat(), len: fc.integer({ min: 1, max: 3 }) }),
            fc.record({ kind: fc.constant("set" as const), key: fc.constantFrom("x", "y"), value: fc.integer({ min: 0, max: 9 }) }),
            fc.record({ kind: fc.constant("nest" as const), key: fc.constantFrom("x", "y"), text: fc.string({ minLength: 1, maxLength: 3 }) }),
            fc.record({ kind: fc.constant("append" as const), key: fc.constantFrom("x", "y"), text: fc.string({ minLength: 1, maxLength: 3 }) }),
          ),
        })
        .map(({ client, op }): YStep => ({ kind: "op", op: { client, ...op } })),
      weight: 4,
    },
    { arbitrary: fc.record({ from: fc.nat({ max: 2 }), to: fc.nat({ max: 2 }) }).map((s): YStep => ({ kind: "sync", ...s })), weight: 1 },
    { arbitrary: fc.record({ pick: fc.nat(), to: fc.nat({ max: 2 }) }).map((s): YStep => ({ kind: "update", ...s })), weight: 1 },
  );

  function runY(steps: YStep[], afterStep?: (docs: YDocState[]) => void): { docs: YDocState[]; updates: Uint8Array[] } {
    const docs = [emptyYDoc(101), emptyYDoc(202), emptyYDoc(303)];
    const updates: Uint8Array[] = [];
    for (const step of steps) {
      if (step.kind === "sync") mergeYInto(docs[step.to] as YDocState, docs[step.from] as YDocState);
      else if (step.kind === "update") {
        const u = updates[step.pick % Math.max(1, updates.length)];
        if (u) applyYUpdate(docs[step.to] as YDocState, u);
      } else {
        const op = step.op;
        const u = yTransact(docs[op.client] as YDocState, (doc) => {
          const t = doc.getText("t");
          if (op.kind === "insert") t.insert(op.pos % (t.length + 1), op.text);
          else if (op.kind === "delete") {
            if (t.length > 0) t.delete(op.pos % t.length, Math.min(op.len, t.length - (op.pos % t.length)));
          } else if (op.kind === "nest") doc.getMap("m").set(op.key, new Y.Text(op.text));
          else if (op.kind === "append") {
            const nested = doc.getMap("m").get(op.key);
            if (nested instanceof Y.Text) nested.insert(nested.length, op.text);
          }
          else doc.getMap("m").set(op.key, op.value);
        });
        if (u) updates.push(u);
      }
      afterStep?.(docs);
    }
    return { docs, updates };
  }

  it("the same content reached by different update orders has equal digests and views", () => {
    fc.assert(
      fc.property(
        fc.array(yStep, { maxLength: 14 }).chain((steps) => {
          const run = runY(steps);
          const idx = run.updates.map((_, i) => i);
          return fc
            .tuple(fc.shuffledSubarray(idx, { minLength: idx.length, maxLength: idx.length }), fc.array(fc.nat(), { maxLength: 3 }))
            .map(([order, dups]) => withToString({ ...run, order, dups }, () => `ydoc steps ${JSON.stringify(steps)}; order ${order.join(",")}; dups ${dups.join(",")}`));
        }),
        ({ docs, updates, order, dups }) => {
          const all = joinYDocs(joinYDocs(docs[0] as YDocState, docs[1] as YDocState, 9), docs[2] as YDocState, 9);
          const replayed = emptyYDoc(8);
          for (const k of [...order, ...dups.map((d) => d % Math.max(1, updates.length))]) {
            const u = updates[k];
            if (u) applyYUpdate(replayed, u);
          }
          const merged = emptyYDoc(7);
          if (updates.length > 0) applyYUpdate(merged, Y.mergeUpdates([...updates].reverse()));
          for (const other of [replayed, merged]) {
            assert.deepEqual(yView(other, SHAPE), yView(all, SHAPE));
            assert.equal(toHex(yIdentity(other)), toHex(yIdentity(all)));
            assert.deepEqual(digest(other), digest(all));
          }
          // Round trip through the codec keeps content and identity.
          const back = decodeState(encodeState(all)) as YDocState;
          assert.equal(back.type, "ydoc");
          assert.deepEqual(yView(back, SHAPE), yView(all, SHAPE));
          assert.deepEqual(digest(back), digest(all));
        },
      ),
    );
  });

  it("the identity taken after every change equals the identity of a fresh copy (its cache is never stale)", () => {
    fc.assert(
      fc.property(fc.array(yStep, { maxLength: 24 }), (steps) => {
        // Taking the identity after every step fills the per-document cache, so every later
        // deletion, and every struct that arrives deleted (GC'd content synced from another
        // document), must invalidate it.
        const { docs } = runY(steps, (ds) => ds.forEach((d) => yIdentity(d)));
        for (const d of docs) {
          const fresh = emptyYDoc(99);
          applyYUpdate(fresh, yFullUpdate(d));
          assert.equal(toHex(yIdentity(d)), toHex(yIdentity(fresh)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("structs that arrive garbage-collected with no deletion in their transaction still change the identity", () => {
    // A's nested text gets a second character, then is overwritten (its content GC'd). C saw only
    // the first version and then the overwrite (which waits for the missing clock): the sync
    // that fills the gap brings GC structs and deletes nothing itself, yet the delete set grows.
    const a = emptyYDoc(1);
    const c = emptyYDoc(3);
    yTransact(a, (doc) => doc.getMap("m").set("x", new Y.Text("a")));
    mergeYInto(c, a);
    yTransact(a, (doc) => (doc.getMap("m").get("x") as Y.Text).insert(1, "b"));
    const overwrite = yTransact(a, (doc) => doc.getMap("m").set("x", 1));
    assert.ok(overwrite);
    applyYUpdate(c, overwrite);
    const before = toHex(yIdentity(c));
    let deletedInSync = -1;
    c.doc.on("afterTransactionCleanup", (tr: Y.Transaction) => (deletedInSync = tr.deleteSet.clients.size));
    mergeYInto(c, a);
    assert.equal(deletedInSync, 0, "the scenario: the sync's transaction deletes nothing");
    assert.notEqual(toHex(yIdentity(c)), before);
    assert.equal(toHex(yIdentity(c)), toHex(yIdentity(a)));
  });

  it("a doc that differs only by a deletion has a different digest", () => {
    const a = emptyYDoc(1);
    yTransact(a, (doc) => doc.getText("t").insert(0, "hello"));
    const b = emptyYDoc(2);
    mergeYInto(b, a);
    assert.deepEqual(digest(b), digest(a));
    const del = yTransact(b, (doc) => doc.getText("t").delete(1, 1));
    assert.ok(del);
    assert.deepEqual(Y.encodeStateVector(b.doc), Y.encodeStateVector(a.doc), "a deletion does not move the state vector");
    assert.notDeepEqual(digest(b), digest(a));
    applyYUpdate(a, del);
    assert.deepEqual(digest(b), digest(a));

    // Same state vector, same clients in the delete set, different deleted ranges.
    const base = emptyYDoc(3);
    yTransact(base, (doc) => doc.getText("t").insert(0, "abcdef"));
    const x = emptyYDoc(4);
    const y = emptyYDoc(5);
    mergeYInto(x, base);
    mergeYInto(y, base);
    yTransact(x, (doc) => doc.getText("t").delete(1, 1));
    yTransact(y, (doc) => doc.getText("t").delete(2, 2));
    assert.notDeepEqual(digest(x), digest(y));
    assert.equal(yTransact(a, () => undefined), null, "a transaction that changes nothing has no update");
  });

  it("malformed ydoc bytes are rejected with decode_error", () => {
    const pb = lattice.crdt;
    const withUpdate = (ydoc: Uint8Array): Uint8Array => pb.CrdtState.encode({ format: 1, type: pb.CrdtType.YDOC, ydoc }).finish();
    for (const bad of [[], [1, 2, 3], [0], [1, 0, 0, 0], [255, 255, 255, 255, 15]]) {
      assert.equal(crdtErrorCode(() => decodeState(withUpdate(Uint8Array.from(bad)))), "decode_error", `ydoc bytes ${bad.join(",")}`);
    }
    // A ydoc carrying causal-state fields is not canonical.
    const mixed = pb.CrdtState.encode({ format: 1, type: pb.CrdtType.YDOC, replicas: ["A"], ydoc: Uint8Array.of(0, 0) }).finish();
    assert.equal(crdtErrorCode(() => decodeState(mixed)), "decode_error");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (payload) => decodesCanonicallyOrRejects(withUpdate(payload))),
    );
  });
});
