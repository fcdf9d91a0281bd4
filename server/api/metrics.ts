import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { EngineObserver, FunctionEngine } from "../../functions/engine.js";
import type { LatticeError } from "../../functions/errors.js";

/** Label value for names that are not loaded services or commands (bounded label cardinality). */
export const UNKNOWN_LABEL = "(unknown)";

export type Transport = "ws" | "sse";

/**
 * Prometheus metrics of the client API and the function engine (served by GET /metrics with the
 * replica's). It is the engine's observer. Service and command labels are only ever names of
 * loaded services and commands: a client sending random names cannot grow the label set.
 */
export class ApiMetrics implements EngineObserver {
  readonly registry = new Registry();
  private readonly commands: Counter<"service" | "command" | "outcome">;
  private readonly latency: Histogram<"service" | "command">;
  private readonly effects: Counter<"service" | "command" | "code">;
  private readonly sockets: Gauge;
  private readonly subscriptions: Gauge<"transport">;
  private readonly streams: Gauge;
  private readonly refusals: Counter<"reason">;

  constructor(
    private readonly engine: FunctionEngine,
    private readonly onEffectFailed: (err: LatticeError, effect: { service: string; key: string; command: string }) => void = () => {},
  ) {
    const registers = [this.registry];
    this.commands = new Counter({
      name: "lattice_commands_total",
      help: "Commands run, by service, command and outcome (ok or an error code)",
      labelNames: ["service", "command", "outcome"],
      registers,
    });
    this.latency = new Histogram({
      name: "lattice_command_duration_seconds",
      help: "Command latency from arrival at the engine to reply, including effects and replication waits",
      labelNames: ["service", "command"],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.effects = new Counter({
      name: "lattice_effect_failures_total",
      help: "Effects (ctx.effect) that failed after their command committed, by target and error code",
      labelNames: ["service", "command", "code"],
      registers,
    });
    this.sockets = new Gauge({ name: "lattice_client_sockets", help: "Open /v1/ws client sockets", registers });
    this.subscriptions = new Gauge({
      name: "lattice_client_subscriptions",
      help: "Open entity subscriptions, by transport (ws subscribe, sse events)",
      labelNames: ["transport"],
      registers,
    });
    this.streams = new Gauge({ name: "lattice_client_streams", help: "Open streamed commands on /v1/ws", registers });
    this.refusals = new Counter({
      name: "lattice_client_refusals_total",
      help: "Client frames and sockets refused by a limit or a check, by reason",
      labelNames: ["reason"],
      registers,
    });
    this.subscriptions.set({ transport: "ws" }, 0);
    this.subscriptions.set({ transport: "sse" }, 0);
  }

  /** EngineObserver: one finished command. */
  call(service: string, command: string, outcome: string, seconds: number): void {
    const labels = this.labels(service, command);
    this.commands.inc({ ...labels, outcome });
    this.latency.observe(labels, seconds);
  }

  /** EngineObserver: an effect failed after its command committed. */
  effectFailed(err: LatticeError, effect: { service: string; key: string; command: string }): void {
    this.effects.inc({ ...this.labels(effect.service, effect.command), code: err.code });
    this.onEffectFailed(err, effect);
  }

  socketOpened(): void {
    this.sockets.inc();
  }
  socketClosed(): void {
    this.sockets.dec();
  }
  subscriptionOpened(transport: Transport): void {
    this.subscriptions.inc({ transport });
  }
  subscriptionClosed(transport: Transport): void {
    this.subscriptions.dec({ transport });
  }
  streamOpened(): void {
    this.streams.inc();
  }
  streamClosed(): void {
    this.streams.dec();
  }
  refused(reason: "frame_rate" | "in_flight" | "subscriptions" | "frame_size" | "bad_frame" | "slow_reader" | "origin" | "token"): void {
    this.refusals.inc({ reason });
  }

  private labels(service: string, command: string): { service: string; command: string } {
    if (!this.engine.registry.has(service)) return { service: UNKNOWN_LABEL, command: UNKNOWN_LABEL };
    const svc = this.engine.registry.get(service);
    return { service, command: svc.commands.has(command) || svc.streams.has(command) ? command : UNKNOWN_LABEL };
  }
}
