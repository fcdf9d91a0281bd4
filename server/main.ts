import { runStart } from "./cli/start.js";

/**
 * `npm start`: one replica configured by LATTICE_* variables and flags (SPEC §7); the same as
 * `lattice start` (server/cli/start.ts), kept as the entry point child processes and the Docker
 * image run.
 */
runStart(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`lattice: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
