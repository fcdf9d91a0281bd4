import type { Json } from "../crdt/index.js";

/**
 * A JSON schema as a service declares it (ajv checks it at run time). Write it inline or with
 * `as const` so that {@link FromSchema} can read its literal types.
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

/**
 * The TypeScript type of the values a JSON schema accepts, for the subset of JSON Schema that
 * input schemas use: `type` (one name or a list), `properties` with `required` and
 * `additionalProperties`, `items`, `enum`, `const`, `anyOf`/`oneOf`. Anything it does not
 * understand (`$ref`, `allOf`, `not`, `if`, a `type` given as a widened `string`) is `Json`, never
 * a wrong narrower type: the schema stays the authority, this is only its shadow in the types.
 * Keywords that only narrow values (`minimum`, `maxLength`, `pattern`, …) do not change the type.
 *
 * @example
 * type T = FromSchema<{ type: "object"; properties: { n: { type: "integer" } }; required: ["n"]; additionalProperties: false }>;
 * // { n: number }
 */
export type FromSchema<S> = [S] extends [true] ? Json : [S] extends [false] ? never : S extends JsonSchema ? FromObjectSchema<S> : Json;

type FromObjectSchema<S extends JsonSchema> = S extends { readonly const: infer C }
  ? Widen<C>
  : S extends { readonly enum: readonly (infer E)[] }
    ? Widen<E>
    : S extends { readonly anyOf: readonly (infer A)[] }
      ? Alternatives<A>
      : S extends { readonly oneOf: readonly (infer A)[] }
        ? Alternatives<A>
        : S extends { readonly type: infer T }
          ? T extends readonly (infer U)[]
            ? FromTypeName<U, S>
            : FromTypeName<T, S>
          : Json;

/** A union of the alternatives' types; one we cannot read makes the whole union Json. */
type Alternatives<A> = Json extends FromSchema<A> ? Json : FromSchema<A>;

/** Literal values of `const`/`enum` as plain JSON types (readonly tuples from `as const` become arrays). */
type Widen<V> = V extends string | number | boolean | null
  ? V
  : V extends readonly unknown[]
    ? Widen<V[number]>[]
    : V extends object
      ? { -readonly [K in keyof V]: Widen<V[K]> }
      : Json;

type FromTypeName<T, S extends JsonSchema> = T extends "string"
  ? string
  : T extends "number" | "integer"
    ? number
    : T extends "boolean"
      ? boolean
      : T extends "null"
        ? null
        : T extends "array"
          ? FromArray<S>
          : T extends "object"
            ? FromObject<S>
            : Json;

type FromArray<S extends JsonSchema> = S extends { readonly items: infer I } ? (I extends readonly unknown[] ? Json[] : FromSchema<I>[]) : Json[];

type RequiredOf<S> = S extends { readonly required: readonly (infer R)[] } ? R : never;

/** Properties spelled out, required ones required; more keys allowed unless additionalProperties is false. */
type FromObject<S extends JsonSchema> = S extends { readonly properties: infer P }
  ? Flatten<
      { -readonly [K in keyof P & RequiredOf<S>]: FromSchema<P[K]> } & { -readonly [K in Exclude<keyof P, RequiredOf<S>>]?: FromSchema<P[K]> } & Extra<S>
    >
  : S extends { readonly additionalProperties: false }
    ? Record<string, never>
    : { [key: string]: Json };

type Extra<S> = S extends { readonly additionalProperties: false } ? unknown : { [key: string]: Json };

type Flatten<T> = { [K in keyof T]: T[K] };
