import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  NONCE_BYTES,
  SUPPORTED_PROTOCOL_VERSIONS,
  TREE_LEAVES,
  authProofMessage,
  computeAuthProof,
  encodeDeltaBatchEnvelope,
  entityDigest,
  negotiateVersion,
  placementId,
  refusalCloseCode,
  treeLeaf,
  treePosition,
  verifyAuthProof,
  xorDigest,
} from "./gossip.js";
import type { AuthTranscript } from "./gossip.js";
import { CloseCode, replica } from "./index.js";

const { Role, RefusalReason } = replica;
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

const SECRET = "correct horse battery staple";
const nonceA = new Uint8Array(32).fill(0xaa);
const nonceB = new Uint8Array(32).fill(0xbb);

/** Replica a dialed replica b: a's proof answers b's challenge, and the other way round. */
const dialerProof: AuthTranscript = {
  role: Role.DIALER,
  challenge: nonceB,
  nonce: nonceA,
  replicaId: "replica-a",
  peerReplicaId: "replica-b",
  protocolVersion: 1,
};
const listenerProof: AuthTranscript = {
  role: Role.LISTENER,
  challenge: nonceA,
  nonce: nonceB,
  replicaId: "replica-b",
  peerReplicaId: "replica-a",
  protocolVersion: 1,
};

