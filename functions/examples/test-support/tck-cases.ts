/**
 * The Cloudstate TCK expectations per state model: one table shared by the engine-level TCK
 * (functions/examples/tck.test.ts) and the server-level ones (server/tck-http.test.ts,
 * server/tck-ws.test.ts), so that a difference between them is a difference of the server
 * layer. `state` values are the TCK `State` of a reply (tck.ts).
 *
 * @module
 */
import type { Json } from "../../../crdt/index.js";
import type { TckType, Update } from "../tck.js";

export interface TckStep {
  readonly updates: readonly Update[];
  /** The state in the reply of the command. */
  readonly state: Json;
  /** Whether the command changes the entity (one committed change: the version grows by one). */
  readonly delta: boolean;
}

export interface TckCase {
  readonly type: TckType;
  readonly prefix: string;
  /** The state of an entity never written, on a replica alone (vote: 1 voter). */
  readonly empty: Json;
  /** Commands (each a list of updates) with the state after each, run on a replica alone. */
  readonly steps: readonly TckStep[];
  /** An update made on the other replica of a pair, and this replica's state after receiving it. */
  readonly remote: Update;
  readonly remoteState: Json;
  /** A local update after receiving `remote`, and the state after it (on both replicas). */
  readonly local: Update;
  readonly mixedState: Json;
}

export const vote = (selfVote: boolean, votesFor: number, totalVoters: number): Json => ({ vote: { selfVote, votesFor, totalVoters } });

const flagD = { ormap: { entries: [{ key: "Flag-d", value: { flag: { value: true } } }] } };

