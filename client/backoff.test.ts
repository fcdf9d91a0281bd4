import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { backoffDelay, DEFAULT_RECONNECT, reconnectOptions } from "./backoff.js";

describe("reconnect backoff", () => {
  const o = reconnectOptions({ initialDelayMs: 100, maxDelayMs: 1000, factor: 2, jitter: 0.5 });

  it("grows exponentially up to the cap when the random part is at its top", () => {
    // random() → 0 takes none of the jitter off: the full exponential delay
    assert.deepEqual([0, 1, 2, 3, 4, 10, 2000].map((n) => backoffDelay(n, o, () => 0)), [100, 200, 400, 800, 1000, 1000, 1000]);
  });

  it("takes off at most the jitter fraction, so delays spread over [base·(1−jitter), base]", () => {
    assert.equal(backoffDelay(1, o, () => 0.999999), 200 * (1 - 0.5 * 0.999999));
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(2, o);
      assert.ok(d > 200 && d <= 400, String(d));
    }
    const full = reconnectOptions({ jitter: 1 });
    assert.ok(backoffDelay(0, full, () => 0.99) < 0.02 * full.initialDelayMs);
  });

  it("fills in defaults, turns false into no retries, and refuses nonsense", () => {
    assert.deepEqual(reconnectOptions(), DEFAULT_RECONNECT);
    assert.deepEqual(reconnectOptions({ initialDelayMs: undefined }), DEFAULT_RECONNECT);
    assert.equal(reconnectOptions(false).maxAttempts, 0);
    assert.throws(() => reconnectOptions({ jitter: 2 }), RangeError);
    assert.throws(() => reconnectOptions({ factor: 0.5 }), RangeError);
    assert.throws(() => reconnectOptions({ initialDelayMs: -1 }), RangeError);
    assert.throws(() => reconnectOptions({ initialDelayMs: 500, maxDelayMs: 100 }), RangeError);
    assert.throws(() => reconnectOptions({ maxAttempts: Number.NaN }), RangeError);
  });
});
