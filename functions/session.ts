import type { AnyStore, Causal, CausalContext, CausalState, JsonLimits, ReplicaId, ViewEnv } from "../crdt/index.js";
import { cloneState, mergeInto } from "../crdt/index.js";
import { LatticeError } from "./errors.js";

/**
 * The mutations of one handler run on a causal entity. The handler reads and writes a working
 * copy (cloned on the first write, so read-only commands copy nothing) and every operation's
 * delta is joined into `net`: the command's net change, applied to the real entity only if the
 * handler returns normally. A handler that throws leaves no trace.
 */
export class MutationSession {
  private working: CausalState | undefined;
  private net: CausalState | undefined;

  constructor(
    private readonly base: CausalState,
    readonly replica: ReplicaId,
    readonly now: number,
    readonly env: ViewEnv,
    readonly limits: JsonLimits,
    /** When set, any write fails with this message (stream onChange may not mutate). */
    private readonly readOnly?: string,
  ) {}

  current(): CausalState {
    return this.working ?? this.base;
  }

  apply(delta: Causal<AnyStore> | null): void {
    if (this.readOnly) throw new LatticeError("function_error", this.readOnly);
    if (!delta) return;
    const typed = { type: this.base.type, ...delta } as CausalState;
    this.working ??= cloneState(this.base);
    mergeInto(this.working, typed);
    if (this.net) mergeInto(this.net, typed);
    else this.net = cloneState(typed);
  }

  /** The net change of the run so far, undefined when nothing changed. */
  delta(): CausalState | undefined {
    return this.net;
  }
}

/**
 * Where a facade reads and writes: the entity's root store, or the value under a key of an
 * ormap (nested to any depth). `write` receives the store with its shared context and returns
 * the operation's delta at that level; the slot wraps it for the levels above.
 */
export interface Slot<S> {
  read(): S | undefined;
  ctx(): CausalContext;
  write(op: (c: Causal<S>) => Causal<S> | null): void;
}

export function rootSlot(session: MutationSession): Slot<AnyStore> {
  return {
    read: () => session.current().store,
    ctx: () => session.current().ctx,
    write: (op) => session.apply(op(session.current())),
  };
}
