import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Animated, AnimatedValue } from "../../src/animated/index.js";
import { FRAME, near, useHarness } from "./harness.js";

describe("Animated.spring", () => {
  const h = useHarness();

  it("settles exactly on its target and stops requesting frames", async () => {
    const v = new AnimatedValue(0);
    const seen: number[] = [];
    v.addListener((x) => seen.push(x));
    const anim = Animated.spring(v, { to: 100 }).start();
    await h.clock.advance(5000);
    assert.deepEqual(await anim, { finished: true });
    assert.equal(v.value, 100);
    assert.equal(h.pendingFrames, 0);
    assert.ok(seen.length > 10, "moved over many frames");
  });

  it("overshoots with low damping and not when critically damped", async () => {
    const bouncy = new AnimatedValue(0);
    let peak = 0;
    bouncy.addListener((x) => (peak = Math.max(peak, x)));
    Animated.spring(bouncy, { to: 1, damping: 2 }).start();
    // Critical damping: c = 2·sqrt(k·m) = 20 for the defaults.
    const stiff = new AnimatedValue(0);
    let stiffPeak = 0;
    stiff.addListener((x) => (stiffPeak = Math.max(stiffPeak, x)));
    Animated.spring(stiff, { to: 1, damping: 20 }).start();
    await h.clock.advance(10000);
    assert.ok(peak > 1.5, `a lightly damped spring overshoots (peak ${peak})`);
    assert.ok(stiffPeak <= 1, `a critically damped spring does not (peak ${stiffPeak})`);
    assert.equal(bouncy.value, 1);
    assert.equal(stiff.value, 1);
  });

  it("follows the analytic damped oscillator", async () => {
    // x(t) = to − e^(−ζωt)·(cos(ω_d t) + ζω/ω_d · sin(ω_d t)) for x(0) = 0, v(0) = 0, to = 1.
    const k = 100;
    const c = 10;
    const m = 1;
    const omega = Math.sqrt(k / m);
    const zeta = c / (2 * Math.sqrt(k * m));
    const omegaD = omega * Math.sqrt(1 - zeta * zeta);
    const exact = (ms: number): number => {
      const t = ms / 1000;
      return 1 - Math.exp(-zeta * omega * t) * (Math.cos(omegaD * t) + ((zeta * omega) / omegaD) * Math.sin(omegaD * t));
    };
    const v = new AnimatedValue(0);
    Animated.spring(v, { to: 1 }).start();
    await h.clock.advance(30 * FRAME);
    // The simulation runs in whole milliseconds: at 500 ms it has simulated exactly 500 steps.
    near(v.value, exact(500), 1e-6, "spring at 500 ms");
  });

  it("is deterministic: the same spring gives the same values", async () => {
    const run = async (): Promise<number[]> => {
      const v = new AnimatedValue(0);
      const seen: number[] = [];
      v.addListener((x) => seen.push(x));
      await Promise.all([Animated.spring(v, { to: 1, stiffness: 180, damping: 12, velocity: 3 }), h.clock.advance(4000)]);
      return seen;
    };
    assert.deepEqual(await run(), await run());
  });

  it("settles at rest immediately when already at the target", async () => {
    const v = new AnimatedValue(4);
    const anim = Animated.spring(v, { to: 4 }).start();
    assert.equal(anim.running, false);
    assert.deepEqual(await anim, { finished: true });
    assert.equal(h.requestedFrames, 0);
  });

  it("with overshootClamping stops the first time it reaches the target", async () => {
    const v = new AnimatedValue(0);
    let peak = 0;
    v.addListener((x) => (peak = Math.max(peak, x)));
    const anim = Animated.spring(v, { to: 1, damping: 2, overshootClamping: true }).start();
    await h.clock.advance(1000);
    assert.deepEqual(await anim, { finished: true });
    assert.equal(peak, 1);
    assert.equal(v.value, 1);
  });

  it("uses initial velocity", async () => {
    const v = new AnimatedValue(0);
    Animated.spring(v, { to: 0, velocity: 10 }).start();
    await h.clock.advance(FRAME);
    assert.ok(v.value > 0.1, `thrown forward by the velocity (${v.value})`);
    await h.clock.advance(5000);
    assert.equal(v.value, 0);
  });

  it("rejects bad options", () => {
    const v = new AnimatedValue(0);
    assert.throws(() => Animated.spring(v, { to: Number.POSITIVE_INFINITY }), /to must be a finite number/);
    assert.throws(() => Animated.spring(v, { to: 1, stiffness: 0 }), /stiffness must be > 0/);
    assert.throws(() => Animated.spring(v, { to: 1, mass: -1 }), /mass must be > 0/);
    assert.throws(() => Animated.spring(v, { to: 1, damping: -1 }), /damping must be ≥ 0/);
  });
});
