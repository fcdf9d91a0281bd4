import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_EPOCH_MS, Prng, VirtualEnv } from "./virtual-env.js";

describe("Prng", () => {
  it("is a pure function of its seed", () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const xs = Array.from({ length: 100 }, () => a.u32());
    assert.deepEqual(
      Array.from({ length: 100 }, () => b.u32()),
      xs,
    );
    assert.notDeepEqual(
      Array.from({ length: 100 }, () => c.u32()),
      xs,
    );
    // Seeds that differ only above 32 bits still give different streams.
    assert.notEqual(new Prng(1).u32(), new Prng(1 + 2 ** 32).u32());
  });

  it("stays in range and is roughly uniform", () => {
    const r = new Prng(7);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const x = r.next();
      assert.ok(x >= 0 && x < 1);
      buckets[Math.floor(x * 10)]!++;
    }
    for (const n of buckets) assert.ok(n > 1700 && n < 2300, `bucket count ${n}`);
    for (let i = 0; i < 1000; i++) {
      const k = r.between(3, 5);
      assert.ok(k >= 3 && k <= 5 && Number.isInteger(k));
    }
    assert.equal(r.bytes(5).length, 5);
  });

  it("forks independent, reproducible streams", () => {
    const a = new Prng(1).fork("x");
    const b = new Prng(1).fork("x");
    const c = new Prng(1).fork("y");
    const first = a.u32();
    assert.equal(b.u32(), first);
    assert.notEqual(c.u32(), first);
  });
});

describe("VirtualEnv", () => {
  it("runs timers in (time, insertion) order and advances virtual time only", async () => {
    const world = VirtualEnv.create(1);
    const log: string[] = [];
    world.timers.after(20, () => log.push(`b@${world.now}`));
    world.timers.after(10, () => log.push(`a@${world.now}`));
    world.timers.after(20, () => log.push(`c@${world.now}`));
    world.timers.defer(() => log.push(`d@${world.now}`));
    const started = Date.now();
    await world.runFor(15);
    assert.deepEqual(log, ["d@0", "a@10"]);
    assert.equal(world.now, 15);
    await world.runFor(100);
    assert.deepEqual(log, ["d@0", "a@10", "b@20", "c@20"]);
    assert.equal(world.now, 115);
    assert.ok(Date.now() - started < 1000, "virtual time must not wait in real time");
    assert.equal(world.clock.now(), DEFAULT_EPOCH_MS + 115);
  });

  it("lets promise chains settle between timers", async () => {
    const world = VirtualEnv.create(1);
    const log: string[] = [];
    world.timers.after(1, () => {
      void (async () => {
        for (let i = 0; i < 50; i++) await Promise.resolve();
        log.push("chain done");
        world.timers.defer(() => log.push("deferred by the chain"));
      })();
    });
    world.timers.after(1, () => log.push("second timer"));
    await world.runFor(1);
    assert.deepEqual(log, ["chain done", "second timer", "deferred by the chain"]);
  });

  it("cancels timers, and a killed process schedules nothing", async () => {
    const world = VirtualEnv.create(1);
    const a = world.child("a", { clockOffsetMs: 250 });
    const b = world.child("b");
    const log: string[] = [];
    const t = a.timers.after(5, () => log.push("cancelled"));
    t.cancel();
    a.timers.after(10, () => log.push("a"));
    b.timers.after(10, () => log.push("b"));
    assert.equal(a.clock.now() - b.clock.now(), 250);
    a.kill();
    a.timers.after(1, () => log.push("after kill"));
    assert.equal(await world.runUntilIdle(), true);
    assert.deepEqual(log, ["b"]);
    assert.equal(world.scheduler.pending, 0);
  });

  it("records exceptions thrown by timer callbacks instead of crashing", async () => {
    const world = VirtualEnv.create(1);
    world.child("p").timers.after(3, () => {
      throw new Error("boom");
    });
    await world.runFor(5);
    assert.equal(world.scheduler.faults.length, 1);
    assert.equal(world.scheduler.faults[0]?.owner, "p");
  });

  it("gives the same random stream to the same seed and child name", () => {
    const x = VirtualEnv.create(9).child("r0").random.bytes(16);
    const y = VirtualEnv.create(9).child("r0").random.bytes(16);
    assert.deepEqual(x, y);
  });

  it("runUntil stops at the predicate or the time bound", async () => {
    const world = VirtualEnv.create(1);
    let n = 0;
    const tick = (): void => {
      n++;
      world.timers.after(10, tick);
    };
    tick();
    assert.equal(await world.runUntil(() => n >= 5, 1000), true);
    assert.equal(world.now, 40);
    assert.equal(await world.runUntil(() => n >= 1000, 100), false);
    assert.equal(world.now, 140);
  });
});
