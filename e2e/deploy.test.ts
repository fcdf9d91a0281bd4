/**
 * The deployment files agree with SPEC §7 and with `lattice cluster` (issue 6 §1). No Docker
 * engine or Kubernetes cluster runs here, so these files are checked by reading them: the
 * Dockerfile's stages, user, health check, volume and port; docker-compose.yml's three regions
 * (server/cli/topology.ts is the one source of regions and ports, shared with `lattice cluster`),
 * their mesh, volumes, secret and variables; .env.example; the Kubernetes example; the `lattice`
 * bin in package.json.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { parse, parseAllDocuments } from "yaml";
import { SETTINGS } from "../server/config.js";
import { CLUSTER_REGIONS, CONTAINER_PORT } from "../server/cli/topology.js";

/** The repository root: the nearest folder above this file with the lattice package.json (source or dist/). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "lattice") return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error("repository root not found");
    dir = up;
  }
}

const ROOT = repoRoot();
const read = (path: string): string => readFileSync(join(ROOT, path), "utf8");
const VARIABLES = new Set<string>(Object.keys(SETTINGS));
const REGIONS = CLUSTER_REGIONS.map((r) => r.region);

type Env = Record<string, string>;

/** Dockerfile instructions (continuation lines joined, comments dropped), in order. */
function instructions(text: string): { op: string; args: string }[] {
  const joined = text.replace(/\\\r?\n/g, " ");
  return joined
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith("#"))
    .map((l) => {
      const m = /^(\w+)\s+(.*)$/.exec(l);
      assert.ok(m, `unparsable Dockerfile line: ${l}`);
      return { op: (m[1] as string).toUpperCase(), args: m[2] as string };
    });
}

/** ENV lines in both forms (`K=V K2=V2` and legacy `K V`). */
function envOf(args: string): Env {
  const out: Env = {};
  if (!args.includes("=")) {
    const [k, ...v] = args.split(/\s+/);
    out[k as string] = v.join(" ");
    return out;
  }
  for (const m of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) out[m[1] as string] = (m[2] as string).replace(/^"|"$/g, "");
  return out;
}

/** Every ENV of `steps`, later ones winning. */
function mergedEnv(steps: readonly { op: string; args: string }[]): Env {
  const out: Env = {};
  for (const s of steps) if (s.op === "ENV") Object.assign(out, envOf(s.args));
  return out;
}

