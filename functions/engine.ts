import type { Json, JsonLimits, TypeName, ViewEnv } from "../crdt/index.js";
import { kindOf, yView } from "../crdt/index.js";
import type { LiveSetChange } from "../replica/change-feed.js";
import type { EntityId, EntityRef } from "../replica/entity-ref.js";
import type { Entity } from "../replica/entity.js";
import type { Replica } from "../replica/replica.js";
import { versionToJson } from "../replica/version.js";
import type { AuthClaims, CallInfo, ServiceDefinition } from "./define-service.js";
import { LatticeError, toLatticeError } from "./errors.js";
import { facadeFor } from "./facades.js";
import type { Outcome } from "./invocation.js";
import { invoke, toJson } from "./invocation.js";
import type { CompiledService } from "./registry.js";
import { ServiceRegistry, checkInput } from "./registry.js";
import { InlineRuntime } from "./runtime-inline.js";
import type { WorkerRuntimeOptions } from "./runtime-worker.js";
import { WorkerRuntime } from "./runtime-worker.js";
import type { Hook, HookRequest, Runtime, RuntimeService, StreamPhase } from "./runtime.js";
import { DEFAULT_TIMEOUT_MS, serviceModule } from "./runtime.js";
import { MutationSession, rootSlot } from "./session.js";
import { StreamJournal } from "./stream-journal.js";

export { toJson };

export interface EngineOptions {
  /** Entity keys longer than this many UTF-8 bytes are invalid_input (SPEC §8 default 512). */
  readonly maxKeyBytes: number;
  /** Set members, map keys and register values over this many characters are invalid_input (64 KiB). */
  readonly maxMemberLength: number;
  /** Forwards and effects deeper than this fail, so two services cannot forward to each other forever. */
  readonly maxCallDepth: number;
  /** The worker runtime's pool (size, heap and stack limits); started only if a service uses it. */
  readonly worker?: Partial<WorkerRuntimeOptions>;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  maxKeyBytes: 512,
  maxMemberLength: 64 * 1024,
  maxCallDepth: 8,
};

export interface CallRequest {
  readonly service: string;
  readonly key: string;
  readonly command: string;
  readonly input: Json;
  readonly auth: AuthClaims;
}

export interface EntityView {
  readonly state: Json;
  readonly version: Record<string, number>;
}

/** A stream hook to run by name (streams.ts): which stream, which phase, its input and ctx.local. */
export interface StreamHookCall {
  readonly stream: string;
  readonly phase: StreamPhase;
  readonly input: Json;
  readonly local?: Record<string, unknown>;
}


/**
 * Why a watcher runs: the entity's converged state changed, or the live set changed, which
 * changed the entity's vote tallies (a `vote`, or an `ormap` holding votes) but not its state.
 */
export type WatchCause = "change" | "membership";

export type Watcher = (e: Entity, cause: WatchCause) => void;

/** The state models whose view depends on the live set: votes, and maps that may hold votes. */
const TALLYING_MODELS: ReadonlySet<TypeName> = new Set(["vote", "ormap"]);

/** What the engine reports per call, for metrics and logs. */
export interface EngineObserver {
  call(service: string, command: string, outcome: string, seconds: number): void;
  effectFailed(err: LatticeError, effect: { service: string; key: string; command: string }): void;
}

const NO_OBSERVER: EngineObserver = { call() {}, effectFailed() {} };

/**
 * The command pipeline of SPEC §4: authorize, validate input, run the handler on the locally
 * converged state, commit its net change (durably, with the command's consistency), reply, then
 * run effects. Also the read side: views, subscriptions on the change feed.
 */
export class FunctionEngine {
  readonly registry: ServiceRegistry;
  readonly options: EngineOptions;
  observer: EngineObserver = NO_OBSERVER;
  private readonly limits: JsonLimits;
  private readonly watchers = new Map<EntityId, { readonly entity: Entity; readonly fns: Set<Watcher> }>();
  private readonly unsubscribeFeed: () => void;
  private readonly unsubscribeLive: () => void;
  /** Runs `runtime: "inline"` services (and every service's default view). */
  readonly inline: Runtime = new InlineRuntime();
  /** Runs `runtime: "worker"` services; undefined when no service uses it. */
  readonly worker: WorkerRuntime | undefined;
  private readonly runtimeServices = new Map<string, RuntimeService>();
  /** Open streams with an onClose, recorded in the replica's store (streams.ts, ready()). */
  readonly streamJournal: StreamJournal;
  private recovery: Promise<number> | undefined;

