import { dotFunKind } from "../dot-fun.js";
import type { StoreKind } from "./kind.js";
import type { FlagStore } from "./stores.js";

/** Enable-wins flag: true while any enabling dot survives. Only an ormap key removal clears it. */
export const flagKind: StoreKind<FlagStore> = dotFunKind((s) => s.size > 0);
