import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { placementId } from "../protos/gossip.js";
import { entityId, refOf } from "./entity-ref.js";

describe("entity ids", () => {
  it("are the protocol's placement ids (commits hand them to entityDigest as such) and give back their ref", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (service, key) => {
        const id = entityId({ service, key });
        assert.equal(id, placementId(service, key));
        assert.deepEqual(refOf(id), { service, key });
      }),
      { numRuns: 500 },
    );
  });
});
