import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { fakeClock, settle } from "typenative/testing";
import { captureErrors } from "../helpers/errors.js";

describe("runtime loop", () => {
  let clock: ReturnType<typeof fakeClock> | null = null;
  afterEach(() => {
    clock?.uninstall();
    clock = null;
  });

  it("callSoon runs jobs later, in call order", async () => {
    const loop = pn.runtime.getLoop();
    const seen: number[] = [];
    loop.callSoon(() => seen.push(1));
    loop.callSoon(() => seen.push(2));
    assert.deepEqual(seen, []);
    await settle();
    assert.deepEqual(seen, [1, 2]);
  });

  it("a throwing job is reported and does not stop the jobs after it", async () => {
    const capture = captureErrors();
    try {
      const loop = pn.runtime.getLoop();
      const seen: string[] = [];
      loop.callSoon(() => {
        throw new Error("boom");
      });
      loop.callSoon(() => seen.push("after"));
      await settle();
      assert.deepEqual(seen, ["after"]);
      assert.equal((capture.errors[0]!.error as Error).message, "boom");
    } finally {
      capture.restore();
    }
  });

  it("time() and callLater follow the virtual clock; handles cancel", async () => {
    clock = fakeClock(1000);
    const loop = pn.runtime.getLoop();
    assert.equal(loop.time(), 1000);
    const fired: string[] = [];
    loop.callLater(100, () => fired.push("a"));
    const b = loop.callLater(50, () => fired.push("b"));
    loop.callLater(200, () => fired.push("c"));
    b.cancel();
    await clock.advance(100);
    assert.deepEqual(fired, ["a"]);
    assert.equal(loop.time(), 1100);
    await clock.advance(100);
    assert.deepEqual(fired, ["a", "c"]);
  });

  it("fires timers scheduled during an advance at their own virtual time", async () => {
    clock = fakeClock();
    const loop = pn.runtime.getLoop();
    const times: number[] = [];
    loop.callLater(10, () => {
      times.push(loop.time());
      loop.callLater(10, () => times.push(loop.time()));
    });
    await clock.advance(100);
    assert.deepEqual(times, [10, 20]);
    assert.equal(loop.time(), 100);
  });

  it("uninstall drops pending virtual timers and restores real time", async () => {
    clock = fakeClock();
    const loop = pn.runtime.getLoop();
    let fired = false;
    loop.callLater(10, () => (fired = true));
    clock.uninstall();
    assert.ok(loop.time() > 0);
    await settle();
    assert.equal(fired, false);
  });

  it("callLater rejects a non-function", () => {
    assert.throws(() => pn.runtime.getLoop().callLater(1, undefined as unknown as () => void), TypeError);
  });
});

describe("futures", () => {
  it("resolveFuture delivers on the loop, not inline; the first call wins", async () => {
    const future = pn.runtime.getLoop().createFuture<number>();
    let value: number | undefined;
    void future.then((v) => (value = v));
    pn.runtime.resolveFuture(future, 1);
    pn.runtime.resolveFuture(future, 2);
    pn.runtime.rejectFuture(future, new Error("late"));
    assert.equal(value, undefined);
    assert.equal(future.done, true);
    await settle();
    assert.equal(value, 1);
  });

  it("rejectFuture rejects awaiters; resolve after it is a no-op", async () => {
    const future = pn.runtime.getLoop().createFuture<string>();
    pn.runtime.rejectFuture(future, new Error("nope"));
    pn.runtime.resolveFuture(future, "ignored");
    await assert.rejects(Promise.resolve(future), /nope/);
  });

  it("a rejected future nobody awaits is not an unhandled rejection", async () => {
    const future = pn.runtime.getLoop().createFuture<string>();
    pn.runtime.rejectFuture(future, new Error("unobserved"));
    await settle();
    await new Promise((r) => setTimeout(r, 5));
  });
});
