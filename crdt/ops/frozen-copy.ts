import type { Json } from "../json.js";

/**
 * A deeply frozen copy of the JSON value with canonical text `text`. State shares member and
 * register values between replicas' stores and hands them to views, so they must be immutable
 * and detached from the caller's object.
 */
export function frozenCopy(text: string): Json {
  return deepFreeze(JSON.parse(text) as Json);
}

function deepFreeze(v: Json): Json {
  if (v !== null && typeof v === "object") {
    for (const child of Object.values(v)) deepFreeze(child);
    Object.freeze(v);
  }
  return v;
}