describe("Dockerfile", () => {
  const steps = instructions(read("Dockerfile"));
  const froms = steps.map((s, i) => ({ ...s, i })).filter((s) => s.op === "FROM");
  const lastFrom = froms[froms.length - 1];
  const runtime = steps.slice(lastFrom?.i ?? 0);
  const runtimeEnv = mergedEnv(runtime);

  it("is multi-stage: a named build stage, and a small node 20 runtime that copies from it", () => {
    assert.ok(froms.length >= 2, "at least two FROM stages");
    assert.match(froms[0]?.args ?? "", /\bAS\s+build\b/i);
    assert.match(lastFrom?.args ?? "", /^node:20-[\w.-]*slim\b/, "the runtime is a slim node 20 image");
    assert.ok(runtime.some((s) => s.op === "COPY" && /--from=build\b/.test(s.args) && /\bdist\b/.test(s.args)), "the runtime copies dist from the build stage");
    assert.ok(!runtime.some((s) => s.op === "RUN" && /\bnpm (ci|install)\b/.test(s.args)), "no dependency install in the runtime stage");
  });

  it("runs as a non-root user", () => {
    const users = runtime.filter((s) => s.op === "USER").map((s) => s.args.split(":")[0]?.trim());
    assert.ok(users.length > 0, "the runtime stage sets USER");
    const user = users[users.length - 1];
    assert.ok(user !== "root" && user !== "0", `USER ${user} is not root`);
  });

  it("keeps data in a VOLUME at LATTICE_DATA_DIR and listens on every interface at the exposed port", () => {
    const dataDir = runtimeEnv.LATTICE_DATA_DIR;
    assert.ok(dataDir, "ENV LATTICE_DATA_DIR");
    const volumes = runtime.filter((s) => s.op === "VOLUME").map((s) => s.args);
    assert.ok(volumes.some((v) => v.includes(dataDir)), `VOLUME ${dataDir} (found ${volumes.join(", ")})`);
    assert.equal(runtimeEnv.LATTICE_HOST, "0.0.0.0");
    assert.equal(runtimeEnv.LATTICE_PORT, String(CONTAINER_PORT));
    assert.ok(runtime.some((s) => s.op === "EXPOSE" && s.args.split(/\s+/).includes(String(CONTAINER_PORT))), `EXPOSE ${CONTAINER_PORT}`);
  });

  it("is configured only through LATTICE_* variables, with no secret baked in", () => {
    for (const name of Object.keys(runtimeEnv)) {
      if (name === "NODE_ENV") continue;
      assert.ok(VARIABLES.has(name), `ENV ${name} is a LATTICE_* setting of server/config.ts`);
    }
    for (const secret of ["LATTICE_CLUSTER_SECRET", "LATTICE_AUTH_SECRET"]) assert.equal(runtimeEnv[secret], undefined, `${secret} is not in the image`);
  });

  it("checks health on /readyz with node (the slim image has no curl) and starts the lattice bin", () => {
    const health = runtime.find((s) => s.op === "HEALTHCHECK");
    assert.ok(health, "HEALTHCHECK");
    assert.match(health.args, /\/readyz/);
    assert.match(health.args, /CMD\s+\["node"/);
    assert.doesNotMatch(health.args, /\bcurl\b|\bwget\b/);
    const entry = runtime.find((s) => s.op === "ENTRYPOINT");
    const bin = (JSON.parse(read("package.json")) as { bin: Record<string, string> }).bin.lattice;
    assert.ok(entry && bin && entry.args.includes(bin), `ENTRYPOINT runs ${bin}`);
    assert.deepEqual(JSON.parse(runtime.find((s) => s.op === "CMD")?.args ?? "null"), ["start"]);
  });

  it(".dockerignore keeps local data, secrets and build output out of the context", () => {
    const ignored = read(".dockerignore").split(/\r?\n/).map((l) => l.trim());
    for (const entry of ["data", ".env", "node_modules", "dist", ".git"]) assert.ok(ignored.includes(entry), `.dockerignore lists ${entry}`);
  });
});

describe("docker-compose.yml", () => {
  interface Service {
    environment: Env;
    ports: string[];
    volumes: string[];
    restart?: string;
    healthcheck?: { test: string[] };
    image?: string;
    build?: unknown;
  }
  const compose = parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
  const dockerEnv = mergedEnv(instructions(read("Dockerfile")));

  it("has exactly the three regions of `lattice cluster`, one replica each", () => {
    assert.deepEqual(Object.keys(compose.services), REGIONS);
    for (const region of REGIONS) assert.equal(compose.services[region]?.environment.LATTICE_REGION, region);
  });

  it("publishes each region on the port `lattice cluster` gives it (8081-8083)", () => {
    assert.deepEqual(
      CLUSTER_REGIONS.map((r) => r.port),
      [8081, 8082, 8083],
      "SPEC §7",
    );
    for (const { region, port } of CLUSTER_REGIONS) {
      const s = compose.services[region] as Service;
      assert.deepEqual(s.ports, [`${port}:${CONTAINER_PORT}`], region);
      assert.equal(s.environment.LATTICE_PORT, String(CONTAINER_PORT));
      assert.equal(s.environment.LATTICE_HOST, "0.0.0.0");
    }
  });

  it("meshes the regions through LATTICE_PEERS by service name, each advertising its own", () => {
    for (const region of REGIONS) {
      const env = (compose.services[region] as Service).environment;
      assert.equal(env.LATTICE_ADVERTISE_URL, `ws://${region}:${CONTAINER_PORT}`);
      const peers = (env.LATTICE_PEERS ?? "").split(",").map((p) => p.trim()).sort();
      assert.deepEqual(peers, REGIONS.filter((r) => r !== region).map((r) => `ws://${r}:${CONTAINER_PORT}`).sort(), `${region}'s peers`);
    }
  });

  it("gives each region its own named volume at the image's data directory", () => {
    const dataDir = dockerEnv.LATTICE_DATA_DIR;
    const seen = new Set<string>();
    for (const region of REGIONS) {
      const s = compose.services[region] as Service;
      assert.equal(s.environment.LATTICE_DATA_DIR, dataDir);
      assert.equal(s.volumes.length, 1, region);
      const [name, target] = (s.volumes[0] as string).split(":");
      assert.equal(target, dataDir, `${region} mounts at ${dataDir}`);
      assert.ok(name && name in compose.volumes, `${name} is a named volume`);
      assert.ok(!seen.has(name), `${name} is not shared`);
      seen.add(name);
    }
  });

  it("requires one shared cluster secret from the environment or .env, and sets only known LATTICE_* variables", () => {
    const secrets = new Set(REGIONS.map((r) => compose.services[r]?.environment.LATTICE_CLUSTER_SECRET));
    assert.equal(secrets.size, 1, "the same secret everywhere");
    assert.match([...secrets][0] ?? "", /^\$\{LATTICE_CLUSTER_SECRET:\?.+\}$/, "compose refuses to start without it");
    for (const region of REGIONS) {
      for (const name of Object.keys((compose.services[region] as Service).environment)) assert.ok(VARIABLES.has(name), `${region}: ${name} is a setting of server/config.ts`);
    }
  });

  it("has health checks on /readyz, a restart policy and the image built from the Dockerfile", () => {
    for (const region of REGIONS) {
      const s = compose.services[region] as Service;
      assert.ok(s.healthcheck?.test.join(" ").includes(`127.0.0.1:${CONTAINER_PORT}/readyz`), `${region} health check`);
      assert.ok(s.restart === "unless-stopped" || s.restart === "always" || s.restart === "on-failure", `${region} restart policy`);
      assert.equal(s.build, ".");
    }
  });

  it(".env.example documents every variable the compose file reads, with the cluster secret", () => {
    const example = new Map(
      read(".env.example")
        .split(/\r?\n/)
        .filter((l) => /^\w+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)] as const),
    );
    const referenced = new Set([...read("docker-compose.yml").matchAll(/\$\{(\w+)/g)].map((m) => m[1] as string));
    assert.ok(referenced.has("LATTICE_CLUSTER_SECRET"));
    for (const name of referenced) assert.ok(example.has(name), `.env.example has ${name}`);
    for (const name of example.keys()) assert.ok(VARIABLES.has(name), `${name} is a setting of server/config.ts`);
  });
});

