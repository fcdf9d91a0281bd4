/**
 * `input` typed from the command's JSON schema (issue 4 §1). Half of this file is checked by the
 * compiler: each expect-error directive below marks a line that must fail to compile, and is
 * itself the assertion (`tsc --noEmit` fails on one whose line compiles); every other line must
 * compile. The other half runs the same services, so the typed style is also shown to work end
 * to end (validation before the handler, plain styles unchanged).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Json } from "../crdt/index.js";
import { Replica } from "../replica/replica.js";
import { MemoryStore } from "../replica/storage/memory-store.js";
import { FunctionEngine } from "./engine.js";
import { LatticeError } from "./errors.js";
import { command, defineService, stream } from "./index.js";
import type { FromSchema, ServiceDefinition } from "./index.js";
import { waitFor } from "./examples/test-support/harness.js";
import { openStream } from "./streams.js";

/** Compiles only when A and B are the same type (both ways assignable is not enough for unions of optional members). */
type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
const expectType = <T extends true>(ok: T): T => ok;

// ---------------------------------------------------------------------------------------------
// FromSchema, on its own

expectType<Equal<FromSchema<{ type: "string" }>, string>>(true);
expectType<Equal<FromSchema<{ type: "integer"; minimum: 1 }>, number>>(true);
expectType<Equal<FromSchema<{ type: "number" }>, number>>(true);
expectType<Equal<FromSchema<{ type: "boolean" }>, boolean>>(true);
expectType<Equal<FromSchema<{ type: "null" }>, null>>(true);
expectType<Equal<FromSchema<{ type: readonly ["string", "null"] }>, string | null>>(true);
expectType<Equal<FromSchema<{ type: "array"; items: { type: "string" } }>, string[]>>(true);
expectType<Equal<FromSchema<{ type: "array" }>, Json[]>>(true);
expectType<Equal<FromSchema<{ enum: readonly ["a", "b"] }>, "a" | "b">>(true);
expectType<Equal<FromSchema<{ const: 3 }>, 3>>(true);
expectType<Equal<FromSchema<{ anyOf: readonly [{ type: "string" }, { type: "integer" }] }>, string | number>>(true);
expectType<Equal<FromSchema<{ oneOf: readonly [{ const: "x" }, { type: "boolean" }] }>, "x" | boolean>>(true);
expectType<
  Equal<
    FromSchema<{
      type: "object";
      properties: { id: { type: "string" }; n: { type: "integer" } };
      required: readonly ["id"];
      additionalProperties: false;
    }>,
    { id: string; n?: number }
  >
>(true);
// Without additionalProperties: false, other keys are allowed (and are JSON).
expectType<Equal<FromSchema<{ type: "object"; properties: { id: { type: "string" } }; required: ["id"] }>["other"], Json>>(true);
expectType<Equal<FromSchema<{ type: "object" }>, { [key: string]: Json }>>(true);
// What it does not understand is Json, never something narrower.
expectType<Equal<FromSchema<{ $ref: "#/$defs/x" }>, Json>>(true);
expectType<Equal<FromSchema<{ type: string }>, Json>>(true);
expectType<Equal<FromSchema<{ anyOf: readonly [{ type: "string" }, { $ref: "#/x" }] }>, Json>>(true);
expectType<Equal<FromSchema<{ allOf: readonly [{ type: "string" }] }>, Json>>(true);

// ---------------------------------------------------------------------------------------------
// Services: typed commands beside plain ones

const orderInput = {
  type: "object",
  properties: {
    sku: { type: "string", minLength: 1 },
    quantity: { type: "integer", minimum: 1 },
    gift: { type: "boolean" },
    size: { enum: ["s", "m", "l"] },
    tags: { type: "array", items: { type: "string" } },
  },
  required: ["sku", "quantity"],
  additionalProperties: false,
} as const;

const shop = defineService({
  name: "shop",
  type: "ormap",
  commands: {
    order: command({
      input: orderInput,
      handler: (state, input, ctx) => {
        expectType<Equal<typeof input, { sku: string; quantity: number; gift?: boolean; size?: "s" | "m" | "l"; tags?: string[] }>>(true);
        // Wrong uses, compiled and never run:
        void (() => {
          // @ts-expect-error -- checked error: sku is a string, not a number
          const wrong: number = input.sku;
          // @ts-expect-error -- checked error: additionalProperties: false: there is no such key
          void input.colour;
          // @ts-expect-error -- checked error: gift is optional: possibly undefined
          const gift: boolean = input.gift;
          // @ts-expect-error -- checked error: the state is the service's model (ormap), which has no increment
          state.increment(1); // eslint-disable-line @typescript-eslint/no-unsafe-call -- this call is the type error checked
          return [wrong, gift];
        });
        if (input.size === "l" && input.quantity > 10) ctx.fail("too many large items");
        state.get(input.sku, "pncounter").increment(input.quantity);
        for (const t of input.tags ?? []) state.get("tags", "orset").add(t);
        return { sku: input.sku, quantity: state.get(input.sku, "pncounter").value };
      },
    }),
    // An inline schema needs no `as const` (command's type parameter is const).
    rename: command({
      input: { type: "object", properties: { to: { type: ["string", "null"] } }, required: ["to"], additionalProperties: false },
      handler: (state, { to }) => {
        expectType<Equal<typeof to, string | null>>(true);
        state.get("name", "lwwregister").set(to);
        return to;
      },
    }),
    // Plain functions and {handler, input} objects still work, with input as Json.
    count: (state, _input) => {
      expectType<Equal<typeof _input, Json>>(true);
      return state.size;
    },
    raw: {
      input: { type: "object" },
      handler: (state, input) => {
        expectType<Equal<typeof input, Json>>(true);
        return state.has(input);
      },
    },
  },
  streams: {
    watch: stream({
      input: { type: "object", properties: { sku: { type: "string" } }, required: ["sku"], additionalProperties: false },
      onOpen: (state, input, ctx) => {
        expectType<Equal<typeof input, { sku: string }>>(true);
        ctx.local.sku = input.sku;
        return state.get(input.sku, "pncounter").value;
      },
      onChange: (state, ctx) => state.get(String(ctx.local.sku), "pncounter").value,
    }),
  },
});