describe("AuthProof", () => {
  it("matches the test vector in PROTOCOL.md", () => {
    assert.equal(
      hex(authProofMessage(dialerProof)),
      "6c6174746963652d676f737369702d617574682d763100" + "01" +
        "00000020" + "bb".repeat(32) +
        "00000020" + "aa".repeat(32) +
        "00000009" + hex(Buffer.from("replica-a")) +
        "00000009" + hex(Buffer.from("replica-b")) +
        "00000001",
    );
    assert.equal(hex(computeAuthProof(SECRET, dialerProof)), "f158df90a48ceb33113c2b89a2b60d38b6813bc87bc1a9b124b90643cffedf36");
    assert.equal(hex(computeAuthProof(SECRET, listenerProof)), "0e128d4c84ed8b75755b12d9a4c4ffd0306daa54a7dae9e478df954da0aa301a");
  });

  it("verifies with the same secret and transcript only", () => {
    const mac = computeAuthProof(SECRET, dialerProof);
    assert.equal(verifyAuthProof(SECRET, dialerProof, mac), true);
    assert.equal(verifyAuthProof(new TextEncoder().encode(SECRET), dialerProof, mac), true);
    assert.equal(verifyAuthProof("wrong secret", dialerProof, mac), false);
    assert.equal(verifyAuthProof(SECRET, dialerProof, mac.subarray(0, 31)), false);
    assert.equal(verifyAuthProof(SECRET, dialerProof, new Uint8Array(0)), false);
    for (const change of [
      { challenge: new Uint8Array(32) },
      { nonce: new Uint8Array(32) },
      { replicaId: "replica-c" },
      { peerReplicaId: "replica-c" },
      { protocolVersion: 2 },
    ]) {
      assert.equal(verifyAuthProof(SECRET, { ...dialerProof, ...change }, mac), false, JSON.stringify(Object.keys(change)));
    }
  });

  it("cannot be reflected: a proof made in one role never verifies in the other", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: NONCE_BYTES, maxLength: NONCE_BYTES }),
        fc.uint8Array({ minLength: NONCE_BYTES, maxLength: NONCE_BYTES }),
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        (challenge, nonce, replicaId, peerReplicaId) => {
          const asDialer: AuthTranscript = { role: Role.DIALER, challenge, nonce, replicaId, peerReplicaId, protocolVersion: 1 };
          const mac = computeAuthProof(SECRET, asDialer);
          assert.equal(verifyAuthProof(SECRET, { ...asDialer, role: Role.LISTENER }, mac), false);
          // echoing the verifier's own nonce and ids back does not help either
          const mirrored: AuthTranscript = { role: Role.LISTENER, challenge: nonce, nonce: challenge, replicaId: peerReplicaId, peerReplicaId: replicaId, protocolVersion: 1 };
          assert.equal(verifyAuthProof(SECRET, mirrored, mac), false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("length-prefixes fields, so moving bytes between ids changes the MAC", () => {
    const a = computeAuthProof(SECRET, { ...dialerProof, replicaId: "ab", peerReplicaId: "c" });
    const b = computeAuthProof(SECRET, { ...dialerProof, replicaId: "a", peerReplicaId: "bc" });
    assert.notEqual(hex(a), hex(b));
  });

  it("refuses an unspecified role", () => {
    assert.throws(() => authProofMessage({ ...dialerProof, role: Role.ROLE_UNSPECIFIED as unknown as typeof Role.DIALER }), RangeError);
  });
});

describe("version negotiation", () => {
  it("picks the highest common version", () => {
    assert.equal(negotiateVersion([1], [1]), 1);
    assert.equal(negotiateVersion([1, 2, 3], [2, 3, 4]), 3);
    assert.equal(negotiateVersion([1], [2]), undefined);
    assert.equal(negotiateVersion([1], []), undefined);
    assert.equal(negotiateVersion([0], [0]), undefined);
    assert.deepEqual(SUPPORTED_PROTOCOL_VERSIONS, [1]);
  });
});

describe("refusal reasons", () => {
  it("map to close codes", () => {
    assert.equal(refusalCloseCode(RefusalReason.BAD_PROOF), CloseCode.authFailed);
    assert.equal(refusalCloseCode(RefusalReason.VERSION_MISMATCH), CloseCode.versionMismatch);
    assert.equal(refusalCloseCode(RefusalReason.SAME_REPLICA_ID), CloseCode.sameReplicaId);
    assert.equal(refusalCloseCode(RefusalReason.DUPLICATE_SESSION), CloseCode.duplicateSession);
    assert.equal(refusalCloseCode(RefusalReason.MALFORMED), CloseCode.badFrame);
    assert.equal(refusalCloseCode(RefusalReason.TIMEOUT), CloseCode.timeout);
    assert.equal(refusalCloseCode(RefusalReason.UNAVAILABLE), CloseCode.goingAway);
    assert.equal(refusalCloseCode(99 as replica.RefusalReason), CloseCode.badFrame);
  });
});

describe("anti-entropy tree position", () => {
  it("matches the test vectors in PROTOCOL.md", () => {
    assert.equal(placementId("cart", "u1"), "cart/u1");
    assert.equal(placementId("a/b", "c d"), "a%2Fb/c%20d");
    assert.deepEqual(treePosition("cart", "u1"), { bucket: 210, leaf: 53854 });
    assert.deepEqual(treePosition("a/b", "c d"), { bucket: 121, leaf: 31057 });
    assert.equal(treeLeaf("cart/u1"), 53854);
    assert.equal(treeLeaf("a%2Fb/c%20d"), 31057);
  });

  it("is in range, consistent, and the PROTOCOL.md construction for any strings", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: "grapheme" }), (service, key) => {
        const id = `${encodeURIComponent(service)}/${encodeURIComponent(key)}`;
        assert.equal(placementId(service, key), id);
        const h = createHash("sha256").update(new TextEncoder().encode(id)).digest();
        const p = treePosition(service, key);
        assert.deepEqual(p, { bucket: h[0], leaf: (h[0] ?? 0) * 256 + (h[1] ?? 0) });
        assert.equal(treeLeaf(id), p.leaf);
        assert.ok(p.leaf >= 0 && p.leaf < TREE_LEAVES);
      }),
      { numRuns: 300 },
    );
  });
});

