import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "../../src/index.js";
import { Animated, AnimatedValue, AnimatedInterpolation } from "../../src/animated/index.js";
import { useHarness } from "./harness.js";

describe("AnimatedValue", () => {
  const h = useHarness();

  it("holds a number, defaulting to 0", () => {
    assert.equal(new AnimatedValue().value, 0);
    const v = new Animated.Value(2.5);
    assert.ok(v instanceof AnimatedValue);
    assert.equal(v.value, 2.5);
  });

  it("notifies listeners with each new value, skipping unchanged ones", () => {
    const v = new AnimatedValue(0);
    const seen: number[] = [];
    v.addListener((x) => seen.push(x));
    v.setValue(1);
    v.setValue(1);
    v.setValue(2);
    assert.deepEqual(seen, [1, 2]);
  });

  it("unsubscribes, also the same function subscribed twice one subscription at a time", () => {
    const v = new AnimatedValue(0);
    const seen: number[] = [];
    const fn = (x: number): void => void seen.push(x);
    const off1 = v.addListener(fn);
    const off2 = v.addListener(fn);
    v.setValue(1);
    off1();
    off1();
    v.setValue(2);
    off2();
    v.setValue(3);
    assert.deepEqual(seen, [1, 1, 2]);
    assert.equal(v.listenerCount, 0);
  });

  it("is safe against unsubscribing during a notification", () => {
    const v = new AnimatedValue(0);
    const calls: string[] = [];
    let offB: () => void = () => {};
    const offA = v.addListener(() => {
      calls.push("a");
      offA();
      offB();
    });
    offB = v.addListener(() => calls.push("b"));
    v.addListener(() => calls.push("c"));
    v.setValue(1);
    v.setValue(2);
    assert.deepEqual(calls, ["a", "c", "c"]);
  });

  it("a listener that sets the value again does not let later listeners see the stale one", () => {
    const v = new AnimatedValue(0);
    const second: number[] = [];
    v.addListener((x) => {
      if (x === 1) v.setValue(10);
    });
    v.addListener((x) => second.push(x));
    v.setValue(1);
    assert.deepEqual(second, [10]);
    assert.equal(v.value, 10);
  });

  it("reports a throwing listener and still notifies the others", () => {
    const v = new AnimatedValue(0);
    const boom = new Error("listener");
    const seen: number[] = [];
    v.addListener(() => {
      throw boom;
    });
    v.addListener((x) => seen.push(x));
    v.setValue(1);
    assert.deepEqual(seen, [1]);
    assert.deepEqual(h.errors.splice(0), [boom]);
  });

  it("rejects non-finite numbers and non-function listeners", () => {
    assert.throws(() => new AnimatedValue(Number.NaN), /finite number/);
    const v = new AnimatedValue(0);
    assert.throws(() => v.setValue("1" as unknown as number), /setValue\(value\): value must be a finite number/);
    assert.throws(() => v.addListener(null as never), /listener must be a function/);
  });

  it("stopAnimation stops the animation driving it", async () => {
    const v = new AnimatedValue(0);
    const anim = Animated.timing(v, { to: 1 }).start();
    await h.clock.advance(100);
    v.stopAnimation();
    assert.deepEqual(await anim, { finished: false });
    assert.equal(h.pendingFrames, 0);
  });

  it("is exported from the package entry as pn.Animated, pn.Easing and pn.AnimatedValue", () => {
    assert.equal(pn.AnimatedValue, AnimatedValue);
    assert.equal(pn.Animated.Value, AnimatedValue);
    assert.equal(typeof pn.Easing.bezier, "function");
    assert.equal(typeof pn.Animated.timing, "function");
  });
});

