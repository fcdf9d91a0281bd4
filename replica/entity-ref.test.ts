import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { entityId, refOf } from "./entity-ref.js";

/** Any string, and often one that needs no escaping at all (the common case, which has a path of its own). */
const part = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "binary-ascii" }), fc.stringMatching(/^[A-Za-z0-9_.!~*'()-]*$/));

describe("entity ids", () => {
  it("are the protocol's placement ids: the test vectors of PROTOCOL.md (commits hand them to entityDigest as such)", () => {
    assert.equal(entityId({ service: "cart", key: "u1" }), "cart/u1");
    assert.equal(entityId({ service: "a/b", key: "c d" }), "a%2Fb/c%20d");
  });

  it("percent-encode both parts exactly as encodeURIComponent does, and give back their ref", () => {
    fc.assert(
      fc.property(part, part, (service, key) => {
        const id = entityId({ service, key });
        assert.equal(id, `${encodeURIComponent(service)}/${encodeURIComponent(key)}`);
        assert.deepEqual(refOf(id), { service, key });
      }),
      { numRuns: 1000 },
    );
  });
});
