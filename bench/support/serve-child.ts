/**
 * The child side of a server forked with ./child.ts (./echo-server.ts, ./yjs-lattice-node.ts,
 * ./yjs-reference-server.ts): start it, tell the parent its port over IPC as `{port}`, stop it
 * when the parent disconnects or on SIGTERM, and report a failed start on stderr with exit 1.
 */

export interface ServingChild {
  readonly port: number;
  /** Closes the server; the process exits once it resolves. */
  close(): Promise<void>;
}

/** How long a close may take before the process exits anyway (keep-alive sockets can hold it). */
const CLOSE_GRACE_MS = 2000;

export function serveChild(name: string, start: () => Promise<ServingChild>): void {
  start().then(
    (server) => {
      let stopping = false;
      const stop = (): void => {
        if (stopping) return;
        stopping = true;
        setTimeout(() => process.exit(0), CLOSE_GRACE_MS).unref();
        server.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on("SIGTERM", stop);
      process.on("disconnect", stop);
      process.send?.({ port: server.port });
    },
    (err: unknown) => {
      process.stderr.write(`${name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
