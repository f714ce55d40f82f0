import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Animated, AnimatedValue } from "../../src/animated/index.js";
import { FRAME, near, useHarness } from "./harness.js";

describe("Animated.decay", () => {
  const h = useHarness();

  it("slows down and stops at from + velocity / (1 − deceleration)", async () => {
    const v = new AnimatedValue(10);
    const seen: number[] = [];
    v.addListener((x) => seen.push(x));
    const anim = Animated.decay(v, { velocity: 1 }).start();
    await h.clock.advance(10000);
    assert.deepEqual(await anim, { finished: true });
    near(v.value, 10 + 1 / (1 - 0.998), 1e-9, "resting point");
    assert.equal(h.pendingFrames, 0);
    const steps = seen.slice(1).map((x, i) => x - seen[i]!);
    for (let i = 1; i < steps.length - 1; i++) {
      assert.ok(steps[i]! > 0 && steps[i]! < steps[i - 1]!, "each frame moves less than the one before");
    }
  });

  it("follows the exponential curve frame by frame", async () => {
    const v = new AnimatedValue(0);
    Animated.decay(v, { velocity: -2, deceleration: 0.99 }).start();
    await h.clock.advance(6 * FRAME);
    near(v.value, (-2 / 0.01) * (1 - Math.exp(-0.01 * 6 * FRAME)), 1e-9, "decay at 100 ms");
  });

  it("rejects bad options", () => {
    const v = new AnimatedValue(0);
    assert.throws(() => Animated.decay(v, { velocity: Number.NaN }), /velocity must be a finite number/);
    assert.throws(() => Animated.decay(v, { velocity: 1, deceleration: 1 }), /deceleration must be between 0 and 1/);
  });
});
