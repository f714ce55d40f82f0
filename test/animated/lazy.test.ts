// Spring, decay and the compositions load their code with import() on first
// use (src/animated/lazy.ts). typenative/testing registers it up front, so
// these tests load a fresh copy of lazy.ts, one per test, in which nothing is
// registered yet: what an app in a browser sees before the chunk arrives.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Animated, AnimatedValue } from "../../src/animated/index.js";
import { FRAME, useHarness } from "./harness.js";
import { freshModule } from "../helpers/fresh-module.js";
import { Runtime, enterRuntime, leaveRuntime } from "../../src/runtime/runtime.js";
import { macrotask } from "../../src/testing/settle.js";

type Lazy = typeof import("../../src/animated/lazy.js");

/** A copy of lazy.ts with nothing loaded; the engine modules it imports are the shared ones. */
const unloaded = () => freshModule<Lazy>(new URL("../../src/animated/lazy.ts", import.meta.url));

describe("Animated's deferred animations (spring, decay, compositions)", () => {
  const h = useHarness();

  it("are registered by typenative/testing: a call builds the real animation at once", () => {
    const v = new AnimatedValue(0);
    assert.equal(Animated.spring(v, { to: 1 }).constructor.name, "SpringAnimation");
    assert.equal(Animated.sequence([]).constructor.name, "SequenceAnimation");
    assert.throws(() => Animated.spring(v, { to: 1, stiffness: -1 }), /stiffness must be > 0/);
  });

  it("return a handle at once; the animation runs when its code arrives", async () => {
    const lazy = await unloaded();
    const v = new AnimatedValue(0);
    const spring = lazy.spring(v, { to: 100 }).start();
    assert.equal(spring.constructor.name, "LazyAnimation");
    assert.equal(spring.running, true);
    assert.equal(v.value, 0);
    await lazy.loadAnimations();
    await h.clock.advance(5000);
    assert.deepEqual(await spring, { finished: true });
    assert.equal(v.value, 100);
    assert.equal(h.pendingFrames, 0);
  });

  it("can be cancelled before the code arrives: resolves { finished: false } and never moves the value", async () => {
    const lazy = await unloaded();
    const v = new AnimatedValue(0);
    const controller = new AbortController();
    const decay = lazy.decay(v, { velocity: 1, signal: controller.signal }).start();
    controller.abort();
    assert.deepEqual(await decay, { finished: false });
    await lazy.loadAnimations();
    await h.clock.advance(1000);
    assert.equal(v.value, 0);
    assert.equal(h.requestedFrames, 0);
  });

  it("a stopped stand-in composition stops its children, which resolve { finished: false }", async () => {
    const lazy = await unloaded();
    const a = Animated.timing(new AnimatedValue(0), { to: 1 });
    const b = Animated.timing(new AnimatedValue(0), { to: 1 });
    const sequence = lazy.sequence([a, b]).start();
    sequence.stop();
    assert.deepEqual(await Promise.all([sequence, a, b]), [{ finished: false }, { finished: false }, { finished: false }]);
    await lazy.loadAnimations();
    await h.clock.advance(1000);
    assert.equal(h.requestedFrames, 0);
  });

  it("owns its value from its start: a later animation stops it, and it stops an earlier one", async () => {
    const lazy = await unloaded();
    const v = new AnimatedValue(0);
    const earlier = Animated.timing(v, { to: 50, duration: 100 }).start();
    const spring = lazy.spring(v, { to: 100 }).start();
    assert.deepEqual(await earlier, { finished: false });
    const later = Animated.timing(v, { to: 5, duration: 100 }).start();
    assert.deepEqual(await spring, { finished: false });
    await lazy.loadAnimations();
    await h.clock.advance(200);
    assert.deepEqual(await later, { finished: true });
    assert.equal(v.value, 5);
  });

  it("chain in a composition like any animation, and reset what they moved", async () => {
    const lazy = await unloaded();
    const v = new AnimatedValue(0);
    const steps: number[] = [];
    const inner = lazy.sequence([Animated.timing(v, { to: 10, duration: 5 * FRAME })]);
    const looped = Animated.loop(inner, { iterations: 2 }).start();
    v.addListener((x) => {
      if (x === 10) steps.push(x);
    });
    await lazy.loadAnimations();
    await h.clock.advance(1000);
    assert.deepEqual(await looped, { finished: true });
    assert.deepEqual(steps, [10, 10], "the second iteration started from the reset value");
    assert.equal(v.value, 10);
  });

  it("report arguments only the real animation checks, and end { finished: false }", async () => {
    const lazy = await unloaded();
    const v = new AnimatedValue(0);
    const spring = lazy.spring(v, { to: 1, stiffness: -1 }).start();
    await lazy.loadAnimations();
    assert.deepEqual(await spring, { finished: false });
    assert.equal(h.errors.length, 1);
    assert.match(String(h.errors[0]), /stiffness must be > 0/);
    h.errors.length = 0;
    // Loaded now: the call itself checks, as with the code in the bundle.
    assert.throws(() => lazy.spring(v, { to: 1, stiffness: -1 }), TypeError);
    assert.equal(lazy.spring(v, { to: 1 }).constructor.name, "SpringAnimation");
  });

  it("still check what the stand-in can at the call: a bad signal, options that are not an object", async () => {
    const lazy = await unloaded();
    const v = new AnimatedValue(0);
    assert.throws(() => lazy.spring(v, { to: 1, signal: "no" as never }), /signal must be an AbortSignal/);
    assert.throws(() => lazy.delay(10, 5 as never), /options must be an object/);
  });
});