describe("entity digest", () => {
  const stateDigest = new Uint8Array(32).fill(0x11);
  const base = { service: "cart", key: "u1", deleted: false, version: [{ replica: "b", count: 2 }, { replica: "a", count: 5 }], stateDigest };

  it("matches the test vectors in PROTOCOL.md", () => {
    assert.equal(hex(entityDigest(base)), "c31d79d72d1d62937582e1d0aa881e23a9966fbc1a221cbe6d362bab3e6cab7f");
    assert.equal(hex(entityDigest({ ...base, deleted: true })), "269d82a73390a5faf1ac1b3134e9bf38921b45fd158b5c4ac699fa03a5780277");
  });

  it("is the PROTOCOL.md construction for any strings, built part by part, with or without the caller's placement id", () => {
    // The construction of PROTOCOL.md 2.8, one part at a time, as a reference for the one-buffer code.
    const enc = new TextEncoder();
    const u32 = (n: number) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
    const lp = (b: Uint8Array) => Buffer.concat([u32(b.byteLength), b]);
    const u64 = (n: number) => Buffer.concat([u32(Math.floor(n / 2 ** 32)), u32(n >>> 0)]);
    const reference = (service: string, key: string, version: { replica: string; count: number }[]): string => {
      const id = enc.encode(`${encodeURIComponent(service)}/${encodeURIComponent(key)}`);
      const live = version.filter((e) => e.count !== 0).sort((a, b) => (a.replica < b.replica ? -1 : a.replica > b.replica ? 1 : 0));
      const parts = [enc.encode("lattice-entity-digest-v1"), Buffer.from([0]), lp(id), Buffer.from([0]), u32(live.length)];
      for (const e of live) parts.push(lp(enc.encode(e.replica)), u64(e.count));
      parts.push(stateDigest);
      return createHash("sha256").update(Buffer.concat(parts)).digest("hex");
    };
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }),
        fc.string({ unit: "binary" }),
        fc.uniqueArray(fc.record({ replica: fc.string({ unit: "binary" }), count: fc.maxSafeNat() }), { selector: (e) => e.replica, maxLength: 4 }),
        (service, key, version) => {
          const expected = reference(service, key, version);
          assert.equal(hex(entityDigest({ service, key, deleted: false, version, stateDigest })), expected);
          assert.equal(hex(entityDigest({ service, key, deleted: false, version, stateDigest, placementId: placementId(service, key) })), expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("ignores version order and zero counts, and covers identity, version and state", () => {
    const d = hex(entityDigest(base));
    assert.equal(hex(entityDigest({ ...base, version: [{ replica: "a", count: 5 }, { replica: "z", count: 0 }, { replica: "b", count: 2 }] })), d);
    assert.notEqual(hex(entityDigest({ ...base, key: "u2" })), d);
    assert.notEqual(hex(entityDigest({ ...base, service: "carts" })), d);
    assert.notEqual(hex(entityDigest({ ...base, version: [{ replica: "a", count: 6 }, { replica: "b", count: 2 }] })), d);
    assert.notEqual(hex(entityDigest({ ...base, stateDigest: new Uint8Array(32) })), d);
    assert.throws(() => entityDigest({ ...base, stateDigest: new Uint8Array(31) }), RangeError);
  });

  it("two entities with equal states do not cancel out in a tree node", () => {
    const node = new Uint8Array(32);
    xorDigest(node, entityDigest(base));
    xorDigest(node, entityDigest({ ...base, key: "u2" }));
    assert.notEqual(hex(node), hex(new Uint8Array(32)));
    xorDigest(node, entityDigest({ ...base, key: "u2" }));
    assert.equal(hex(node), hex(entityDigest(base)));
    assert.throws(() => xorDigest(node, new Uint8Array(3)), RangeError);
  });
});

describe("encodeDeltaBatchEnvelope", () => {
  const deltaArb = fc.record({
    service: fc.string({ minLength: 1, maxLength: 12 }),
    key: fc.string({ maxLength: 24 }),
    origin: fc.string({ minLength: 1, maxLength: 22 }),
    seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    firstSeq: fc.nat(),
    originTimeMs: fc.nat(),
    version: fc.array(fc.record({ replica: fc.string({ minLength: 1, maxLength: 22 }), count: fc.integer({ min: 1, max: 2 ** 40 }) }), { maxLength: 3 }),
    delta: fc.uint8Array({ maxLength: 64 }),
  });

  it("writes the bytes Envelope.encode writes for the same batch, pre-encoded deltas spliced in", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.array(deltaArb, { maxLength: 5 }), (version, batchSeq, deltas) => {
        const encoded = deltas.map((d) => replica.Delta.encode(d).finish());
        const ours = encodeDeltaBatchEnvelope(version, batchSeq, encoded);
        const theirs = replica.Envelope.encode({ protocolVersion: version, deltaBatch: { batchSeq, deltas } }).finish();
        assert.equal(hex(ours), hex(theirs));
        const back = replica.Envelope.decode(ours);
        assert.equal(back.body, "deltaBatch");
        assert.equal(Number(back.deltaBatch?.batchSeq), batchSeq);
        assert.deepEqual(back.deltaBatch?.deltas?.map((d) => d.key), deltas.map((d) => d.key));
      }),
      { numRuns: 200 },
    );
  });
});
