/**
 * The memory request the server processes of bench/yjs.ts answer over IPC (their child side:
 * ./yjs-reference-server.ts, ./yjs-lattice-node.ts; the parent side: ./yjs-servers.ts).
 */

export interface MemoryRequest {
  readonly op: "memory";
  readonly id: number;
}

/** One process's memory, after a full GC when it runs with --expose-gc. */
export interface ChildMemory {
  rssBytes: number;
  heapUsedBytes: number;
  /** Memory of C++ objects bound to JS ones (Buffers among them), outside the heap. */
  externalBytes: number;
  /** Whether a full GC ran first (node had --expose-gc). */
  collected: boolean;
  /** Documents the reference server holds (its `docs` map); null for Lattice. */
  documents: number | null;
  /** Entities in the Lattice replica's cache; null for the reference server. */
  cachedEntities: number | null;
}

/** This process's memory after two full GCs (the second collects what the first's finalisers freed). */
export function childMemory(): Pick<ChildMemory, "rssBytes" | "heapUsedBytes" | "externalBytes" | "collected"> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return { rssBytes: m.rss, heapUsedBytes: m.heapUsed, externalBytes: m.external, collected: gc !== undefined };
}

/**
 * Answers the parent's memory requests: this process's memory (childMemory) plus what `counts`
 * says of the server's documents and cached entities.
 */
export function answerMemoryRequests(counts: () => Pick<ChildMemory, "documents" | "cachedEntities">): void {
  process.on("message", (raw) => {
    const msg = raw as MemoryRequest;
    if (msg.op !== "memory") return;
    const memory: ChildMemory = { ...childMemory(), ...counts() };
    process.send?.({ id: msg.id, memory });
  });
}
