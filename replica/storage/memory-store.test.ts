import { runStoreAcceptanceTests } from "./acceptance.js";
import { MemoryDisk } from "./memory-disk.js";
import { MemoryStore } from "./memory-store.js";

runStoreAcceptanceTests("MemoryStore", () => {
  const disk = new MemoryDisk();
  const handles = [new MemoryStore(disk)];
  return Promise.resolve({
    store: handles[0] as MemoryStore,
    reopen: () =>
      new Promise<MemoryStore>((resolve) => {
        const store = new MemoryStore(disk); // throws "locked" while another handle is open
        handles.push(store);
        resolve(store);
      }),
    teardown: async () => {
      for (const store of handles) await store.close();
    },
  });
});
