/** Test fixture (loader.test.ts): defines "dup", as dup-b.ts does. */
import { defineService } from "../define-service.js";

export default defineService({ name: "dup", type: "flag", commands: { on: (s) => s.enable() } });
