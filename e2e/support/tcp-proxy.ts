/**
 * A fault-injecting TCP proxy on 127.0.0.1, put in front of one replica's port so that peers
 * reach the replica only through it (the replica advertises the proxy's port).
 *
 * Modes, switchable at runtime and applied to open connections at once:
 * - `pass`: bytes flow both ways; a close on one side is passed on to the other.
 * - `drop`: a stall. Connections stay open but every byte, and every close, in either direction
 *   silently vanishes (no FIN, no RST), as in a partition where packets are lost. New connections
 *   are accepted and black-holed, so a dial hangs until its handshake times out.
 * - `reset`: every connection, open or new, is destroyed with a TCP RST.
 *
 * A connection that lost bytes in `drop` mode can never carry a valid stream again, so when its
 * mode returns to `pass` it is reset (what a peer's kernel does to retransmissions for a socket
 * it has closed meanwhile). A connection that lost nothing simply resumes.
 *
 * The mode is chosen per connection: a per-source override (see {@link TcpProxy.setModeFor}),
 * else the proxy's mode. The source of a connection is whatever the `identify` option says, for
 * example which replica process owns the dialing socket ({@link ownerPid}); cutting replica C off
 * takes C's own proxy (everything dialed to C) plus, on every other proxy, the connections that
 * C dialed.
 */
import { readFile, readdir, readlink } from "node:fs/promises";
import type { AddressInfo, Server, Socket } from "node:net";
import { connect, createServer } from "node:net";

export type ProxyMode = "pass" | "drop" | "reset";

export interface TcpProxyOptions {
  /** Port on 127.0.0.1 to forward to; may be set later (connections are refused until then). */
  readonly target?: number;
  readonly mode?: ProxyMode;
  /** Names the source of an accepted connection, for per-source modes; undefined if unknown. */
  readonly identify?: (client: Socket) => Promise<string | undefined>;
}

interface ProxiedConnection {
  readonly client: Socket;
  upstream: Socket | undefined;
  source: string | undefined;
  /** Bytes (or a close) were dropped: the stream can never be resumed. */
  tainted: boolean;
  /** Accepted but not yet forwarding (identifying the source, or connecting upstream). */
  settled: boolean;
  done: boolean;
}

const HOST = "127.0.0.1";

export class TcpProxy {
  private mode: ProxyMode;
  private readonly overrides = new Map<string, ProxyMode>();
  private readonly conns = new Set<ProxiedConnection>();
  private closed = false;
  /** Bytes discarded in drop mode, both directions. */
  droppedBytes = 0;
  /** Connections accepted so far. */
  accepted = 0;
  /** Connections whose source `identify` could not name (only the proxy-wide mode applies). */
  unidentified = 0;
  target: number | undefined;

  private readonly server: Server;
  private listening = false;
  port = 0;

  private constructor(private readonly opts: TcpProxyOptions) {
    this.mode = opts.mode ?? "pass";
    this.target = opts.target;
    this.server = createServer({ pauseOnConnect: true }, (client) => this.onClient(client));
  }

