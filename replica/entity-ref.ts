import { placementId } from "../protos/gossip.js";

/**
 * An entity's address: (service, key). Its storage id percent-encodes both parts so that any
 * key (slashes, NULs, emoji) maps to one id that never collides and sorts by service first.
 */
export interface EntityRef {
  readonly service: string;
  readonly key: string;
}

export type EntityId = string & { readonly __brand: "EntityId" };

/**
 * The protocol's placement id (PROTOCOL.md), which anti-entropy hashes for the entity's tree
 * position and digest: one id for the store and the wire, computed once per command.
 */
export function entityId(ref: EntityRef): EntityId {
  return placementId(ref.service, ref.key) as EntityId;
}

export function refOf(id: EntityId): EntityRef {
  const slash = id.indexOf("/");
  return { service: decodeURIComponent(id.slice(0, slash)), key: decodeURIComponent(id.slice(slash + 1)) };
}
