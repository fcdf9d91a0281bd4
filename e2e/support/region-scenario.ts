/**
 * The regions scenario of issue 6 §3, shared by the two ways of cutting a region off (a real
 * partition in network namespaces, regions-netns.test.ts; the partition lab, regions-lab.test.ts):
 *
 * 1. the three regions are meshed; each writes once and all converge (the baseline);
 * 2. one region is cut off; every replica's failure detector notices (nobody is told: packets
 *    vanish);
 * 3. every region writes (a counter increment and a set member each time) and every write is
 *    acknowledged, also in the cut-off region (AP); the cut-off region and the others diverge;
 * 4. the cut is healed; every region converges to the sum of every acknowledged increment and the
 *    set of every acknowledged member: no acknowledged write is lost.
 *
 * Uses the example services (counter, tags), which `npm start` runs when LATTICE_FUNCTIONS is unset.
 */
import assert from "node:assert/strict";
import type { TestContext } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

export interface RegionsHarness {
  readonly regions: readonly string[];
  /** One HTTP call to region `i`'s replica; rejects only when no answer came. */
  request(i: number, method: "GET" | "POST", path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** Cuts region `i` off from every other region. */
  isolate(i: number): Promise<void>;
  heal(): Promise<void>;
  /** Peer tables and recent logs, for failure messages. */
  describe(): Promise<string>;
}

/** Writes each region makes while one is cut off. */
const WRITES_PER_REGION = 3;
/** A silent peer is marked down after LATTICE_PEER_TIMEOUT_MS; the tests set 1500. */
export const PEER_TIMEOUT_MS = 1500;
/** Detection takes a peer timeout plus a heartbeat; allow for a loaded 2-core machine. */
const DETECT_BOUND_MS = 15_000;
/** After a heal: reconnect backoff (at most 10 s) plus anti-entropy, which runs on reconnection. */
const CONVERGE_BOUND_MS = 30_000;

async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>, describe: () => Promise<string>): Promise<number> {
  const started = Date.now();
  for (;;) {
    let ok = false;
    try {
      ok = await check();
    } catch {
      // A replica that does not answer yet is a "not yet".
    }
    if (ok) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${await describe()}`);
    await sleep(100);
  }
}

export async function runRegionScenario(t: TestContext, h: RegionsHarness, cut: number, key: string): Promise<void> {
  const n = h.regions.length;
  const all = [...h.regions.keys()];
  const counterPath = `/v1/entities/counter/${key}`;
  const tagsPath = `/v1/entities/tags/${key}`;
  const ackedAmounts: number[] = [];
  const ackedTags: string[] = [];

  const peersOf = async (i: number): Promise<{ region: string | null; connected: boolean }[]> => {
    const r = await h.request(i, "GET", "/v1/cluster");
    assert.equal(r.status, 200);
    return (r.body as { peers: { region: string | null; connected: boolean }[] }).peers;
  };
  const connectedRegions = async (i: number): Promise<Set<string>> => new Set((await peersOf(i)).filter((p) => p.connected).map((p) => p.region ?? "?"));
  const meshed = async (): Promise<boolean> => {
    for (const i of all) if ((await connectedRegions(i)).size !== n - 1) return false;
    return true;
  };
  const write = async (i: number, amount: number, tag: string): Promise<void> => {
    const inc = await h.request(i, "POST", `${counterPath}/increment`, { amount });
    assert.equal(inc.status, 200, `increment on ${h.regions[i]}: ${JSON.stringify(inc.body)}`);
    ackedAmounts.push(amount);
    const add = await h.request(i, "POST", `${tagsPath}/add`, { tag });
    assert.equal(add.status, 200, `tag on ${h.regions[i]}: ${JSON.stringify(add.body)}`);
    ackedTags.push(tag);
  };
  const stateOf = async (i: number): Promise<{ count: number; tags: string[] }> => {
    const c = await h.request(i, "GET", counterPath);
    const s = await h.request(i, "GET", tagsPath);
    assert.equal(c.status, 200, JSON.stringify(c.body));
    assert.equal(s.status, 200, JSON.stringify(s.body));
    return { count: (c.body as { state: number }).state, tags: [...((s.body as { state: string[] }).state ?? [])].sort() };
  };
  const everyoneHas = async (count: number, tags: readonly string[]): Promise<boolean> => {
    const want = JSON.stringify([...tags].sort());
    for (const i of all) {
      const s = await stateOf(i);
      if (s.count !== count || JSON.stringify(s.tags) !== want) return false;
    }
    return true;
  };
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

  await waitFor("a full mesh", 30_000, meshed, () => h.describe());

  // 1. Baseline: one write per region, everywhere.
  for (const i of all) await write(i, 1, `${h.regions[i]}-base`);
  await waitFor("the baseline everywhere", CONVERGE_BOUND_MS, () => everyoneHas(sum(ackedAmounts), ackedTags), () => h.describe());
  const baseline = sum(ackedAmounts);

  // 2. Cut one region off; every failure detector notices on its own.
  const cutRegion = h.regions[cut] as string;
  await h.isolate(cut);
  const detected = await waitFor(
    `${cutRegion} marked down everywhere, and it sees nobody`,
    DETECT_BOUND_MS,
    async () => {
      if ((await connectedRegions(cut)).size !== 0) return false;
      for (const i of all) if (i !== cut && (await connectedRegions(i)).has(cutRegion)) return false;
      return true;
    },
    () => h.describe(),
  );
  t.diagnostic(`${cutRegion} cut off: detected everywhere after ${detected} ms (peer timeout ${PEER_TIMEOUT_MS} ms)`);
  for (const i of all) if (i !== cut) assert.equal((await connectedRegions(i)).size, n - 2, `${h.regions[i]} still sees the other connected regions`);

  // 3. Every region writes, and every write is acknowledged (AP: the cut-off region too).
  const amountsBy = new Map<number, number[]>();
  for (let k = 0; k < WRITES_PER_REGION; k++) {
    for (const i of all) {
      const amount = 10 ** i * (k + 2);
      await write(i, amount, `${h.regions[i]}-cut-${k}`);
      amountsBy.set(i, [...(amountsBy.get(i) ?? []), amount]);
    }
  }
  const own = sum(amountsBy.get(cut) ?? []);
  const others = sum(all.filter((i) => i !== cut).flatMap((i) => amountsBy.get(i) ?? []));
  // The connected regions converge among themselves; the cut-off one has only its own writes.
  const connectedTags = ackedTags.filter((tag) => !tag.startsWith(`${cutRegion}-cut-`));
  await waitFor(
    "the connected regions agree",
    CONVERGE_BOUND_MS,
    async () => {
      const want = JSON.stringify([...connectedTags].sort());
      for (const i of all) {
        if (i === cut) continue;
        const s = await stateOf(i);
        if (s.count !== baseline + others || JSON.stringify(s.tags) !== want) return false;
      }
      return true;
    },
    () => h.describe(),
  );
  const isolated = await stateOf(cut);
  assert.equal(isolated.count, baseline + own, `${cutRegion} has only its own writes during the cut`);
  assert.ok(!isolated.tags.some((tag) => /-cut-/.test(tag) && !tag.startsWith(`${cutRegion}-`)), `${cutRegion} saw no other region's write: ${isolated.tags.join(",")}`);

  // 4. Heal: every acknowledged write, everywhere.
  const healedAt = Date.now();
  await h.heal();
  await waitFor("every acknowledged write in every region", CONVERGE_BOUND_MS, () => everyoneHas(sum(ackedAmounts), ackedTags), () => h.describe());
  t.diagnostic(`converged ${Date.now() - healedAt} ms after the heal: count ${sum(ackedAmounts)}, ${ackedTags.length} tags in each of ${n} regions`);
  await waitFor("the mesh again", CONVERGE_BOUND_MS, meshed, () => h.describe());
  for (const i of all) {
    const s = await stateOf(i);
    assert.equal(s.count, sum(ackedAmounts), `${h.regions[i]} count`);
    assert.deepEqual(s.tags, [...ackedTags].sort(), `${h.regions[i]} tags`);
  }
}
