/** Test fixture (loader.test.ts): services as named exports only, which the loader refuses. */
import { defineService } from "../define-service.js";

export const named = defineService({ name: "named", type: "flag", commands: { on: (s) => s.enable() } });
