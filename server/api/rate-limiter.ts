/** What to do with one incoming frame. */
export type RateDecision = "accept" | "refuse" | "close";

/**
 * Frames per second of one connection: a token bucket holding at most `perSecond` tokens, refilled
 * at `perSecond` per second, one token per frame. A frame without a token is refused (answered
 * `rate_limited`, not run); `perSecond` refusals in a row — a full second's worth of frames over
 * the limit — mean the client ignores the refusals, and the connection is closed (4429).
 */
export class FrameRateLimiter {
  private tokens: number;
  private last: number;
  private strikes = 0;

  constructor(
    private readonly perSecond: number,
    /** Monotonic milliseconds. */
    private readonly now: () => number,
  ) {
    this.tokens = perSecond;
    this.last = now();
  }

  take(): RateDecision {
    const t = this.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.strikes = 0;
      return "accept";
    }
    this.strikes++;
    return this.strikes >= this.perSecond ? "close" : "refuse";
  }
}
