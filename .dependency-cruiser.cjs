// dependency-cruiser rules for Lattice: the layering of SPEC §2, enforced on every `npm run lint`.
//
//   server → functions → replica → crdt → protos        (arrows point the only allowed way)
//   client → protos only, and nothing Node-only
//   e2e/, bench/ (and the scripts/ tooling) may import anything; nothing imports them.
//
// Paths in rules are regular expressions on paths relative to the repository root.
// Type-only imports count as dependencies too (tsPreCompilationDeps), so a lower layer may not
// even name a higher layer's types.

/** Our own top-level folders, for building layer rules. */
const ours = (...dirs) => `^(${dirs.join("|")})/`;

/** Test files: node:test suites beside the code, and the e2e/ and bench/ trees. */
const TEST_FILE = "\\.test\\.ts$";
// Code that exists only for tests: shared acceptance suites, fixtures, the simulation.
const TEST_SUPPORT = "(^|/)(test-support|sim|testdata)/|(^|/)acceptance\\.ts$";

/** Node built-ins crdt/ may not touch: file system, network, processes, threads, timers. */
const IO_BUILTINS = [
  "fs",
  "fs/promises",
  "net",
  "tls",
  "dgram",
  "dns",
  "dns/promises",
  "http",
  "https",
  "http2",
  "timers",
  "timers/promises",
  "child_process",
  "cluster",
  "worker_threads",
];
const ioBuiltin = `^(node:)?(${IO_BUILTINS.join("|")})$`;

/** npm packages that do I/O (sockets, HTTP, storage); resolved paths, including their @types. */
const ioPackages = "(^|/)node_modules/(@types/)?(ws|fastify|@fastify/[^/]+|level|classic-level|abstract-level|memory-level|browser-level)/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Circular imports are not allowed anywhere. Break the cycle (move the shared part down a layer, or inject it).",
      from: {},
      to: { circular: true },
    },

    // ---- layering: server → functions → replica → crdt → protos ----
    {
      name: "protos-imports-nothing-of-ours",
      severity: "error",
      comment: "protos/ is the bottom layer: it may not import any other Lattice folder.",
      from: { path: "^protos/" },
      to: { path: ours("crdt", "replica", "functions", "server", "client", "e2e", "bench", "scripts") },
    },
    {
      name: "crdt-only-imports-protos",
      severity: "error",
      comment: "crdt/ may import only protos/ (SPEC §2).",
      from: { path: "^crdt/" },
      to: { path: ours("replica", "functions", "server", "client", "e2e", "bench", "scripts") },
    },
    {
      name: "replica-only-imports-crdt-protos",
      severity: "error",
      comment: "replica/ may import only crdt/ and protos/ (SPEC §2).",
      from: { path: "^replica/" },
      to: { path: ours("functions", "server", "client", "e2e", "bench", "scripts") },
    },
    {
      name: "functions-only-imports-replica-crdt-protos",
      severity: "error",
      comment: "functions/ may import only replica/, crdt/ and protos/ (SPEC §2).",
      from: { path: "^functions/" },
      to: { path: ours("server", "client", "e2e", "bench", "scripts") },
    },
    {
      name: "server-not-to-client-or-harness",
      severity: "error",
      comment: "server/ may import functions/, replica/, crdt/ and protos/, never client/ or the test/bench harness.",
      from: { path: "^server/" },
      to: { path: ours("client", "e2e", "bench", "scripts") },
    },

    // ---- crdt/ is pure: no I/O, no timers, no sockets, no storage ----
    {
      name: "crdt-no-io-builtins",
      severity: "error",
      comment: "crdt/ is pure (SPEC §2): no file system, network, process, thread or timer modules. Inject what you need from replica/.",
      from: { path: "^crdt/" },
      to: { dependencyTypes: ["core"], path: ioBuiltin },
    },
    {
      name: "crdt-no-io-packages",
      severity: "error",
      comment: "crdt/ is pure (SPEC §2): no ws, fastify, @fastify/*, level or other I/O packages.",
      from: { path: "^crdt/" },
      to: { path: ioPackages },
    },

    // ---- client/ runs in browsers: nothing of the server side, nothing Node-only ----
    {
      name: "client-not-to-server-side",
      severity: "error",
      comment: "client/ depends on nothing of the server side (SPEC §2); it may use protos/ only. Its tests (and client/test-support/) run against a real replica and may.",
      from: { path: "^client/", pathNot: [TEST_FILE, TEST_SUPPORT] },
      to: { path: ours("server", "functions", "replica", "crdt", "e2e", "bench", "scripts") },
    },
    {
      name: "client-no-node-builtins",
      severity: "error",
      comment: "client/ must run in browsers: no Node built-in modules outside its *.test.ts files and client/test-support/.",
      from: { path: "^client/", pathNot: [TEST_FILE, TEST_SUPPORT] },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "client-no-node-only-packages",
      severity: "error",
      comment: "client/ must run in browsers: no Node-only packages (ws, fastify, level, …). Let the caller inject a WebSocket constructor instead.",
      from: { path: "^client/", pathNot: [TEST_FILE, TEST_SUPPORT] },
      to: { path: ioPackages },
    },

    // ---- test code stays out of production code ----
    {
      name: "not-to-test",
      severity: "error",
      comment: "Production code may not import test files, e2e/ or bench/.",
      from: { pathNot: [TEST_FILE, TEST_SUPPORT, "^(e2e|bench|scripts)/"] },
      to: { path: [TEST_FILE, TEST_SUPPORT, "^(e2e|bench)/"] },
    },
    {
      name: "not-to-dev-dep",
      severity: "error",
      comment:
        "Production code may not depend on devDependencies (they are not installed with the package). " +
        "Move the package to dependencies, or use it only from *.test.ts, e2e/, bench/ or scripts/.",
      from: { pathNot: [TEST_FILE, TEST_SUPPORT, "^(e2e|bench|scripts)/"] },
      to: {
        dependencyTypes: ["npm-dev"],
        // type-only imports vanish at compile time, and @types/* are always dev dependencies
        dependencyTypesNot: ["type-only"],
        pathNot: ["(^|/)node_modules/@types/"],
      },
    },

    // ---- hygiene ----
    {
      name: "no-non-package-json",
      severity: "error",
      comment: "This imports an npm package that is not in package.json (only installed transitively). Add it to dependencies.",
      // Declaration files never run. protobufjs's generated .d.ts name its own dependency "long".
      from: { pathNot: "\\.d\\.ts$" },
      to: { dependencyTypes: ["npm-no-pkg", "npm-unknown"] },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "This import cannot be resolved to a file on disk.",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "no-deprecated-core",
      severity: "error",
      comment: "This uses a deprecated Node core module.",
      from: {},
      to: { dependencyTypes: ["core"], path: "^(node:)?(punycode|domain|constants|sys|_linklist|_stream_wrap)$" },
    },
  ],
  options: {
    doNotFollow: { path: "(^|/)node_modules/" },
    exclude: { path: ["^dist/", "^coverage/"] },
    moduleSystems: ["es6", "cjs"],
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    // Resolve packages through their "exports" maps like Node and TypeScript do. (NodeNext's
    // "./x.js" specifiers for "./x.ts" files are mapped by dependency-cruiser itself.)
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
