/**
 * The example services (issue 4 §2): what `npm start` loads when LATTICE_FUNCTIONS is unset. Each
 * module under functions/examples/ is one service (tck.ts: the TCK set) and documents its API.
 *
 * @module
 */
import type { ServiceDefinition } from "../index.js";
import cart from "./cart.js";
import counter from "./counter.js";
import friends from "./friends.js";
import launched from "./launched.js";
import likes from "./likes.js";
import notes from "./notes.js";
import poll from "./poll.js";
import presence from "./presence.js";
import profile from "./profile.js";
import tags from "./tags.js";
import { tckServices } from "./tck.js";

export const examples: ServiceDefinition[] = [
  cart,
  counter,
  likes,
  tags,
  friends,
  profile,
  launched,
  poll,
  presence,
  notes,
  ...tckServices,
] as ServiceDefinition[];

export default examples;
