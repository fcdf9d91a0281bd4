import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { defineService } from "../functions/define-service.js";
import { loadConfig } from "./config.js";
import { startNode } from "./node.js";

describe("startNode failures", () => {
  it("releases the data directory when the start fails", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lattice-start-"));
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const config = (p: number) => loadConfig({ LATTICE_CLUSTER_SECRET: "s" }, ["--data-dir", dir, "--port", String(p)]);
      await assert.rejects(startNode(config(port), { logger: false }), /EADDRINUSE/);
      // A service the engine refuses fails the start too, and also releases the store.
      const bad = defineService({ name: "bad", type: "gcounter", commands: { a: () => 1 } });
      await assert.rejects(startNode(config(0), { logger: false, services: [bad, bad] }), /defined twice/);
      const node = await startNode(config(0), { logger: false });
      await node.close();
    } finally {
      taken.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
