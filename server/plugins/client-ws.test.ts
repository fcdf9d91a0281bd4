import assert from "node:assert/strict";
import type { Socket } from "node:net";
import { after, before, describe, it } from "node:test";
import type { client } from "../../protos/index.js";
import { sleep, waitFor } from "../../replica/test-support/helpers.js";
import type { LatticeNode } from "../node.js";
import type { Received } from "../test-support/harness.js";
import { startTestNode, TestSocket, wsUrl } from "../test-support/harness.js";

let node: LatticeNode;
const sockets: TestSocket[] = [];
before(async () => {
  node = await startTestNode();
});
after(async () => {
  for (const s of sockets) s.close();
  await node.close();
});

async function open(n: LatticeNode = node, headers: Record<string, string> = {}, path = "/v1/ws"): Promise<TestSocket> {
  const s = await TestSocket.open(wsUrl(n, path), headers);
  sockets.push(s);
  return s;
}

async function http(method: "GET" | "POST", path: string, body?: string, n: LatticeNode = node): Promise<unknown> {
  const r = await n.app.inject({ method, url: path, ...(body !== undefined ? { payload: body, headers: { "content-type": "application/json" } } : {}) });
  return JSON.parse(r.body) as unknown;
}

async function online(room: string, n: LatticeNode = node): Promise<number> {
  return ((await http("GET", `/v1/entities/presence/${room}`, undefined, n)) as { state: number }).state;
}

function errorCode(frame: Record<string, unknown>): string | undefined {
  return (frame.error as { code?: string } | undefined)?.code;
}

const isBinary = (r: Received): r is Extract<Received, { form: "binary" }> => r.form === "binary";

