import { isAbsolute, resolve } from "node:path";
import type { ApiLimits } from "./api/limits.js";
import { API_LIMIT_NAMES } from "./api/limits.js";
import type { OriginPolicy } from "./api/origins.js";
import { normalizeOrigin } from "./api/origins.js";

/**
 * Replica configuration (SPEC §7): LATTICE_* environment variables, overridden by command-line
 * flags of the same name in kebab case (`--port 8081` for LATTICE_PORT, `--memory` for an
 * in-memory store). Every value is validated here so a typo fails at start, not later.
 */
export interface LatticeConfig {
  readonly host: string;
  readonly port: number;
  readonly region: string;
  /** Absolute path of the data directory, or undefined for an in-memory store (--memory). */
  readonly dataDir: string | undefined;
  readonly peers: readonly string[];
  readonly advertiseUrl: string;
  /** False when advertiseUrl was derived from host and port. */
  readonly advertiseUrlSet: boolean;
  readonly clusterSecret: string;
  /** True when LATTICE_CLUSTER_SECRET was not set and the development default is in use. */
  readonly clusterSecretIsDefault: boolean;
  readonly authSecret: string | undefined;
  readonly functions: readonly string[];
  readonly fsync: boolean;
  readonly peerTimeoutMs: number;
  readonly logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Origins CORS allows on the HTTP API: "*" (default) or a list ([] = no CORS headers). */
  readonly corsOrigins: OriginPolicy;
  /** Browser origins allowed to open /v1/ws: default the CORS origins. Same-origin pages always may. */
  readonly wsOrigins: OriginPolicy;
  /** Client API limits set by LATTICE_LIMITS (name=value,…); unset ones keep their defaults. */
  readonly limits: Partial<ApiLimits>;
  /** LATTICE_LAB=1: the partition lab's admin calls (/v1/lab) may cut or delay gossip. Off by default. */
  readonly lab: boolean;
}

/** Variables and their flag names. */
export const SETTINGS = {
  LATTICE_HOST: "host",
  LATTICE_PORT: "port",
  LATTICE_REGION: "region",
  LATTICE_DATA_DIR: "data-dir",
  LATTICE_PEERS: "peers",
  LATTICE_ADVERTISE_URL: "advertise-url",
  LATTICE_CLUSTER_SECRET: "cluster-secret",
  LATTICE_AUTH_SECRET: "auth-secret",
  LATTICE_FUNCTIONS: "functions",
  LATTICE_FSYNC: "fsync",
  LATTICE_PEER_TIMEOUT_MS: "peer-timeout-ms",
  LATTICE_LOG_LEVEL: "log-level",
  LATTICE_CORS_ORIGINS: "cors-origins",
  LATTICE_WS_ORIGINS: "ws-origins",
  LATTICE_LIMITS: "limits",
  LATTICE_LAB: "lab",
} as const;

/** For local use only: every replica started without a secret can talk to the others. */
export const DEV_CLUSTER_SECRET = "lattice-development-secret";

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Parses `--name value`, `--name=value` and bare `--flag` into a map of flag name to value. */
/** What a region name may be (letters, digits, '.', '_', '-'; 1 to 64): config and the lab API. */
export const REGION_PATTERN = "^[A-Za-z0-9_.-]{1,64}$";

export function parseFlags(argv: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith("--")) throw new ConfigError(`unexpected argument ${arg}`);
    const eq = arg.indexOf("=");
    if (eq > 0) {
      out.set(arg.slice(2, eq), arg.slice(eq + 1));
    } else {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith("--")) {
        out.set(arg.slice(2), next);
        i++;
      } else out.set(arg.slice(2), "true");
    }
  }
  return out;
}

function integer(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function boolean(name: string, raw: string): boolean {
  if (["1", "true", "yes", "on"].includes(raw.toLowerCase())) return true;
  if (["0", "false", "no", "off", ""].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0, got "${raw}"`);
}

function list(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A ws:// or wss:// URL with a host, a valid port and no path, query, fragment or credentials. */
function isBaseWsUrl(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  return (u.protocol === "ws:" || u.protocol === "wss:") && u.hostname !== "" && u.pathname === "/" && !u.search && !u.hash && !u.username && !u.password;
}

/** "*" (any), "none" (an empty list) or a comma-separated list of http(s) origins. */
function origins(name: string, raw: string): OriginPolicy {
  const trimmed = raw.trim();
  if (trimmed === "*") return "*";
  if (trimmed.toLowerCase() === "none") return [];
  return list(trimmed).map((o) => {
    let u: URL;
    try {
      u = new URL(o);
    } catch {
      throw new ConfigError(`${name} entry "${o}" is not an origin such as https://app.example.com`);
    }
    if ((u.protocol !== "http:" && u.protocol !== "https:") || u.pathname !== "/" || u.search || u.hash || u.username || normalizeOrigin(o) !== u.origin) {
      throw new ConfigError(`${name} entry "${o}" must be an origin such as https://app.example.com (scheme, host, optional port; no path)`);
    }
    return normalizeOrigin(u.origin);
  });
}

