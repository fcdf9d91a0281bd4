/** Test fixture (loader.test.ts): an array whose second entry is not a valid service. */
import { defineService } from "../define-service.js";

export default [
  defineService({ name: "valid", type: "flag", commands: { on: (s) => s.enable() } }),
  { name: "broken", type: "nope", commands: {} },
];
