import { ConfigError, loadConfig } from "./config.js";
import { loadExamples, loadServices } from "../functions/loader.js";
import { startNode } from "./node.js";

/**
 * `npm start`: one replica configured by LATTICE_* variables and flags (SPEC §7). SIGTERM and
 * SIGINT shut it down cleanly: sockets closed, the last commits flushed, the store closed.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`lattice: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  // LATTICE_FUNCTIONS names the service modules; without it the example services run.
  const services = config.functions.length > 0 ? await loadServices(config.functions) : await loadExamples();
  const node = await startNode(config, { services });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
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

main().catch((err: unknown) => {
  process.stderr.write(`lattice: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
