import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import { afterEach, beforeEach, describe, it, mock } from "node:test";
import type { WebSocket } from "ws";
import { keepAlive } from "./keep-alive.js";

/** The part of a ws WebSocket keepAlive uses: pings counted, pongs emitted by the test. */
class FakeSocket extends EventEmitter {
  isPaused = false;
  pings = 0;
  terminated = false;
  ping(): void {
    this.pings++;
  }
  terminate(): void {
    this.terminated = true;
  }
}

const quiet = { debug: () => undefined };

describe("keepAlive", () => {
  beforeEach(() => mock.timers.enable({ apis: ["setInterval"] }));
  afterEach(() => mock.timers.reset());

  function start(socket: FakeSocket): () => void {
    // Reason for the cast: keepAlive only uses on/off, ping, terminate and isPaused of a WebSocket.
    return keepAlive(socket as unknown as WebSocket, 100, quiet);
  }

  it("pings every interval and drops a socket that did not answer the previous ping", () => {
    const socket = new FakeSocket();
    const stop = start(socket);
    mock.timers.tick(100);
    assert.equal(socket.pings, 1);
    socket.emit("pong");
    mock.timers.tick(100);
    assert.equal(socket.pings, 2);
    assert.equal(socket.terminated, false);
    mock.timers.tick(100);
    assert.equal(socket.terminated, true);
    stop();
    assert.equal(socket.listenerCount("pong"), 0);
  });

  it("neither pings nor drops a socket the server paused: it cannot read pongs until it resumes", () => {
    const socket = new FakeSocket();
    const stop = start(socket);
    mock.timers.tick(100);
    assert.equal(socket.pings, 1);
    socket.isPaused = true;
    mock.timers.tick(1_000);
    assert.equal(socket.terminated, false);
    assert.equal(socket.pings, 1);
    // Resumed, the pong it could not read arrives.
    socket.isPaused = false;
    socket.emit("pong");
    mock.timers.tick(100);
    assert.equal(socket.terminated, false);
    assert.equal(socket.pings, 2);
    stop();
  });
});
