#!/usr/bin/env node
/**
 * The `lattice` command (package.json "bin"): one subcommand per file in this folder.
 *
 *   lattice start     one replica (LATTICE_* variables or flags)
 *   lattice cluster   us-east, eu-west and ap-south on 8081–8083 as child processes
 *   lattice status    a replica's view of its cluster, as a table
 *   lattice lab       the partition lab: cut, delay and heal gossip between regions
 *
 * @module
 */
import { runCluster } from "./cluster.js";
import { runLab } from "./lab.js";
import { runStart } from "./start.js";
import { runStatus } from "./status.js";
import { UsageError } from "./usage.js";

const HELP = [
  "Usage: lattice <command> [flags]",
  "",
  "  start     run one replica (lattice start --help lists every LATTICE_* setting)",
  "  cluster   run us-east, eu-west and ap-south on ports 8081-8083 (npm run cluster)",
  "  status    show a replica's cluster as a table: lattice status http://127.0.0.1:8081",
  "  lab       cut, delay or heal gossip between regions (needs LATTICE_LAB=1)",
  "",
  "lattice <command> --help explains each one.",
].join("\n");

async function main(argv: readonly string[]): Promise<number | undefined> {
  const [command, ...rest] = argv;
  switch (command) {
    case "start":
      // Keeps running until a signal; the process exits from its shutdown handler.
      await runStart(rest);
      return undefined;
    case "cluster":
      return runCluster(rest);
    case "status":
      return runStatus(rest);
    case "lab":
      return runLab(rest);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(`${HELP}\n`);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (err: unknown) => {
    const usage = err instanceof UsageError || (err instanceof Error && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS"));
    if (usage) {
      const command = process.argv[2] ?? "";
      process.stderr.write(`lattice: ${err.message}\n(lattice ${command && command !== "--help" ? `${command} ` : ""}--help for usage)\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`lattice: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
