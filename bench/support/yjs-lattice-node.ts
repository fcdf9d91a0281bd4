/**
 * A Lattice replica for the memory part of bench/yjs.ts, as its own process (forked with
 * ./child.ts by ./yjs-servers.ts): what `npm start` runs (server/cli/start.ts: the config from
 * flags, the example services, startNode), with two things a benchmark needs and `npm start`
 * does not offer: a bound on the entity cache (so that documents whose connections closed are
 * evicted within the run rather than after 100,000 others), and a full GC before a memory
 * reading (node runs with --expose-gc), over IPC, so that heap figures count live objects only.
 *
 * argv: `<cacheMaxEntries> <lattice flags…>` (server/config.ts flags; LATTICE_* variables of the
 * benchmark's own environment are ignored). IPC: sends `{port}` once serving; answers
 * `{op: "memory", id}` with `{id, memory}`. Closes the node cleanly when the parent disconnects
 * or on SIGTERM.
 */
import { loadExamples } from "../../functions/loader.js";
import { loadConfig } from "../../server/config.js";
import { startNode } from "../../server/node.js";
import type { ServingChild } from "./serve-child.js";
import { serveChild } from "./serve-child.js";
import { answerMemoryRequests } from "./yjs-child-memory.js";

async function main(): Promise<ServingChild> {
  const [cacheArg, ...flags] = process.argv.slice(2);
  const cacheMaxEntries = Number(cacheArg);
  if (!Number.isSafeInteger(cacheMaxEntries) || cacheMaxEntries < 1) throw new Error(`usage: yjs-lattice-node <cacheMaxEntries> <flags…> (got ${String(cacheArg)})`);
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("LATTICE_")) env[k] = v;
  const config = loadConfig(env, flags);
  const node = await startNode(config, { services: await loadExamples(), replicaOptions: { cacheMaxEntries } });
  const port = Number(new URL(node.url).port);

  answerMemoryRequests(() => ({ documents: null, cachedEntities: node.replica.entities.cache.size }));
  return { port, close: () => node.close() };
}

serveChild("yjs-lattice-node", main);
