/**
 * An entity's version (SPEC §3): committed changes per replica id. Versions only grow: merging
 * takes the maximum per replica.
 */
export type Version = Map<string, number>;

export function mergeVersion(into: Version, from: Iterable<readonly [string, number]>): boolean {
  let changed = false;
  for (const [r, n] of from) {
    if (n > (into.get(r) ?? 0)) {
      into.set(r, n);
      changed = true;
    }
  }
  return changed;
}

export function versionToJson(v: Version): Record<string, number> {
  // A null prototype: "__proto__" is a well-formed replica id and must stay an own property.
  const out = Object.create(null) as Record<string, number>;
  for (const r of [...v.keys()].sort()) out[r] = v.get(r) ?? 0;
  return out;
}

export function versionEntries(v: Version): { replica: string; count: number }[] {
  return [...v.keys()].sort().map((replica) => ({ replica, count: v.get(replica) ?? 0 }));
}

/** True when `a` has seen every change `b` has. */
export function versionCovers(a: Version, b: Version): boolean {
  for (const [r, n] of b) if ((a.get(r) ?? 0) < n) return false;
  return true;
}
