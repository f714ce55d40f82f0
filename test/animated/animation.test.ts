import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Animated, AnimatedValue } from "../../src/animated/index.js";
import { FRAME, useHarness } from "./harness.js";
/** One macrotask turn: lets promise chains settle without moving virtual time. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe("Animation lifecycle", () => {
  const h = useHarness();

  it("does not start until start() or an await", async () => {
    const v = new AnimatedValue(0);
    const anim = Animated.timing(v, { to: 1, duration: 300 });
    await h.clock.advance(300);
    assert.equal(v.value, 0);
    assert.equal(anim.running, false);
    assert.equal(h.requestedFrames, 0);
  });

  it("starts when first awaited, without start()", async () => {
    const v = new AnimatedValue(0);
    const anim = Animated.timing(v, { to: 1, duration: 300 });
    const awaited = (async () => await anim)();
    await turn();
    assert.equal(anim.running, true);
    await h.clock.advance(300);
    assert.deepEqual(await awaited, { finished: true });
    assert.equal(v.value, 1);
  });

  it("start() returns the animation itself and is a no-op while running", async () => {
    const v = new AnimatedValue(0);
    const anim = Animated.timing(v, { to: 1, duration: 300, easing: "linear" });
    assert.equal(anim.start(), anim);
    await h.clock.advance(150);
    anim.start();
    await h.clock.advance(150);
    assert.equal(v.value, 1, "a second start() did not restart the clock");
    assert.deepEqual(await anim, { finished: true });
  });

  it("stop() freezes the value and resolves { finished: false }", async () => {
    const v = new AnimatedValue(0);
    const anim = Animated.timing(v, { to: 1, duration: 300, easing: "linear" }).start();
    await h.clock.advance(150);
    const frozen = v.value;
    assert.ok(frozen > 0 && frozen < 1);
    anim.stop();
    assert.equal(anim.running, false);
    assert.equal(h.pendingFrames, 0, "the pending frame was cancelled");
    await h.clock.advance(300);
    assert.equal(v.value, frozen);
    assert.deepEqual(await anim, { finished: false });
  });

  it("stop() before start resolves { finished: false } without moving anything", async () => {
    const v = new AnimatedValue(5);
    const anim = Animated.timing(v, { to: 1 });
    anim.stop();
    assert.deepEqual(await anim, { finished: false });
    assert.equal(v.value, 5);
    assert.equal(h.requestedFrames, 0);
  });

  it("aborting the signal stops it", async () => {
    const v = new AnimatedValue(0);
    const controller = new AbortController();
    const anim = Animated.timing(v, { to: 1, duration: 300, signal: controller.signal }).start();
    await h.clock.advance(100);
    const frozen = v.value;
    controller.abort();
    assert.equal(h.pendingFrames, 0);
    await h.clock.advance(300);
    assert.equal(v.value, frozen);
    assert.deepEqual(await anim, { finished: false });
  });

  it("an already-aborted signal ends the run at once, unmoved", async () => {
    const v = new AnimatedValue(2);
    const controller = new AbortController();
    controller.abort();
    const result = await Animated.timing(v, { to: 1, signal: controller.signal });
    assert.deepEqual(result, { finished: false });
    assert.equal(v.value, 2);
    assert.equal(h.requestedFrames, 0);
  });

  it("starting a second animation on the same value stops the first", async () => {
    const v = new AnimatedValue(0);
    const first = Animated.timing(v, { to: 100, duration: 300 }).start();
    await h.clock.advance(100);
    const second = Animated.timing(v, { to: -100, duration: 300 }).start();
    assert.equal(first.running, false);
    assert.equal(h.pendingFrames, 1, "only the second animation holds a frame");
    await h.clock.advance(300);
    assert.deepEqual(await first, { finished: false });
    assert.deepEqual(await second, { finished: true });
    assert.equal(v.value, -100);
  });

  it("animations on different values run side by side", async () => {
    const a = new AnimatedValue(0);
    const b = new AnimatedValue(0);
    const first = Animated.timing(a, { to: 1, duration: 300 }).start();
    const second = Animated.timing(b, { to: 1, duration: 300 }).start();
    await h.clock.advance(300);
    assert.deepEqual([await first, await second], [{ finished: true }, { finished: true }]);
  });

  it("setValue stops the running animation", async () => {
    const v = new AnimatedValue(0);
    const anim = Animated.timing(v, { to: 1, duration: 300 }).start();
    await h.clock.advance(100);
    v.setValue(42);
    await h.clock.advance(300);
    assert.equal(v.value, 42);
    assert.deepEqual(await anim, { finished: false });
    assert.equal(h.pendingFrames, 0);
  });

  it("a listener may stop the animation from inside a frame", async () => {
    const v = new AnimatedValue(0);
    const anim = Animated.timing(v, { to: 1, duration: 300 });
    let calls = 0;
    v.addListener(() => {
      calls++;
      if (calls === 3) anim.stop();
    });
    anim.start();
    await h.clock.advance(300);
    assert.equal(calls, 3);
    assert.deepEqual(await anim, { finished: false });
    assert.equal(h.pendingFrames, 0);
  });

  it("start() on a finished animation runs it again from the current value", async () => {
    const v = new AnimatedValue(0);
    const anim = Animated.timing(v, { to: 10, duration: 300 });
    await Promise.all([anim.start(), h.clock.advance(300)]);
    v.setValue(0);
    anim.start();
    assert.equal(anim.running, true);
    await h.clock.advance(300);
    assert.equal(v.value, 10);
    assert.deepEqual(await anim, { finished: true });
  });

  it("reset() stops the run, restores the starting value and makes it startable", async () => {
    const v = new AnimatedValue(3);
    const anim = Animated.timing(v, { to: 10, duration: 300 }).start();
    await h.clock.advance(150);
    anim.reset();
    assert.equal(v.value, 3);
    assert.equal(anim.running, false);
    assert.equal(h.pendingFrames, 0);
    const again = (async () => await anim)();
    await h.clock.advance(300);
    assert.deepEqual(await again, { finished: true });
    assert.equal(v.value, 10);
  });

  it("never rejects: ignored, stopped and superseded runs leave no unhandled rejection", async () => {
    const v = new AnimatedValue(0);
    Animated.timing(v, { to: 1 }).start();
    Animated.spring(v, { to: 2 }).start().stop();
    const superseded = Animated.timing(v, { to: 3 }).start();
    Animated.decay(v, { velocity: 1 }).start();
    v.setValue(0);
    const results = await Promise.allSettled([superseded]);
    assert.deepEqual(results, [{ status: "fulfilled", value: { finished: false } }]);
    await h.clock.advance(1000);
    assert.equal(h.pendingFrames, 0);
  });

  it("a throwing listener is reported and the animation carries on", async () => {
    const v = new AnimatedValue(0);
    const boom = new Error("listener");
    let thrown = 0;
    v.addListener(() => {
      if (thrown++ === 0) throw boom;
    });
    const anim = Animated.timing(v, { to: 1, duration: 10 * FRAME, easing: "linear" }).start();
    await h.clock.advance(10 * FRAME);
    assert.deepEqual(await anim, { finished: true });
    assert.equal(v.value, 1);
    assert.deepEqual(h.errors.splice(0), [boom]);
  });
});
