/**
 * The Cloudstate CRDT TCK model (`protocols/tck/cloudstate/tck/model/crdt.proto`) ported to
 * Lattice, so the TCK's scenarios can run as this project's tests (tck.test.ts).
 *
 * In Cloudstate one service, `CrdtTckModel`, served every CRDT type: the prefix of the entity id
 * (`GCounter-…`, `PNCounter-…`, `GSet-…`, `ORSet-…`, `LWWRegister-…`, `Flag-…`, `ORMap-…`,
 * `Vote-…`) picked the type. A Lattice service has ONE state model, so the port is:
 *
 * - `tck-gcounter`, `tck-pncounter`, `tck-gset`, `tck-orset`, `tck-lwwregister`, `tck-flag`,
 *   `tck-ormap`, `tck-vote`: one model service per type, built by {@link tckModelService}. Each
 *   has the commands `process` (write consistency `local`), `processMajority` and `processAll`,
 *   and the stream `processStreamed`. A key whose prefix names another model is `failed`.
 * - `tck`: the facade with Cloudstate's single entry point. Its `process` routes by the key's
 *   prefix: it forwards the request to `tck-<model>` with the same key, to the command matching
 *   the strongest `writeConsistency` among the request's updates (Lattice sets consistency per
 *   command, not per write, and has no `ctx.setWriteConsistency`). Its own state (a gcounter) is
 *   never written. Streams cannot be forwarded: open `processStreamed` on `tck-<model>` directly,
 *   and read the state there too (`GET /v1/entities/tck-gcounter/GCounter-1`).
 * - `tck-two`: Cloudstate's `CrdtTwo`, the target of every forward and effect. `call` counts its
 *   calls (a gcounter per id, so tests can see that an effect ran) and replies `{calls}`.
 *
 * Request (`process` input): `{actions: Action[]}`, run in order, where an action is one of
 * - `{update: Update}`: a change of the entity, model-specific (below), with an optional
 *   `writeConsistency` ("local" | "majority" | "all"; stronger than the command's is `failed`);
 * - `{delete: {}}`: `ctx.delete()` (the reply still carries the state before the deletion);
 * - `{forward: {id}}`: reply with `tck-two/{id}` `call {id}` instead of the state;
 * - `{fail: {message}}`: `ctx.fail(message)`; nothing of the command happens, effects included
 *   (Lattice's atomicity; Cloudstate attached earlier effects to the failure);
 * - `{effect: {id, synchronous?}}`: `tck-two/{id}` `call {id}` after the command commits.
 *
 * Update, one of: `{gcounter: {increment}}`, `{pncounter: {change}}`, `{gset: {add}}`,
 * `{orset: {add} | {remove} | {clear: true}}`, `{lwwregister: {value, clock?}}` (clock as
 * `LWWRegisterState.set`: "default", "reverse", {custom: n}, {customAutoIncrement: n}),
 * `{flag: {}}`, `{ormap: {add: key} | {update: {key, update}} | {remove: key} | {clear: true}}`
 * (the key's prefix picks the nested model, as for entity ids), `{vote: {selfVote}}`.
 *
 * Reply: `{state: State}` with State one of `{gcounter: {value}}`, `{pncounter: {value}}`,
 * `{gset: {elements}}`, `{orset: {elements}}` (sorted), `{lwwregister: {value}}` ("" before the
 * first write: Lattice has no initial value, SPEC §3), `{flag: {value}}`,
 * `{ormap: {entries: [{key, value: State}]}}` (sorted by key), `{vote: {selfVote, votesFor,
 * totalVoters}}`.
 *
 * `processStreamed` input: `{endState?, cancelUpdate?, effects?, initialUpdate?, empty?}`. On open
 * it applies `initialUpdate`, then sends `{state}` (unless `empty`); it sends `{state}` again after
 * every change, each message with `effects` run; when the state equals `endState` the stream ends
 * with that message; when the client cancels, `cancelUpdate` is applied (also for `empty` streams).
 * Stream hooks cannot choose a write consistency, so updates in a stream are `local`.
 *
 * Cloudstate's *passivation* (100 ms) maps to cache eviction here: an idle entity leaves memory
 * and reloads from the store; nothing is configured per service.
 *
 * @module
 */
import { defineService } from "../index.js";
import type {
  ClockSpec,
  CommandContext,
  FlagState,
  GCounterState,
  GSetState,
  Json,
  LWWRegisterState,
  ORMapState,
  ORSetState,
  PNCounterState,
  ServiceDefinition,
  StateOf,
  StreamContext,
  VoteState,
} from "../index.js";

