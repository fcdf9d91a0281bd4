/**
 * One replica process for multi-process benchmarks: started by ./replica-process.ts with
 * `child_process.fork`, it runs `startNode` (server/node.ts) with the flags it was given
 * (`--port 0 --data-dir … --region … --peers …`), reports `{ ready, status }` over IPC, and then
 * answers the requests of ./host-protocol.ts: status, a steady write load, lag statistics, sums.
 * It also serves a bare `ws` echo server on 127.0.0.1 and can ping another host's, so that a
 * benchmark can set the replication lag beside the raw transport between the same processes.
 *
 * It records what the cluster observes by replacing `node.cluster.observer` with a wrapper that
 * forwards to the node's Prometheus observer and keeps every convergence-lag sample.
 *
 * Not a benchmark by itself: bench/run.ts does not list it. It exits when its parent goes away.
 */
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import WebSocket, { WebSocketServer } from "ws";
import type { ClusterObserver } from "../../replica/cluster-observer.js";
import { loadConfig } from "../../server/config.js";
import { startNode } from "../../server/node.js";
import type { LatticeNode } from "../../server/node.js";
import type { HostReady, HostReply, HostRequest, HostStats, HostStatus, LoadResult, RawPingResult } from "./host-protocol.js";
import { counterOf, distribution, increment, seededRandom } from "./stats.js";

interface Counters {
  lag: Map<string, number[]>;
  received: Map<string, { deltas: number; bytes: number }>;
  sent: Map<string, { deltas: number; bytes: number }>;
  rounds: number;
  repaired: number;
}

function freshCounters(): Counters {
  return { lag: new Map(), received: new Map(), sent: new Map(), rounds: 0, repaired: 0 };
}

function add(map: Map<string, { deltas: number; bytes: number }>, key: string, deltas: number, bytes: number): void {
  const c = map.get(key) ?? { deltas: 0, bytes: 0 };
  c.deltas += deltas;
  c.bytes += bytes;
  map.set(key, c);
}

function recordingObserver(base: ClusterObserver, counters: () => Counters): ClusterObserver {
  return {
    deltasSent(region, deltas, bytes) {
      add(counters().sent, region, deltas, bytes);
      base.deltasSent(region, deltas, bytes);
    },
    deltasReceived(region, deltas, bytes) {
      add(counters().received, region, deltas, bytes);
      base.deltasReceived(region, deltas, bytes);
    },
    convergenceLag(region, ms) {
      const c = counters();
      let list = c.lag.get(region);
      if (!list) c.lag.set(region, (list = []));
      list.push(ms);
      base.convergenceLag(region, ms);
    },
    antiEntropyRound(region) {
      counters().rounds++;
      base.antiEntropyRound(region);
    },
    entitiesRepaired(region, n) {
      counters().repaired += n;
      base.entitiesRepaired(region, n);
    },
    peerRefused(url, reason) {
      base.peerRefused(url, reason);
    },
  };
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

function status(node: LatticeNode, echoUrl: string): HostStatus {
  const peers = node.cluster.status();
  return {
    replicaId: node.replica.id,
    region: node.replica.region,
    url: node.cluster.advertiseUrl,
    echoUrl,
    livePeers: node.cluster.live().size,
    root: hex(node.replica.tree.root),
    queuedDeltas: peers.reduce((n, p) => n + p.queuedDeltas, 0),
  };
}

/** Issues `rate` commands per second for `durationMs`, on a timer, without waiting for each. */
async function load(node: LatticeNode, req: Extract<HostRequest, { op: "load" }>): Promise<LoadResult> {
  const replica = node.replica;
  const random = seededRandom(req.seed);
  const produce = increment(replica.id);
  const latencies: number[] = [];
  const pending = new Set<Promise<void>>();
  let issued = 0;
  let completed = 0;
  let failed = 0;
  const t0 = performance.now();
  const total = Math.round((req.rate * req.durationMs) / 1000);
  const issueOne = (): void => {
    const key = `k${Math.floor(random() * req.keys)}`;
    const start = performance.now();
    issued++;
    const p = replica.update({ service: req.service, key }, "pncounter", produce).then(
      () => {
        completed++;
        latencies.push(performance.now() - start);
      },
      () => {
        failed++;
      },
    );
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const elapsed = performance.now() - t0;
      const due = Math.min(total, Math.floor((elapsed * req.rate) / 1000));
      // At most one second's worth per tick, so a stalled loop does not release a burst.
      for (let n = 0; issued < due && n < req.rate; n++) issueOne();
      if (issued >= total || elapsed >= req.durationMs) resolve();
      else setTimeout(tick, 2);
    };
    tick();
  });
  await Promise.all(pending);
  return { issued, completed, failed, elapsedMs: Math.round(performance.now() - t0), latencyMs: distribution(latencies, 3) };
}

