/**
 * Test fixture (runtime.test.ts): one service per state model, defined twice — once for the
 * inline runtime, once for the worker runtime — with the same handlers, so that both runtimes
 * can be compared command by command.
 */
import type { Json } from "../../crdt/index.js";
import type { ServiceDefinition } from "../define-service.js";
import { defineService } from "../define-service.js";

type Runtime = "inline" | "worker";

function models(runtime: Runtime): ServiceDefinition[] {
  const n = (model: string): string => `${model}-${runtime}`;
  return [
    defineService({
      name: n("pncounter"),
      type: "pncounter",
      runtime,
      commands: {
        add: (s, input) => {
          const k = Number(input);
          if (k >= 0) s.increment(k);
          else s.decrement(-k);
          return s.value;
        },
        get: (s) => s.value,
      },
    }),
    defineService({
      name: n("gcounter"),
      type: "gcounter",
      runtime,
      commands: { add: (s, input) => (s.increment(Number(input)), s.value) },
    }),
    defineService({
      name: n("gset"),
      type: "gset",
      runtime,
      commands: { add: (s, input) => (s.add(input), s.value) },
    }),
    defineService({
      name: n("orset"),
      type: "orset",
      runtime,
      commands: {
        add: (s, input) => (s.add(input), s.size),
        remove: (s, input) => (s.remove(input), s.size),
        clear: (s) => s.clear(),
        has: (s, input) => s.has(input),
        members: (s) => [...s],
      },
    }),
    defineService({
      name: n("lwwregister"),
      type: "lwwregister",
      runtime,
      commands: {
        set: (s, input) => (s.set(input), s.value),
        setClock: (s, input) => {
          const { value, clock } = input as { value: Json; clock: number };
          s.set(value, { custom: clock });
          return s.value;
        },
        get: (s) => s.value,
      },
    }),
    defineService({
      name: n("flag"),
      type: "flag",
      runtime,
      commands: { enable: (s) => (s.enable(), s.value), get: (s) => s.value },
    }),
    defineService({
      name: n("vote"),
      type: "vote",
      runtime,
      commands: { vote: (s, input) => (s.vote(input === true), s.value), get: (s) => ({ tally: s.toJSON(), self: s.selfVote }) },
    }),
    defineService({
      name: n("ormap"),
      type: "ormap",
      runtime,
      commands: {
        addItem: (s, input) => {
          const { item, qty } = input as { item: string; qty: number };
          s.get(item, "pncounter").increment(qty);
          return s.toJSON();
        },
        tag: (s, input) => {
          const meta = s.get("meta", "ormap");
          meta.get("tags", "orset").add(input);
          meta.get("owner", "lwwregister").set({ by: "test", tag: input });
          return s.toJSON();
        },
        removeItem: (s, input) => (s.delete(input), s.keys()),
        untag: (s, input) => (s.get("meta", "ormap").get("tags", "orset").remove(input), s.toJSON()),
        view: (s) => ({ keys: s.keys(), size: s.size, has: s.has("meta"), type: s.typeOf("meta") ?? null }),
      },
    }),
    defineService({
      name: n("ydoc"),
      type: "ydoc",
      runtime,
      shape: { body: "text", items: "array" },
      commands: {
        insert: (doc, input) => {
          const { at, text } = input as { at: number; text: string };
          doc.getText("body").insert(at, text);
          return doc.getText("body").toString();
        },
        del: (doc, input) => {
          const { at, len } = input as { at: number; len: number };
          doc.getText("body").delete(at, len);
          return doc.getText("body").toString();
        },
        push: (doc, input) => (doc.getArray<Json>("items").push([input]), doc.getArray<Json>("items").toArray()),
        read: (doc) => ({ body: doc.getText("body").toString(), items: doc.getArray<Json>("items").toArray() }),
      },
    }),
  ];
}

export default [...models("inline"), ...models("worker")];
