import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Json } from "../crdt/index.js";
import { Replica } from "../replica/replica.js";
import { MemoryDisk } from "../replica/storage/memory-disk.js";
import { MemoryStore } from "../replica/storage/memory-store.js";
import type { ServiceDefinition } from "./define-service.js";
import { FunctionEngine } from "./engine.js";
import presence from "./examples/presence.js";
import { RecordingSink } from "./examples/test-support/harness.js";
import { tckServices } from "./examples/tck.js";
import { OPEN_STREAM_PREFIX } from "./stream-journal.js";
import { openStream } from "./streams.js";

const services: ServiceDefinition[] = [presence, ...tckServices];

/** A replica process on `disk`: open it, kill it (SIGKILL: every written batch survives), open it again. */
async function boot(disk: MemoryDisk) {
  const replica = await Replica.open({ store: new MemoryStore(disk) });
  const engine = new FunctionEngine(replica, services);
  return {
    replica,
    engine,
    open: async (service: string, key: string, stream: string, input: Json = null) => {
      const sink = new RecordingSink();
      return { sink, handle: await openStream(engine, { service, key, stream, input, auth: null }, sink) };
    },
    call: (service: string, key: string, command: string, input: Json = null) => engine.call({ service, key, command, input, auth: null }),
    records: async () => {
      const out: string[] = [];
      for await (const [k] of replica.store.scan(OPEN_STREAM_PREFIX)) out.push(k);
      return out;
    },
    /** The process dies: nothing more reaches the disk, no onClose runs. */
    kill: async () => {
      disk.simulateKill();
      engine.close();
      await replica.close().catch(() => undefined);
    },
    stop: async () => {
      await engine.shutdown();
      await replica.close();
    },
  };
}

describe("streams left open by a process that died", () => {
  it("presence: a replica killed with a user connected shows the user offline once it restarted", async () => {
    const disk = new MemoryDisk();
    const first = await boot(disk);
    await first.engine.ready();
    await first.open("presence", "dan", "connect");
    assert.deepEqual(await first.call("presence", "dan", "status"), { online: true, replicas: 1 });
    assert.equal((await first.records()).length, 1, "the open connect stream is recorded");
    await first.kill();

    const second = await boot(disk);
    assert.equal(second.replica.id, first.replica.id, "the same replica, restarted");
    assert.deepEqual(await second.call("presence", "dan", "status"), { online: true, replicas: 1 }, "the stale vote, before recovery");
    await second.engine.ready();
    assert.deepEqual(await second.call("presence", "dan", "status"), { online: false, replicas: 0 });
    assert.deepEqual(await second.records(), [], "the record is gone once its onClose ran");
    // Recovery runs once per engine: a second ready() does not close anything again.
    await second.engine.ready();
    assert.equal(await second.engine.recoverStreams(), 0);
    await second.stop();
  });

  it("a stream that closed normally, or has no onClose, leaves no record", async () => {
    const disk = new MemoryDisk();
    const node = await boot(disk);
    await node.engine.ready();
    const monitor = await node.open("presence", "eve", "monitor");
    assert.deepEqual(await node.records(), [], "monitor has no onClose: nothing to record");
    const connect = await node.open("presence", "eve", "connect");
    assert.equal((await node.records()).length, 1);
    await connect.handle.cancel();
    assert.deepEqual(await node.records(), []);
    assert.deepEqual(await node.call("presence", "eve", "status"), { online: false, replicas: 0 });
    await monitor.handle.cancel();
    await node.stop();
  });

  it("onClose of a recovered stream gets its input, its auth and ctx.local as onOpen left it", async () => {
    const disk = new MemoryDisk();
    const first = await boot(disk);
    await first.engine.ready();
    const key = "PNCounter-recovered";
    // onOpen applies initialUpdate and keeps the request in ctx.local; onClose applies cancelUpdate.
    await first.open("tck-pncounter", key, "processStreamed", { initialUpdate: { pncounter: { change: 2 } }, cancelUpdate: { pncounter: { change: 5 } }, empty: true });
    const state = async (n: Awaited<ReturnType<typeof boot>>) => (await n.engine.read("tck-pncounter", key)).state;
    assert.equal(await state(first), 2);
    await first.kill();

    const second = await boot(disk);
    await second.engine.ready();
    assert.equal(await state(second), 7, "cancelUpdate applied by the recovered onClose");
    assert.deepEqual(await second.records(), []);
    await second.stop();
  });

  it("a record whose service is gone, or whose entity was deleted, is dropped without running anything", async () => {
    const disk = new MemoryDisk();
    const first = await boot(disk);
    await first.engine.ready();
    await first.open("presence", "fay", "connect");
    const key = "PNCounter-deleted";
    await first.open("tck-pncounter", key, "processStreamed", { cancelUpdate: { pncounter: { change: 5 } }, empty: true });
    assert.equal((await first.records()).length, 2);
    await first.kill();

    // The next process loads only the TCK services: presence is gone. The counter is deleted
    // before the recovery runs (a deletion gossiped by a peer could arrive then too).
    const replica = await Replica.open({ store: new MemoryStore(disk) });
    const errors: unknown[] = [];
    replica.onError = (err) => errors.push(err);
    const engine = new FunctionEngine(replica, tckServices);
    await engine.call({ service: "tck-pncounter", key, command: "process", input: { actions: [{ delete: {} }] }, auth: null });
    await engine.ready();
    const left: string[] = [];
    for await (const [k] of replica.store.scan(OPEN_STREAM_PREFIX)) left.push(k);
    assert.deepEqual(left, []);
    assert.deepEqual(errors, [], "neither is an error");
    await engine.shutdown();
    await replica.close();
  });
});
