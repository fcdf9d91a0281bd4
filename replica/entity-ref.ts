/**
 * An entity's address: (service, key). Its storage id percent-encodes both parts so that any
 * key (slashes, NULs, emoji) maps to one id that never collides and sorts by service first.
 */
export interface EntityRef {
  readonly service: string;
  readonly key: string;
}

export type EntityId = string & { readonly __brand: "EntityId" };

export function entityId(ref: EntityRef): EntityId {
  return `${encodeURIComponent(ref.service)}/${encodeURIComponent(ref.key)}` as EntityId;
}

export function refOf(id: EntityId): EntityRef {
  const slash = id.indexOf("/");
  return { service: decodeURIComponent(id.slice(0, slash)), key: decodeURIComponent(id.slice(slash + 1)) };
}
