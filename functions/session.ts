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
  /** Counter amounts not yet written, per slot: see addToCounterSlot. */
  private readonly pending = new Map<string, { net: number; flush: (net: number) => void }>();
  /** Set by delta(): the handler is done, so the working copy is no longer read. */
  private finishing = false;

  constructor(
    private readonly base: CausalState,
    readonly replica: ReplicaId,
    readonly now: number,
    readonly env: ViewEnv,
    readonly limits: JsonLimits,
    /** When set, any write fails with this message (stream onChange may not mutate). */
    private readonly readOnly?: string,
  ) {}

  /** The state as the handler's writes so far made it (pending counter amounts included). */
  current(): CausalState {
    this.flushPending();
    return this.working ?? this.base;
  }

  /** The state without writing pending counter amounts: only counters' own reads use it. */
  peek(): CausalState {
    return this.working ?? this.base;
  }

  apply(delta: Causal<AnyStore> | null): void {
    this.assertWritable();
    // Every other write keeps its order relative to the counter amounts before it.
    this.flushPending();
    if (!delta) return;
    const typed = { type: this.base.type, ...delta } as CausalState;
    // The run's last write needs no working copy: nothing reads it afterwards.
    if (!this.finishing) {
      this.working ??= cloneState(this.base);
      mergeInto(this.working, typed);
    }
    if (this.net) mergeInto(this.net, typed);
    else this.net = cloneState(typed);
  }

  /**
   * Adds to the counter at `slotId` without writing yet. Consecutive amounts on one counter sum
   * up and are written as one operation when anything else is read or written, or at the end,
   * so a command's delta is its net change: +1 -2 +3 writes +2, and +5 -5 writes nothing
   * (SPEC §3), where joining each operation's delta would record both totals.
   */
  addToCounterSlot(slotId: string, amount: number, flush: (net: number) => void): void {
    this.assertWritable();
    const entry = this.pending.get(slotId);
    if (entry) entry.net += amount;
    else this.pending.set(slotId, { net: amount, flush });
  }

  /** The amount pending on one counter. */
  pendingOn(slotId: string): number {
    return this.pending.get(slotId)?.net ?? 0;
  }

  private flushPending(): void {
    if (this.pending.size === 0) return;
    if (this.finishing && this.pending.size > 1) {
      // Each amount's operation must see the ones written before it (its dot follows theirs).
      this.finishing = false;
    }
    const entries = [...this.pending.values()];
    this.pending.clear();
    for (const e of entries) if (e.net !== 0) e.flush(e.net);
  }

  private assertWritable(): void {
    if (this.readOnly) throw new LatticeError("function_error", this.readOnly);
  }

  /** The net change of the run, undefined when nothing changed. */
  delta(): CausalState | undefined {
    this.finishing = true;
    this.flushPending();
    return this.net;
  }
}

/**
 * Where a facade reads and writes: the entity's root store, or the value under a key of an
 * ormap (nested to any depth). `write` receives the store with its shared context and returns
 * the operation's delta at that level; the slot wraps it for the levels above.
 */
export interface Slot<S> {
  /** Identifies the slot within one session (the path of map keys and types to it). */
  readonly id: string;
  /** The store here; `flush: false` leaves pending counter amounts unwritten (counters' reads). */
  read(flush?: boolean): S | undefined;
  ctx(): CausalContext;
  write(op: (c: Causal<S>) => Causal<S> | null): void;
}

export function rootSlot(session: MutationSession): Slot<AnyStore> {
  return {
    id: "",
    read: (flush = true) => (flush ? session.current() : session.peek()).store,
    ctx: () => session.current().ctx,
    write: (op) => session.apply(op(session.current())),
  };
}
