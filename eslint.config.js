// ESLint flat config. TypeScript sources are linted with type information
// (typescript-eslint `recommendedTypeChecked`, via the project service reading tsconfig.json);
// plain JavaScript (scripts/*.mjs, the config files) gets the core recommended rules.
import js from "@eslint/js";
import globals from "globals";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    ignores: ["dist/**", "node_modules/**", "protos/generated/**", "coverage/**", "data/**", ".tmp/**", "bench/results/tmp/**"],
  },
  js.configs.recommended,
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": [
        "error",
        {
          "ts-ignore": "allow-with-description",
          "ts-expect-error": "allow-with-description",
          "ts-nocheck": true,
          "ts-check": false,
          minimumDescriptionLength: 5,
        },
      ],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      // In-memory and simulated implementations of async interfaces (store, transport, clock) are
      // async without awaiting anything; that is the point of them, not a bug.
      "@typescript-eslint/require-await": "off",
      // yjs implements toString() on Y.Text and the XML types, but its .d.ts files do not declare it.
      "@typescript-eslint/no-base-to-string": [
        "error",
        { ignoredTypeNames: ["Error", "RegExp", "URL", "URLSearchParams", "YText", "YXmlFragment", "YXmlElement"] },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Tests use node:test, whose describe/it return promises that the runner awaits itself.
    files: ["**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-floating-promises": ["error", { allowForKnownSafeCalls: [
        { from: "package", package: "node:test", name: ["describe", "it", "test", "suite"] },
      ] }],
    },
  },
  {
    // crdt/ is pure (SPEC §2): no timers, sockets or process state. Imports are policed by
    // dependency-cruiser; these are the globals it cannot see. Tests may use them.
    files: ["crdt/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "clearImmediate"].map(
          (name) => ({ name, message: "crdt/ has no timers (SPEC §2); the replica drives time." }),
        ),
        ...["fetch", "WebSocket", "XMLHttpRequest", "process"].map((name) => ({
          name,
          message: "crdt/ does no I/O (SPEC §2); inject what you need from replica/.",
        })),
      ],
    },
  },
  {
    // client/ runs in browsers (SPEC §2): no Node-only globals. Tests run in Node and may use them.
    files: ["client/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["Buffer", "process", "global", "require", "module", "__dirname", "__filename", "setImmediate"].map(
          (name) => ({ name, message: "client/ must run in browsers: no Node-only globals." }),
        ),
      ],
    },
  },
  {
    // Plain JavaScript run directly by Node: build/test scripts and this config itself.
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: {
      sourceType: "module",
      globals: { ...globals.node },
    },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { ...globals.node },
    },
  },
);
