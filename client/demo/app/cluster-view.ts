/**
 * The replica this page talks to (its region and id, from GET /v1/cluster) and its peers'
 * links, polled so that a cut between regions shows up here while the page stays usable.
 *
 * @module
 */
import { h } from "./dom.js";

interface ClusterInfo {
  readonly replica: { readonly id: string; readonly region: string; readonly url: string };
  readonly peers: readonly { readonly id: string | null; readonly region: string | null; readonly url: string; readonly connected: boolean }[];
}

/** How often the peer links are refreshed: often enough to watch a partition heal. */
const POLL_MS = 2000;

export interface ClusterView {
  /** Region by replica id (this replica and its peers), for naming entries of version vectors. */
  regionOf(id: string): string | undefined;
  stop(): void;
}

function isClusterInfo(v: unknown): v is ClusterInfo {
  const r = (v as { replica?: { id?: unknown; region?: unknown } } | null)?.replica;
  return typeof r?.id === "string" && typeof r.region === "string" && Array.isArray((v as { peers?: unknown }).peers);
}

export function startClusterView(root: HTMLElement, token: string | undefined, onRegions: () => void): ClusterView {
  const regions = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const region = h("span", { class: "region", "data-testid": "region" }, "…");
  const id = h("code", { class: "replica-id", "data-testid": "replica-id" });
  const peers = h("ul", { class: "peers", "data-testid": "peers" });
  const status = h("span", { class: "muted" });
  root.replaceChildren(region, h("span", { class: "muted" }, " replica "), id, status, peers);

  const render = (info: ClusterInfo): void => {
    root.dataset.region = info.replica.region;
    root.dataset.replica = info.replica.id;
    region.textContent = info.replica.region;
    id.textContent = info.replica.id;
    id.title = info.replica.url;
    status.textContent = "";
    const known = regions.size;
    regions.set(info.replica.id, info.replica.region);
    const items = info.peers.map((p) => {
      if (p.id !== null && p.region !== null) regions.set(p.id, p.region);
      return h(
        "li",
        { class: p.connected ? "up" : "down", "data-peer": p.region ?? p.url, title: `${p.url}${p.id ? ` (${p.id})` : ""}` },
        h("span", { class: "dot" }),
        `${p.region ?? p.url} ${p.connected ? "linked" : "unreachable"}`,
      );
    });
    peers.replaceChildren(...items);
    if (regions.size !== known) onRegions();
  };

  const poll = async (): Promise<void> => {
    try {
      const res = await fetch("/v1/cluster", { headers: token ? { authorization: `Bearer ${token}` } : {}, cache: "no-store" });
      if (res.status === 401) throw new Error("this replica has auth on: open the page with ?token=<JWT>");
      const body: unknown = await res.json();
      if (!res.ok || !isClusterInfo(body)) throw new Error(`GET /v1/cluster answered ${res.status}`);
      render(body);
    } catch (err) {
      status.textContent = ` (replica unreachable: ${err instanceof Error ? err.message : String(err)})`;
    } finally {
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    }
  };
  void poll();

  return {
    regionOf: (replicaId) => regions.get(replicaId),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
