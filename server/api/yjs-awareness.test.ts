import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import * as Y from "yjs";
import { AwarenessTable, decodeAwarenessUpdate } from "./yjs-awareness.js";
import { YjsFrameError, decodeYjsMessage, encodeSyncUpdate } from "./yjs-messages.js";

function clientAwareness(id: number): Awareness {
  const doc = new Y.Doc();
  doc.clientID = id;
  return new Awareness(doc);
}

describe("AwarenessTable", () => {
  it("speaks y-protocols' encoding both ways", () => {
    const a = clientAwareness(11);
    try {
      a.setLocalState({ user: { name: "ann", color: "#f00" }, cursor: { index: 3 } });
      const table = new AwarenessTable();
      const owner = {};
      assert.deepEqual(table.apply(decodeAwarenessUpdate(encodeAwarenessUpdate(a, [11])), owner, 0), [11]);
      const b = clientAwareness(22);
      try {
        applyAwarenessUpdate(b, table.encode(table.live()), "server");
        assert.deepEqual(b.getStates().get(11), a.getLocalState());
        // A removal made by y-protocols (same clock, null state) removes it here, and ours there.
        removeAwarenessStates(a, [11], "test");
        assert.deepEqual(table.apply(decodeAwarenessUpdate(encodeAwarenessUpdate(a, [11])), owner, 1), [11]);
        assert.deepEqual(table.live(), []);
        applyAwarenessUpdate(b, table.encode([11]), "server");
        assert.equal(b.getStates().has(11), false);
      } finally {
        b.destroy();
      }
    } finally {
      a.destroy();
    }
  });

  it("renewLocal raises the clock of live local states only, so a peer that kept a removal takes them again", () => {
    const local = {};
    const table = new AwarenessTable();
    table.apply([{ clientId: 1, clock: 4, state: '{"u":"ann"}' }, { clientId: 2, clock: 7, state: null }], local, 0);
    table.apply([{ clientId: 3, clock: 2, state: '{"u":"bob"}' }], "replica-b", 0);
    assert.deepEqual(table.renewLocal(5), [1]);
    // A peer holds client 1 removed at clock 4: the state at 4 would be ignored, at 5 it wins.
    const peer = new AwarenessTable();
    peer.apply([{ clientId: 1, clock: 4, state: '{"u":"ann"}' }], "replica-a", 0);
    peer.removeOwned("replica-a", 1);
    assert.equal(peer.accepts([{ clientId: 1, clock: 4, state: '{"u":"ann"}' }]), false);
    assert.deepEqual(peer.apply(decodeAwarenessUpdate(table.encode([1])), "replica-a", 2), [1]);
    assert.deepEqual(peer.live(), [1]);
  });

  it("holds at most maxOwned live clients per owner; a removal frees a place", () => {
    const table = new AwarenessTable();
    const member = {};
    const rec = (clientId: number, clock: number, state: string | null = '{"u":1}') => ({ clientId, clock, state });
    assert.deepEqual(table.apply([rec(1, 1), rec(2, 1), rec(3, 1)], member, 0, 2), [1, 2]);
    // Updating a held client is not a new one.
    assert.deepEqual(table.apply([rec(2, 2), rec(4, 1)], member, 0, 2), [2]);
    assert.deepEqual(table.apply([rec(1, 2, null), rec(4, 1)], member, 0, 2), [1, 4]);
    assert.deepEqual(table.live().sort(), [2, 4]);
    // Another owner has places of its own.
    assert.deepEqual(table.apply([rec(5, 1)], {}, 0, 2), [5]);
  });

  it("accepts higher clocks only, ignores echoes, and removes what an owner controlled", () => {
    const t = new AwarenessTable();
    const conn = {};
    const rec = (clientId: number, clock: number, state: string | null) => ({ clientId, clock, state });
    assert.deepEqual(t.apply([rec(1, 1, '{"a":1}'), rec(2, 1, '{"b":1}')], conn, 0), [1, 2]);
    assert.equal(t.accepts([rec(1, 1, '{"a":2}')]), false, "same clock: an echo");
    assert.deepEqual(t.apply([rec(1, 0, '{"a":0}')], conn, 0), [], "older clock");
    assert.deepEqual(t.apply([rec(1, 2, '{"a":2}')], "replica-b", 0), [1], "newer clock; owner changes");
    assert.deepEqual(t.removeOwned(conn, 5), [2]);
    assert.deepEqual(t.live(), [1]);
    assert.equal(t.ownedLocally(1), false);
    assert.deepEqual(t.apply([rec(2, 1, '{"b":1}')], conn, 6), [], "a removed client does not come back at its old clock");
    assert.deepEqual(t.expire(20, 30), [], "nothing old enough");
    assert.deepEqual(t.expire(40, 30), [1], "not renewed for the timeout");
    assert.deepEqual(t.expire(80, 30), [], "tombstones are forgotten silently");
    assert.equal(t.size, 0);
  });

  it("refuses malformed awareness updates as a whole", () => {
    const bad: Uint8Array[] = [
      new Uint8Array([]),
      new Uint8Array([1, 5, 1]),
      new Uint8Array([1, 5, 1, 3, 0x7b, 0x7b, 0x7b]),
      new Uint8Array([1, 5, 1, 2, 0xc3, 0x28]),
      new Uint8Array([200, 1]),
      new Uint8Array([1, 5, 1, 4, 0x6e, 0x75, 0x6c, 0x6c, 9]),
    ];
    for (const b of bad) assert.throws(() => decodeAwarenessUpdate(b), YjsFrameError, String(b));
    assert.deepEqual(decodeAwarenessUpdate(new Uint8Array([1, 5, 1, 4, 0x6e, 0x75, 0x6c, 0x6c])), [{ clientId: 5, clock: 1, state: null }]);
  });
});

describe("y-websocket frames", () => {
  it("never read past the frame into the rest of a pooled buffer", () => {
    const pool = Buffer.alloc(64, 7);
    // Sync update claiming 10 payload bytes in a 5-byte frame; the pool has bytes after it.
    pool.set([0, 2, 10, 1, 2], 0);
    assert.throws(() => decodeYjsMessage(pool.subarray(0, 5)), YjsFrameError);
    const ok = encodeSyncUpdate(new Uint8Array([1, 2, 3]));
    pool.set(ok, 10);
    assert.deepEqual(decodeYjsMessage(pool.subarray(10, 10 + ok.length)), { kind: "update", update: new Uint8Array([1, 2, 3]) });
  });
});
