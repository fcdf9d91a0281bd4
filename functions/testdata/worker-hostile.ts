/**
 * Test fixture (runtime.test.ts): a module that loads in the replica's thread but throws in a
 * worker, so the worker runtime cannot start.
 */
import { isMainThread } from "node:worker_threads";
import { defineService } from "../define-service.js";

if (!isMainThread) throw new Error("this module refuses to load in a worker");

export default defineService({
  name: "main-thread-only",
  type: "flag",
  runtime: "worker",
  commands: { on: (s) => (s.enable(), s.value) },
});
