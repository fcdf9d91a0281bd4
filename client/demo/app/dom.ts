/**
 * A few DOM helpers for the demo. Text always goes in through textContent (user names, item names
 * and notes come from other users), never as HTML.
 *
 * @module
 */

type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

/** Creates `<tag>` with attributes (`class`, `data-*`, …; false/undefined are left out) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? "" : String(value));
  }
  el.append(...children);
  return el;
}

/** The element with this id, of the expected type; throws when the page lacks it (a build mismatch). */
export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`the page has no <${type.name}> #${id}`);
  return el;
}

/** A stable colour per user name, readable on white. */
export function colorOf(name: string): string {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (Math.imul(hash, 31) + name.charCodeAt(i)) | 0;
  return `hsl(${((hash % 360) + 360) % 360} 70% 40%)`;
}

/** Shows an error (a LatticeError's code and message, or anything else) in `el` for a while. */
export function showError(el: HTMLElement, err: unknown): void {
  const code = typeof err === "object" && err !== null && "code" in err ? String(err.code) : "error";
  const message = err instanceof Error ? err.message : String(err);
  el.textContent = `${code}: ${message}`;
  el.dataset.code = code;
  el.hidden = false;
}

export function clearError(el: HTMLElement): void {
  el.textContent = "";
  delete el.dataset.code;
  el.hidden = true;
}
