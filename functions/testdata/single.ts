/** Test fixture (loader.test.ts): a module whose default export is one service. */
import { defineService } from "../define-service.js";

export default defineService({
  name: "single",
  type: "pncounter",
  commands: { increment: (s) => (s.increment(1), s.value) },
});
