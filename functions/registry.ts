import { Ajv } from "ajv";
import type { ValidateFunction } from "ajv";
import type { TypeName } from "../crdt/index.js";
import type { Consistency } from "../replica/replica.js";
import type { CommandHandler, ServiceDefinition, StreamDefinition } from "./define-service.js";
import { LatticeError } from "./errors.js";

/** A command ready to run: its handler and compiled input validator. */
export interface CompiledCommand {
  readonly name: string;
  readonly handler: CommandHandler<TypeName>;
  readonly validate: ValidateFunction | undefined;
  readonly consistency: Consistency;
}

export interface CompiledStream {
  readonly name: string;
  readonly def: StreamDefinition<TypeName>;
  readonly validate: ValidateFunction | undefined;
}

export interface CompiledService {
  readonly def: ServiceDefinition;
  readonly commands: ReadonlyMap<string, CompiledCommand>;
  readonly streams: ReadonlyMap<string, CompiledStream>;
}

/**
 * The loaded services. Input schemas are compiled once at registration; validation is strict
 * (no type coercion, SPEC §5), and a schema that does not compile fails the start.
 */
export class ServiceRegistry {
  private readonly services = new Map<string, CompiledService>();
  private readonly ajv = new Ajv({ allErrors: false, coerceTypes: false, useDefaults: false, strict: false });

  constructor(defs: readonly ServiceDefinition[] = []) {
    for (const d of defs) this.add(d);
  }

  add(def: ServiceDefinition): void {
    if (this.services.has(def.name)) throw new TypeError(`service ${def.name} is defined twice`);
    const commands = new Map<string, CompiledCommand>();
    for (const [name, c] of Object.entries(def.commands)) {
      const spec = typeof c === "function" ? { handler: c } : c;
      commands.set(name, {
        name,
        handler: spec.handler,
        validate: "input" in spec && spec.input ? this.ajv.compile(spec.input) : undefined,
        consistency: ("consistency" in spec && spec.consistency) || "local",
      });
    }
    const streams = new Map<string, CompiledStream>();
    for (const [name, s] of Object.entries(def.streams ?? {})) {
      streams.set(name, { name, def: s, validate: s.input ? this.ajv.compile(s.input) : undefined });
    }
    this.services.set(def.name, { def: def, commands, streams });
  }

  get(name: string): CompiledService {
    const s = this.services.get(name);
    if (!s) throw new LatticeError("unknown_service", `no service named ${JSON.stringify(name)}`);
    return s;
  }

  has(name: string): boolean {
    return this.services.has(name);
  }

  all(): CompiledService[] {
    return [...this.services.values()];
  }
}

/** Runs a compiled validator; a mismatch is invalid_input with the first problem as detail. */
export function checkInput(validate: ValidateFunction | undefined, input: unknown): void {
  if (!validate || validate(input)) return;
  const e = validate.errors?.[0];
  const where = e?.instancePath ? `input${e.instancePath}` : "input";
  throw new LatticeError("invalid_input", `${where} ${e?.message ?? "is invalid"}`, {
    path: e?.instancePath ?? "",
    keyword: e?.keyword ?? "",
  });
}
