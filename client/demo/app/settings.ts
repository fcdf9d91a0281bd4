/**
 * Who this tab is and what it shows, from the page's query string:
 * - `user`: the name others see (default: a random one, kept for the tab's life in sessionStorage,
 *   so a reload keeps it and a second tab gets its own);
 * - `room`: the cart, notes document and presence roster the tab joins (default `lobby`);
 * - `token`: an HS256 JWT for replicas with auth on (sent as `?token=` on the WebSockets and as a
 *   Bearer header on GET /v1/cluster); moved from the address bar to the tab's sessionStorage
 *   once read, so it stays out of the history and survives a rename.
 *
 * @module
 */

export interface Settings {
  readonly user: string;
  readonly room: string;
  readonly token: string | undefined;
}

/** The presence roster is a `tags` set, whose members are 1 to 100 characters. */
export const MAX_NAME_LENGTH = 40;

const ADJECTIVES = ["amber", "brisk", "calm", "deft", "eager", "fuzzy", "gentle", "hazel", "jolly", "keen", "lucky", "mellow"];
const ANIMALS = ["otter", "heron", "lynx", "panda", "quokka", "raven", "seal", "tapir", "vole", "wren", "yak", "zebu"];

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)] as T;
}

/** Trims, collapses spaces and caps the length; empty when nothing usable is left. */
export function cleanName(raw: string): string {
  return raw.replace(/\s+/g, " ").trim().slice(0, MAX_NAME_LENGTH);
}

/** The tab's value for `key`, set to `make()` the first time (or every time, without storage). */
function tabValue(key: string, make: () => string | undefined): string | undefined {
  try {
    const saved = sessionStorage.getItem(key);
    if (saved) return saved;
    const value = make();
    if (value !== undefined) sessionStorage.setItem(key, value);
    return value;
  } catch {
    // Storage can be off (privacy settings): a fresh value per load is fine.
    return make();
  }
}

const randomName = (): string => `${pick(ADJECTIVES)}-${pick(ANIMALS)}-${Math.floor(Math.random() * 100)}`;

export function readSettings(location: Location, history: History): Settings {
  const params = new URLSearchParams(location.search);
  const user = cleanName(params.get("user") ?? "") || (tabValue("lattice-demo-user", randomName) ?? randomName());
  const room = cleanName(params.get("room") ?? "") || "lobby";
  const fromUrl = params.get("token") ?? undefined;
  const token = fromUrl ?? tabValue("lattice-demo-token", () => undefined);
  if (fromUrl !== undefined) {
    try {
      sessionStorage.setItem("lattice-demo-token", fromUrl);
    } catch {
      // no storage: a rename then needs the token again
    }
    params.delete("token");
    const query = params.toString();
    history.replaceState(null, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
  }
  return { user, room, token };
}

/** The page's address with another user name (the "rename" button reloads with it). */
export function withUser(location: Location, user: string): string {
  const params = new URLSearchParams(location.search);
  params.set("user", user);
  return `${location.pathname}?${params.toString()}${location.hash}`;
}