const typedCounter = defineService({
  name: "typed-counter",
  type: "pncounter",
  commands: {
    add: command({
      input: { type: ["object", "null"], properties: { amount: { type: "integer" } }, additionalProperties: false },
      handler: (state, input) => {
        expectType<Equal<typeof input, { amount?: number } | null>>(true);
        void (() => {
          // @ts-expect-error -- checked error: input may be null (the schema allows it)
          void input.amount;
          // @ts-expect-error -- checked error: a pncounter has no add
          state.add(1); // eslint-disable-line @typescript-eslint/no-unsafe-call -- this call is the type error checked
        });
        state.increment(input?.amount ?? 1);
        return state.value;
      },
    }),
  },
});

// A handler that does not match its schema is refused where it is written (compiled, not run).
void (() =>
  command({
    input: { type: "object", properties: { n: { type: "integer" } }, required: ["n"] },
    // @ts-expect-error -- checked error: the input is {n: number, …}, not a string
    handler: (_state, input: string) => input.length,
  }));

const services = [shop, typedCounter] as ServiceDefinition[];

// ---------------------------------------------------------------------------------------------
// At run time

async function withEngine(fn: (engine: FunctionEngine) => Promise<void>): Promise<void> {
  const replica = await Replica.open({ store: new MemoryStore() });
  const engine = new FunctionEngine(replica, services);
  try {
    await fn(engine);
  } finally {
    engine.close();
    await replica.close();
  }
}

const call = (engine: FunctionEngine, service: string, command: string, input: Json, key = "k") => engine.call({ service, key, command, input, auth: null });

describe("commands typed from their input schema", () => {
  it("run with input the schema accepted; input it refuses never reaches the handler", async () => {
    await withEngine(async (engine) => {
      assert.deepEqual(await call(engine, "shop", "order", { sku: "tea", quantity: 2, tags: ["hot"] }), { sku: "tea", quantity: 2 });
      assert.deepEqual(await call(engine, "shop", "order", { sku: "tea", quantity: 3 }), { sku: "tea", quantity: 5 });
      const bads: Json[] = [{ sku: "tea", quantity: "2" }, { sku: "tea" }, { sku: "tea", quantity: 1, colour: "red" }, { sku: "tea", quantity: 1, size: "xl" }, null];
      for (const bad of bads) {
        await assert.rejects(call(engine, "shop", "order", bad), (e: unknown) => e instanceof LatticeError && e.code === "invalid_input", JSON.stringify(bad));
      }
      await assert.rejects(call(engine, "shop", "order", { sku: "tea", quantity: 11, size: "l" }), (e: unknown) => e instanceof LatticeError && e.code === "failed");
      assert.equal(await call(engine, "shop", "rename", { to: null }), null);
      assert.equal(await call(engine, "shop", "rename", { to: "Tea shop" }), "Tea shop");
      assert.equal(await call(engine, "shop", "count", null), 3, "tea, tags, name");
      assert.equal(await call(engine, "shop", "raw", { x: 1 }), false);
      assert.equal(await call(engine, "typed-counter", "add", null), 1);
      assert.equal(await call(engine, "typed-counter", "add", { amount: 4 }), 5);
      await assert.rejects(call(engine, "typed-counter", "add", { amount: 1.5 }), (e: unknown) => e instanceof LatticeError && e.code === "invalid_input");
    });
  });

  it("a typed stream validates its input and gets it typed in onOpen", async () => {
    await withEngine(async (engine) => {
      const messages: Json[] = [];
      const sink = { message: (m: Json) => messages.push(m), end: () => undefined, error: (e: LatticeError) => assert.fail(e) };
      await assert.rejects(
        openStream(engine, { service: "shop", key: "k", stream: "watch", input: { sku: 1 }, auth: null }, sink),
        (e: unknown) => e instanceof LatticeError && e.code === "invalid_input",
      );
      const h = await openStream(engine, { service: "shop", key: "k", stream: "watch", input: { sku: "tea" }, auth: null }, sink);
      await call(engine, "shop", "order", { sku: "tea", quantity: 2 });
      await waitFor("the change pushed", () => messages.length === 2);
      await h.cancel();
      assert.deepEqual(messages, [0, 2]);
    });
  });

  it("command() and stream() refuse a missing schema, in the types and at run time (for JavaScript users)", () => {
    // @ts-expect-error -- checked error: input is required: a command without a schema is a plain function
    assert.throws(() => command({ handler: () => 1 }), /input schema/);
    const untyped = command as (spec: unknown) => unknown;
    assert.throws(() => untyped({ input: {} }), /input, handler/);
    assert.throws(() => (stream as (spec: unknown) => unknown)({ onOpen: () => 1 }), /input schema/);
  });
});
