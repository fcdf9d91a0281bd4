/**
 * Who is online, with the `presence` example service: while this page is open it holds the
 * user's `connect` stream (the replica votes "online" for the user; when the page closes, the
 * socket goes and the vote with it, in every region once gossiped). The room's roster of names is
 * a `tags` set (the `tags` example: an add-wins set), and each name on it is watched with a
 * subscription to its presence entity, whose view is `{online, replicas}`.
 *
 * @module
 */
import type { LatticeClient, StreamHandle } from "../../index.js";
import { clearError, colorOf, h, showError } from "./dom.js";

interface Status {
  readonly online: boolean;
  /** Regions (live replicas) holding a connection of the user. */
  readonly replicas: number;
}

/** Users watched at most: each is one subscription on the socket (the replica caps those). */
export const MAX_WATCHED = 40;

export interface PresenceElements {
  readonly list: HTMLUListElement;
  readonly forget: HTMLButtonElement;
  readonly error: HTMLElement;
}

function isStatus(v: unknown): v is Status {
  return typeof v === "object" && v !== null && typeof (v as Status).online === "boolean";
}

export function startPresenceView(client: LatticeClient, room: string, me: string, el: PresenceElements): { stop: () => Promise<void> } {
  const roster = client.entity("tags", room);
  const watched = new Map<string, { status: Status | undefined; unsubscribe: () => void }>();
  let names: readonly string[] = [];

  const render = (): void => {
    const rows = [...watched.entries()]
      // Online first, then by name; me on top.
      .sort(([a, x], [b, y]) => Number(b === me) - Number(a === me) || Number(y.status?.online ?? false) - Number(x.status?.online ?? false) || a.localeCompare(b))
      .map(([name, { status }]) => {
        const online = status?.online ?? false;
        const where = status === undefined ? "…" : online ? `online${status.replicas > 1 ? ` in ${status.replicas} regions` : ""}` : "offline";
        const label = h("span", { class: "user-name" }, name + (name === me ? " (you)" : ""));
        // Online users in the colour of their caret in the notes, to match the two.
        if (online) label.style.setProperty("color", colorOf(name));
        return h(
          "li",
          { "data-user": name, "data-online": status === undefined ? "unknown" : String(online), class: online ? "up" : "down" },
          h("span", { class: "dot", title: online ? "online" : "offline" }),
          label,
          h("span", { class: "status muted" }, where),
        );
      });
    const hidden = names.length - watched.size;
    if (hidden > 0) rows.push(h("li", { class: "muted" }, `and ${hidden} more`));
    el.list.replaceChildren(...rows);
  };

  const watch = (name: string): void => {
    const entry: { status: Status | undefined; unsubscribe: () => void } = { status: undefined, unsubscribe: () => undefined };
    watched.set(name, entry);
    entry.unsubscribe = client.entity("presence", name).subscribe(
      (view) => {
        entry.status = isStatus(view.state) ? view.state : undefined;
        render();
      },
      {
        onError: (err) => {
          showError(el.error, err);
          // Forgotten, so that the next roster change watches the name again.
          if (watched.get(name) === entry) watched.delete(name);
        },
      },
    );
  };

  const unsubscribeRoster = roster.subscribe(
    (view) => {
      names = Array.isArray(view.state) ? view.state.filter((n): n is string => typeof n === "string") : [];
      const wanted = new Set([me, ...names.filter((n) => n !== me).slice(0, MAX_WATCHED - 1)]);
      for (const [name, entry] of watched) {
        if (!wanted.has(name)) {
          entry.unsubscribe();
          watched.delete(name);
        }
      }
      for (const name of wanted) if (!watched.has(name)) watch(name);
      render();
    },
    { onError: (err) => showError(el.error, err) },
  );

  // Online for as long as this page holds the stream; the SDK opens it again after a reconnect.
  const connection: StreamHandle = client.entity("presence", me).stream("connect", null, () => undefined, {
    onError: (err) => showError(el.error, err),
  });
  roster.call("add", { tag: me }).catch((err: unknown) => showError(el.error, err));

  const onForget = (): void => {
    clearError(el.error);
    for (const [name, { status }] of watched) {
      if (name !== me && status && !status.online) roster.call("remove", { tag: name }).catch((err: unknown) => showError(el.error, err));
    }
  };
  el.forget.addEventListener("click", onForget);

  return {
    stop: async () => {
      el.forget.removeEventListener("click", onForget);
      unsubscribeRoster();
      for (const { unsubscribe } of watched.values()) unsubscribe();
      watched.clear();
      await connection.close();
    },
  };
}