  /**
   * Registers the services: input schemas compile now, and a `runtime: "worker"` service must
   * come from a module file (loader.ts records it), or the constructor throws. The worker pool
   * starts here when some service uses it.
   */
  constructor(
    readonly replica: Replica,
    services: readonly ServiceDefinition[],
    options: Partial<EngineOptions> = {},
  ) {
    this.registry = new ServiceRegistry(services);
    this.options = { ...DEFAULT_ENGINE_OPTIONS, ...options };
    this.limits = { maxLength: this.options.maxMemberLength };
    const workerModules: string[] = [];
    for (const s of this.registry.all()) {
      const module = serviceModule(s.def);
      if (s.def.runtime === "worker") {
        if (module === undefined) {
          throw new TypeError(
            `service ${s.def.name}: runtime "worker" needs a service loaded from a module file (LATTICE_FUNCTIONS, loadServices or loadExamples in functions/loader.ts); a service defined in code that is not a loaded module cannot run in a worker`,
          );
        }
        workerModules.push(module);
      }
      this.runtimeServices.set(s.def.name, { def: s.def, module });
    }
    this.worker = workerModules.length > 0 ? new WorkerRuntime(workerModules, this.options.worker) : undefined;
    this.streamJournal = new StreamJournal(replica.store, replica.options.fsync, replica.env.random.bytes(8));
    this.unsubscribeFeed = replica.onChange((ev) => {
      const w = this.watchers.get(ev.entity.id);
      if (w) for (const fn of [...w.fns]) fn(ev.entity, "change");
    });
    // The live set as the replica announces it, not the cluster's per-session peerUp/peerDown:
    // tallies depend on the set only, and the views are compared under the set before and after.
    this.unsubscribeLive = replica.changes.subscribeLive((ev) => this.onLiveSetChange(ev));
  }

  /**
   * Wakes the watchers of every watched entity whose tally the live-set change changed: its
   * state model's view (which holds every tally field a custom view or a hook can read) differs
   * between the previous and the current live set. Only `vote` and `ormap` views depend on it.
   * Cost: one or two views per watched vote/ormap entity per membership change (rare).
   */
  private onLiveSetChange(ev: LiveSetChange): void {
    const before: ViewEnv = { self: this.replica.id, live: ev.previous };
    const after: ViewEnv = { self: this.replica.id, live: ev.current };
    for (const { entity, fns } of [...this.watchers.values()]) {
      const st = entity.state;
      if (entity.deleted || st.type === "ydoc" || !TALLYING_MODELS.has(st.type)) continue;
      const kind = kindOf(st.type);
      if (JSON.stringify(kind.view(st.store, before)) === JSON.stringify(kind.view(st.store, after))) continue;
      for (const fn of [...fns]) fn(entity, "membership");
    }
  }

  /** Stops listening to the replica and terminates the worker pool (in the background). */
  close(): void {
    this.unsubscribeFeed();
    this.unsubscribeLive();
    this.watchers.clear();
    void this.worker?.close();
  }

  /**
   * Resolves once the runtimes are ready to serve without start-up delay (the worker pool has
   * imported the service modules) and the streams an earlier process on this store left open
   * are closed (recoverStreams); rejects if a worker cannot start. Calls made earlier wait.
   * The server listens only after this: a leftover onClose that ran after a returning client's
   * onOpen would undo it (presence would show a connected user offline).
   */
  async ready(): Promise<void> {
    await this.worker?.pool.whenReady();
    await (this.recovery ??= this.recoverStreams());
  }

  /**
   * Runs the onClose of every stream an earlier process on this store left open (it died, or
   * stopped before the stream's onClose finished): for the stream's service, its clients
   * disconnected when that process went away (SPEC §4: onClose runs on disconnect). Presence's
   * `connect` votes false again, so a restarted replica does not keep its users online. A record
   * whose service, stream or entity is gone is dropped; a failing onClose is reported and
   * dropped (it would fail again). Resolves with the number of onClose runs that succeeded.
   */
  async recoverStreams(): Promise<number> {
    let closed = 0;
    for (const { storageKey, record } of await this.streamJournal.leftovers()) {
      try {
        const svc = record && this.registry.has(record.service) ? this.registry.get(record.service) : undefined;
        if (record && svc?.streams.get(record.stream)?.def.onClose) {
          const info = this.info(record.service, record.key, record.stream, record.auth);
          const out = await this.runHook(svc, info, { stream: record.stream, phase: "onClose", input: record.input, local: { ...record.local } }, { commit: true });
          await this.runEffects(out, record.auth);
          closed++;
        }
      } catch (err) {
        const e = toLatticeError(err);
        if (e.code === "unavailable") throw e;
        if (e.code !== "entity_deleted") this.replica.onError(new Error(`onClose of a stream left open by an earlier process failed: ${e.message}`, { cause: err }));
      }
      await this.streamJournal.drop(storageKey);
    }
    return closed;
  }