describe("/v1/ws JSON frames", () => {
  it("answers call with {id, ok, result}", async () => {
    const s = await open();
    assert.deepEqual(await s.request({ id: 1, op: "call", service: "counter", key: "w1", command: "increment", input: 4 }), { id: 1, ok: true, result: 4 });
    assert.deepEqual(await s.request({ id: 2, op: "call", service: "counter", key: "w1", command: "get" }), { id: 2, ok: true, result: 4 });
    assert.deepEqual(await s.request({ id: 3, op: "call", service: "counter", key: "w1", command: "echo", input: { a: [1, null] } }), {
      id: 3,
      ok: true,
      result: { a: [1, null] },
    });
  });

  it("answers errors with {id, ok:false, error:{code, message, detail?}} and the socket stays usable", async () => {
    const s = await open();
    const cases: [Record<string, unknown>, string][] = [
      [{ op: "call", service: "nope", key: "k", command: "get" }, "unknown_service"],
      [{ op: "call", service: "counter", key: "k", command: "nope" }, "unknown_command"],
      [{ op: "call", service: "cart", key: "k", command: "addItem", input: { item: "x", qty: "1" } }, "invalid_input"],
      [{ op: "call", service: "counter", key: "", command: "get" }, "invalid_input"],
      [{ op: "call", service: "counter", key: "x".repeat(513), command: "get" }, "invalid_input"],
      [{ op: "call", service: "failing", key: "k", command: "refuse" }, "failed"],
      [{ op: "call", service: "failing", key: "k", command: "crash" }, "function_error"],
      [{ op: "subscribe", service: "nope", key: "k" }, "unknown_service"],
      [{ op: "stream", service: "presence", key: "k", stream: "nope" }, "unknown_command"],
      [{ op: "stream", service: "presence", key: "k", stream: "connect", input: { user: 1 } }, "invalid_input"],
    ];
    let id = 10;
    for (const [frame, code] of cases) {
      const reply = await s.request({ id: ++id, ...frame });
      assert.equal(reply.ok, false, JSON.stringify(reply));
      assert.equal(errorCode(reply), code, JSON.stringify(reply));
      assert.deepEqual(Object.keys(reply).sort(), ["error", "id", "ok"]);
    }
    const failed = await s.request({ id: 99, op: "call", service: "failing", key: "k", command: "refuse" });
    assert.deepEqual(failed, { id: 99, ok: false, error: { code: "failed", message: "out of stock", detail: { sku: "apple", left: 0 } } });
    assert.equal(((await http("GET", "/v1/entities/failing/k")) as { state: number }).state, 0, "failed commands changed nothing");
    assert.deepEqual(await s.request({ id: 100, op: "call", service: "counter", key: "ok", command: "get" }), { id: 100, ok: true, result: 0 });
  });

  it("answers entity_deleted after a delete", async () => {
    const s = await open();
    await s.request({ id: 1, op: "call", service: "counter", key: "del", command: "remove" });
    assert.equal(errorCode(await s.request({ id: 2, op: "call", service: "counter", key: "del", command: "get" })), "entity_deleted");
    assert.equal(errorCode(await s.request({ id: 3, op: "subscribe", service: "counter", key: "del" })), "entity_deleted");
  });

  it("answers invalid frames that have an id with invalid_input, and stays usable", async () => {
    const s = await open();
    const cases: Record<string, unknown>[] = [
      { id: 1, op: "nope" },
      { id: 2 },
      { id: 3, op: 7 },
      { id: 4, op: "call", key: "k", command: "get" },
      { id: 5, op: "call", service: "counter", key: 5, command: "get" },
      { id: 6, op: "call", service: "counter", key: "k" },
      { id: 7, op: "subscribe", service: "", key: "k" },
      { id: 8, op: "stream", service: "presence", key: "k" },
      { id: 9, op: "cancel" },
      { id: 10, op: "cancel", sub: "3" },
    ];
    for (const frame of cases) {
      const reply = await s.request(frame as Record<string, unknown> & { id: number });
      assert.equal(errorCode(reply), "invalid_input", JSON.stringify(reply));
    }
    // 10,000 levels of nesting in the input (written by hand: JSON.stringify would overflow).
    s.sendRaw(`{"id":11,"op":"call","service":"counter","key":"k","command":"echo","input":${"[".repeat(10_000)}${"]".repeat(10_000)}}`, false);
    const deep = await s.reply("id", 11);
    assert.equal(errorCode(deep), "invalid_input");
    assert.match(JSON.stringify(deep), /deeper than 64/);
    assert.deepEqual(await s.request({ id: 50, op: "call", service: "counter", key: "k", command: "get" }), { id: 50, ok: true, result: 0 });
  });

  it("closes with 4400 on frames without a usable id, and the server keeps serving", async () => {
    const frames: (string | Buffer)[] = [
      "not json",
      "[1,2]",
      "null",
      '{"op":"call"}',
      '{"id":"1","op":"call"}',
      '{"id":0,"op":"call"}',
      '{"id":1.5,"op":"call"}',
      '{"id":4294967296,"op":"call"}',
      `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`,
    ];
    for (const f of frames) {
      const s = await open();
      s.sendRaw(f, false);
      const closed = await s.closed;
      assert.equal(closed.code, 4400, `${String(f).slice(0, 30)}: ${JSON.stringify(closed)}`);
    }
    const s = await open();
    assert.equal((await s.request({ id: 1, op: "call", service: "counter", key: "k", command: "get" })).ok, true);
  });

  it("refuses invalid UTF-8 in a text frame (1007, by ws)", async () => {
    const s = await open();
    s.sendRaw(Buffer.from([0x7b, 0xff, 0x7d]), false);
    assert.equal((await s.closed).code, 1007);
  });
});

