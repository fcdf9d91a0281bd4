import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { LevelStore } from "./level-store.js";
import { isStoreError } from "./store-error.js";

/** Acks to wait for before the kill: enough to rotate LevelDB's log at least once. */
const KILL_AFTER_ACKS = 2500;
const ROUNDS = 3;

// Run the writer the way this file runs: as TypeScript through tsx, or compiled in dist/.
const ts = import.meta.url.endsWith(".ts");
const writer = fileURLToPath(new URL(`./testdata/sigkill-writer.${ts ? "ts" : "js"}`, import.meta.url));
const nodeArgs = ts ? ["--import", import.meta.resolve("tsx")] : [];

interface Round {
  first: number;
  acked: number[];
  /** What opening the directory from this process did while the writer held it. */
  concurrentOpen: unknown;
}

/** Starts the writer on `dir`, SIGKILLs it after KILL_AFTER_ACKS acks, returns what it acked. */
async function killedWriterRound(dir: string): Promise<Round> {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT; // the writer is not a test file; keep it out of the runner's protocol
  const child = spawn(process.execPath, [...nodeArgs, writer, dir], { env, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  try {
    let first = -1;
    const acked: number[] = [];
    let concurrentOpen: Promise<unknown> | undefined;
    // Every line that reaches us was written after its batch resolved, including lines still in
    // the pipe when the kill lands, so all of them count as acknowledged.
    for await (const line of createInterface({ input: child.stdout })) {
      const [word, n] = line.split(" ");
      if (word === "ready") first = Number(n);
      else if (word === "ack") acked.push(Number(n));
      if (acked.length === 1) {
        concurrentOpen = LevelStore.open(dir).then(
          async (store) => {
            await store.close();
            return "opened";
          },
          (err: unknown) => err,
        );
      }
      if (acked.length === KILL_AFTER_ACKS) child.kill("SIGKILL");
    }
    const [code, signal] = await exited;
    assert.equal(signal, "SIGKILL", `writer ended by itself (code ${code}): ${stderr}`);
    return { first, acked, concurrentOpen: await concurrentOpen };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}

describe("LevelStore durability under SIGKILL", () => {
  it("every batch acknowledged without sync survives a SIGKILL of the writing process, whole", { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), "lattice-level-sigkill-"));
    try {
      let expectedFirst = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const { first, acked, concurrentOpen } = await killedWriterRound(dir);
        assert.equal(first, expectedFirst, "the writer resumes after the last batch on disk");
        assert.ok(acked.length >= KILL_AFTER_ACKS);
        assert.deepEqual(acked, Array.from({ length: acked.length }, (_, i) => first + i));
        assert.ok(isStoreError(concurrentOpen, "locked"), `open while the writer runs: ${String(concurrentOpen)}`);

        const store = await LevelStore.open(dir);
        try {
          const lastAcked = acked.at(-1) as number;
          const lastBytes = await store.get("last");
          assert.ok(lastBytes);
          const last = new DataView(lastBytes.buffer, lastBytes.byteOffset).getUint32(0);
          // The batch in flight at the kill may or may not have landed, but nothing acked is lost.
          assert.ok(last === lastAcked || last === lastAcked + 1, `last on disk ${last}, last acked ${lastAcked}`);
          const keys = Array.from({ length: last + 1 }, (_, n) => [`b/${n}/a`, `b/${n}/b`]).flat();
          const values = await store.getMany(keys);
          values.forEach((value, i) => {
            const n = Math.floor(i / 2);
            assert.ok(value, `batch ${n} (acked up to ${lastAcked}) lost ${keys[i]}`);
            assert.equal(value.length, 2048);
            assert.ok(value.every((byte) => byte === (n & 0xff)), `${keys[i]} holds wrong bytes`);
          });
          // Atomicity: nothing of a batch after `last` (it would be a batch without its counter).
          assert.equal(await store.get(`b/${last + 1}/a`), undefined);
          assert.equal(await store.get(`b/${last + 1}/b`), undefined);
          expectedFirst = last + 1;
        } finally {
          await store.close();
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