describe("a deferred animation started on a runtime of its own (a second app's root)", () => {
  const h = useHarness();

  /** A runtime whose frame source records its requests (fired by hand), and whose errors are kept. */
  function secondRuntime() {
    const frames: Array<(time: number) => void> = [];
    const errors: unknown[] = [];
    const rt = new Runtime({
      services: { frames: { requestFrame: (callback) => (frames.push(callback), { cancel() {} }) } },
      onError: (error) => void errors.push(error),
    });
    return { rt, frames, errors };
  }

  for (const [kind, make] of [
    ["spring", (lazy: Lazy, v: AnimatedValue) => lazy.spring(v, { to: 1 })],
    ["decay", (lazy: Lazy, v: AnimatedValue) => lazy.decay(v, { velocity: 1 })],
    ["parallel", (lazy: Lazy, v: AnimatedValue) => lazy.parallel([Animated.timing(v, { to: 1, duration: 100 })])],
  ] as const) {
    it(`${kind} asks that runtime for its frames when its code arrives, not the default runtime`, async () => {
      const lazy = await unloaded();
      const { rt, frames, errors } = secondRuntime();
      const v = new AnimatedValue(0);
      const previous = enterRuntime(rt);
      let animation: import("../../src/animated/animation.js").Animation;
      try {
        animation = make(lazy, v).start();
      } finally {
        leaveRuntime(previous);
      }
      assert.equal(animation.constructor.name, "LazyAnimation");
      await lazy.loadAnimations();
      await macrotask();
      assert.equal(h.requestedFrames, 0, "no frame asked of the default runtime");
      assert.equal(frames.length, 1, "the frame was asked of the animation's runtime");
      assert.deepEqual(errors, []);
      animation.stop();
      assert.deepEqual(await animation, { finished: false });
    });
  }

  it("a bad argument found when the code arrives is reported to that runtime", async () => {
    const lazy = await unloaded();
    const { rt, errors } = secondRuntime();
    const previous = enterRuntime(rt);
    let spring: import("../../src/animated/animation.js").Animation;
    try {
      spring = lazy.spring(new AnimatedValue(0), { to: 1, stiffness: -1 }).start();
    } finally {
      leaveRuntime(previous);
    }
    await lazy.loadAnimations();
    assert.deepEqual(await spring, { finished: false });
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /stiffness must be > 0/);
  });
});