describe("/v1/ws subscriptions", () => {
  it("answers subscribe with the view, pushes every change, and stops after cancel", async () => {
    const s = await open();
    await http("POST", "/v1/entities/counter/sub1/increment", "2");
    const first = await s.request({ id: 7, op: "subscribe", service: "counter", key: "sub1" });
    assert.deepEqual(first, { id: 7, ok: true, state: 2, version: { [node.replica.id]: 1 } });
    await http("POST", "/v1/entities/counter/sub1/increment", "3");
    assert.deepEqual(await s.reply("sub", 7), { sub: 7, state: 5, version: { [node.replica.id]: 2 } });
    // A change through the socket itself is pushed too.
    await s.request({ id: 8, op: "call", service: "counter", key: "sub1", command: "increment", input: 1 });
    await s.reply("sub", 7, (f) => f.state === 6);
    assert.deepEqual(await s.request({ id: 9, op: "cancel", sub: 7 }), { id: 9, ok: true });
    const pushes = s.json().filter((f) => f.sub === 7).length;
    await http("POST", "/v1/entities/counter/sub1/increment", "1");
    await sleep(100);
    assert.equal(s.json().filter((f) => f.sub === 7).length, pushes, "no pushes after cancel");
    // Cancelling again, or something never opened, is fine.
    assert.deepEqual(await s.request({ id: 10, op: "cancel", sub: 7 }), { id: 10, ok: true });
    assert.deepEqual(await s.request({ id: 11, op: "cancel", sub: 12345 }), { id: 11, ok: true });
  });

  it("refuses an id already used by an open subscription", async () => {
    const s = await open();
    await s.request({ id: 1, op: "subscribe", service: "counter", key: "dup" });
    s.send({ id: 1, op: "subscribe", service: "counter", key: "other" });
    const again = await s.reply("id", 1, (f) => f.ok === false);
    assert.equal(errorCode(again), "invalid_input");
    assert.match(JSON.stringify(again), /in use/);
  });

  it("ends a subscription with entity_deleted when the entity is deleted", async () => {
    const s = await open();
    await s.request({ id: 1, op: "subscribe", service: "counter", key: "del2" });
    await http("POST", "/v1/entities/counter/del2/remove");
    const push = await s.reply("sub", 1, (f) => f.ok === false);
    assert.equal(errorCode(push), "entity_deleted");
  });
});

describe("/v1/ws streams", () => {
  it("opens with {id, ok}, pushes messages, and cancel runs onClose", async () => {
    const s = await open();
    assert.deepEqual(await s.request({ id: 3, op: "stream", service: "presence", key: "room1", stream: "connect", input: { user: "bob" } }), {
      id: 3,
      ok: true,
    });
    assert.deepEqual(await s.reply("sub", 3), { sub: 3, message: { online: 1 } });
    await http("POST", "/v1/entities/presence/room1/bump");
    await s.reply("sub", 3, (f) => JSON.stringify(f.message) === '{"online":2}');
    assert.deepEqual(await s.request({ id: 4, op: "cancel", sub: 3 }), { id: 4, ok: true });
    assert.equal(await online("room1"), 1, "onClose decremented");
  });

  it("ends with {sub, end:true, message} when the handler calls ctx.end", async () => {
    const s = await open();
    await s.request({ id: 1, op: "stream", service: "presence", key: "room2", stream: "untilThree" });
    for (let i = 0; i < 3; i++) await http("POST", "/v1/entities/presence/room2/bump");
    const end = await s.reply("sub", 1, (f) => f.end === true);
    assert.deepEqual(end, { sub: 1, end: true, message: { done: 3 } });
    const messages = s.json().filter((f) => f.sub === 1 && "message" in f && f.end === undefined);
    assert.ok(messages.every((f) => typeof f.message === "number"));
  });

  it("sends the open reply before messages and end produced while opening", async () => {
    const s = await open();
    s.send({ id: 5, op: "stream", service: "presence", key: "room3", stream: "immediate" });
    await s.reply("sub", 5, (f) => f.end === true);
    assert.deepEqual(
      s.json().filter((f) => f.id === 5 || f.sub === 5),
      [{ id: 5, ok: true }, { sub: 5, message: "hello" }, { sub: 5, end: true, message: "bye" }],
    );
  });

  it("fails a stream whose onChange mutates state with {sub, ok:false, error}", async () => {
    const s = await open();
    await s.request({ id: 1, op: "stream", service: "presence", key: "room4", stream: "mutateOnChange" });
    await http("POST", "/v1/entities/presence/room4/bump");
    const failed = await s.reply("sub", 1, (f) => f.ok === false);
    assert.equal(typeof errorCode(failed), "string");
    assert.equal(await online("room4"), 1, "the attempted mutation did not apply");
  });

  it("cancels every stream when the socket closes: onClose runs (presence goes offline)", async () => {
    const a = await open();
    const b = await open();
    await a.request({ id: 1, op: "stream", service: "presence", key: "lobby", stream: "connect", input: { user: "a" } });
    await a.request({ id: 2, op: "stream", service: "presence", key: "lobby2", stream: "connect", input: { user: "a" } });
    await a.request({ id: 3, op: "subscribe", service: "presence", key: "lobby" });
    await b.request({ id: 1, op: "stream", service: "presence", key: "lobby", stream: "connect", input: { user: "b" } });
    await b.reply("sub", 1, (f) => JSON.stringify(f.message) === '{"online":2}');
    a.close();
    await b.reply("sub", 1, (f) => JSON.stringify(f.message) === '{"online":1}');
    await waitFor("lobby2 offline", async () => (await online("lobby2")) === 0);
    assert.equal(await online("lobby"), 1);
  });

  it("drops clients that stop answering pings, which cancels their streams", async () => {
    const n = await startTestNode({ limits: { pingIntervalMs: 100 } });
    try {
      const s = await open(n);
      await s.request({ id: 1, op: "stream", service: "presence", key: "ghost", stream: "connect", input: { user: "g" } });
      assert.equal(await online("ghost", n), 1);
      // The client vanishes: its socket no longer reads, so pings go unanswered.
      (s.ws as unknown as { _socket: Socket })._socket.pause();
      await waitFor("ghost offline", async () => (await online("ghost", n)) === 0);
      (s.ws as unknown as { _socket: Socket })._socket.destroy();
    } finally {
      await n.close();
    }
  });
});

