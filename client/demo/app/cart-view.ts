/**
 * The shared shopping cart (the `cart` example service, one cart per room): commands over the
 * SDK, the list kept live by a subscription, so additions made in any region show up here.
 *
 * @module
 */
import type { LatticeClient } from "../../index.js";
import { clearError, h, showError } from "./dom.js";

interface LineItem {
  readonly productId: string;
  readonly name: string;
  readonly quantity: number;
}

interface Cart {
  readonly items: readonly LineItem[];
}

export interface CartElements {
  readonly form: HTMLFormElement;
  readonly name: HTMLInputElement;
  readonly quantity: HTMLInputElement;
  readonly clear: HTMLButtonElement;
  readonly list: HTMLUListElement;
  readonly total: HTMLElement;
  readonly version: HTMLElement;
  readonly error: HTMLElement;
}

/** A product id from a display name: "Blue Mug" → "blue-mug" (ids are what carts add up by). */
export function productIdOf(name: string): string {
  const id = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return id || "item";
}

function isCart(v: unknown): v is Cart {
  return typeof v === "object" && v !== null && Array.isArray((v as { items?: unknown }).items);
}

/** Starts the cart panel; returns its teardown. */
export function startCartView(client: LatticeClient, room: string, el: CartElements, regionOf: (id: string) => string | undefined): { stop: () => void; rerender: () => void } {
  const cart = client.entity("cart", room);
  let last: { state: unknown; version: Readonly<Record<string, number>> } | undefined;

  const run = (command: string, input: unknown): void => {
    clearError(el.error);
    cart.call(command, input).catch((err: unknown) => showError(el.error, err));
  };

  const render = (): void => {
    if (!last) return;
    const items = isCart(last.state) ? last.state.items : [];
    el.list.replaceChildren(
      ...items.map((item) =>
        h(
          "li",
          { "data-product": item.productId },
          h("span", { class: "item-name" }, item.name),
          h("span", { class: "qty", "data-testid": "qty" }, `× ${item.quantity}`),
          plusOne(item),
          remove(item),
        ),
      ),
    );
    if (items.length === 0) el.list.replaceChildren(h("li", { class: "empty muted" }, "The cart is empty. Add something, then watch the other region."));
    const count = items.reduce((n, i) => n + i.quantity, 0);
    el.total.textContent = `${count} item${count === 1 ? "" : "s"}`;
    // The version vector says which regions' writes this view includes.
    const parts = Object.entries(last.version).map(([id, n]) => `${regionOf(id) ?? id.slice(0, 8)} ${n}`);
    el.version.textContent = parts.length > 0 ? `writes seen: ${parts.join(", ")}` : "";
  };

  const plusOne = (item: LineItem): HTMLButtonElement => {
    const b = h("button", { type: "button", class: "small", title: `one more ${item.name}` }, "+1");
    b.addEventListener("click", () => run("addItem", { productId: item.productId, quantity: 1 }));
    return b;
  };
  const remove = (item: LineItem): HTMLButtonElement => {
    const b = h("button", { type: "button", class: "small danger", title: `remove ${item.name}`, "data-action": "remove" }, "remove");
    b.addEventListener("click", () => run("removeItem", { productId: item.productId }));
    return b;
  };

  const onSubmit = (ev: SubmitEvent): void => {
    ev.preventDefault();
    const name = el.name.value.trim();
    if (!name) return;
    // The replica validates too (an integer > 0, else `failed`); the form only guards typos.
    const quantity = Number(el.quantity.value);
    run("addItem", { productId: productIdOf(name), name, quantity: Number.isInteger(quantity) ? quantity : 1 });
    el.name.value = "";
    el.name.focus();
  };
  const onClear = (): void => run("clear", null);
  el.form.addEventListener("submit", onSubmit);
  el.clear.addEventListener("click", onClear);

  const unsubscribe = cart.subscribe(
    (view) => {
      last = view;
      render();
    },
    { onError: (err) => showError(el.error, err) },
  );

  return {
    rerender: render,
    stop: () => {
      unsubscribe();
      el.form.removeEventListener("submit", onSubmit);
      el.clear.removeEventListener("click", onClear);
    },
  };
}