describe("interpolate", () => {
  const h = useHarness();

  it("maps numbers piecewise linearly, extending past the ends by default", () => {
    const v = new AnimatedValue(0);
    const y = v.interpolate({ inputRange: [0, 1, 2], outputRange: [0, 100, 50] });
    assert.ok(y instanceof AnimatedInterpolation);
    const at = (x: number): number => {
      v.setValue(x);
      return y.value;
    };
    assert.equal(at(0.5), 50);
    assert.equal(at(1), 100);
    assert.equal(at(1.5), 75);
    assert.equal(at(-1), -100);
    assert.equal(at(3), 0);
  });

  it("clamps or passes the input through outside the range", () => {
    const v = new AnimatedValue(5);
    assert.equal(v.interpolate({ inputRange: [0, 1], outputRange: [0, 10], extrapolate: "clamp" }).value, 10);
    assert.equal(v.interpolate({ inputRange: [0, 1], outputRange: [0, 10], extrapolateRight: "identity" }).value, 5);
    v.setValue(-5);
    assert.equal(v.interpolate({ inputRange: [0, 1], outputRange: [0, 10], extrapolateLeft: "clamp" }).value, 0);
    assert.equal(v.interpolate({ inputRange: [0, 1], outputRange: [0, 10], extrapolateRight: "clamp" }).value, -50);
  });

  it("applies an easing within each segment", () => {
    const v = new AnimatedValue(0.5);
    assert.equal(v.interpolate({ inputRange: [0, 1], outputRange: [0, 100], easing: "quad" }).value, 25);
  });

  it("notifies its listeners when the source changes, and only while subscribed", () => {
    const v = new AnimatedValue(0);
    const y = v.interpolate({ inputRange: [0, 1], outputRange: [0, 1], extrapolate: "clamp" });
    assert.equal(v.listenerCount, 0, "an unobserved interpolation does not subscribe");
    const seen: number[] = [];
    const off = y.addListener((x) => seen.push(x));
    assert.equal(v.listenerCount, 1);
    v.setValue(0.5);
    v.setValue(2);
    v.setValue(3); // clamped to 1 again: no change, no notification
    off();
    assert.equal(v.listenerCount, 0);
    v.setValue(0.25);
    assert.deepEqual(seen, [0.5, 1]);
  });

  it("chains: an interpolation of an interpolation", () => {
    const v = new AnimatedValue(0.5);
    const y = v.interpolate({ inputRange: [0, 1], outputRange: [0, 10] });
    const z = y.interpolate({ inputRange: [0, 10], outputRange: [100, 200] });
    assert.equal(z.value, 150);
  });

  it("interpolates colors as rgba", () => {
    const v = new AnimatedValue(0.5);
    const c = v.interpolate({ inputRange: [0, 1], outputRange: ["#ff0000", "#0000ff"] });
    assert.equal(c.value, "rgba(128, 0, 128, 1)");
    const fade = v.interpolate({ inputRange: [0, 1], outputRange: ["rgba(0, 0, 0, 0)", "#fff"] });
    assert.equal(fade.value, "rgba(128, 128, 128, 0.5)");
    const short = v.interpolate({ inputRange: [0, 1], outputRange: ["transparent", "rgb(10, 20, 30)"] });
    assert.equal(short.value, "rgba(5, 10, 15, 0.5)");
    v.setValue(2);
    assert.equal(c.value, "rgba(0, 0, 255, 1)", "channels clamp to 0–255 when extended");
  });

  it("interpolates numbers with units inside strings", () => {
    const v = new AnimatedValue(0.5);
    assert.equal(v.interpolate({ inputRange: [0, 1], outputRange: ["0deg", "45deg"] }).value, "22.5deg");
    assert.equal(v.interpolate({ inputRange: [0, 1], outputRange: ["-10%", "10%"] }).value, "0%");
    v.setValue(0.1);
    assert.equal(v.interpolate({ inputRange: [0, 1], outputRange: ["0.1rad", "0.3rad"] }).value, "0.12rad");
  });

  it("validates ranges with clear errors", () => {
    const v = new AnimatedValue(0);
    assert.throws(() => v.interpolate({ inputRange: [0], outputRange: [0] }), /at least 2 numbers/);
    assert.throws(() => v.interpolate({ inputRange: [0, 1], outputRange: [0, 1, 2] }), /as long as inputRange \(2\)/);
    assert.throws(() => v.interpolate({ inputRange: [1, 0], outputRange: [0, 1] }), /non-decreasing/);
    assert.throws(() => v.interpolate({ inputRange: [0, Number.NaN], outputRange: [0, 1] }), /finite numbers/);
    assert.throws(
      () => v.interpolate({ inputRange: [0, 1], outputRange: [0, "1"] as unknown as number[] }),
      /only finite numbers or only strings/,
    );
    assert.throws(() => v.interpolate({ inputRange: [0, 1], outputRange: ["0deg", "1rad"] }), /same shape/);
    assert.throws(() => v.interpolate({ inputRange: [0, 1], outputRange: ["red", "blue"] }), /same shape/);
    assert.throws(
      () => v.interpolate({ inputRange: [0, 1], outputRange: ["0deg", "1deg"], extrapolate: "identity" }),
      /"identity" needs a numeric outputRange/,
    );
    assert.throws(
      () => v.interpolate({ inputRange: [0, 1], outputRange: [0, 1], extrapolate: "wrap" as "clamp" }),
      /extrapolateLeft must be "extend", "clamp" or "identity"/,
    );
  });

  it("follows an animation frame by frame", async () => {
    const v = new AnimatedValue(0);
    const rotate = v.interpolate({ inputRange: [0, 1], outputRange: ["0deg", "90deg"] });
    const seen: string[] = [];
    rotate.addListener((x) => seen.push(x));
    const anim = Animated.timing(v, { to: 1, duration: 50, easing: "linear" }).start();
    await h.clock.advance(50);
    assert.deepEqual(await anim, { finished: true });
    assert.deepEqual(seen, ["30deg", "60deg", "90deg"]);
    assert.equal(v.listenerCount, 1);
  });
});
