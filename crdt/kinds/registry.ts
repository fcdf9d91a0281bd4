import { counterKind } from "./counter.js";
import { flagKind } from "./flag.js";
import type { CausalType, StoreKind } from "./kind.js";
import { createMapKind } from "./map.js";
import { registerKind } from "./register.js";
import { setKind } from "./set.js";
import type { AnyStore, CounterStore, FlagStore, MapStore, RegisterStore, SetStore, VoteStore } from "./stores.js";
import { voteKind } from "./vote.js";

/** The store shape each causal state model uses. */
export interface StoreOf {
  gcounter: CounterStore;
  pncounter: CounterStore;
  gset: SetStore;
  orset: SetStore;
  lwwregister: RegisterStore;
  flag: FlagStore;
  ormap: MapStore;
  vote: VoteStore;
}

// Method syntax in StoreKind makes its parameters bivariant, so each specific kind is usable
// through the union-typed lookup; callers pair a store with the kind of its own type.
// The map kind resolves nested kinds lazily through `lookup`, so it can sit in the same table.
const lookup = (t: CausalType): StoreKind<AnyStore> => kinds[t];
const kinds: Record<CausalType, StoreKind<AnyStore>> = {
  gcounter: counterKind,
  pncounter: counterKind,
  gset: setKind,
  orset: setKind,
  lwwregister: registerKind,
  flag: flagKind,
  vote: voteKind,
  ormap: createMapKind(lookup),
};

export function kindOf<T extends CausalType>(type: T): StoreKind<StoreOf[T]> {
  return kinds[type] as StoreKind<StoreOf[T]>;
}