describe("/v1/ws binary frames", () => {
  function bin(s: TestSocket, field: "id" | "sub", value: number, pred: (f: client.ServerFrame) => boolean = () => true): Promise<client.ServerFrame> {
    return s.waitFor((r) => isBinary(r) && r.frame[field] === value && pred(r.frame)).then((r) => (r as Extract<Received, { form: "binary" }>).frame);
  }

  it("answers binary requests in binary: call, errors, subscribe, stream, cancel", async () => {
    const s = await open();
    s.sendBinary({ id: 1, call: { service: "counter", key: "b1", command: "increment", inputJson: "5" } });
    const r1 = await bin(s, "id", 1);
    assert.equal(r1.body, "result");
    assert.equal(r1.result?.json, "5");

    s.sendBinary({ id: 2, call: { service: "failing", key: "b1", command: "refuse" } });
    const r2 = await bin(s, "id", 2);
    assert.equal(r2.body, "error");
    assert.equal(r2.error?.code, "failed");
    assert.deepEqual(JSON.parse(r2.error?.detailJson ?? ""), { sku: "apple", left: 0 });

    s.sendBinary({ id: 3, subscribe: { service: "counter", key: "b1" } });
    const r3 = await bin(s, "id", 3);
    assert.equal(r3.body, "state");
    assert.equal(r3.state?.stateJson, "5");
    assert.deepEqual(
      r3.state?.version?.map((e) => [e.replica, e.count]),
      [[node.replica.id, 1]],
    );
    await http("POST", "/v1/entities/counter/b1/increment", "1");
    const push = await bin(s, "sub", 3);
    assert.equal(push.id, 0);
    assert.equal(push.state?.stateJson, "6");

    s.sendBinary({ id: 4, stream: { service: "presence", key: "b1", stream: "immediate" } });
    assert.equal((await bin(s, "id", 4)).body, "ok");
    assert.equal((await bin(s, "sub", 4, (f) => f.body === "message")).message?.json, '"hello"');
    assert.equal((await bin(s, "sub", 4, (f) => f.body === "end")).end?.messageJson, '"bye"');

    s.sendBinary({ id: 5, cancel: { sub: 3 } });
    assert.equal((await bin(s, "id", 5)).body, "ok");

    // No input_json means null; invalid JSON in input_json is invalid_input.
    s.sendBinary({ id: 6, call: { service: "counter", key: "b1", command: "echo" } });
    assert.equal((await bin(s, "id", 6)).result?.json, "null");
    s.sendBinary({ id: 7, call: { service: "counter", key: "b1", command: "echo", inputJson: "{nope" } });
    assert.equal((await bin(s, "id", 7)).error?.code, "invalid_input");
    // An unset op (what a newer op looks like) is invalid_input.
    s.sendBinary({ id: 8 });
    assert.equal((await bin(s, "id", 8)).error?.code, "invalid_input");
    s.sendBinary({ id: 9, call: { service: "counter", key: "b1", command: "echo", inputJson: "[".repeat(10_000) + "]".repeat(10_000) } });
    assert.equal((await bin(s, "id", 9)).error?.code, "invalid_input");
    assert.ok(s.received.every((r) => r.form === "binary"), "binary requests are answered in binary only");
  });

  it("mixes forms on one connection, each answered in its own", async () => {
    const s = await open();
    s.sendBinary({ id: 1, call: { service: "counter", key: "mix", command: "get" } });
    s.send({ id: 2, op: "call", service: "counter", key: "mix", command: "get" });
    assert.equal((await bin(s, "id", 1)).result?.json, "0");
    assert.deepEqual(await s.reply("id", 2), { id: 2, ok: true, result: 0 });
  });

  it("closes with 4400 on undecodable binary frames or ones without an id", async () => {
    for (const bytes of [Buffer.from([0xff, 0xff, 0xff]), Buffer.from([0x0a, 0x05, 0x01]), Buffer.alloc(0), Buffer.from([0x12, 0x00])]) {
      const s = await open();
      s.sendRaw(bytes, true);
      assert.equal((await s.closed).code, 4400, bytes.toString("hex"));
    }
  });
});