  /**
   * close(), and resolves once the worker threads are gone and streams closing now (their
   * onClose, their records) are done, so the store can close after it.
   */
  async shutdown(): Promise<void> {
    await this.streamJournal.settled();
    this.close();
    await this.worker?.close();
  }

  /** The runtime that runs a service's hooks. */
  runtimeOf(svc: CompiledService): Runtime {
    return svc.def.runtime === "worker" && this.worker ? this.worker : this.inline;
  }

  private runtimeService(svc: CompiledService): RuntimeService {
    return this.runtimeServices.get(svc.def.name) ?? { def: svc.def, module: serviceModule(svc.def) };
  }

  /** Runs one hook of a service in its runtime; `state` is read synchronously (see Runtime.run). */
  private runIn(svc: CompiledService, hook: Hook, state: HookRequest["state"], input: Json, info: CallInfo, local?: Record<string, unknown>): Promise<Outcome> {
    return this.runtimeOf(svc).run(this.runtimeService(svc), {
      hook,
      state,
      input,
      info,
      env: this.replica.viewEnv(),
      limits: this.limits,
      timeoutMs: svc.def.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(local ? { local } : {}),
    });
  }

  private info(service: string, key: string, command: string, auth: AuthClaims): CallInfo {
    return {
      service,
      key,
      command,
      auth,
      replica: { id: this.replica.id, region: this.replica.region },
      now: this.replica.env.clock.now(),
    };
  }

  checkKey(key: string): void {
    if (typeof key !== "string" || key.length === 0) throw new LatticeError("invalid_input", "the entity key must be a non-empty string");
    if (Buffer.byteLength(key, "utf8") > this.options.maxKeyBytes) {
      throw new LatticeError("invalid_input", `the entity key is over ${this.options.maxKeyBytes} bytes`);
    }
  }

  private async authorize(svc: CompiledService, info: CallInfo, kind: "command" | "stream"): Promise<void> {
    if (!svc.def.authorize) return;
    let out: Outcome;
    try {
      out = await this.runIn(svc, { kind: "authorize", call: kind }, null, null, info);
    } catch (err) {
      const e = toLatticeError(err);
      if (e.code === "function_timeout") throw e;
      throw new LatticeError("function_error", `authorize failed: ${e.message}`);
    }
    if (out.reply !== true) throw new LatticeError("forbidden", `not allowed to call ${info.service}.${info.command}`);
  }

  /** Runs a command and returns its reply (SPEC §4). Errors are LatticeErrors with catalogue codes. */
  async call(req: CallRequest, depth = 0): Promise<Json> {
    const started = this.replica.env.clock.monotonic();
    let outcome = "ok";
    try {
      return await this.callInner(req, depth);
    } catch (err) {
      const e = toLatticeError(err);
      outcome = e.code;
      throw e;
    } finally {
      this.observer.call(req.service, req.command, outcome, (this.replica.env.clock.monotonic() - started) / 1000);
    }
  }

  private async callInner(req: CallRequest, depth: number): Promise<Json> {
    if (depth > this.options.maxCallDepth) throw new LatticeError("function_error", "forwards and effects nest too deep");
    const svc = this.registry.get(req.service);
    const cmd = svc.commands.get(req.command);
    if (!cmd) throw new LatticeError("unknown_command", `service ${req.service} has no command ${JSON.stringify(req.command)}`);
    this.checkKey(req.key);
    const info = this.info(req.service, req.key, req.command, req.auth);
    await this.authorize(svc, info, "command");
    checkInput(cmd.validate, req.input);

    let result: Outcome | undefined;
    const hook: Hook = { kind: "command", name: cmd.name };
    await this.replica.update(
      { service: req.service, key: req.key },
      svc.def.type,
      async (entity) => {
        result = await this.runIn(svc, hook, entity.state, req.input, info);
        return result.change;
      },
      { consistency: cmd.consistency, ...(svc.def.timeoutMs ? { timeoutMs: Math.max(svc.def.timeoutMs, 1) } : {}) },
    );
    const out = result as Outcome;
    return this.afterCommit(out, req.auth, depth);
  }

