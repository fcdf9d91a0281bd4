/**
 * The replica's storage layer: the {@link KeyValueStore} contract, its LevelDB and in-memory
 * implementations, and the shared acceptance suite (import that from `./acceptance.js` directly,
 * so production code does not load `node:test`).
 *
 * @module
 */
export type { BatchOp, BatchOptions, KeyValueStore, ScanOptions, StoreEntry, StoreKey } from "./store.js";
export { StoreError, isStoreError, type StoreErrorCode } from "./store-error.js";
export { compareKeys, prefixUpperBound, isWellFormedKey } from "./key-order.js";
export { LevelStore } from "./level-store.js";
export { MemoryDisk, type PowerLossOptions } from "./memory-disk.js";
export { MemoryStore } from "./memory-store.js";