/** A bare ws server on 127.0.0.1 that sends every message back. */
async function startEcho(): Promise<{ url: string; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    wss.once("listening", resolve);
    wss.once("error", reject);
  });
  wss.on("connection", (socket) => {
    socket.on("error", () => socket.terminate());
    socket.on("message", (data, isBinary) => socket.send(data, { binary: isBinary }));
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}

const RAW_PING_WARMUP = 20;
const RAW_PING_TIMEOUT_MS = 30_000;

/** Sequential pings to another host's echo server; the socket is closed before it resolves. */
function rawPing(req: Extract<HostRequest, { op: "rawPing" }>): Promise<RawPingResult> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(req.url, { perMessageDeflate: false });
    const rtt: number[] = [];
    let sent = 0;
    let sentAt = 0;
    let timer: NodeJS.Timeout | undefined;
    const deadline = setTimeout(() => finish(new Error(`rawPing ${req.url}: no result within ${RAW_PING_TIMEOUT_MS} ms`)), RAW_PING_TIMEOUT_MS);
    let done = false;
    const finish = (err?: Error): void => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      if (timer) clearTimeout(timer);
      socket.removeAllListeners("message");
      socket.on("error", () => undefined);
      socket.terminate();
      if (err) reject(err);
      else resolve({ rttMs: distribution(rtt, 3) });
    };
    const ping = (): void => {
      sentAt = performance.now();
      socket.send(String(sent++));
    };
    socket.on("open", ping);
    socket.on("error", (err) => finish(err));
    socket.on("close", () => finish(new Error(`rawPing ${req.url}: closed after ${rtt.length} of ${req.count} round trips`)));
    socket.on("message", () => {
      if (sent > RAW_PING_WARMUP) rtt.push(performance.now() - sentAt);
      if (rtt.length >= req.count) finish();
      else timer = setTimeout(ping, req.intervalMs);
    });
  });
}

async function sum(node: LatticeNode, keys: number, service: string): Promise<number> {
  let total = 0;
  for (let k = 0; k < keys; k++) {
    const e = await node.replica.read({ service, key: `k${k}` });
    if (e) total += counterOf(e.state);
  }
  return total;
}

async function main(): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error("replica-host must be started with an IPC channel (child_process.fork)");
  const node = await startNode(loadConfig({}, process.argv.slice(2)), { logger: false });
  const echo = await startEcho();
  let counters = freshCounters();
  node.cluster.observer = recordingObserver(node.cluster.observer, () => counters);
  // If the parent dies, so do we.
  process.on("disconnect", () => {
    void Promise.allSettled([node.close(), echo.close()]).finally(() => process.exit(0));
  });

  const handle = async (req: HostRequest): Promise<unknown> => {
    switch (req.op) {
      case "status":
        return status(node, echo.url);
      case "load":
        return load(node, req);
      case "resetStats":
        counters = freshCounters();
        return null;
      case "stats": {
        const m = process.memoryUsage();
        const stats: HostStats = {
          lagMs: Object.fromEntries([...counters.lag].map(([region, v]) => [region, distribution(v, 3)])),
          deltasReceived: Object.fromEntries(counters.received),
          deltasSent: Object.fromEntries(counters.sent),
          antiEntropyRounds: counters.rounds,
          entitiesRepaired: counters.repaired,
          rssMiB: Math.round(m.rss / 2 ** 20),
          heapUsedMiB: Math.round(m.heapUsed / 2 ** 20),
        };
        return stats;
      }
      case "sum":
        return sum(node, req.keys, req.service);
      case "rawPing":
        return rawPing(req);
      case "close":
        await echo.close();
        await node.close();
        setImmediate(() => process.exit(0));
        return null;
    }
  };

  process.on("message", (raw) => {
    const req = raw as HostRequest;
    handle(req).then(
      (value) => send({ id: req.id, ok: true, value } satisfies HostReply),
      (err: unknown) => send({ id: req.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies HostReply),
    );
  });
  send({ ready: true, status: status(node, echo.url) } satisfies HostReady);
}

main().catch((err: unknown) => {
  process.stderr.write(`replica-host: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
