import { hash } from "node:crypto";
import type { CrdtState } from "./codec.js";
import { encodeState } from "./codec.js";
import { yIdentity } from "./ydoc.js";

/**
 * SHA-256 of a state's canonical identity: equal states give equal digests on every replica, so
 * anti-entropy can compare entities without shipping them. For ydoc the identity is the state
 * vector plus the delete set (see yIdentity), since update bytes are not canonical; a caller that
 * already encoded the document's state vector passes it, so it is not encoded twice.
 */
export function digest(s: CrdtState, ydocStateVector?: Uint8Array): Uint8Array {
  const bytes = s.type === "ydoc" ? yIdentity(s, ydocStateVector) : encodeState(s);
  return new Uint8Array(hash("sha256", bytes, "buffer"));
}
