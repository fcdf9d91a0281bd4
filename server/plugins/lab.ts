/**
 * The partition lab's admin API (SPEC §7, `LATTICE_LAB=1`): cut or delay gossip between named
 * regions inside the transport (replica/transport/lab-transport.ts), to watch divergence and
 * convergence on a laptop or in docker-compose.
 *
 *   GET  /v1/lab                                   this replica's rules and counters
 *   POST /v1/lab/partition {"regions": [a, b]}     cut gossip between regions a and b
 *   POST /v1/lab/latency   {"region": r, "ms": n}  add n ms one way to frames entering/leaving r (0 removes)
 *   POST /v1/lab/heal                              remove every cut and every latency
 *
 * A rule only means something when every replica applies it (each drops what it sends to and
 * receives from a cut region; latency is added where a frame is received), so a POST is applied
 * here and then forwarded to every peer this replica has authenticated (`"propagate": false` on
 * the forwarded call stops it there), with the caller's Authorization header. The answer lists
 * each forward.
 *
 * Registered inside the admin scope (auth like /v1/cluster). Without LATTICE_LAB every /v1/lab
 * route answers 404 unknown_command naming the setting: a production replica offers no way to
 * partition itself.
 *
 * @module
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { LatticeError } from "../../functions/errors.js";
import type { Cluster } from "../../replica/cluster.js";
import type { LabRules, LabStats, PartitionLab } from "../../replica/transport/lab-transport.js";
import { MAX_LAB_LATENCY_MS } from "../../replica/transport/lab-transport.js";
import { REGION_PATTERN } from "../config.js";
import { errorText, httpBaseOf, requestJson } from "../api/http-json.js";

export interface LabPluginOptions {
  /** The lab, or undefined when LATTICE_LAB is off. */
  readonly lab: PartitionLab | undefined;
  readonly cluster: Cluster;
  /** How long a forward to one peer may take (default 3000 ms: peers answer at once or are down). */
  readonly forwardTimeoutMs?: number;
}

/** GET /v1/lab, and the `lab` of every POST answer. */
export interface LabView extends LabRules {
  readonly region: string;
  readonly stats: LabStats;
}

/** One forwarded call in a POST answer. */
export interface LabForward {
  readonly url: string;
  readonly ok: boolean;
  readonly error?: string;
}

export interface LabAnswer {
  readonly lab: LabView;
  readonly propagated: readonly LabForward[];
}

const DEFAULT_FORWARD_TIMEOUT_MS = 3000;
/** The same rule as LATTICE_REGION (server/config.ts). */
const REGION = { type: "string", pattern: REGION_PATTERN } as const;
const PROPAGATE = { type: "boolean" } as const;

const partitionBody = {
  type: "object",
  required: ["regions"],
  additionalProperties: false,
  properties: { regions: { type: "array", items: REGION, minItems: 2, maxItems: 2 }, propagate: PROPAGATE },
} as const;
const latencyBody = {
  type: "object",
  required: ["region", "ms"],
  additionalProperties: false,
  properties: { region: REGION, ms: { type: "integer", minimum: 0, maximum: MAX_LAB_LATENCY_MS }, propagate: PROPAGATE },
} as const;

function validHealBody(body: unknown): body is { propagate?: boolean } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
  return Object.entries(body).every(([k, v]) => k === "propagate" && typeof v === "boolean");
}

export function labPlugin(app: FastifyInstance, opts: LabPluginOptions): Promise<void> {
  const lab = opts.lab;
  if (!lab) {
    const off = (): never => {
      throw new LatticeError("unknown_command", "the partition lab is off on this replica: start it with LATTICE_LAB=1 (lattice start --lab) to cut or delay gossip");
    };
    app.all("/v1/lab", off);
    app.all("/v1/lab/*", off);
    return Promise.resolve();
  }
  const forwardTimeoutMs = opts.forwardTimeoutMs ?? DEFAULT_FORWARD_TIMEOUT_MS;
  const view = (): LabView => ({ region: lab.region, ...lab.rules(), stats: lab.stats() });

  /**
   * Sends the same call to every peer this replica has authenticated, each told not to forward
   * it again. Only those: the caller's Authorization header goes along, and the status list also
   * names addresses that anyone can claim (a refused dialer's advertised URL).
   */
  const propagate = async (req: FastifyRequest, path: string, body: Record<string, unknown>): Promise<LabForward[]> => {
    if (body.propagate === false) return [];
    const self = httpBaseOf(opts.cluster.advertiseUrl);
    const targets = new Set<string>();
    for (const p of opts.cluster.status()) {
      if (p.id === null) continue;
      const base = httpBaseOf(p.url);
      if (base !== undefined && base !== self) targets.add(base);
    }
    const auth = req.headers.authorization;
    return Promise.all(
      [...targets].sort().map(async (base): Promise<LabForward> => {
        try {
          const res = await requestJson("POST", `${base}${path}`, {
            body: { ...body, propagate: false },
            ...(auth !== undefined ? { authorization: auth } : {}),
            timeoutMs: forwardTimeoutMs,
          });
          return res.status === 200 ? { url: base, ok: true } : { url: base, ok: false, error: errorText(res) };
        } catch (err) {
          return { url: base, ok: false, error: err instanceof Error ? err.message : String(err) };
        }
      }),
    );
  };

  app.get("/v1/lab", async () => view());

  app.post("/v1/lab/partition", { schema: { body: partitionBody } }, async (req): Promise<LabAnswer> => {
    const body = req.body as { regions: [string, string]; propagate?: boolean };
    const [a, b] = body.regions;
    if (a === b) throw new LatticeError("invalid_input", `cannot partition region ${a} from itself`);
    lab.partition(a, b);
    req.log.warn(`partition lab: gossip between ${a} and ${b} cut`);
    return { lab: view(), propagated: await propagate(req, "/v1/lab/partition", body) };
  });

  app.post("/v1/lab/latency", { schema: { body: latencyBody } }, async (req): Promise<LabAnswer> => {
    const body = req.body as { region: string; ms: number; propagate?: boolean };
    lab.setLatency(body.region, body.ms);
    req.log.warn(`partition lab: ${body.ms} ms added one way to gossip frames of ${body.region}`);
    return { lab: view(), propagated: await propagate(req, "/v1/lab/latency", body) };
  });

  app.post("/v1/lab/heal", async (req): Promise<LabAnswer> => {
    // The body is optional (`curl -X POST …/v1/lab/heal` heals too), so it is checked here rather
    // than by a route schema, which would refuse a missing body.
    const body = req.body ?? {};
    if (!validHealBody(body)) throw new LatticeError("invalid_input", 'the body of /v1/lab/heal is optional; if given it must be {"propagate": true|false}');
    lab.heal();
    req.log.warn("partition lab: healed (no cuts, no added latency)");
    return { lab: view(), propagated: await propagate(req, "/v1/lab/heal", body) };
  });
  return Promise.resolve();
}