/** The causal state models (all but ydoc), as the TCK knows them. */
export type TckType = "gcounter" | "pncounter" | "gset" | "orset" | "lwwregister" | "flag" | "ormap" | "vote";

export type Consistency = "local" | "majority" | "all";

/** Key prefix → state model. */
export const TCK_PREFIXES: Readonly<Record<string, TckType>> = Object.freeze({
  GCounter: "gcounter",
  PNCounter: "pncounter",
  GSet: "gset",
  ORSet: "orset",
  LWWRegister: "lwwregister",
  Flag: "flag",
  ORMap: "ormap",
  Vote: "vote",
});

export const TCK_TYPES: readonly TckType[] = Object.values(TCK_PREFIXES);

/** The model a key's prefix (up to the first "-") names, if any. */
export function modelOf(key: string): TckType | undefined {
  const dash = key.indexOf("-");
  const prefix = dash < 0 ? key : key.slice(0, dash);
  return Object.hasOwn(TCK_PREFIXES, prefix) ? TCK_PREFIXES[prefix] : undefined;
}

export const TCK_TWO = "tck-two";
export const serviceOf = (type: TckType): string => `tck-${type}`;
/** The command of a model service that writes with `level`. */
export const commandFor = (level: Consistency): string =>
  level === "local" ? "process" : level === "majority" ? "processMajority" : "processAll";

export type Update = {
  readonly gcounter?: { readonly increment: number };
  readonly pncounter?: { readonly change: number };
  readonly gset?: { readonly add: string };
  readonly orset?: { readonly add?: string; readonly remove?: string; readonly clear?: boolean };
  readonly lwwregister?: { readonly value: string; readonly clock?: ClockSpec };
  readonly flag?: Readonly<Record<string, never>>;
  readonly ormap?: {
    readonly add?: string;
    readonly update?: { readonly key: string; readonly update: Update };
    readonly remove?: string;
    readonly clear?: boolean;
  };
  readonly vote?: { readonly selfVote: boolean };
  readonly writeConsistency?: Consistency;
};

export type Effect = { readonly id: string; readonly synchronous?: boolean };

export type Action =
  | { readonly update: Update }
  | { readonly delete: Readonly<Record<string, never>> }
  | { readonly forward: { readonly id: string } }
  | { readonly fail: { readonly message: string } }
  | { readonly effect: Effect };

export type TckRequest = { readonly actions: readonly Action[] };

export type StreamedRequest = {
  readonly endState?: Json;
  readonly cancelUpdate?: Update;
  readonly effects?: readonly Effect[];
  readonly initialUpdate?: Update;
  readonly empty?: boolean;
};

// ---------------------------------------------------------------------------------------------
// Input schemas

const id = { type: "string", minLength: 1 } as const;
const oneKey = (properties: Record<string, unknown>) => ({ type: "object", properties, minProperties: 1, maxProperties: 1, additionalProperties: false });

const UPDATE_DEFS = {
  update: {
    type: "object",
    properties: {
      gcounter: { type: "object", properties: { increment: { type: "integer", minimum: 0 } }, required: ["increment"], additionalProperties: false },
      pncounter: { type: "object", properties: { change: { type: "integer" } }, required: ["change"], additionalProperties: false },
      gset: { type: "object", properties: { add: { type: "string" } }, required: ["add"], additionalProperties: false },
      orset: oneKey({ add: { type: "string" }, remove: { type: "string" }, clear: { const: true } }),
      lwwregister: {
        type: "object",
        properties: {
          value: { type: "string" },
          clock: {
            oneOf: [
              { enum: ["default", "reverse"] },
              { type: "object", properties: { custom: { type: "integer" } }, required: ["custom"], additionalProperties: false },
              { type: "object", properties: { customAutoIncrement: { type: "integer" } }, required: ["customAutoIncrement"], additionalProperties: false },
            ],
          },
        },
        required: ["value"],
        additionalProperties: false,
      },
      flag: { type: "object", additionalProperties: false },
      ormap: oneKey({
        add: { type: "string" },
        update: {
          type: "object",
          properties: { key: { type: "string" }, update: { $ref: "#/$defs/update" } },
          required: ["key", "update"],
          additionalProperties: false,
        },
        remove: { type: "string" },
        clear: { const: true },
      }),
      vote: { type: "object", properties: { selfVote: { type: "boolean" } }, required: ["selfVote"], additionalProperties: false },
      writeConsistency: { enum: ["local", "majority", "all"] },
    },
    additionalProperties: false,
  },
  effect: {
    type: "object",
    properties: { id, synchronous: { type: "boolean" } },
    required: ["id"],
    additionalProperties: false,
  },
} as const;

