import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ERROR_CATALOGUE } from "../protos/errors.js";
import { CLIENT_ERROR_CODES, isLatticeError, isServerErrorCode, LatticeError, SERVER_ERROR_CODES } from "./errors.js";

describe("client error codes", () => {
  it("the catalogue codes are protos/errors.ts's, and nothing else passes for one (not even an Object.prototype key)", () => {
    assert.deepEqual(SERVER_ERROR_CODES, Object.keys(ERROR_CATALOGUE));
    for (const code of SERVER_ERROR_CODES) assert.equal(isServerErrorCode(code), true, code);
    for (const code of ["toString", "constructor", "__proto__", "", 429]) assert.equal(isServerErrorCode(code), false, String(code));
  });

  it("client-side codes never collide with catalogue codes", () => {
    for (const code of CLIENT_ERROR_CODES) assert.equal(isServerErrorCode(code), false, code);
  });

  it("a LatticeError carries code, message and detail, and serialises as the replica's error body", () => {
    const err = new LatticeError("failed", "out of stock", { sku: "p1" });
    assert.ok(err instanceof Error);
    assert.equal(err.name, "LatticeError");
    assert.deepEqual(JSON.parse(JSON.stringify(err)), { code: "failed", message: "out of stock", detail: { sku: "p1" } });
    assert.deepEqual(new LatticeError("closed", "bye").toJSON(), { code: "closed", message: "bye" });
    assert.equal(isLatticeError(err, "failed"), true);
    assert.equal(isLatticeError(err, "forbidden"), false);
    assert.equal(isLatticeError(new Error("x")), false);
  });
});
