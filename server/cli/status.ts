/**
 * `lattice status [url]`: GET /v1/cluster of one replica as a readable table (and its partition
 * lab rules when LATTICE_LAB is on there).
 *
 * @module
 */
import { parseArgs } from "node:util";
import type { PeerStatus } from "../../replica/cluster.js";
import type { LabRules } from "../../replica/transport/lab-transport.js";
import { errorText, requestJson } from "../api/http-json.js";
import { CLUSTER_REGIONS } from "./topology.js";
import { UsageError } from "./usage.js";

export const DEFAULT_URL = `http://127.0.0.1:${CLUSTER_REGIONS[0]?.port ?? 8081}`;

export function statusHelp(): string {
  return [
    "Usage: lattice status [url] [--token T] [--json]",
    "",
    `Shows what the replica at url (default ${DEFAULT_URL}, us-east of \`lattice cluster\`) knows`,
    "of its cluster: each peer's region, replica id, gossip URL, whether it is connected, when",
    "it was last heard from, deltas queued for it and the last anti-entropy round.",
    "",
    "  --token T   bearer token, when the replica has LATTICE_AUTH_SECRET",
    "  --json      print /v1/cluster as JSON instead of a table",
  ].join("\n");
}

/** What GET /v1/cluster answers; its peers are the cluster's own PeerStatus (replica/cluster.ts). */
interface ClusterDocument {
  readonly replica: { readonly id: string; readonly region: string; readonly url: string };
  readonly peers: readonly PeerStatus[];
}

/** "0.4 s ago", "3 min ago", or "never". */
function ago(ms: number | null): string {
  if (ms === null) return "never";
  if (ms < 1000) return `${ms} ms ago`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s ago`;
  return `${Math.round(ms / 60_000)} min ago`;
}

/** Left-aligned columns separated by two spaces; the last column is not padded. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  ").trimEnd()).join("\n");
}

export function formatLab(lab: LabRules): string {
  const cuts = lab.partitions.map(([a, b]) => `${a} ✕ ${b}`).join(", ") || "none";
  const latency = Object.entries(lab.latencyMs).map(([r, ms]) => `${r} +${ms} ms`).join(", ") || "none";
  return `partitions: ${cuts}; latency: ${latency}`;
}

export function formatCluster(doc: ClusterDocument, lab: LabRules | undefined): string {
  const rows: string[][] = [["REGION", "REPLICA", "GOSSIP URL", "STATE", "LAST HEARD", "QUEUED", "ANTI-ENTROPY", "NOTE"]];
  rows.push([doc.replica.region, doc.replica.id, doc.replica.url, "self", "", "", "", ""]);
  const peers = [...doc.peers].sort((a, b) => (a.region ?? "~").localeCompare(b.region ?? "~") || a.url.localeCompare(b.url));
  for (const p of peers) {
    rows.push([
      p.region ?? "?",
      p.id ?? "?",
      p.url,
      p.connected ? "up" : "down",
      ago(p.lastHeardMs),
      String(p.queuedDeltas),
      ago(p.lastAntiEntropyMs),
      p.error ?? "",
    ]);
  }
  const up = doc.peers.filter((p) => p.connected).length;
  const lines = [table(rows), "", `${up} of ${doc.peers.length} peer(s) connected`];
  if (lab) lines.push(`partition lab: ${formatLab(lab)}`);
  return lines.join("\n");
}

export async function runStatus(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { token: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(`${statusHelp()}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`lattice status takes one URL, got ${positionals.join(" ")}`);
  const base = (positionals[0] ?? DEFAULT_URL).replace(/\/+$/, "");
  const auth = values.token !== undefined ? { token: values.token } : {};
  const res = await requestJson("GET", `${base}/v1/cluster`, auth);
  if (res.status !== 200) {
    process.stderr.write(`lattice status: GET ${base}/v1/cluster: ${errorText(res)}\n`);
    return 1;
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(res.body, null, 2)}\n`);
    return 0;
  }
  // The lab's rules explain a "down" peer at a glance; a replica without the lab answers 404.
  const lab = await requestJson("GET", `${base}/v1/lab`, auth).catch(() => undefined);
  process.stdout.write(`${formatCluster(res.body as ClusterDocument, lab?.status === 200 ? (lab.body as LabRules) : undefined)}\n`);
  return 0;
}