export const REQUEST_SCHEMA = {
  $defs: UPDATE_DEFS,
  type: "object",
  properties: {
    actions: {
      type: "array",
      items: oneKey({
        update: { $ref: "#/$defs/update" },
        delete: { type: "object", additionalProperties: false },
        forward: { type: "object", properties: { id }, required: ["id"], additionalProperties: false },
        fail: { type: "object", properties: { message: { type: "string" } }, required: ["message"], additionalProperties: false },
        effect: { $ref: "#/$defs/effect" },
      }),
    },
  },
  required: ["actions"],
  additionalProperties: false,
} as const;

export const STREAMED_REQUEST_SCHEMA = {
  $defs: UPDATE_DEFS,
  type: ["object", "null"],
  properties: {
    endState: { type: "object" },
    cancelUpdate: { $ref: "#/$defs/update" },
    effects: { type: "array", items: { $ref: "#/$defs/effect" } },
    initialUpdate: { $ref: "#/$defs/update" },
    empty: { type: "boolean" },
  },
  additionalProperties: false,
} as const;

// ---------------------------------------------------------------------------------------------
// Updates and states

type AnyState = StateOf<TckType>;

/** Applies an Update to a state of `type` (nested ormap values included). */
export function applyUpdate(type: TckType, state: AnyState, update: Update, ctx: CommandContext): void {
  const given = Object.keys(update).filter((k) => k !== "writeConsistency");
  if (given.length !== 1 || given[0] !== type) {
    ctx.fail(`expected a ${type} update, got ${given.length === 0 ? "none" : given.join(", ")}`, { model: type, update: given });
  }
  switch (type) {
    case "gcounter":
      (state as GCounterState).increment(update.gcounter?.increment ?? 0);
      return;
    case "pncounter": {
      const change = update.pncounter?.change ?? 0;
      if (change >= 0) (state as PNCounterState).increment(change);
      else (state as PNCounterState).decrement(-change);
      return;
    }
    case "gset":
      (state as GSetState).add(update.gset?.add ?? "");
      return;
    case "orset": {
      const u = update.orset ?? {};
      const s = state as ORSetState;
      if (u.add !== undefined) s.add(u.add);
      else if (u.remove !== undefined) s.remove(u.remove);
      else if (u.clear) s.clear();
      return;
    }
    case "lwwregister": {
      const u = update.lwwregister ?? { value: "" };
      (state as LWWRegisterState).set(u.value, u.clock);
      return;
    }
    case "flag":
      (state as FlagState).enable();
      return;
    case "vote":
      (state as VoteState).vote(update.vote?.selfVote ?? false);
      return;
    case "ormap": {
      const u = update.ormap ?? {};
      const map = state as ORMapState;
      if (u.add !== undefined) {
        if (!map.has(u.add)) map.set(u.add, nestedModel(u.add, ctx));
      } else if (u.update !== undefined) {
        const t = nestedModel(u.update.key, ctx);
        applyUpdate(t, map.get<TckType>(u.update.key, t), u.update.update, ctx);
      } else if (u.remove !== undefined) {
        map.delete(u.remove);
      } else if (u.clear) {
        map.clear();
      }
      return;
    }
  }
}

function nestedModel(key: string, ctx: CommandContext): TckType {
  return modelOf(key) ?? ctx.fail(`ormap key ${JSON.stringify(key)} has no model prefix`);
}

const sorted = (values: Json[]): string[] => values.filter((v): v is string => typeof v === "string").sort();

/** The TCK State of a state of `type`. */
export function stateOf(type: TckType, state: AnyState): Json {
  switch (type) {
    case "gcounter":
      return { gcounter: { value: (state as GCounterState).value } };
    case "pncounter":
      return { pncounter: { value: (state as PNCounterState).value } };
    case "gset":
      return { gset: { elements: sorted((state as GSetState).value) } };
    case "orset":
      return { orset: { elements: sorted((state as ORSetState).value) } };
    case "lwwregister": {
      const v = (state as LWWRegisterState).value;
      return { lwwregister: { value: typeof v === "string" ? v : "" } };
    }
    case "flag":
      return { flag: { value: (state as FlagState).value } };
    case "vote": {
      const v = state as VoteState;
      return { vote: { selfVote: v.selfVote, votesFor: v.votesFor, totalVoters: v.totalVoters } };
    }
    case "ormap": {
      const map = state as ORMapState;
      const entries = sorted(map.keys()).flatMap((key) => {
        const t = map.typeOf(key);
        if (t === undefined || !TCK_TYPES.includes(t)) return [];
        return [{ key, value: stateOf(t, map.get<TckType>(key, t)) }];
      });
      return { ormap: { entries } };
    }
  }
}

const RANK: Record<Consistency, number> = { local: 0, majority: 1, all: 2 };

