/**
 * Child process of level-store-sigkill.test.ts: opens the LevelDB store in directory argv[2],
 * then writes numbered batches WITHOUT sync, printing "ack <n>" only after batch n resolved,
 * until the test SIGKILLs it. Each batch puts `b/<n>/a` and `b/<n>/b` (checked for atomicity)
 * and `last` = n; numbering resumes after the `last` found on disk, so rounds can follow a crash.
 *
 * Exits by itself only if its parent goes away (stdin closes) or after MAX_BATCHES.
 */
import { LevelStore } from "../level-store.js";

const MAX_BATCHES = 1_000_000;
const VALUE_BYTES = 2048; // large enough to fill LevelDB's memtable and rotate its log mid-run

const dir = process.argv[2];
if (dir === undefined) throw new Error("usage: sigkill-writer <directory>");

process.stdin.on("end", () => process.exit(2));
process.stdin.resume();

const store = await LevelStore.open(dir);
const last = await store.get("last");
const first = last === undefined ? 0 : new DataView(last.buffer, last.byteOffset).getUint32(0) + 1;
process.stdout.write(`ready ${first}\n`);

for (let n = first; n < first + MAX_BATCHES; n++) {
  const counter = new Uint8Array(4);
  new DataView(counter.buffer).setUint32(0, n);
  const value = new Uint8Array(VALUE_BYTES).fill(n & 0xff);
  await store.batch([
    { type: "put", key: `b/${n}/a`, value },
    { type: "put", key: `b/${n}/b`, value },
    { type: "put", key: "last", value: counter },
  ]);
  process.stdout.write(`ack ${n}\n`);
}
await store.close();
