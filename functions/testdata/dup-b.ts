/** Test fixture (loader.test.ts): defines "dup", as dup-a.ts does. */
import { defineService } from "../define-service.js";

export default [defineService({ name: "dup", type: "gcounter", commands: { inc: (s) => s.increment(1) } })];