describe("/v1/ws limits", () => {
  it("closes with 1009 on a frame over the size limit (default 1 MiB)", async () => {
    const s = await open();
    s.send({ id: 1, op: "call", service: "counter", key: "k", command: "echo", input: "x".repeat(1024 * 1024) });
    assert.equal((await s.closed).code, 1009);
    const b = await open();
    b.sendRaw(Buffer.alloc(1024 * 1024 + 1), true);
    assert.equal((await b.closed).code, 1009);
    const ok = await open();
    assert.equal((await ok.request({ id: 1, op: "call", service: "counter", key: "k", command: "echo", input: "x".repeat(1000) })).ok, true);
  });

  it("refuses frames over the rate with rate_limited, and closes with 4429 when it persists", async () => {
    const n = await startTestNode({ limits: { maxFramesPerSecond: 10 } });
    try {
      const s = await open(n);
      for (let i = 1; i <= 15; i++) s.send({ id: i, op: "call", service: "counter", key: "r", command: "get" });
      await s.reply("id", 15);
      const replies = s.json();
      // The bucket holds 10; a token or so may refill while the frames arrive.
      const accepted = replies.filter((f) => f.ok === true).length;
      assert.ok(accepted >= 10 && accepted <= 11, `accepted ${accepted}`);
      assert.equal(replies.filter((f) => errorCode(f) === "rate_limited").length, 15 - accepted);
      // Refused frames are not run: nothing changed.
      for (let i = 16; i <= 60; i++) s.send({ id: i, op: "call", service: "counter", key: "r", command: "increment" });
      assert.equal((await s.closed).code, 4429);
      assert.ok(((await http("GET", "/v1/entities/counter/r", undefined, n)) as { state: number }).state < 5);
      const fresh = await open(n);
      assert.equal((await fresh.request({ id: 1, op: "call", service: "counter", key: "r", command: "get" })).ok, true);
    } finally {
      await n.close();
    }
  });

  it("refuses requests over the in-flight limit with rate_limited", async () => {
    const n = await startTestNode({ limits: { maxInFlight: 2 } });
    try {
      const s = await open(n);
      for (let i = 1; i <= 4; i++) s.send({ id: i, op: "call", service: "counter", key: "f", command: "slow" });
      for (let i = 1; i <= 4; i++) await s.reply("id", i);
      const byId = new Map(s.json().map((f) => [f.id, f]));
      assert.equal(byId.get(1)?.ok, true);
      assert.equal(byId.get(2)?.ok, true);
      assert.equal(errorCode(byId.get(3) ?? {}), "rate_limited");
      assert.equal(errorCode(byId.get(4) ?? {}), "rate_limited");
      assert.equal((await s.request({ id: 5, op: "call", service: "counter", key: "f", command: "get" })).ok, true);
    } finally {
      await n.close();
    }
  });

  it("refuses subscriptions over the per-connection limit with rate_limited", async () => {
    const n = await startTestNode({ limits: { maxSubscriptions: 2 } });
    try {
      const s = await open(n);
      assert.equal((await s.request({ id: 1, op: "subscribe", service: "counter", key: "a" })).ok, true);
      assert.equal((await s.request({ id: 2, op: "stream", service: "presence", key: "a", stream: "connect", input: { user: "u" } })).ok, true);
      assert.equal(errorCode(await s.request({ id: 3, op: "subscribe", service: "counter", key: "b" })), "rate_limited");
      await s.request({ id: 4, op: "cancel", sub: 1 });
      assert.equal((await s.request({ id: 5, op: "subscribe", service: "counter", key: "b" })).ok, true);
    } finally {
      await n.close();
    }
  });

  it("reports open sockets, subscriptions and streams on /metrics, and releases them on close", async () => {
    const n = await startTestNode();
    const metric = async (name: string): Promise<number> => {
      const text = (await n.app.inject({ method: "GET", url: "/metrics" })).body;
      const line = text.split("\n").find((l) => l.startsWith(name));
      return Number(line?.split(" ").pop());
    };
    try {
      const s = await open(n);
      await s.request({ id: 1, op: "subscribe", service: "counter", key: "m" });
      await s.request({ id: 2, op: "stream", service: "presence", key: "m", stream: "connect", input: { user: "u" } });
      await s.request({ id: 3, op: "call", service: "counter", key: "m", command: "increment" });
      assert.equal(await metric("lattice_client_sockets"), 1);
      assert.equal(await metric('lattice_client_subscriptions{transport="ws"}'), 1);
      assert.equal(await metric("lattice_client_streams"), 1);
      assert.equal(await metric('lattice_commands_total{service="counter",command="increment",outcome="ok"}'), 1);
      assert.ok((await metric('lattice_command_duration_seconds_count{service="counter",command="increment"}')) >= 1);
      s.close();
      await waitFor("released", async () => (await metric("lattice_client_sockets")) === 0 && (await metric("lattice_client_streams")) === 0);
      assert.equal(await metric('lattice_client_subscriptions{transport="ws"}'), 0);
      assert.equal(await online("m", n), 0);
      // Unknown names do not become labels.
      await n.app.inject({ method: "POST", url: "/v1/entities/random-name-1/k/x" });
      const text = (await n.app.inject({ method: "GET", url: "/metrics" })).body;
      assert.doesNotMatch(text, /random-name-1/);
      assert.match(text, /lattice_commands_total\{service="\(unknown\)",command="\(unknown\)",outcome="unknown_service"\} 1/);
    } finally {
      await n.close();
    }
  });

  it("closes client sockets with 1001 on shutdown after cancelling their streams", async () => {
    const n = await startTestNode();
    const s = await open(n);
    await s.request({ id: 1, op: "stream", service: "presence", key: "bye", stream: "connect", input: { user: "u" } });
    await n.close();
    assert.equal((await s.closed).code, 1001);
  });
});
