// usePersistedState writes what a component sets with code
// (src/platform/persisted-writes.ts) it imports with import() at the first
// save: a first screen only loads stored values. typenative/testing
// registers it up front, so these tests load a fresh copy of
// persisted-state.ts, in which that code is not loaded yet: what an app sees
// until the chunk arrives.
import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "../../src/index.js";
import { render, cleanup, settle } from "../../src/testing/index.js";
import { freshModule } from "../helpers/fresh-module.js";

type PersistedStateModule = typeof import("../../src/platform/persisted-state.js");

const unloaded = () => freshModule<PersistedStateModule>(new URL("../../src/platform/persisted-state.ts", import.meta.url));

/** A memory backend that records every write. */
function recordingBackend(initial: Record<string, string> = {}) {
  const backend = pn.memoryStorage(initial);
  const sets: Array<[string, string]> = [];
  const recording: pn.StorageBackend = {
    ...backend,
    set(key, value) {
      sets.push([key, value]);
      return backend.set(key, value);
    },
  };
  pn.AsyncStorage.configure({ backend: recording });
  return { sets, get: (key: string) => backend.get(key) };
}

/** Settles until `done()` holds: an import() is not a task `settle` waits for. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) {
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.ok(done(), "timed out");
}

describe("usePersistedState before its write side is loaded", () => {
  afterEach(() => cleanup());

  it("is registered by typenative/testing", async () => {
    const { persistedWrites } = await import("../../src/platform/persisted-state.js");
    assert.notEqual(persistedWrites.loaded(), null);
  });

  it("a first screen loads the stored value without it; the first set loads it, and sets made meanwhile are written in order", async () => {
    const { usePersistedState, persistedWrites } = await unloaded();
    const storage = recordingBackend({ count: "7" });
    let set: pn.SetState<number> = () => {};
    const Counter = pn.component(function Counter() {
      const [n, setN] = usePersistedState("count", 0);
      set = setN;
      return pn.Text(`n=${n}`);
    });
    const ui = render(Counter());
    await settle();
    ui.getByText("n=7");
    assert.equal(persistedWrites.loaded(), null, "loading a stored value needs no write side");

    set(8);
    await settle();
    ui.getByText("n=8");
    set(9);
    await settle();
    ui.getByText("n=9");
    await until(() => storage.sets.length === 2);
    assert.deepEqual(storage.sets, [["count", "8"], ["count", "9"]]);
    assert.equal(await storage.get("count"), "9");
    assert.notEqual(persistedWrites.loaded(), null, "the code stays for later writes");
  });

  it("a change another writer makes while a save waits for the code is not shown: the save overwrites it", async () => {
    const { usePersistedState, persistedWrites } = await unloaded();
    const storage = recordingBackend();
    let set: pn.SetState<number> = () => {};
    const loadedAtChange: boolean[] = [];
    const Counter = pn.component(function Counter() {
      const [n, setN] = usePersistedState("count", 0);
      set = setN;
      // In the commit that shows 5, right after the hook's own effect asked
      // for the write: someone else writes the key meanwhile.
      pn.useEffect(() => {
        if (n === 5) void pn.AsyncStorage.set("count", "99");
      }, [n]);
      return pn.Text(`n=${n}`);
    });
    const ui = render(Counter());
    await settle();
    const stop = pn.AsyncStorage.subscribe("count", (value) => {
      if (value === "99") loadedAtChange.push(persistedWrites.loaded() !== null);
    });
    try {
      set(5);
      await until(() => storage.sets.length === 2);
      await settle();
    } finally {
      stop();
    }
    assert.deepEqual(loadedAtChange, [false], "the foreign change arrived while the save waited for its code");
    assert.deepEqual(storage.sets, [["count", "99"], ["count", "5"]]);
    ui.getByText("n=5");
    assert.equal(await storage.get("count"), "5", "what is shown is what is stored");
  });
});
