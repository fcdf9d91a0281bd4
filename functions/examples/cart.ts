/**
 * The Cloudstate shopping cart, replicated: one cart per entity key (a user id).
 *
 * State: an ormap from product id to the line item, itself an ormap holding
 * - `quantity`: a pncounter (Kalix's CRDT cart is a ReplicatedCounterMap keyed by product), and
 * - `name`: an lwwregister with the product's display name.
 * Nesting the item (instead of a flat ormap of pncounters plus names stored elsewhere) means one
 * `removeItem` removes the quantity and the name together, and the default view of the nested map
 * is already the line item.
 *
 * Concurrency: two replicas adding the same product add up; a removal removes what the remover had
 * seen, so an `addItem` on another replica that the remover had not seen survives with just its
 * own quantity (add-wins, SPEC §3), never with the old quantity resurrected.
 *
 * Commands:
 * - `addItem {productId, name?, quantity}` → the cart. `quantity` must be an integer > 0, else
 *   `failed` (as Cloudstate's cart: "Cannot add a negative quantity…"); `name` replaces the name.
 * - `removeItem {productId}` → the cart; `failed` when the product is not in the cart.
 * - `clear` → the empty cart (a cart that is already empty changes nothing).
 * - `getCart` → `{items: [{productId, name, quantity}]}`, sorted by product id. The view is the same.
 *
 * @module
 */
import { command, defineService } from "../index.js";
import type { ORMapState } from "../index.js";

export type LineItem = {
  readonly productId: string;
  readonly name: string;
  readonly quantity: number;
};

export type Cart = {
  readonly items: LineItem[];
};

const productId = { type: "string", minLength: 1, maxLength: 256 } as const;

function cartOf(state: ORMapState): Cart {
  const items: LineItem[] = [];
  for (const key of state.keys()) {
    if (typeof key !== "string" || state.typeOf(key) !== "ormap") continue;
    const item = state.get(key, "ormap");
    const quantity = item.get("quantity", "pncounter").value;
    // Only addItem writes, always with a positive amount, so a present item has quantity > 0; the
    // guard keeps a cart readable even if a future command breaks that.
    if (quantity <= 0) continue;
    const name = item.get("name", "lwwregister").value;
    items.push({ productId: key, name: typeof name === "string" ? name : key, quantity });
  }
  items.sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
  return { items };
}

export default defineService({
  name: "cart",
  type: "ormap",
  commands: {
    addItem: command({
      input: {
        type: "object",
        properties: { productId, name: { type: "string", maxLength: 1024 }, quantity: { type: "integer" } },
        required: ["productId", "quantity"],
        additionalProperties: false,
      },
      handler: (state, input, ctx) => {
        const { productId: id, name, quantity } = input;
        if (quantity <= 0) ctx.fail(`Cannot add a quantity of ${quantity} of item ${id}: it must be positive`, { productId: id, quantity });
        const item = state.get(id, "ormap");
        item.get("quantity", "pncounter").increment(quantity);
        if (name !== undefined) item.get("name", "lwwregister").set(name);
        return cartOf(state);
      },
    }),
    removeItem: command({
      input: { type: "object", properties: { productId }, required: ["productId"], additionalProperties: false },
      handler: (state, input, ctx) => {
        const { productId: id } = input;
        if (!state.has(id)) ctx.fail(`Cannot remove item ${id} because it is not in the cart`, { productId: id });
        state.delete(id);
        return cartOf(state);
      },
    }),
    clear: (state) => {
      state.clear();
      return cartOf(state);
    },
    getCart: (state) => cartOf(state),
  },
  view: (state) => cartOf(state),
});
