import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { openDocuments, runYjsLoad } from "./yjs-clients.js";
import type { YjsServerProcess } from "./yjs-servers.js";
import { startReferenceServer } from "./yjs-servers.js";

// The load generator of bench/yjs.ts against the reference server: its accounting must hold
// (every edit reaches every other client of its document, once), or the benchmark's figures
// mean nothing. Counts only: no timing is asserted.
describe("yjs load generator", () => {
  let server: YjsServerProcess;
  before(async () => {
    server = await startReferenceServer();
  });
  after(async () => {
    await server.stop();
  });

  for (const kind of ["provider", "protocol"] as const) {
    it(`${kind} clients at a fixed rate: every edit delivered to every other client of its document`, async () => {
      const r = await runYjsLoad({ serverUrl: server.serverUrl, kind, docs: 2, clientsPerDoc: 3, keyPrefix: `fixed-${kind}`, warmupMs: 100, durationMs: 300, rate: 200 });
      assert.ok(r.totals.edits > 0);
      assert.equal(r.totals.expectedDeliveries, r.totals.edits * 2, "each edit is owed to the 2 other clients of its document");
      assert.equal(r.totals.delivered, r.totals.expectedDeliveries);
      assert.equal(r.totals.missing, 0);
      assert.equal(r.totals.unknown, 0, "no delivery of an edit nobody typed");
      assert.equal(r.clientsDropped, 0);
      assert.equal(r.latencyMs.count, r.deliveries, "one latency per delivery in the window");
      assert.ok(r.deliveries > 0 && r.deliveries <= r.totals.delivered);
      assert.equal(Object.values(r.editsPerDoc).reduce((a, b) => a + b, 0), r.totals.edits);
      if (kind === "provider") assert.equal(r.converged, true, "all providers of a document end with the same text");
    });
  }

  it("closed loop: clients keep typing as their edits are seen, and nothing is lost", async () => {
    const r = await runYjsLoad({ serverUrl: server.serverUrl, kind: "protocol", docs: 2, clientsPerDoc: 2, keyPrefix: "closed", warmupMs: 100, durationMs: 300, inFlight: 2 });
    assert.ok(r.totals.edits > 4 * 2, "more than the first window of edits was typed");
    assert.equal(r.totals.missing, 0);
    assert.equal(r.offeredEditsPerSec, null);
    assert.equal(r.inFlightPerClient, 2);
  });

  it("opens documents with text and closes them", async () => {
    const before = await server.memory();
    const docs = await openDocuments(server.serverUrl, ["m1", "m2", "m3"], 64);
    assert.equal((await server.memory()).documents, (before.documents ?? 0) + 3);
    assert.equal(docs.dropped(), 0);
    await docs.close();
  });
});
