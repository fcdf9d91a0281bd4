/**
 * The Lattice demo app (served at `/` by server/plugins/demo.ts, bundled by scripts/build.mjs):
 * a shared cart, who is online, and shared notes with cursors, all through the replica that
 * served the page. Open it on two regions' ports to watch changes cross between them.
 *
 * The SDK is also left on `window.lattice` for trying it from the browser console, e.g.
 * `await lattice.client.entity("counter", "x").call("increment", {amount: 2})`.
 *
 * @module
 */
import type { ConnectionState } from "../../index.js";
import { createClient, isLatticeError, LatticeError } from "../../index.js";
import { startCartView } from "./cart-view.js";
import { startClusterView } from "./cluster-view.js";
import { byId, clearError, showError } from "./dom.js";
import { startNotesView } from "./notes-view.js";
import { startPresenceView } from "./presence-view.js";
import { cleanName, readSettings, withUser } from "./settings.js";

function main(): void {
  const settings = readSettings(location, history);
  document.title = `${settings.user} · Lattice demo`;
  byId("me-name", HTMLElement).textContent = settings.user;
  byId("room-name", HTMLElement).textContent = settings.room;

  // The page talks to the replica that served it: the SDK over /v1/ws, notes over /v1/yjs.
  const client = createClient(location.origin, settings.token === undefined ? {} : { token: settings.token });
  const connection = byId("connection", HTMLElement);
  const showState = (state: ConnectionState, error?: LatticeError): void => {
    connection.textContent = error ? `${state} (${error.code})` : state;
    connection.dataset.state = state;
  };
  showState(client.state);
  client.onState(showState);

  const notes = startNotesView(settings.room, settings.user, settings.token, {
    textarea: byId("notes-text", HTMLTextAreaElement),
    overlay: byId("notes-overlay", HTMLElement),
    peers: byId("notes-peers", HTMLUListElement),
    status: byId("notes-status", HTMLElement),
    error: byId("notes-error", HTMLElement),
  });
  let cartRerender = (): void => undefined;
  const cluster = startClusterView(byId("replica", HTMLElement), settings.token, () => {
    cartRerender();
    const here = byId("replica", HTMLElement).dataset.region;
    if (here) notes.setRegion(here);
  });
  const cart = startCartView(
    client,
    settings.room,
    {
      form: byId("cart-form", HTMLFormElement),
      name: byId("cart-name", HTMLInputElement),
      quantity: byId("cart-quantity", HTMLInputElement),
      clear: byId("cart-clear", HTMLButtonElement),
      list: byId("cart-items", HTMLUListElement),
      total: byId("cart-total", HTMLElement),
      version: byId("cart-version", HTMLElement),
      error: byId("cart-error", HTMLElement),
    },
    (id) => cluster.regionOf(id),
  );
  cartRerender = cart.rerender;
  const presence = startPresenceView(client, settings.room, settings.user, {
    list: byId("presence-list", HTMLUListElement),
    forget: byId("presence-forget", HTMLButtonElement),
    error: byId("presence-error", HTMLElement),
  });

  // Renaming reloads the tab under the new name: presence, roster and cursors start over cleanly.
  const renameForm = byId("rename-form", HTMLFormElement);
  const renameInput = byId("rename-input", HTMLInputElement);
  const renameError = byId("rename-error", HTMLElement);
  byId("rename", HTMLButtonElement).addEventListener("click", () => {
    renameForm.hidden = !renameForm.hidden;
    renameInput.value = settings.user;
    if (!renameForm.hidden) renameInput.select();
  });
  renameForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const name = cleanName(renameInput.value);
    if (!name) {
      showError(renameError, new Error("a name needs at least one letter"));
      return;
    }
    clearError(renameError);
    location.assign(withUser(location, name));
  });

  // Leaving: close the sockets now, not when the browser gets to it. Not after the stream's
  // cancel is answered: the page may be gone by then, and the replica closes the presence
  // stream (the user goes offline) when the socket closes anyway.
  window.addEventListener("pagehide", () => {
    cluster.stop();
    cart.stop();
    notes.stop();
    presence.stop().catch(() => undefined);
    void client.close();
  });
  // A page restored from the back-forward cache had all of that closed: start it afresh.
  window.addEventListener("pageshow", (ev) => {
    if (ev.persisted) location.reload();
  });

  Object.assign(window, { lattice: { client, createClient, LatticeError, isLatticeError, doc: notes.doc, provider: notes.provider, settings } });
  document.body.dataset.ready = "true";
}

main();
