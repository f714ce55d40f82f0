import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { SignalManager } from "../../src/data/host-signal-manager.js";

/** A host signal that counts its reads and announces changes when told to. */
function fakeSignal(initial: boolean) {
  let value = initial;
  let reads = 0;
  const listeners = new Set<() => void>();
  return {
    signal: {
      get: () => {
        reads++;
        return value;
      },
      subscribe(listener: () => void) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    },
    get reads() {
      return reads;
    },
    set(next: boolean, announce: boolean) {
      value = next;
      if (announce) for (const listener of Array.from(listeners)) listener();
    },
  };
}

describe("SignalManager reading its host", () => {
  it("reads the host once per synchronous run; an announced change is read at once; the next run reads again", async () => {
    const host = fakeSignal(true);
    const rt = pn.createRuntime({ services: { online: host.signal } });
    const before = host.reads;
    const manager = new SignalManager(rt, "online");
    for (let i = 0; i < 1000; i++) assert.equal(manager.get(), true);
    assert.equal(host.reads - before, 1, "one read for a thousand gets");
    const heard: boolean[] = [];
    const stop = manager.subscribe((online) => heard.push(online), "test");
    host.set(false, true);
    assert.equal(manager.get(), false, "an announced change is seen in the same run");
    assert.deepEqual(heard, [false]);
    // An unannounced change shows from the next run on.
    host.set(true, false);
    await Promise.resolve();
    assert.equal(manager.get(), true);
    stop();
    // The app's own value wins over the host's.
    manager.set(false, "test");
    assert.equal(manager.get(), false);
    manager.set(undefined, "test");
    assert.equal(manager.get(), true);
  });
});
