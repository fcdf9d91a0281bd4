import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import type { Json } from "../../crdt/index.js";
import cart from "./cart.js";
import { deltasOf, latticeError, nodePool, replicate } from "./test-support/harness.js";

const pool = nodePool([cart]);
afterEach(() => pool.closeAll());

const item = (productId: string, name: string, quantity: number): Json => ({ productId, name, quantity });

describe("cart", () => {
  it("starts empty", async () => {
    const a = await pool.start();
    assert.deepEqual(await a.call("cart", "u1", "getCart"), { items: [] });
    assert.deepEqual(await a.view("cart", "u1"), { items: [] });
  });

  it("adds items, sums quantities, keeps or replaces the name, sorts by product id", async () => {
    const a = await pool.start();
    assert.deepEqual(await a.call("cart", "u1", "addItem", { productId: "p2", name: "Pear", quantity: 2 }), { items: [item("p2", "Pear", 2)] });
    await a.call("cart", "u1", "addItem", { productId: "p1", name: "Apple", quantity: 1 });
    assert.deepEqual(await a.call("cart", "u1", "addItem", { productId: "p2", quantity: 3 }), { items: [item("p1", "Apple", 1), item("p2", "Pear", 5)] });
    assert.deepEqual(await a.call("cart", "u1", "addItem", { productId: "p1", name: "Green apple", quantity: 1 }), {
      items: [item("p1", "Green apple", 2), item("p2", "Pear", 5)],
    });
    assert.deepEqual(await a.view("cart", "u1"), await a.call("cart", "u1", "getCart"), "the view is the cart");
    assert.deepEqual(await a.call("cart", "u2", "getCart"), { items: [] }, "carts are per key");
  });

  it("an item added without a name shows its product id", async () => {
    const a = await pool.start();
    assert.deepEqual(await a.call("cart", "u1", "addItem", { productId: "sku-9", quantity: 1 }), { items: [item("sku-9", "sku-9", 1)] });
  });

  it("a quantity of zero or less is failed and changes nothing", async () => {
    const a = await pool.start();
    await a.call("cart", "u1", "addItem", { productId: "p1", name: "Apple", quantity: 1 });
    const before = a.port.published.length;
    for (const quantity of [0, -3]) {
      await assert.rejects(a.call("cart", "u1", "addItem", { productId: "p1", quantity }), (err: unknown) => {
        latticeError("failed", "must be positive")(err);
        assert.deepEqual((err as { detail: unknown }).detail, { productId: "p1", quantity });
        return true;
      });
    }
    assert.equal(a.port.published.length, before);
    assert.deepEqual(await a.call("cart", "u1", "getCart"), { items: [item("p1", "Apple", 1)] });
  });

  it("bad input is invalid_input", async () => {
    const a = await pool.start();
    const bad: Json[] = [
      null,
      {},
      { productId: "p1" },
      { productId: "p1", quantity: 1.5 },
      { productId: "p1", quantity: "2" },
      { productId: "", quantity: 1 },
      { productId: 7, quantity: 1 },
      { productId: "p1", quantity: 1, name: 3 },
      { productId: "p1", quantity: 1, price: 3 },
    ];
    for (const input of bad) await assert.rejects(a.call("cart", "u1", "addItem", input), latticeError("invalid_input"), JSON.stringify(input));
    await assert.rejects(a.call("cart", "u1", "removeItem", {}), latticeError("invalid_input"));
    await assert.rejects(a.call("cart", "u1", "addItem", { productId: "p1", quantity: 2 ** 53 }), latticeError("invalid_input"), "unsafe integer");
    assert.equal(a.port.published.length, 0);
  });

  it("a quantity that would overflow the safe integer range is invalid_input", async () => {
    const a = await pool.start();
    await a.call("cart", "u1", "addItem", { productId: "p1", quantity: Number.MAX_SAFE_INTEGER });
    await assert.rejects(a.call("cart", "u1", "addItem", { productId: "p1", quantity: 1 }), latticeError("invalid_input"));
    assert.deepEqual(await a.call("cart", "u1", "getCart"), { items: [item("p1", "p1", Number.MAX_SAFE_INTEGER)] });
  });

  it("removes an item with its name; removing a missing item is failed", async () => {
    const a = await pool.start();
    await a.call("cart", "u1", "addItem", { productId: "p1", name: "Apple", quantity: 4 });
    await a.call("cart", "u1", "addItem", { productId: "p2", name: "Pear", quantity: 1 });
    assert.deepEqual(await a.call("cart", "u1", "removeItem", { productId: "p1" }), { items: [item("p2", "Pear", 1)] });
    await assert.rejects(a.call("cart", "u1", "removeItem", { productId: "p1" }), latticeError("failed", "not in the cart"));
    // Added again, it starts from nothing: neither the old quantity nor the old name come back.
    assert.deepEqual(await a.call("cart", "u1", "addItem", { productId: "p1", quantity: 1 }), { items: [item("p1", "p1", 1), item("p2", "Pear", 1)] });
  });

  it("clear empties the cart; clearing an empty cart changes nothing", async () => {
    const a = await pool.start();
    await a.call("cart", "u1", "addItem", { productId: "p1", quantity: 1 });
    assert.deepEqual(await a.call("cart", "u1", "clear"), { items: [] });
    const before = a.port.published.length;
    assert.deepEqual(await a.call("cart", "u1", "clear"), { items: [] });
    assert.equal(a.port.published.length, before);
  });

  it("each command gossips one delta; reads gossip nothing", async () => {
    const a = await pool.start();
    await a.call("cart", "u1", "addItem", { productId: "p1", name: "Apple", quantity: 2 });
    await a.call("cart", "u1", "getCart");
    assert.equal(deltasOf(a, "cart", "u1").length, 1);
  });

  it("two replicas adding the same product add up", async () => {
    const [a, b] = await pool.pair();
    await a.call("cart", "u1", "addItem", { productId: "p1", name: "Apple", quantity: 2 });
    await b.call("cart", "u1", "addItem", { productId: "p1", quantity: 3 });
    await replicate(a, b);
    await replicate(b, a);
    const expected = { items: [item("p1", "Apple", 5)] };
    assert.deepEqual(await a.call("cart", "u1", "getCart"), expected);
    assert.deepEqual(await b.call("cart", "u1", "getCart"), expected);
  });

  it("an add the remover had not seen survives a concurrent removal, with only its own quantity", async () => {
    const [a, b] = await pool.pair();
    await a.call("cart", "u1", "addItem", { productId: "p1", name: "Apple", quantity: 2 });
    const seen = await replicate(a, b);
    await b.call("cart", "u1", "removeItem", { productId: "p1" });
    await a.call("cart", "u1", "addItem", { productId: "p1", quantity: 1 });
    await replicate(b, a);
    await replicate(a, b, seen);
    const expected = { items: [item("p1", "p1", 1)] };
    assert.deepEqual(await a.call("cart", "u1", "getCart"), expected);
    assert.deepEqual(await b.call("cart", "u1", "getCart"), expected);
  });
});