  private invocationEnv(info: CallInfo, readOnly?: string) {
    return { info, env: this.replica.viewEnv(), limits: this.limits, ...(readOnly ? { readOnly } : {}) };
  }

  /** Effects and forwards run after the command's delta is applied; neither is atomic with it. */
  private async afterCommit(out: Outcome, auth: AuthClaims, depth: number): Promise<Json> {
    for (const e of out.effects) {
      const run = this.call({ service: e.service, key: e.key, command: e.command, input: e.input, auth }, depth + 1).then(
        () => undefined,
        (err: unknown) => this.observer.effectFailed(toLatticeError(err), e),
      );
      if (e.synchronous) await run;
    }
    if (out.forward) {
      const f = out.forward;
      return this.call({ service: f.service, key: f.key, command: f.command, input: f.input, auth }, depth + 1);
    }
    return toJson(out.reply);
  }

  /** The view and version of an entity without running a function (SPEC §5 GET). */
  async read(service: string, key: string): Promise<EntityView> {
    const svc = this.registry.get(service);
    this.checkKey(key);
    const e = await this.replica.read({ service, key }, svc.def.type);
    if (!e) throw new Error("unreachable: read with a type always yields an entity");
    if (e.deleted) throw new LatticeError("entity_deleted", `${service}/${key} was deleted`);
    return this.viewOf(svc, e);
  }

  /**
   * The view and version of an entity as it is now (a worker view: computed from a copy of the
   * state taken now, before this returns).
   */
  async viewOf(svc: CompiledService, e: Entity): Promise<EntityView> {
    if (!this.viewRunsElsewhere(svc)) return this.localView(svc, e);
    const version = versionToJson(e.version);
    const info = this.info(svc.def.name, e.ref.key, "view", null);
    const out = await this.runIn(svc, { kind: "view" }, e.state, null, info);
    return { state: out.reply ?? null, version };
  }

  /**
   * A service's own view runs where its handlers run, so a worker service's view cannot block
   * the replica. Default views (the state model's) are the replica's code and run here.
   */
  private viewRunsElsewhere(svc: CompiledService): boolean {
    return svc.def.view !== undefined && this.runtimeOf(svc) !== this.inline;
  }

  /** The view computed in this thread, synchronously (default views, inline services' views). */
  private localView(svc: CompiledService, e: Entity): EntityView {
    return { state: this.stateView(svc, e), version: versionToJson(e.version) };
  }

  private stateView(svc: CompiledService, e: Entity): Json {
    const def = svc.def;
    if (e.state.type === "ydoc") {
      const state = e.state;
      return def.view ? toJson(def.view(state.doc)) : yView(state, def.shape ?? {});
    }
    const state = e.state;
    if (!def.view) return kindOf(state.type).view(state.store, this.replica.viewEnv());
    const session = new MutationSession(state, this.replica.id, this.replica.env.clock.now(), this.replica.viewEnv(), this.limits, "a view may not change state");
    return toJson(def.view(facadeFor(state.type, rootSlot(session), session)));
  }

