/**
 * The local three-region cluster of SPEC §7 (`npm run cluster`, `docker compose up`): one source
 * of truth for its regions and ports, read by `lattice cluster` and by the test that checks
 * docker-compose.yml and the Kubernetes example agree with it.
 *
 * @module
 */

export interface RegionSlot {
  readonly region: string;
  /** The port `lattice cluster` serves this region on, and the one docker-compose publishes. */
  readonly port: number;
}

/** us-east, eu-west and ap-south on 8081–8083 (SPEC §7). */
export const CLUSTER_REGIONS: readonly RegionSlot[] = Object.freeze([
  { region: "us-east", port: 8081 },
  { region: "eu-west", port: 8082 },
  { region: "ap-south", port: 8083 },
]);

/** The port a replica listens on inside its container (the image's default LATTICE_PORT). */
export const CONTAINER_PORT = 8080;

