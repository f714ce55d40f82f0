// The lazily loaded web services (src/hosts/web/lazy-services.ts), in Node:
// a failed import of their chunk must not stick, or one dropped download
// would fail every later alert, photo and storage call for the session.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { forwarder, loadOnce } from "../../../src/hosts/web/lazy-services.js";

/** A load that rejects its first `failures` calls, then resolves `value`; counts its calls. */
function flakyLoad<T>(value: T, failures: number) {
  const state = { calls: 0 };
  const load = () => {
    state.calls++;
    return state.calls <= failures ? Promise.reject(new Error(`chunk failed (${state.calls})`)) : Promise.resolve(value);
  };
  return { load, state };
}

describe("lazy web services", () => {
  it("loadOnce shares one load between calls", async () => {
    const { load, state } = flakyLoad("module", 0);
    const get = loadOnce(load);
    assert.deepEqual(await Promise.all([get(), get()]), ["module", "module"]);
    assert.equal(await get(), "module");
    assert.equal(state.calls, 1);
  });

  it("loadOnce forgets a failed load: the calls waiting on it fail, the next call loads again", async () => {
    const { load, state } = flakyLoad("module", 1);
    const get = loadOnce(load);
    const first = get();
    const second = get();
    await assert.rejects(first, /chunk failed \(1\)/);
    await assert.rejects(second, /chunk failed \(1\)/);
    assert.equal(state.calls, 1);
    assert.equal(await get(), "module");
    assert.equal(await get(), "module");
    assert.equal(state.calls, 2);
  });

  it("a forwarder (camera, storage) works after its first load failed", async () => {
    const calls: string[] = [];
    const backend = {
      get: async (key: string) => (calls.push(`get ${key}`), `value of ${key}`),
      set: async (key: string, value: string) => void calls.push(`set ${key}=${value}`),
    };
    const { load, state } = flakyLoad(backend, 1);
    const storage = forwarder<typeof backend>(load, "get set");
    await assert.rejects(storage.get("a"), /chunk failed \(1\)/);
    await storage.set("a", "1");
    assert.equal(await storage.get("a"), "value of a");
    assert.deepEqual(calls, ["set a=1", "get a"]);
    assert.equal(state.calls, 2);
  });
});