  /**
   * Calls `onView` with the entity's view now and after every change of its converged state
   * (local or remote). The entity stays cached while watched. Returns the unsubscribe function.
   */
  async subscribe(service: string, key: string, onView: (v: EntityView | { deleted: true }) => void): Promise<{ initial: EntityView; stop: () => void }> {
    const svc = this.registry.get(service);
    this.checkKey(key);
    const ref: EntityRef = { service, key };
    const entity = await this.replica.pin(ref, svc.def.type);
    if (!entity) throw new Error("unreachable: pin with a type always yields an entity");
    if (entity.deleted) {
      this.replica.unpin(entity);
      throw new LatticeError("entity_deleted", `${service}/${key} was deleted`);
    }
    // A live-set change is delivered only when it changed this service's view (a custom view
    // may not show the tally field that changed); an entity change always is (its version moved).
    // Compared as JSON only on a live-set change (rare); entity changes just keep the last view.
    let last: EntityView["state"] | undefined;
    const deliver = (v: EntityView | { deleted: true }, cause: WatchCause): void => {
      if ("state" in v) {
        if (cause === "membership" && last !== undefined && JSON.stringify(v.state) === JSON.stringify(last)) return;
        last = v.state;
      }
      onView(v);
    };
    if (!this.viewRunsElsewhere(svc)) {
      // Synchronous from here to the return: no change can fall between the initial view and the watch.
      const stop = this.watch(entity, (e, cause) => deliver(e.deleted ? { deleted: true } : this.localView(svc, e), cause));
      try {
        const initial = this.localView(svc, entity);
        last = initial.state;
        return { initial, stop };
      } catch (err) {
        stop();
        throw err;
      }
    }
    // A worker view: the initial view's state is copied now, the watch starts now, and views of
    // later changes (each from a copy taken at its change) are delivered in order, after the
    // initial view and one turn of the event loop, so the caller has it first.
    const first = this.viewOf(svc, entity).then((v) => {
      last = v.state;
      return v;
    });
    first.catch(() => undefined);
    let chain: Promise<void> = first.then(
      () => new Promise<void>((resolve) => this.replica.env.timers.defer(resolve)),
      () => undefined,
    );
    const stop = this.watch(entity, (e, cause) => {
      const next: Promise<EntityView | { deleted: true }> = e.deleted ? Promise.resolve({ deleted: true }) : this.viewOf(svc, e);
      next.catch(() => undefined);
      chain = chain
        .then(() => next)
        .then(
          (v) => deliver(v, cause),
          (err: unknown) => this.replica.onError(err),
        );
    });
    try {
      return { initial: await first, stop };
    } catch (err) {
      stop();
      throw err;
    }
  }

  /**
   * Registers a listener for one (pinned) entity: it runs after every change of the entity's
   * converged state, and when a live-set change changed its vote tallies. Returns its removal
   * (which also unpins).
   */
  watch(entity: Entity, fn: Watcher): () => void {
    let w = this.watchers.get(entity.id);
    if (!w) this.watchers.set(entity.id, (w = { entity, fns: new Set() }));
    const { fns } = w;
    fns.add(fn);
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      fns.delete(fn);
      if (fns.size === 0 && this.watchers.get(entity.id)?.fns === fns) this.watchers.delete(entity.id);
      this.replica.unpin(entity);
    };
  }

  /** A description of the loaded services (SPEC §5 GET /v1/services). */
  describe(): { name: string; type: TypeName; commands: string[]; streams: string[] }[] {
    return this.registry.all().map((s) => ({
      name: s.def.name,
      type: s.def.type,
      commands: [...s.commands.keys()],
      streams: [...s.streams.keys()],
    }));
  }

  /**
   * Internal to streams.ts: runs a stream hook with the same pipeline pieces, in the service's
   * runtime. `hook` names the stream and phase; a function instead runs inline whatever the
   * service's runtime (kept for callers that build their own hook closures).
   */
  async runHook(
    svc: CompiledService,
    info: CallInfo,
    hook: StreamHookCall | Parameters<typeof invoke>[3],
    opts: { readOnly?: string; commit: boolean },
  ): Promise<Outcome> {
    if (typeof hook !== "function") {
      const h: Hook = { kind: "stream", name: hook.stream, phase: hook.phase };
      if (!opts.commit) {
        const e = await this.replica.read({ service: info.service, key: info.key }, svc.def.type);
        if (!e) throw new Error("unreachable");
        return this.runIn(svc, h, e.state, hook.input, info, hook.local);
      }
      let out: Outcome | undefined;
      await this.replica.update({ service: info.service, key: info.key }, svc.def.type, async (entity) => {
        out = await this.runIn(svc, h, entity.state, hook.input, info, hook.local);
        return out.change;
      });
      return out as Outcome;
    }
    const fn = hook;
    if (!opts.commit) {
      const e = await this.replica.read({ service: info.service, key: info.key }, svc.def.type);
      if (!e) throw new Error("unreachable");
      return invoke(svc.def.type, e.state, this.invocationEnv(info, opts.readOnly), fn);
    }
    let result: Outcome | undefined;
    await this.replica.update({ service: info.service, key: info.key }, svc.def.type, async (entity) => {
      result = await invoke(svc.def.type, entity.state, this.invocationEnv(info), fn);
      return result.change;
    });
    return result as Outcome;
  }

  async runEffects(out: Outcome, auth: AuthClaims): Promise<void> {
    await this.afterCommit({ ...out, forward: undefined }, auth, 0);
  }

  authorizeStream(svc: CompiledService, info: CallInfo): Promise<void> {
    return this.authorize(svc, info, "stream");
  }

  callInfo(service: string, key: string, name: string, auth: AuthClaims): CallInfo {
    return this.info(service, key, name, auth);
  }
}

