/**
 * Counters of a running replica read from its `GET /metrics` (Prometheus text), so that the
 * client-API benchmarks can say what one command cost the replica inside: group-commit batches
 * and entities written, deltas and bytes pushed to peers, deltas received.
 */
import { request } from "node:http";
import { round } from "../harness.js";

/** Sums of every sample of each metric name (labels summed away). */
export type MetricSums = Map<string, number>;

function getText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { connection: "close" }, timeout: 10_000 }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`GET ${url}: ${res.statusCode}`))));
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on("error", reject);
    req.end();
  });
}

export async function scrape(baseUrl: string): Promise<MetricSums> {
  if (!baseUrl.startsWith("http://127.0.0.1:")) throw new Error(`refusing to fetch ${baseUrl}: 127.0.0.1 only`);
  const text = await getText(`${baseUrl}/metrics`);
  const sums: MetricSums = new Map();
  for (const line of text.split("\n")) {
    if (line.length === 0 || line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const v = Number(m[3]);
    if (!Number.isFinite(v)) continue;
    sums.set(m[1] as string, (sums.get(m[1] as string) ?? 0) + v);
  }
  return sums;
}

export interface InternalCounts {
  commands: number;
  storeBatches: number;
  entitiesPerBatch: number;
  /** Entity rows written per command (< 1 when several commands on one entity share a batch). */
  entitiesWrittenPerCommand: number;
  /** Deltas pushed to all peers per command (2 peers: at most 2; less when coalesced per entity). */
  deltasSentPerCommand: number;
  bytesPerDeltaSent: number;
  meanStoreBatchMs: number;
}

/** What the replica did between two scrapes, per command. */
export function internals(before: MetricSums, after: MetricSums): InternalCounts {
  const d = (name: string): number => (after.get(name) ?? 0) - (before.get(name) ?? 0);
  const commands = d("lattice_commands_total");
  const batches = d("lattice_store_batch_entities_count");
  const entities = d("lattice_store_batch_entities_sum");
  const deltas = d("lattice_deltas_sent_total");
  const bytes = d("lattice_delta_bytes_sent_total");
  const per = (x: number, n: number): number => (n > 0 ? round(x / n, 3) : 0);
  return {
    commands,
    storeBatches: batches,
    entitiesPerBatch: per(entities, batches),
    entitiesWrittenPerCommand: per(entities, commands),
    deltasSentPerCommand: per(deltas, commands),
    bytesPerDeltaSent: per(bytes, deltas),
    meanStoreBatchMs: per(d("lattice_store_batch_seconds_sum") * 1000, batches),
  };
}