/** The strongest write consistency the request's updates ask for. */
export function strongestConsistency(actions: readonly Action[]): Consistency {
  let level: Consistency = "local";
  for (const a of actions) {
    const w = "update" in a ? a.update.writeConsistency : undefined;
    if (w && RANK[w] > RANK[level]) level = w;
  }
  return level;
}

function checkModelKey(type: TckType, ctx: CommandContext): void {
  const m = modelOf(ctx.key);
  if (m !== type) ctx.fail(`entity ${ctx.key} is not a ${type} (its prefix names ${m ?? "no model"}); use the tck facade or tck-${m ?? "?"}`);
}

function runActions(type: TckType, level: Consistency) {
  return (state: AnyState, input: Json, ctx: CommandContext): Json => {
    checkModelKey(type, ctx);
    const { actions } = input as unknown as TckRequest;
    for (const a of actions) {
      if ("update" in a) {
        const w = a.update.writeConsistency ?? "local";
        if (RANK[w] > RANK[level]) ctx.fail(`a ${w} update needs ${commandFor(w)}, not ${ctx.command}`);
        applyUpdate(type, state, a.update, ctx);
      } else if ("delete" in a) {
        ctx.delete();
      } else if ("forward" in a) {
        ctx.forward(TCK_TWO, a.forward.id, "call", { id: a.forward.id });
      } else if ("fail" in a) {
        ctx.fail(a.fail.message);
      } else {
        ctx.effect(TCK_TWO, a.effect.id, "call", { id: a.effect.id }, { synchronous: a.effect.synchronous === true });
      }
    }
    return { state: stateOf(type, state) };
  };
}

/** One streamed response, or none: effects attached, the end state honoured. */
function streamed(type: TckType, state: AnyState, ctx: StreamContext): Json | undefined {
  const req = ctx.local.request as StreamedRequest;
  if (req.empty) return undefined;
  for (const e of req.effects ?? []) ctx.effect(TCK_TWO, e.id, "call", { id: e.id }, { synchronous: e.synchronous === true });
  const current = stateOf(type, state);
  const message = { state: current };
  if (req.endState !== undefined && JSON.stringify(req.endState) === JSON.stringify(current)) {
    ctx.end(message);
    return undefined;
  }
  return message;
}

/** The TCK model service of one state model: `tck-<type>`. */
export function tckModelService(type: TckType): ServiceDefinition {
  const run = (level: Consistency) => ({ input: REQUEST_SCHEMA, consistency: level, handler: runActions(type, level) });
  return defineService({
    name: serviceOf(type),
    type,
    commands: {
      process: run("local"),
      processMajority: run("majority"),
      processAll: run("all"),
    },
    streams: {
      processStreamed: {
        input: STREAMED_REQUEST_SCHEMA,
        // `type` is a union here, so the hooks' parameters are spelled out.
        onOpen: (state: AnyState, input: Json, ctx: StreamContext) => {
          checkModelKey(type, ctx);
          const req = (input ?? {}) as StreamedRequest;
          ctx.local.request = req;
          if (req.initialUpdate) applyUpdate(type, state, req.initialUpdate, ctx);
          return streamed(type, state, ctx);
        },
        onChange: (state: AnyState, ctx: StreamContext) => streamed(type, state, ctx),
        onClose: (state: AnyState, ctx: StreamContext) => {
          const req = ctx.local.request as StreamedRequest | undefined;
          if (req?.cancelUpdate) applyUpdate(type, state, req.cancelUpdate, ctx);
        },
      },
    },
  });
}

/** Cloudstate's CrdtTwo: counts calls per id. */
export const tckTwo = defineService({
  name: TCK_TWO,
  type: "gcounter",
  commands: {
    call: (state) => {
      state.increment(1);
      return { calls: state.value };
    },
  },
});

/** Cloudstate's single CrdtTckModel entry point: routes by the key's prefix. */
export const tckFacade = defineService({
  name: "tck",
  type: "gcounter",
  commands: {
    process: {
      input: REQUEST_SCHEMA,
      handler: (_state, input, ctx) => {
        const type = modelOf(ctx.key);
        if (!type) return ctx.fail(`entity ${ctx.key} has no model prefix (${Object.keys(TCK_PREFIXES).join(", ")})`);
        const { actions } = input as unknown as TckRequest;
        ctx.forward(serviceOf(type), ctx.key, commandFor(strongestConsistency(actions)), input);
        return null;
      },
    },
  },
});

/** Every TCK service: the facade, one model service per type, and tck-two. */
export const tckServices: ServiceDefinition[] = [tckFacade, ...TCK_TYPES.map(tckModelService), tckTwo];

export default tckServices;