export const TCK_CASES: readonly TckCase[] = [
  {
    type: "gcounter",
    prefix: "GCounter",
    empty: { gcounter: { value: 0 } },
    steps: [
      { updates: [{ gcounter: { increment: 1 } }, { gcounter: { increment: 2 } }, { gcounter: { increment: 3 } }], state: { gcounter: { value: 6 } }, delta: true },
      { updates: [{ gcounter: { increment: 0 } }], state: { gcounter: { value: 6 } }, delta: false },
      { updates: [{ gcounter: { increment: 4 } }], state: { gcounter: { value: 10 } }, delta: true },
    ],
    remote: { gcounter: { increment: 5 } },
    remoteState: { gcounter: { value: 5 } },
    local: { gcounter: { increment: 2 } },
    mixedState: { gcounter: { value: 7 } },
  },
  {
    type: "pncounter",
    prefix: "PNCounter",
    empty: { pncounter: { value: 0 } },
    steps: [
      { updates: [{ pncounter: { change: 1 } }, { pncounter: { change: -2 } }, { pncounter: { change: 3 } }], state: { pncounter: { value: 2 } }, delta: true },
      { updates: [{ pncounter: { change: 0 } }], state: { pncounter: { value: 2 } }, delta: false },
      { updates: [{ pncounter: { change: -7 } }], state: { pncounter: { value: -5 } }, delta: true },
    ],
    remote: { pncounter: { change: -3 } },
    remoteState: { pncounter: { value: -3 } },
    local: { pncounter: { change: 10 } },
    mixedState: { pncounter: { value: 7 } },
  },
  {
    type: "gset",
    prefix: "GSet",
    empty: { gset: { elements: [] } },
    steps: [
      { updates: [{ gset: { add: "b" } }, { gset: { add: "a" } }], state: { gset: { elements: ["a", "b"] } }, delta: true },
      { updates: [{ gset: { add: "a" } }], state: { gset: { elements: ["a", "b"] } }, delta: false },
      { updates: [{ gset: { add: "c" } }], state: { gset: { elements: ["a", "b", "c"] } }, delta: true },
    ],
    remote: { gset: { add: "x" } },
    remoteState: { gset: { elements: ["x"] } },
    local: { gset: { add: "y" } },
    mixedState: { gset: { elements: ["x", "y"] } },
  },
  {
    type: "orset",
    prefix: "ORSet",
    empty: { orset: { elements: [] } },
    steps: [
      { updates: [{ orset: { add: "a" } }, { orset: { add: "b" } }, { orset: { remove: "a" } }], state: { orset: { elements: ["b"] } }, delta: true },
      { updates: [{ orset: { add: "b" } }], state: { orset: { elements: ["b"] } }, delta: false },
      { updates: [{ orset: { remove: "zzz" } }], state: { orset: { elements: ["b"] } }, delta: false },
      { updates: [{ orset: { add: "a" } }, { orset: { clear: true } }, { orset: { add: "x" } }], state: { orset: { elements: ["x"] } }, delta: true },
      { updates: [{ orset: { clear: true } }], state: { orset: { elements: [] } }, delta: true },
      { updates: [{ orset: { clear: true } }], state: { orset: { elements: [] } }, delta: false },
    ],
    remote: { orset: { add: "x" } },
    remoteState: { orset: { elements: ["x"] } },
    local: { orset: { remove: "x" } },
    mixedState: { orset: { elements: [] } },
  },
  {
    type: "lwwregister",
    prefix: "LWWRegister",
    empty: { lwwregister: { value: "" } },
    steps: [
      { updates: [{ lwwregister: { value: "one" } }, { lwwregister: { value: "two" } }], state: { lwwregister: { value: "two" } }, delta: true },
      { updates: [{ lwwregister: { value: "two" } }], state: { lwwregister: { value: "two" } }, delta: false },
      { updates: [{ lwwregister: { value: "three" } }], state: { lwwregister: { value: "three" } }, delta: true },
    ],
    remote: { lwwregister: { value: "remote" } },
    remoteState: { lwwregister: { value: "remote" } },
    // The default clock is max(now, winner's clock + 1): a local write after seeing a remote one wins.
    local: { lwwregister: { value: "local" } },
    mixedState: { lwwregister: { value: "local" } },
  },
  {
    type: "flag",
    prefix: "Flag",
    empty: { flag: { value: false } },
    steps: [
      { updates: [{ flag: {} }], state: { flag: { value: true } }, delta: true },
      { updates: [{ flag: {} }], state: { flag: { value: true } }, delta: false },
    ],
    remote: { flag: {} },
    remoteState: { flag: { value: true } },
    local: { flag: {} },
    mixedState: { flag: { value: true } },
  },
  {
    type: "ormap",
    prefix: "ORMap",
    empty: { ormap: { entries: [] } },
    steps: [
      {
        updates: [{ ormap: { add: "PNCounter-a" } }],
        state: { ormap: { entries: [{ key: "PNCounter-a", value: { pncounter: { value: 0 } } }] } },
        delta: true,
      },
      {
        updates: [{ ormap: { add: "PNCounter-a" } }],
        state: { ormap: { entries: [{ key: "PNCounter-a", value: { pncounter: { value: 0 } } }] } },
        delta: false,
      },
      {
        updates: [
          { ormap: { update: { key: "PNCounter-a", update: { pncounter: { change: 3 } } } } },
          { ormap: { update: { key: "GSet-b", update: { gset: { add: "x" } } } } },
          { ormap: { update: { key: "ORMap-c", update: { ormap: { update: { key: "Flag-d", update: { flag: {} } } } } } } },
        ],
        state: {
          ormap: {
            entries: [
              { key: "GSet-b", value: { gset: { elements: ["x"] } } },
              { key: "ORMap-c", value: flagD },
              { key: "PNCounter-a", value: { pncounter: { value: 3 } } },
            ],
          },
        },
        delta: true,
      },
      {
        updates: [{ ormap: { remove: "PNCounter-a" } }, { ormap: { remove: "missing" } }],
        state: {
          ormap: {
            entries: [
              { key: "GSet-b", value: { gset: { elements: ["x"] } } },
              { key: "ORMap-c", value: flagD },
            ],
          },
        },
        delta: true,
      },
      {
        // Re-added after a removal, a key starts from the empty value (SPEC §3: no resurrection).
        updates: [{ ormap: { update: { key: "PNCounter-a", update: { pncounter: { change: 1 } } } } }, { ormap: { remove: "GSet-b" } }],
        state: {
          ormap: {
            entries: [
              { key: "ORMap-c", value: flagD },
              { key: "PNCounter-a", value: { pncounter: { value: 1 } } },
            ],
          },
        },
        delta: true,
      },
      { updates: [{ ormap: { clear: true } }], state: { ormap: { entries: [] } }, delta: true },
      { updates: [{ ormap: { clear: true } }, { ormap: { remove: "PNCounter-a" } }], state: { ormap: { entries: [] } }, delta: false },
    ],
    remote: { ormap: { update: { key: "GCounter-r", update: { gcounter: { increment: 2 } } } } },
    remoteState: { ormap: { entries: [{ key: "GCounter-r", value: { gcounter: { value: 2 } } }] } },
    local: { ormap: { update: { key: "GCounter-r", update: { gcounter: { increment: 3 } } } } },
    mixedState: { ormap: { entries: [{ key: "GCounter-r", value: { gcounter: { value: 5 } } }] } },
  },
  {
    type: "vote",
    prefix: "Vote",
    empty: vote(false, 0, 1),
    steps: [
      { updates: [{ vote: { selfVote: true } }], state: vote(true, 1, 1), delta: true },
      { updates: [{ vote: { selfVote: true } }], state: vote(true, 1, 1), delta: false },
      { updates: [{ vote: { selfVote: false } }, { vote: { selfVote: true } }, { vote: { selfVote: false } }], state: vote(false, 0, 1), delta: true },
      { updates: [{ vote: { selfVote: false } }], state: vote(false, 0, 1), delta: false },
    ],
    // Between two connected replicas, each counts the other as a live voter: totals of 2.
    remote: { vote: { selfVote: true } },
    remoteState: vote(false, 1, 2),
    local: { vote: { selfVote: true } },
    mixedState: vote(true, 2, 2),
  },
];

/** The `process` actions of a list of updates. */
export const updates = (...us: readonly Update[]): Json[] => us.map((u) => ({ update: u }));

/** The first step of a case (every case has one). */
export function firstStep(c: TckCase): TckStep {
  const s = c.steps[0];
  if (!s) throw new Error(`case ${c.prefix} has no steps`);
  return s;
}

/** The first changing step after the first, if any. */
export function secondChangingStep(c: TckCase): TckStep | undefined {
  return c.steps.find((s, i) => i > 0 && s.delta);
}
