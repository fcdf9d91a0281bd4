/**
 * Small helpers for the replica and server tests: polling until a condition holds, typed
 * commands for the common state models, and views for comparing replicas.
 *
 * @module
 */
import type { Json, TypeName } from "../../crdt/index.js";
import { addToCounter, addToSet, asType, castVote, updateMap, view, yTransact } from "../../crdt/index.js";
import type { EntityRef } from "../entity-ref.js";
import type { Replica, UpdateOptions, UpdateResult } from "../replica.js";

/** Resolves after `ms` real milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `cond` until it holds. The deadline only stops a test that would otherwise hang; it is
 * generous and never asserts how fast something happened.
 */
export async function waitFor(what: string, cond: () => boolean | Promise<boolean>, deadlineMs = 15_000): Promise<void> {
  const stop = performance.now() + deadlineMs;
  for (;;) {
    if (await cond()) return;
    if (performance.now() > stop) throw new Error(`timed out waiting for: ${what}`);
    await sleep(10);
  }
}

/** Increments a gcounter entity by `n` on behalf of the replica. */
export function incr(r: Replica, ref: EntityRef, n = 1, opts?: UpdateOptions): Promise<UpdateResult> {
  return r.update(
    ref,
    "gcounter",
    (e) => {
      const d = addToCounter(asType(e.state, "gcounter"), r.id, n, "gcounter");
      return d ? { kind: "causal", delta: { type: "gcounter", ...d } } : null;
    },
    opts,
  );
}

/** Adds `n` (may be negative) to a pncounter entity. */
export function pnAdd(r: Replica, ref: EntityRef, n: number): Promise<UpdateResult> {
  return r.update(ref, "pncounter", (e) => {
    const d = addToCounter(asType(e.state, "pncounter"), r.id, n, "pncounter");
    return d ? { kind: "causal", delta: { type: "pncounter", ...d } } : null;
  });
}

/** Adds a member to an orset entity. */
export function addMember(r: Replica, ref: EntityRef, value: Json): Promise<UpdateResult> {
  return r.update(ref, "orset", (e) => {
    const d = addToSet(asType(e.state, "orset"), r.id, value);
    return d ? { kind: "causal", delta: { type: "orset", ...d } } : null;
  });
}

/** Increments the gcounter under `key` of an ormap entity. */
export function mapIncr(r: Replica, ref: EntityRef, key: string, n = 1): Promise<UpdateResult> {
  return r.update(ref, "ormap", (e) => {
    const d = updateMap(asType(e.state, "ormap"), r.id, key, "gcounter", (nested) => addToCounter(nested, r.id, n, "gcounter"));
    return d ? { kind: "causal", delta: { type: "ormap", ...d } } : null;
  });
}

/** Casts the replica's vote on a vote entity. */
export function vote(r: Replica, ref: EntityRef, value: boolean): Promise<UpdateResult> {
  return r.update(ref, "vote", (e) => {
    const d = castVote(asType(e.state, "vote"), r.id, value);
    return d ? { kind: "causal", delta: { type: "vote", ...d } } : null;
  });
}

/** Appends `text` to the Y.Text "body" of a ydoc entity. */
export function yAppend(r: Replica, ref: EntityRef, text: string): Promise<UpdateResult> {
  return r.update(ref, "ydoc", (e) => {
    if (e.state.type !== "ydoc") throw new Error("not a ydoc");
    const update = yTransact(e.state, (doc) => {
      const t = doc.getText("body");
      t.insert(t.length, text);
    });
    return update ? { kind: "ydoc", update } : null;
  });
}

/**
 * The entity's view as a client would read it: the causal view, or for ydoc the text of
 * "body"; undefined for an entity the replica does not have.
 */
export async function viewOf(r: Replica, ref: EntityRef, type?: TypeName): Promise<Json | undefined> {
  const e = await r.read(ref, type);
  if (!e) return undefined;
  if (e.deleted) return "<deleted>";
  if (e.state.type === "ydoc") return e.state.doc.getText("body").toString();
  return view(e.state, r.viewEnv());
}

/** Lowercase hex, for readable digest comparisons. */
export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

/** A version as a plain object (for deepEqual against literals), entries sorted by replica id. */
export function versionObject(v: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...v].filter(([, n]) => n > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
