/**
 * SPEC §1 and §6 with real processes: a replica SIGKILLed in the middle of a write load restarts
 * on its data directory with the same replica id and every write it acknowledged, and converges
 * with its peers; a replica restarted on an EMPTY data directory is a new incarnation (new id)
 * that receives everything from its peers through anti-entropy.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { TestCluster as Cluster } from "./support/cluster.js";
import { TestCluster, waitFor } from "./support/cluster.js";

const A = 0;
const B = 1;
const C = 2;
/** Acknowledged writes on B before the kill lands. */
const KILL_AFTER_ACKS = 300;
/** Requests B gets at most: the kill lands well before. */
const MAX_WRITES = 5000;
const CONCURRENCY = 8;
const SET_KEYS = ["kill-s0", "kill-s1", "kill-s2", "kill-s3"];
const COUNTER = "kill-ctr";

describe("replica processes killed and restarted", { timeout: 60_000 }, () => {
  let cluster: Cluster;

  before(async () => {
    cluster = await TestCluster.start({ size: 3, peerTimeoutMs: 1500 });
    await cluster.waitConnected();
  });
  after(() => cluster?.close());

  it("a replica SIGKILLed mid-write restarts with its id and every acknowledged write, then converges", async (t) => {
    const oldId = cluster.node(B).id;
    assert.ok(oldId);

    // ---- write loop on B; SIGKILL it once KILL_AFTER_ACKS writes were acknowledged
    const ackedMembers = new Map<string, Set<string>>(SET_KEYS.map((k) => [k, new Set<string>()]));
    const issuedMembers = new Set<string>();
    let ackedSum = 0;
    let unackedSum = 0;
    let acks = 0;
    let failures = 0;
    let next = 0;
    let killing: Promise<void> | undefined;
    const worker = async (): Promise<void> => {
      while (!killing && next < MAX_WRITES) {
        const i = next++;
        const isAdd = i % 2 === 0;
        const key = SET_KEYS[i % SET_KEYS.length] as string;
        const value = `w-${i}`;
        const n = (i % 5) + 1;
        if (isAdd) issuedMembers.add(value);
        try {
          if (isAdd) {
            await cluster.add(B, key, value);
            ackedMembers.get(key)?.add(value);
          } else {
            await cluster.incr(B, COUNTER, n);
            ackedSum += n;
          }
          acks++;
          if (acks >= KILL_AFTER_ACKS) killing ??= cluster.kill(B, "SIGKILL");
        } catch {
          failures++;
          if (!isAdd) unackedSum += n;
          if (!killing) throw new Error(`write ${i} failed before the kill`);
          return;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker()));
    await killing;
    assert.equal(cluster.node(B).host?.exitStatus?.signal, "SIGKILL");
    t.diagnostic(`B acknowledged ${acks} writes (${[...ackedMembers.values()].reduce((n, s) => n + s.size, 0)} adds, +${ackedSum}); ${failures} in flight at the kill (+${unackedSum} maybe)`);
    assert.ok(acks >= KILL_AFTER_ACKS);

    // While B is down, A and C keep writing.
    await cluster.add(A, "kill-s0", "while-b-down-a");
    await cluster.incr(C, COUNTER, 1000);

    // ---- restart B on its data directory, first cut off, to see what it has on its own
    cluster.isolate(B, "reset");
    const ready = await cluster.restart(B);
    assert.equal(ready.id, oldId, "same replica id after the restart");
    assert.equal(ready.createdNow, false, "not a new incarnation");
    assert.equal((await cluster.clusterInfo(B)).replica.id, oldId, "GET /v1/cluster reports the same id");
    for (const [key, want] of ackedMembers) {
      const have = await cluster.members(B, key);
      const missing = [...want].filter((v) => !have.has(v));
      assert.deepEqual(missing, [], `B lost acknowledged adds to ${key}`);
      for (const v of have) assert.ok(issuedMembers.has(v as string), `B has ${String(v)}, which nobody wrote`);
    }
    const local = await cluster.counter(B, COUNTER);
    assert.ok(local >= ackedSum && local <= ackedSum + unackedSum, `B's counter ${local} not in [${ackedSum}, ${ackedSum + unackedSum}]`);

    // ---- reconnect: all three converge on the same state, acknowledged writes everywhere
    cluster.heal();
    await cluster.waitConnected();
    const converge0 = Date.now();
    await cluster.waitConverged();
    t.diagnostic(`converged ${Date.now() - converge0} ms after reconnecting`);
    const total = await cluster.counter(A, COUNTER);
    assert.ok(total >= ackedSum + 1000 && total <= ackedSum + unackedSum + 1000, `counter ${total} not in bounds`);
    for (const i of [A, B, C]) {
      for (const [key, want] of ackedMembers) {
        const have = await cluster.members(i, key);
        assert.deepEqual([...want].filter((v) => !have.has(v)), [], `${cluster.node(i).name} misses acknowledged adds to ${key}`);
      }
      assert.ok((await cluster.members(i, "kill-s0")).has("while-b-down-a"));
      assert.equal(await cluster.counter(i, COUNTER), total, `${cluster.node(i).name} counter`);
    }

    // ---- B keeps working after the restart
    for (let i = 0; i < 20; i++) {
      await cluster.add(B, "kill-s1", `after-${i}`);
      await cluster.incr(B, COUNTER, 1);
    }
    await waitFor(
      async () => {
        for (const i of [A, C]) {
          const have = await cluster.members(i, "kill-s1");
          if (!have.has("after-19") || !have.has("after-0")) return false;
          if ((await cluster.counter(i, COUNTER)) !== total + 20) return false;
        }
        return true;
      },
      { timeoutMs: 10_000, what: "B's new writes on A and C", describe: () => cluster.describe() },
    );
    await cluster.waitConverged();
  });

  it("a replica restarted on an empty data directory is a new incarnation and receives everything", async (t) => {
    await cluster.add(A, "inc-s", "from-a");
    await cluster.add(C, "inc-s", "from-old-c");
    await cluster.incr(C, "inc-ctr", 9);
    await cluster.incr(A, "inc-ctr", 4);
    await cluster.waitConverged();
    const oldId = cluster.node(C).id;
    const keys = ["inc-s", ...SET_KEYS];
    const want = new Map<string, unknown[]>();
    for (const k of keys) want.set(k, sorted(await cluster.members(A, k)));
    const wantCtr = await cluster.counter(A, "inc-ctr");
    const wantKillCtr = await cluster.counter(A, COUNTER);
    assert.equal(wantCtr, 13);

    await cluster.kill(C, "SIGKILL");
    const ready = await cluster.restart(C, { empty: true });
    assert.notEqual(ready.id, oldId, "a replica with an empty data directory gets a new id");
    assert.equal(ready.createdNow, true);
    assert.equal((await cluster.clusterInfo(C)).replica.id, ready.id);

    await cluster.waitConnected();
    const converge0 = Date.now();
    const root = await cluster.waitConverged();
    t.diagnostic(`new incarnation converged ${Date.now() - converge0} ms after connecting`);
    assert.equal(await cluster.root(C), root);
    for (const k of keys) assert.deepEqual(sorted(await cluster.members(C, k)), want.get(k), `new C has ${k}`);
    assert.equal(await cluster.counter(C, "inc-ctr"), wantCtr);
    assert.equal(await cluster.counter(C, COUNTER), wantKillCtr);

    // The new incarnation writes under its new id, and its writes spread.
    const r = await cluster.incr(C, "inc-ctr", 1);
    assert.equal(r.version[ready.id], 1);
    await cluster.add(C, "inc-s", "from-new-c");
    await waitFor(
      async () => (await cluster.counter(A, "inc-ctr")) === 14 && (await cluster.members(B, "inc-s")).has("from-new-c"),
      { timeoutMs: 10_000, what: "new C's writes on A and B", describe: () => cluster.describe() },
    );
    await cluster.waitConverged();
  });
});

function sorted(s: Set<unknown>): unknown[] {
  return [...s].map((x) => JSON.stringify(x)).sort();
}