/** `name=value,…` of client API limits, each a whole number ≥ 1. */
function limits(raw: string): Partial<ApiLimits> {
  const out: Partial<Record<keyof ApiLimits, number>> = {};
  for (const item of list(raw)) {
    const eq = item.indexOf("=");
    const name = (eq > 0 ? item.slice(0, eq) : item).trim() as keyof ApiLimits;
    if (!API_LIMIT_NAMES.includes(name)) throw new ConfigError(`LATTICE_LIMITS: unknown limit "${name}"; known: ${API_LIMIT_NAMES.join(", ")}`);
    if (eq <= 0) throw new ConfigError(`LATTICE_LIMITS: ${name} needs a value (${name}=n)`);
    out[name] = integer(`LATTICE_LIMITS ${name}`, item.slice(eq + 1).trim(), 1, Number.MAX_SAFE_INTEGER);
  }
  return out;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export function loadConfig(env: NodeJS.ProcessEnv, argv: readonly string[], cwd = process.cwd()): LatticeConfig {
  const flags = parseFlags(argv);
  const known = new Set<string>([...Object.values(SETTINGS), "memory"]);
  for (const f of flags.keys()) if (!known.has(f)) throw new ConfigError(`unknown flag --${f}`);
  const get = (name: keyof typeof SETTINGS): string | undefined => flags.get(SETTINGS[name]) ?? env[name];

  const host = get("LATTICE_HOST") ?? "127.0.0.1";
  const port = integer("LATTICE_PORT", get("LATTICE_PORT") ?? "8080", 0, 65535);
  const region = get("LATTICE_REGION") ?? "local";
  if (!new RegExp(REGION_PATTERN).test(region)) throw new ConfigError("LATTICE_REGION must be 1-64 letters, digits, '.', '_' or '-'");
  const memory = flags.has("memory") && boolean("--memory", flags.get("memory") ?? "true");
  const dataRaw = get("LATTICE_DATA_DIR") ?? "./data";
  const dataDir = memory ? undefined : isAbsolute(dataRaw) ? dataRaw : resolve(cwd, dataRaw);
  const peers = list(get("LATTICE_PEERS"));
  for (const p of peers) {
    if (!isBaseWsUrl(p)) throw new ConfigError(`LATTICE_PEERS entry "${p}" must be a ws:// or wss:// base URL such as ws://10.0.0.2:8080 (no path: /v1/gossip is appended)`);
  }
  const advertiseRaw = get("LATTICE_ADVERTISE_URL");
  if (advertiseRaw !== undefined && !isBaseWsUrl(advertiseRaw)) throw new ConfigError("LATTICE_ADVERTISE_URL must be a ws:// or wss:// base URL such as ws://10.0.0.2:8080 (no path)");
  const advertiseUrl = advertiseRaw ?? `ws://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
  const secret = get("LATTICE_CLUSTER_SECRET");
  const logLevel = (get("LATTICE_LOG_LEVEL") ?? "info") as LatticeConfig["logLevel"];
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LATTICE_LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`);
  const corsRaw = get("LATTICE_CORS_ORIGINS");
  const corsOrigins = corsRaw === undefined ? "*" : origins("LATTICE_CORS_ORIGINS", corsRaw);
  const wsRaw = get("LATTICE_WS_ORIGINS");
  return {
    host,
    port,
    region,
    dataDir,
    peers,
    advertiseUrl,
    advertiseUrlSet: advertiseRaw !== undefined,
    clusterSecret: secret ?? DEV_CLUSTER_SECRET,
    clusterSecretIsDefault: secret === undefined,
    authSecret: get("LATTICE_AUTH_SECRET") || undefined,
    functions: list(get("LATTICE_FUNCTIONS")),
    fsync: boolean("LATTICE_FSYNC", get("LATTICE_FSYNC") ?? "0"),
    peerTimeoutMs: integer("LATTICE_PEER_TIMEOUT_MS", get("LATTICE_PEER_TIMEOUT_MS") ?? "5000", 100, 3_600_000),
    logLevel,
    corsOrigins,
    wsOrigins: wsRaw === undefined ? corsOrigins : origins("LATTICE_WS_ORIGINS", wsRaw),
    limits: limits(get("LATTICE_LIMITS") ?? ""),
    lab: boolean("LATTICE_LAB", get("LATTICE_LAB") ?? "0"),
  };
}
