// A root on its own runtime: what its components start keeps using that
// runtime after an `await` — its storage for usePersistedState's later
// writes, its onError for failures that surface asynchronously. (Outside a
// render, effect or handler, `currentRuntime()` is the default runtime.)
import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { cleanup, settle, TestHost } from "typenative/testing";
import { enterRuntime, leaveRuntime } from "../../src/runtime/runtime.js";

afterEach(cleanup);

/** Runs the loops of the default runtime and of `rt` until both are idle. */
async function settleBoth(rt: pn.Runtime): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!rt.getLoop().hasPendingWork()) break;
  }
}

/** A memory backend whose writes wait for `release()`. */
function slowBackend() {
  const inner = pn.memoryStorage();
  const held: Array<() => void> = [];
  return {
    backend: {
      ...inner,
      set: (key: string, value: string) => new Promise<void>((resolve) => held.push(() => void inner.set(key, value).then(resolve))),
    } satisfies pn.StorageBackend,
    inner,
    release(): void {
      for (const release of held.splice(0)) release();
    },
  };
}

describe("a root on its own runtime, after an await", () => {
  it("usePersistedState writes every value of a burst to its runtime's storage, never the default runtime's", async () => {
    const slow = slowBackend();
    const rt = pn.createRuntime({ services: { storage: slow.backend } });
    const host = new TestHost();
    const root = pn.createRoot(host, host.createContainer(), { runtime: rt });
    let setValue!: (n: number) => void;
    const Counter = pn.component(function Counter() {
      const [n, set] = pn.usePersistedState("runtime-instances.count", 0);
      setValue = set;
      return pn.Text(`n=${n}`);
    });
    root.render(Counter());
    await settleBoth(rt);
    setValue(1);
    await settleBoth(rt); // the write of 1 is in flight
    setValue(2);
    await settleBoth(rt); // the write of 2 waits behind it
    slow.release();
    await settleBoth(rt);
    slow.release();
    await settleBoth(rt);
    assert.equal(await slow.inner.get("runtime-instances.count"), "2", "the last value is in this runtime's storage");
    assert.equal(await pn.AsyncStorage.get("runtime-instances.count"), null, "nothing leaked into the default runtime's storage");
    root.unmount();
  });

  it("a useAsyncEffect failure after an await reaches its runtime's onError, not the default runtime's", async () => {
    const rt = pn.createRuntime();
    const errors: unknown[] = [];
    rt.onError = (error) => errors.push(error);
    const defaultErrors: unknown[] = [];
    const previous = pn.runtime.onError;
    pn.runtime.onError = (error) => defaultErrors.push(error);
    try {
      const host = new TestHost();
      const root = pn.createRoot(host, host.createContainer(), { runtime: rt });
      const Failing = pn.component(function Failing() {
        pn.useAsyncEffect(async () => {
          await null;
          throw new Error("effect failed late");
        }, []);
        return null;
      });
      root.render(Failing());
      await settleBoth(rt);
      assert.deepEqual(defaultErrors, []);
      assert.match(String(errors[0]), /effect failed late/);
      root.unmount();
    } finally {
      pn.runtime.onError = previous;
    }
  });

  it("a usePersistedState load failure reaches its runtime's onError", async () => {
    const rt = pn.createRuntime({ services: { storage: { ...pn.memoryStorage(), get: async () => { await null; throw new Error("EIO: cannot read"); } } } });
    const errors: unknown[] = [];
    rt.onError = (error) => errors.push(error);
    const defaultErrors: unknown[] = [];
    const previous = pn.runtime.onError;
    pn.runtime.onError = (error) => defaultErrors.push(error);
    try {
      const host = new TestHost();
      const root = pn.createRoot(host, host.createContainer(), { runtime: rt });
      const Reader = pn.component(function Reader() {
        const [v] = pn.usePersistedState("runtime-instances.read", "initial");
        return pn.Text(v);
      });
      root.render(Reader());
      await settleBoth(rt);
      assert.deepEqual(defaultErrors, []);
      assert.match(String(errors[0]), /EIO/);
      root.unmount();
    } finally {
      pn.runtime.onError = previous;
    }
  });

  it("a mutation's throwing onSuccess, heard when the call settles after an await, reaches its runtime's onError", async () => {
    const rt = pn.createRuntime();
    const errors: unknown[] = [];
    rt.onError = (error) => errors.push(error);
    const defaultErrors: unknown[] = [];
    const previous = pn.runtime.onError;
    pn.runtime.onError = (error) => defaultErrors.push(error);
    try {
      const host = new TestHost();
      const root = pn.createRoot(host, host.createContainer(), { runtime: rt });
      let save!: () => unknown;
      const Saver = pn.component(function Saver() {
        const [, mutate] = pn.useMutation(async () => {
          await null;
          return "saved";
        }, { onSuccess: () => { throw new Error("onSuccess broke"); } });
        save = mutate;
        return null;
      });
      root.render(Saver());
      await settleBoth(rt);
      // Called in the root's runtime, as a handler of this root would.
      const prev = enterRuntime(rt);
      try {
        void save();
      } finally {
        leaveRuntime(prev);
      }
      await settleBoth(rt);
      assert.deepEqual(defaultErrors, []);
      assert.match(String(errors[0]), /onSuccess broke/);
      root.unmount();
    } finally {
      pn.runtime.onError = previous;
    }
  });
});
