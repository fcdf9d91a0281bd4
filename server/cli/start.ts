/**
 * `lattice start` (and `npm start`): one replica configured by LATTICE_* variables and the
 * matching kebab-case flags (server/config.ts parses and validates both). SIGTERM and SIGINT shut
 * it down cleanly: sockets closed, the last commits flushed, the store closed.
 *
 * @module
 */
import { loadExamples, loadServices } from "../../functions/loader.js";
import { ConfigError, loadConfig, SETTINGS } from "../config.js";
import { startNode } from "../node.js";

/** One line per setting; typed by SETTINGS, so a new LATTICE_* variable without help fails to compile. */
const SETTING_HELP: Readonly<Record<keyof typeof SETTINGS, string>> = {
  LATTICE_HOST: "interface to listen on (default 127.0.0.1; 0.0.0.0 in containers)",
  LATTICE_PORT: "HTTP, WebSocket and gossip port (default 8080)",
  LATTICE_REGION: "region label shown to peers, metrics and the partition lab (default local)",
  LATTICE_DATA_DIR: "data directory (default ./data); --memory keeps everything in memory instead",
  LATTICE_PEERS: "comma-separated base URLs of peers, such as ws://10.0.0.2:8080",
  LATTICE_ADVERTISE_URL: "base URL peers reach this replica at (default ws://HOST:PORT)",
  LATTICE_CLUSTER_SECRET: "shared secret peers prove they know (never sent); same on every replica",
  LATTICE_AUTH_SECRET: "HS256 secret for client tokens; unset = no auth",
  LATTICE_FUNCTIONS: "comma-separated service modules (default: the example services)",
  LATTICE_FSYNC: "1 = fsync every commit batch (survives power loss, not only a kill)",
  LATTICE_PEER_TIMEOUT_MS: "a silent peer is marked down after this many ms (default 5000)",
  LATTICE_LOG_LEVEL: "fatal, error, warn, info (default), debug, trace or silent",
  LATTICE_CORS_ORIGINS: "origins allowed by CORS: * (default), none, or a comma-separated list",
  LATTICE_WS_ORIGINS: "browser origins allowed on /v1/ws (default: the CORS origins)",
  LATTICE_LIMITS: "client API limits, name=value,… (SPEC §8)",
  LATTICE_LAB: "1 = accept partition lab calls (/v1/lab) that cut or delay gossip; never in production",
};

export function startHelp(): string {
  const rows = (Object.keys(SETTINGS) as (keyof typeof SETTINGS)[]).map((name) => {
    const flag = `--${SETTINGS[name]}`;
    return `  ${flag.padEnd(20)} ${name.padEnd(24)} ${SETTING_HELP[name]}`;
  });
  return [
    "Usage: lattice start [flags]",
    "",
    "Runs one replica. Every setting is a LATTICE_* environment variable or the flag beside it;",
    "a flag wins over the variable. Flags take a value (--port 8081 or --port=8081); a bare",
    "boolean flag means 1 (--lab, --fsync).",
    "",
    `  ${"flag".padEnd(20)} ${"variable".padEnd(24)} meaning`,
    ...rows,
    `  ${"--memory".padEnd(20)} ${"".padEnd(24)} keep the data in memory (lost on exit)`,
    "",
    "Examples:",
    "  lattice start",
    "  lattice start --port 8081 --region us-east --data-dir ./data/us-east",
    "  LATTICE_PEERS=ws://10.0.0.2:8080 LATTICE_CLUSTER_SECRET=… lattice start --host 0.0.0.0",
  ].join("\n");
}

/**
 * Starts the replica and keeps it running until SIGTERM or SIGINT. Resolves once it serves; a bad
 * setting exits with status 2 and a message naming it.
 */
export async function runStart(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${startHelp()}\n`);
    return;
  }
  let config;
  try {
    config = loadConfig(env, argv);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`lattice: ${err.message}\n(lattice start --help lists every setting)\n`);
      process.exit(2);
    }
    throw err;
  }
  // LATTICE_FUNCTIONS names the service modules; without it the example services run.
  const services = config.functions.length > 0 ? await loadServices(config.functions) : await loadExamples();
  const node = await startNode(config, { services });
  let stopping: string | undefined;
  const stop = (signal: string): void => {
    if (stopping !== undefined) {
      // The same signal again while the clean close hangs (a second Ctrl-C): out now. A different
      // one is not: under `lattice cluster` a Ctrl-C reaches the replica from the terminal and
      // as SIGTERM from the parent.
      if (signal !== stopping) return;
      node.app.log.warn(`${signal} again: exiting without waiting for the clean shutdown`);
      process.exit(1);
    }
    stopping = signal;
    node.app.log.info(`${signal}: shutting down`);
    node.close().then(
      () => process.exit(0),
      (err: unknown) => {
        node.app.log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
