import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Animated, AnimatedValue, Easing } from "../../src/animated/index.js";
import { FRAME, near, useHarness } from "./harness.js";

describe("Animated.timing", () => {
  const h = useHarness();

  it("reaches its target exactly at its duration, not a frame earlier", async () => {
    const v = new AnimatedValue(0);
    Animated.timing(v, { to: 1, duration: 300, easing: "linear" }).start();
    await h.clock.advance(300 - FRAME);
    assert.ok(v.value < 1, `one frame before the end it is still moving (${v.value})`);
    await h.clock.advance(FRAME);
    assert.equal(v.value, 1);
    assert.equal(h.pendingFrames, 0);
  });

  it("is linear at the midpoint with easing linear", async () => {
    const v = new AnimatedValue(0);
    Animated.timing(v, { to: 1, duration: 300, easing: "linear" }).start();
    await h.clock.advance(150);
    near(v.value, 0.5, 1 / 18, "linear at 150 of 300 ms");
    await h.clock.advance(150);
    assert.equal(v.value, 1);
  });

  it("defaults to easeInOut, which is 0.5 at half time and slow at the start", async () => {
    const v = new AnimatedValue(0);
    const anim = Animated.timing(v, { to: 100, duration: 300 }).start();
    await h.clock.advance(3 * FRAME);
    near(v.value, 100 * Easing.easeInOut(50 / 300), 1e-6, "eased at 50 ms");
    assert.ok(v.value < 100 * (50 / 300), "slower than linear at the start");
    await h.clock.advance(150 - 3 * FRAME);
    near(v.value, 50, 1e-6, "easeInOut at half");
    await h.clock.advance(150);
    assert.deepEqual(await anim, { finished: true });
    assert.equal(v.value, 100);
  });

  it("moves from the current value to `to` with a named or custom easing", async () => {
    const v = new AnimatedValue(10);
    Animated.timing(v, { to: 20, duration: 300, easing: "easeOut" }).start();
    await h.clock.advance(150);
    near(v.value, 10 + 10 * Easing.easeOut(0.5), 1e-6, "easeOut");
    await h.clock.advance(150);
    assert.equal(v.value, 20);

    Animated.timing(v, { to: 0, duration: 300, easing: (t) => t * t }).start();
    await h.clock.advance(150);
    near(v.value, 20 - 20 * 0.25, 1e-6, "custom quadratic");
    await h.clock.advance(150);
    assert.equal(v.value, 0);
  });

  it("passes through an intermediate value on each frame (about 18 for 300 ms)", async () => {
    const v = new AnimatedValue(0);
    const seen: number[] = [];
    v.addListener((x) => seen.push(x));
    await Promise.all([Animated.timing(v, { to: 1, duration: 300 }), h.clock.advance(300)]);
    assert.equal(seen.length, 18);
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i]! > seen[i - 1]!, "monotonic under easeInOut");
    assert.equal(seen[seen.length - 1], 1);
    assert.ok(seen[0]! > 0 && seen[0]! < 0.01, `first frame is barely moved (${seen[0]})`);
  });

  it("waits `delay` ms before moving, then takes `duration`", async () => {
    const v = new AnimatedValue(0);
    const anim = Animated.timing(v, { to: 1, duration: 300, delay: 150, easing: "linear" }).start();
    await h.clock.advance(150);
    assert.equal(v.value, 0);
    assert.equal(anim.running, true);
    await h.clock.advance(150);
    near(v.value, 0.5, 1e-9, "half way 150 ms after the delay");
    await h.clock.advance(150);
    assert.equal(v.value, 1);
    assert.deepEqual(await anim, { finished: true });
  });

  it("with duration 0 sets the value synchronously and resolves finished", async () => {
    const v = new AnimatedValue(3);
    const anim = Animated.timing(v, { to: 7, duration: 0 }).start();
    assert.equal(v.value, 7);
    assert.equal(anim.running, false);
    assert.deepEqual(await anim, { finished: true });
    assert.equal(h.requestedFrames, 0);
  });

  it("requests one frame at a time and none after completion", async () => {
    const v = new AnimatedValue(0);
    const anim = Animated.timing(v, { to: 1, duration: 300 }).start();
    assert.equal(h.pendingFrames, 1);
    await h.clock.advance(100);
    assert.equal(h.pendingFrames, 1);
    await h.clock.advance(200);
    assert.deepEqual(await anim, { finished: true });
    assert.equal(h.pendingFrames, 0);
    assert.equal(h.requestedFrames, 18);
  });

  it("rejects bad options with clear TypeErrors", () => {
    const v = new AnimatedValue(0);
    assert.throws(() => Animated.timing(v, { to: Number.NaN }), /to must be a finite number/);
    assert.throws(() => Animated.timing(v, { to: "1" as unknown as number }), /to must be a finite number/);
    assert.throws(() => Animated.timing(v, { to: 1, duration: -5 }), /duration must be a finite number ≥ 0/);
    assert.throws(() => Animated.timing(v, { to: 1, delay: -1 }), /delay must be a finite number ≥ 0/);
    assert.throws(() => Animated.timing(v, { to: 1, easing: "wobble" as "ease" }), /Unknown easing "wobble"/);
    assert.throws(() => Animated.timing({} as AnimatedValue, { to: 1 }), /must be an AnimatedValue/);
    assert.throws(() => Animated.timing(v, undefined as unknown as { to: number }), /options with a numeric `to`/);
    assert.throws(() => Animated.timing(v, { to: 1, signal: {} as AbortSignal }), /signal must be an AbortSignal/);
    assert.equal(h.requestedFrames, 0);
  });

  it("takes an AbortSignal of another window (not this realm's class) and stops when it aborts", async () => {
    // What an iframe's signal is to this window: a signal, but not an instance of this AbortSignal.
    const controller = new AbortController();
    const real = controller.signal;
    const foreign = Object.create(null) as AbortSignal;
    Object.defineProperties(foreign, {
      aborted: { get: () => real.aborted },
      reason: { get: () => real.reason },
      addEventListener: { value: real.addEventListener.bind(real) },
      removeEventListener: { value: real.removeEventListener.bind(real) },
    });
    assert.equal(foreign instanceof AbortSignal, false);
    const v = new AnimatedValue(0);
    const anim = Animated.timing(v, { to: 1, duration: 300, signal: foreign }).start();
    await h.clock.advance(FRAME);
    controller.abort();
    assert.deepEqual(await anim, { finished: false });
    assert.equal(h.pendingFrames, 0);
  });

  it("stops and resolves unfinished when a user easing throws, reporting the error", async () => {
    const v = new AnimatedValue(0);
    const boom = new Error("bad easing");
    const anim = Animated.timing(v, { to: 1, easing: () => { throw boom; } }).start();
    await h.clock.advance(FRAME);
    assert.deepEqual(await anim, { finished: false });
    assert.deepEqual(h.errors.splice(0), [boom]);
    assert.equal(h.pendingFrames, 0);
  });
});
