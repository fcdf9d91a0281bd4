/**
 * `lattice lab …`: the partition lab's admin calls (server/plugins/lab.ts) from the command line.
 * The call goes to one replica, which applies the rule and forwards it to every peer it knows, so
 * one URL is enough for a whole cluster (also inside docker-compose, where only the replicas can
 * resolve each other's names).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { errorText, requestJson } from "../api/http-json.js";
import type { JsonResponse } from "../api/http-json.js";
import type { LabAnswer, LabView } from "../plugins/lab.js";
import { DEFAULT_URL, formatLab } from "./status.js";
import { UsageError } from "./usage.js";

export function labHelp(): string {
  return [
    "Usage: lattice lab [show|partition|heal|latency] … [--url U] [--token T] [--local]",
    "",
    "Cuts or delays gossip between regions inside the replicas, to watch divergence and",
    "convergence. Every replica must run with LATTICE_LAB=1 (lattice start --lab, or",
    "lattice cluster --lab); without it the calls are refused with 404 unknown_command.",
    "",
    "  lattice lab                          show the rules on the replica at --url",
    "  lattice lab partition us-east eu-west   cut gossip between two regions (both ways;",
    "                                       frames vanish, nobody is told: peers time out)",
    "  lattice lab latency eu-west 120ms    add 120 ms one way to every frame entering or",
    "                                       leaving eu-west (0 removes it)",
    "  lattice lab heal                     remove every cut and every latency",
    "",
    `  --url U     a replica of the cluster (default ${DEFAULT_URL}); it forwards the rule`,
    "              to every peer it knows, and the answer lists each of them",
    "  --token T   bearer token, when the replicas have LATTICE_AUTH_SECRET",
    "  --local     apply on that replica only (no forwarding)",
  ].join("\n");
}

/** "120ms", "120", "1.5s" or "2s" as whole milliseconds. */
export function parseDuration(raw: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(raw.trim());
  if (!m) throw new UsageError(`"${raw}" is not a duration such as 120ms or 1.5s`);
  const ms = Number(m[1]) * (m[2] === "s" ? 1000 : 1);
  if (!Number.isInteger(ms)) throw new UsageError(`"${raw}" is not a whole number of milliseconds`);
  return ms;
}

function report(base: string, res: JsonResponse): number {
  if (res.status !== 200) {
    process.stderr.write(`lattice lab: ${base}: ${errorText(res)}\n`);
    return 1;
  }
  // A POST answers LabAnswer; GET /v1/lab the view alone.
  const answer = res.body as LabAnswer | LabView;
  const lab = "lab" in answer ? answer.lab : answer;
  process.stdout.write(`${base} (${lab.region}): ${formatLab(lab)}\n`);
  const forwards = "lab" in answer ? (answer.propagated ?? []) : [];
  let failed = 0;
  for (const f of forwards) {
    if (f.ok) process.stdout.write(`${f.url}: applied\n`);
    else {
      failed++;
      process.stderr.write(`${f.url}: NOT applied: ${f.error ?? "?"}\n`);
    }
  }
  if (failed > 0) process.stderr.write(`lattice lab: ${failed} replica(s) did not apply the rule; run the command again once they are up\n`);
  return failed > 0 ? 1 : 0;
}

export async function runLab(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      url: { type: "string" },
      token: { type: "string" },
      local: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(`${labHelp()}\n`);
    return 0;
  }
  const base = (values.url ?? DEFAULT_URL).replace(/\/+$/, "");
  const auth = values.token !== undefined ? { token: values.token } : {};
  const propagate = values.local ? { propagate: false } : {};
  const [action = "show", ...rest] = positionals;
  const expect = (n: number, usage: string): void => {
    if (rest.length !== n) throw new UsageError(`usage: lattice lab ${usage}`);
  };
  switch (action) {
    case "show":
      expect(0, "show");
      return report(base, await requestJson("GET", `${base}/v1/lab`, auth));
    case "partition": {
      expect(2, "partition <region> <region>");
      return report(base, await requestJson("POST", `${base}/v1/lab/partition`, { ...auth, body: { regions: rest, ...propagate } }));
    }
    case "heal":
      expect(0, "heal");
      return report(base, await requestJson("POST", `${base}/v1/lab/heal`, { ...auth, body: { ...propagate } }));
    case "latency": {
      expect(2, "latency <region> <duration, e.g. 120ms>");
      const [region, duration] = rest as [string, string];
      return report(base, await requestJson("POST", `${base}/v1/lab/latency`, { ...auth, body: { region, ms: parseDuration(duration), ...propagate } }));
    }
    default:
      throw new UsageError(`unknown lab command "${action}" (show, partition, heal, latency)`);
  }
}
