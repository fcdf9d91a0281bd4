import * as Y from "yjs";
import type { CausalState, CrdtState, Json, JsonLimits, TypeName, ViewEnv, YDocState } from "../crdt/index.js";
import type { Change } from "../replica/replica.js";
import type { CallInfo, EffectOptions, StreamContext } from "./define-service.js";
import { LatticeError } from "./errors.js";
import { facadeFor } from "./facades.js";
import { MutationSession, rootSlot } from "./session.js";
import type { StateOf } from "./state-types.js";

/** A command to run after the current one committed. */
export interface EffectCall {
  readonly service: string;
  readonly key: string;
  readonly command: string;
  readonly input: Json;
  readonly synchronous: boolean;
}

/**
 * What one handler run produced. This is the whole runtime boundary: state and input go in, this
 * comes out, so a runtime in another thread, process or language only has to produce it.
 */
export interface Outcome {
  readonly reply: unknown;
  readonly change: Change | null;
  readonly effects: readonly EffectCall[];
  readonly forward: Omit<EffectCall, "synchronous"> | undefined;
  /** Stream hooks only: the stream asked to end, with this last message. */
  readonly ended: { readonly message: Json | undefined } | undefined;
}

export interface InvocationEnv {
  readonly info: CallInfo;
  readonly env: ViewEnv;
  readonly limits: JsonLimits;
  /** Stream onChange: state is read-only and writes fail with this message. */
  readonly readOnly?: string;
}

/**
 * Runs `fn` against a working view of `state` with a context, and returns its outcome. The real
 * entity is never touched here: causal models work on a copy-on-write session, Yjs documents on a
 * clone with the same clientID (whose update the caller applies on success).
 */
export async function invoke(
  type: TypeName,
  state: CrdtState,
  inv: InvocationEnv,
  fn: (facade: StateOf<TypeName>, ctx: StreamContext) => unknown,
): Promise<Outcome> {
  const effects: EffectCall[] = [];
  let forward: Outcome["forward"];
  let deleted = false;
  let ended: Outcome["ended"];
  const ctx: StreamContext = {
    ...inv.info,
    fail(message: string, detail?: Json): never {
      throw new LatticeError("failed", String(message), detail);
    },
    delete() {
      deleted = true;
    },
    effect(service: string, key: string, command: string, input: Json = null, options: EffectOptions = {}) {
      effects.push({ service, key, command, input, synchronous: options.synchronous === true });
    },
    forward(service: string, key: string, command: string, input: Json = null) {
      forward = { service, key, command, input };
    },
    end(message?: Json) {
      ended = { message };
    },
  };
  if (state.type === "ydoc") {
    const work = cloneDoc(state);
    let update: Uint8Array | null = null;
    work.on("update", (u: Uint8Array) => {
      update = update ? Y.mergeUpdates([update, u]) : u;
    });
    try {
      if (inv.readOnly) {
        // A read-only run still gets a document, but its writes are refused after the fact.
        const reply = await fn(work, ctx);
        if (update) throw new LatticeError("function_error", inv.readOnly);
        return { reply, change: deleted ? { kind: "delete" } : null, effects, forward, ended };
      }
      const reply = await fn(work, ctx);
      const u: Uint8Array | null = update;
      const change: Change | null = deleted ? { kind: "delete" } : u ? { kind: "ydoc", update: u } : null;
      return { reply, change, effects, forward, ended };
    } finally {
      work.destroy();
    }
  }

  const session = new MutationSession(state, inv.env.self, inv.info.now, inv.env, inv.limits, inv.readOnly);
  const facade = facadeFor(type as CausalState["type"], rootSlot(session), session);
  const reply = await fn(facade, ctx);
  const d = session.delta();
  const change: Change | null = deleted ? { kind: "delete" } : d ? { kind: "causal", delta: d } : null;
  return { reply, change, effects, forward, ended };
}

/** A document with the same content and clientID: writes made on it continue the writer's clock. */
function cloneDoc(s: YDocState): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  doc.clientID = s.doc.clientID;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(s.doc));
  return doc;
}