  static async start(opts: TcpProxyOptions = {}): Promise<TcpProxy> {
    const proxy = new TcpProxy(opts);
    const server = proxy.server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ host: HOST, port: 0 }, () => {
        server.off("error", reject);
        resolve();
      });
    });
    proxy.listening = true;
    proxy.port = (server.address() as AddressInfo).port;
    return proxy;
  }

  get url(): string {
    return `ws://${HOST}:${this.port}`;
  }

  get openConnections(): number {
    return this.conns.size;
  }

  /** The proxy-wide mode; per-source overrides still win. */
  setMode(mode: ProxyMode): void {
    this.mode = mode;
    this.reapply();
  }

  /** Mode for connections whose source is `source`; undefined removes the override. */
  setModeFor(source: string, mode: ProxyMode | undefined): void {
    if (mode === undefined) this.overrides.delete(source);
    else this.overrides.set(source, mode);
    this.reapply();
  }

  /** Clears every override and sets the proxy-wide mode. */
  resetModes(mode: ProxyMode = "pass"): void {
    this.overrides.clear();
    this.setMode(mode);
  }

  modeOf(source: string | undefined): ProxyMode {
    return (source !== undefined ? this.overrides.get(source) : undefined) ?? this.mode;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const done = this.listening ? new Promise<void>((resolve) => this.server.close(() => resolve())) : Promise.resolve();
    for (const c of [...this.conns]) this.finish(c, "destroy");
    await done;
  }

  // -------------------------------------------------------------------------------------------

  private onClient(client: Socket): void {
    this.accepted++;
    if (this.closed) {
      client.destroy();
      return;
    }
    client.setNoDelay(true);
    const c: ProxiedConnection = { client, upstream: undefined, source: undefined, tainted: false, settled: false, done: false };
    this.conns.add(c);
    // An error is always followed by "close", which decides what the other side sees.
    client.on("error", () => {});
    client.on("close", (hadError) => this.onSideClosed(c, "client", hadError));
    client.on("end", () => this.onSideEnded(c, "client"));
    client.on("data", (chunk: Buffer) => this.forward(c, chunk, "client"));
    const identify = this.opts.identify;
    if (!identify) {
      this.settle(c);
      return;
    }
    identify(client).then(
      (source) => {
        c.source = source;
        if (source === undefined) this.unidentified++;
        this.settle(c);
      },
      () => {
        this.unidentified++;
        this.settle(c);
      },
    );
  }

  /** Starts forwarding (or black-holes, or resets) once the source is known. */
  private settle(c: ProxiedConnection): void {
    if (c.done) return;
    c.settled = true;
    const mode = this.modeOf(c.source);
    if (mode === "reset") {
      this.finish(c, "reset");
      return;
    }
    if (mode === "drop") {
      // Black hole: the client's SYN "got through" but nothing ever answers.
      c.tainted = true;
      c.client.resume();
      return;
    }
    this.connectUpstream(c);
  }

  private connectUpstream(c: ProxiedConnection): void {
    if (this.target === undefined) {
      // Nothing listens behind the proxy yet: like a refused connection.
      this.finish(c, "reset");
      return;
    }
    const up = connect({ host: HOST, port: this.target });
    up.setNoDelay(true);
    c.upstream = up;
    up.on("error", () => {});
    up.on("close", (hadError) => this.onSideClosed(c, "upstream", hadError));
    up.on("end", () => this.onSideEnded(c, "upstream"));
    up.on("data", (chunk: Buffer) => this.forward(c, chunk, "upstream"));
    up.once("connect", () => {
      if (c.done) return;
      // Mode may have changed while connecting.
      this.apply(c);
    });
  }

  private other(c: ProxiedConnection, from: "client" | "upstream"): Socket | undefined {
    return from === "client" ? c.upstream : c.client;
  }

  private forward(c: ProxiedConnection, chunk: Buffer, from: "client" | "upstream"): void {
    if (c.done) return;
    const mode = this.modeOf(c.source);
    const to = this.other(c, from);
    if (mode !== "pass" || c.tainted || !to) {
      // drop (or a black-holed connection): the bytes vanish.
      this.droppedBytes += chunk.length;
      c.tainted = true;
      return;
    }
    if (!to.write(chunk)) {
      const src = from === "client" ? c.client : c.upstream;
      src?.pause();
      to.once("drain", () => {
        if (!c.done && this.modeOf(c.source) === "pass") src?.resume();
      });
    }
  }

  private onSideEnded(c: ProxiedConnection, from: "client" | "upstream"): void {
    if (c.done) return;
    if (this.modeOf(c.source) === "pass" && !c.tainted) {
      const to = this.other(c, from);
      if (to) to.end();
      else this.finish(c, "close");
    } else {
      // The FIN vanishes too; the other side keeps a silent connection.
      c.tainted = true;
    }
  }

  private onSideClosed(c: ProxiedConnection, from: "client" | "upstream", hadError: boolean): void {
    if (c.done) return;
    if (this.modeOf(c.source) === "pass" && !c.tainted) {
      // A reset is passed on as a reset, a clean close as a close.
      this.finish(c, hadError ? "reset" : "close");
      return;
    }
    c.tainted = true;
    // Both ends gone (or the client gone before any upstream existed): nothing left to stall.
    const other = this.other(c, from);
    if (!other || other.destroyed) this.finish(c, "destroy");
  }

  private reapply(): void {
    for (const c of [...this.conns]) if (c.settled) this.apply(c);
  }

  private apply(c: ProxiedConnection): void {
    if (c.done) return;
    const mode = this.modeOf(c.source);
    if (mode === "reset") {
      this.finish(c, "reset");
    } else if (mode === "drop") {
      // Keep reading so that bytes can be discarded (a paused socket would exert backpressure).
      c.client.resume();
      c.upstream?.resume();
    } else if (c.tainted || !c.upstream) {
      // Bytes were lost (or it was black-holed from the start): the stream cannot resume.
      this.finish(c, "reset");
    } else if (!c.upstream.connecting) {
      c.client.resume();
      c.upstream.resume();
    }
  }

  /**
   * Tears the connection down: `reset` sends RSTs, `close` lets written bytes drain first (a
   * clean close passed on), `destroy` drops everything now.
   */
  private finish(c: ProxiedConnection, how: "reset" | "close" | "destroy"): void {
    if (c.done) return;
    c.done = true;
    this.conns.delete(c);
    for (const s of [c.client, c.upstream]) {
      if (!s || s.destroyed) continue;
      try {
        if (how === "reset" && !s.connecting) s.resetAndDestroy();
        else if (how === "close") s.destroySoon();
        else s.destroy();
      } catch {
        s.destroy();
      }
    }
  }
}

/**
 * Linux: the pid, among `candidates`, of the process whose socket dialed the proxy connection
 * `client` (found through /proc/net/tcp{,6} and /proc/PID/fd). Undefined when it cannot tell.
 */
export async function ownerPid(client: Socket, candidates: readonly number[]): Promise<number | undefined> {
  const dialerPort = client.remotePort;
  const proxyPort = client.localPort;
  if (dialerPort === undefined || proxyPort === undefined || process.platform !== "linux") return undefined;
  const inode = await dialerInode(dialerPort, proxyPort);
  if (inode === undefined) return undefined;
  const needle = `socket:[${inode}]`;
  for (const pid of candidates) {
    let fds: string[];
    try {
      fds = await readdir(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if ((await readlink(`/proc/${pid}/fd/${fd}`)) === needle) return pid;
      } catch {
        // fd closed meanwhile
      }
    }
  }
  return undefined;
}

async function dialerInode(dialerPort: number, proxyPort: number): Promise<string | undefined> {
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = await readFile(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      const local = f[1];
      const remote = f[2];
      const inode = f[9];
      if (!local || !remote || !inode) continue;
      if (portOf(local) === dialerPort && portOf(remote) === proxyPort && inode !== "0") return inode;
    }
  }
  return undefined;
}

function portOf(addr: string): number {
  return parseInt(addr.slice(addr.lastIndexOf(":") + 1), 16);
}

/** True when {@link ownerPid} can work here. */
export function canIdentifySources(): boolean {
  return process.platform === "linux";
}