describe("deploy/kubernetes/lattice.yaml", () => {
  type Container = {
    image: string;
    env: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
    ports: { containerPort: number }[];
    readinessProbe: { httpGet: { path: string } };
    livenessProbe: { httpGet: { path: string } };
    volumeMounts: { name: string; mountPath: string }[];
  };
  type Doc = {
    kind: string;
    metadata: { name: string };
    spec: {
      clusterIP?: string;
      serviceName?: string;
      replicas?: number;
      template?: { spec: { securityContext: { runAsNonRoot?: boolean; runAsUser?: number }; containers: Container[] } };
      volumeClaimTemplates?: { metadata: { name: string } }[];
    };
  };
  const docs = parseAllDocuments(read("deploy/kubernetes/lattice.yaml")).map((d) => {
    assert.deepEqual(d.errors, []);
    return d.toJS() as Doc;
  });
  const sets = docs.filter((d) => d.kind === "StatefulSet");
  const services = docs.filter((d) => d.kind === "Service");
  const dataDir = (parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, { environment: Env }> }).services[REGIONS[0] as string]?.environment.LATTICE_DATA_DIR;

  it("is one single-replica StatefulSet per region, each with a headless Service", () => {
    assert.deepEqual(sets.map((s) => s.metadata.name), REGIONS.map((r) => `lattice-${r}`));
    for (const set of sets) {
      assert.equal(set.spec.replicas, 1);
      const svc = services.find((s) => s.metadata.name === set.spec.serviceName);
      assert.ok(svc, `Service ${set.spec.serviceName}`);
      assert.equal(svc.spec.clusterIP, "None", "headless");
    }
  });

  it("sets the region, advertises the pod's stable name and lists the other regions as peers", () => {
    for (const region of REGIONS) {
      const c = sets.find((s) => s.metadata.name === `lattice-${region}`)?.spec.template?.spec.containers[0] as Container;
      const env = new Map(c.env.map((e) => [e.name, e]));
      for (const name of env.keys()) assert.ok(VARIABLES.has(name) || name === "POD_NAME", `${region}: ${name}`);
      assert.equal(env.get("LATTICE_REGION")?.value, region);
      assert.equal(env.get("LATTICE_PORT")?.value, String(CONTAINER_PORT));
      assert.equal(env.get("LATTICE_ADVERTISE_URL")?.value, `ws://$(POD_NAME).lattice-${region}:${CONTAINER_PORT}`);
      const peers = (env.get("LATTICE_PEERS")?.value ?? "").split(",").sort();
      assert.deepEqual(peers, REGIONS.filter((r) => r !== region).map((r) => `ws://lattice-${r}-0.lattice-${r}:${CONTAINER_PORT}`).sort());
      assert.deepEqual(env.get("LATTICE_CLUSTER_SECRET")?.valueFrom?.secretKeyRef, { name: "lattice", key: "cluster-secret" }, "the secret comes from a Secret");
      assert.deepEqual(c.ports.map((p) => p.containerPort), [CONTAINER_PORT]);
      assert.equal(c.readinessProbe.httpGet.path, "/readyz");
      assert.equal(c.livenessProbe.httpGet.path, "/healthz");
    }
  });

  it("keeps data on a volume claim at the image's data directory and runs as non-root", () => {
    for (const set of sets) {
      const pod = set.spec.template?.spec;
      assert.equal(pod?.securityContext.runAsNonRoot, true);
      assert.notEqual(pod?.securityContext.runAsUser, 0);
      const claim = set.spec.volumeClaimTemplates?.[0]?.metadata.name;
      const mount = pod?.containers[0]?.volumeMounts.find((m) => m.name === claim);
      assert.equal(mount?.mountPath, dataDir, set.metadata.name);
    }
  });
});

describe("the lattice command", () => {
  it("is the package's bin, starts with a shebang, and `npm run cluster` runs `lattice cluster`", () => {
    const pkg = JSON.parse(read("package.json")) as { bin: Record<string, string>; scripts: Record<string, string> };
    assert.equal(pkg.bin.lattice, "dist/server/cli/main.js");
    assert.ok(read("server/cli/main.ts").startsWith("#!/usr/bin/env node\n"), "the shebang tsc keeps in the compiled file");
    assert.equal(pkg.scripts.cluster, `node ${pkg.bin.lattice} cluster`);
  });
});
