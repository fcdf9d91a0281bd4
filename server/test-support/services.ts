/**
 * Small services for the server tests (SPEC §4 shapes): a counter, an ormap cart with an input
 * schema, failing and throwing commands, streams (presence, one that ends, one that ends at once)
 * and a service behind an authorize hook.
 *
 * @module
 */
import type { Json } from "../../crdt/index.js";
import { defineService } from "../../functions/define-service.js";
import type { ServiceDefinition } from "../../functions/define-service.js";

export const counter = defineService({
  name: "counter",
  type: "pncounter",
  commands: {
    increment: {
      input: { type: ["integer", "null"] },
      handler: (state, input) => {
        state.increment(typeof input === "number" ? input : 1);
        return state.value;
      },
    },
    get: (state) => state.value,
    echo: (_state, input) => input,
    whoami: (_state, _input, ctx) => ctx.auth,
    remove: (_state, _input, ctx) => {
      ctx.delete();
      return "deleted";
    },
    slow: async (state) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return state.value;
    },
  },
});

export const cart = defineService({
  name: "cart",
  type: "ormap",
  commands: {
    addItem: {
      input: {
        type: "object",
        required: ["item", "qty"],
        additionalProperties: false,
        properties: { item: { type: "string", minLength: 1 }, qty: { type: "integer", minimum: 1 } },
      },
      handler: (state, input) => {
        const { item, qty } = input as { item: string; qty: number };
        state.get(item, "pncounter").increment(qty);
        return state.toJSON();
      },
    },
    getCart: (state) => state.toJSON(),
  },
});

export const failing = defineService({
  name: "failing",
  type: "gcounter",
  commands: {
    refuse: (state, _input, ctx) => {
      state.increment(5);
      ctx.fail("out of stock", { sku: "apple", left: 0 });
    },
    crash: (state) => {
      state.increment(5);
      throw new Error("kaboom");
    },
    get: (state) => state.value,
  },
});

/** Presence as a counter of connected clients: `connect` counts up on open and down on close. */
export const presence = defineService({
  name: "presence",
  type: "pncounter",
  commands: {
    online: (state) => state.value,
    bump: (state) => {
      state.increment(1);
      return state.value;
    },
  },
  streams: {
    connect: {
      input: { type: "object", required: ["user"], properties: { user: { type: "string" } } },
      onOpen: (state) => {
        state.increment(1);
        return { online: state.value };
      },
      onChange: (state) => ({ online: state.value }),
      onClose: (state) => {
        state.decrement(1);
      },
    },
    untilThree: {
      onChange: (state, ctx) => {
        if (state.value < 3) return state.value;
        ctx.end({ done: state.value });
        return undefined;
      },
    },
    immediate: {
      onOpen: (_state, _input, ctx) => {
        ctx.end("bye");
        return "hello";
      },
    },
    mutateOnChange: {
      onChange: (state) => {
        state.increment(1);
      },
    },
  },
});

/** Commands and streams only for tokens with role admin. */
export const guarded = defineService({
  name: "guarded",
  type: "gcounter",
  authorize: (ctx) => (ctx.auth as { role?: unknown } | null)?.role === "admin",
  commands: {
    increment: (state) => {
      state.increment(1);
      return state.value;
    },
  },
  streams: { watch: { onChange: (state) => state.value } },
});

export const ALL_SERVICES: readonly ServiceDefinition[] = [counter, cart, failing, presence, guarded] as readonly ServiceDefinition[];

export type { Json };
