import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { waitFor } from "../../e2e/support/cluster.js";
import { openDocuments, runYjsLoad } from "./yjs-clients.js";
import type { YjsServerProcess } from "./yjs-servers.js";
import { startReferenceServer } from "./yjs-servers.js";

// The load generator of bench/yjs.ts against the reference server: its accounting must hold
// (every edit reaches every other client of its document, once, and each delivery in the window
// has its latency), or the benchmark's figures mean nothing. Counts only: each run's window stays
// open until a count of deliveries is in (minDeliveries) and the drain waits as long as it takes,
// both under deadlines far beyond what an idle machine needs, so that a loaded 2-core CI machine
// is slower but not failing. No rate or duration is asserted.
const DEADLINE_MS = 60_000;
const generous = { minDeliveriesTimeoutMs: DEADLINE_MS, drainMs: DEADLINE_MS, connectTimeoutMs: DEADLINE_MS } as const;

describe("yjs load generator", () => {
  let server: YjsServerProcess;
  before(async () => {
    server = await startReferenceServer(DEADLINE_MS);
  });
  after(async () => {
    await server.stop();
  });

  for (const kind of ["provider", "protocol"] as const) {
    it(`${kind} clients at a fixed rate: every edit delivered to every other client of its document`, async () => {
      const r = await runYjsLoad({ serverUrl: server.serverUrl, kind, docs: 2, clientsPerDoc: 3, keyPrefix: `fixed-${kind}`, warmupMs: 100, durationMs: 300, rate: 200, minDeliveries: 20, ...generous });
      assert.ok(r.deliveries >= 20, "the window closed only once its deliveries were in");
      assert.ok(r.deliveries <= r.totals.delivered);
      assert.equal(r.latencyMs.count, r.deliveries, "one latency per delivery in the window");
      assert.ok(r.totals.edits > 0);
      assert.equal(r.totals.expectedDeliveries, r.totals.edits * 2, "each edit is owed to the 2 other clients of its document");
      assert.equal(r.totals.delivered, r.totals.expectedDeliveries);
      assert.equal(r.totals.missing, 0);
      assert.equal(r.totals.unknown, 0, "no delivery of an edit nobody typed");
      assert.equal(r.clientsDropped, 0);
      assert.equal(Object.values(r.editsPerDoc).reduce((a, b) => a + b, 0), r.totals.edits);
      if (kind === "provider") assert.equal(r.converged, true, "all providers of a document end with the same text");
    });
  }

  it("closed loop: clients keep typing as their edits are seen, and nothing is lost", async () => {
    // 2 documents × 2 clients × 2 in flight: 8 edits before any is seen. With one other client
    // per document, each edit is one delivery, so 24 deliveries need edits typed after acks.
    const r = await runYjsLoad({ serverUrl: server.serverUrl, kind: "protocol", docs: 2, clientsPerDoc: 2, keyPrefix: "closed", warmupMs: 100, durationMs: 300, inFlight: 2, minDeliveries: 24, ...generous });
    assert.ok(r.deliveries >= 24);
    assert.ok(r.totals.edits > 2 * 2 * 2, "more than the first edits in flight were typed");
    assert.equal(r.latencyMs.count, r.deliveries);
    assert.equal(r.totals.missing, 0);
    assert.equal(r.totals.unknown, 0);
    assert.equal(r.offeredEditsPerSec, null);
    assert.equal(r.inFlightPerClient, 2);
  });

  it("a run that fails stops its timers and closes its clients", async () => {
    const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const timersBefore = timers();
    const maxListenersBefore = process.getMaxListeners();
    await assert.rejects(
      runYjsLoad({ serverUrl: server.serverUrl, kind: "provider", docs: 1, clientsPerDoc: 2, keyPrefix: "failing", warmupMs: 0, durationMs: 50, rate: 20, minDeliveries: 1_000_000, minDeliveriesTimeoutMs: 200, connectTimeoutMs: DEADLINE_MS }),
      /1000000 deliveries in the window/,
    );
    assert.equal(process.getMaxListeners(), maxListenersBefore, "the providers' exit listeners are accounted for again");
    // The typing ticker would stay forever; the sockets' own close timers go once the server answers.
    await waitFor(() => timers() <= timersBefore, { what: "the failed run's timers to stop", timeoutMs: DEADLINE_MS });
  });

  it("opens documents with text and closes them", async () => {
    const before = await server.memory();
    const docs = await openDocuments(server.serverUrl, ["m1", "m2", "m3"], 64);
    assert.equal((await server.memory()).documents, (before.documents ?? 0) + 3);
    assert.equal(docs.dropped(), 0);
    await docs.close();
  });
});
