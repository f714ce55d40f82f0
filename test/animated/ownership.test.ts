import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { useCleanRuntime } from "../helpers/lifecycle.js";
import { render } from "typenative/testing";

const runtime = useCleanRuntime();
const { Animated } = pn;

// Each builds, on a value the component does not own (so useAnimatedValue's
// own stop on unmount plays no part), an animation that is still waiting or
// moving 300 ms after its start.
const kinds: Record<string, (v: pn.AnimatedValue) => pn.Animation> = {
  timing: (v) => Animated.timing(v, { to: 1, duration: 200, delay: 500 }),
  spring: (v) => Animated.spring(v, { to: 1, delay: 500 }),
  decay: (v) => Animated.decay(v, { velocity: 1, delay: 500 }),
  delay: () => Animated.delay(1000),
  sequence: (v) => Animated.sequence([Animated.timing(v, { to: 1, duration: 100 }), Animated.delay(500), Animated.timing(v, { to: 0, duration: 1000 })]),
  parallel: (v) => Animated.parallel([Animated.delay(50), Animated.sequence([Animated.delay(500), Animated.timing(v, { to: 1, duration: 1000 })])]),
  stagger: (v) => Animated.stagger(600, [Animated.delay(10), Animated.timing(v, { to: 1, duration: 1000 })]),
  loop: (v) => Animated.loop(Animated.sequence([Animated.delay(200), Animated.timing(v, { to: 1, duration: 50 })]), { iterations: 5 }),
};

describe("an animation belongs to the component that started it", () => {
  for (const [kind, make] of Object.entries(kinds)) {
    it(`${kind} started in an effect stops when its component unmounts, mid-wait`, async () => {
      const clock = runtime.fakeClock();
      const value = new pn.AnimatedValue(0);
      let animation: pn.Animation | null = null;
      const Owner = pn.component(function Owner() {
        pn.useEffect(() => {
          animation = make(value).start();
        }, []);
        return pn.View({ style: { opacity: value } });
      });
      const ui = render(Owner());
      await clock.advance(300);
      assert.equal(animation!.running, true, "still running before the unmount");
      ui.unmount();
      assert.equal(animation!.running, false);
      const frozen = value.value;
      await clock.advance(5000);
      assert.equal(value.value, frozen, "nothing moves after the unmount");
      assert.equal(clock.pendingTimers(), 0, "no timer or frame left");
      assert.deepEqual(await animation!, { finished: false });
    });
  }

  it("a sequence started in an effect on the component's own useAnimatedValue, in its delay at unmount, moves nothing afterwards", async () => {
    const clock = runtime.fakeClock();
    const values: pn.AnimatedValue[] = [];
    const Pulse = pn.component(function Pulse() {
      const opacity = pn.useAnimatedValue(0);
      values.push(opacity);
      pn.useEffect(() => {
        void Animated.sequence([Animated.timing(opacity, { to: 1, duration: 100 }), Animated.delay(500), Animated.timing(opacity, { to: 0, duration: 1000 })]).start();
      }, [opacity]);
      return Animated.View({ style: { opacity } });
    });
    const ui = render(Pulse());
    await clock.advance(300);
    ui.unmount();
    const frozen = values[0]!.value;
    await clock.advance(3000);
    assert.equal(values[0]!.value, frozen);
    assert.equal(clock.pendingTimers(), 0);
  });

  it("an animation awaited (not started) in a handler belongs to that component too", async () => {
    const clock = runtime.fakeClock();
    const value = new pn.AnimatedValue(0);
    const results: pn.AnimationResult[] = [];
    const Row = pn.component(function Row() {
      return pn.Button("go", {
        testID: "go",
        onClick: () => {
          void Animated.sequence([Animated.delay(400), Animated.timing(value, { to: 1, duration: 100 })]).then((r) => results.push(r));
        },
      });
    });
    const ui = render(Row());
    ui.press(ui.getByTestId("go"));
    await clock.advance(100);
    ui.unmount();
    await clock.advance(2000);
    assert.equal(value.value, 0);
    assert.deepEqual(results, [{ finished: false }]);
    assert.equal(clock.pendingTimers(), 0);
  });

  it("the unmount of another component leaves an animation started outside any component alone", async () => {
    const clock = runtime.fakeClock();
    const value = new pn.AnimatedValue(0);
    const Other = pn.component(function Other() {
      pn.useEffect(() => {
        Animated.delay(1000).start();
      }, []);
      return null;
    });
    const free = Animated.sequence([Animated.delay(100), Animated.timing(value, { to: 1, duration: 100, easing: "linear" })]).start();
    const ui = render(Other());
    await clock.advance(50);
    ui.unmount();
    assert.equal(free.running, true, "started outside any component: the app's");
    await clock.advance(300);
    assert.equal(value.value, 1);
    assert.deepEqual(await free, { finished: true });
  });

  it("an animation that ends before the unmount is released: the unmount does not touch it again", async () => {
    const clock = runtime.fakeClock();
    const value = new pn.AnimatedValue(0);
    let animation: pn.Animation | null = null;
    const Owner = pn.component(function Owner() {
      pn.useEffect(() => {
        animation = Animated.timing(value, { to: 1, duration: 100 }).start();
      }, []);
      return null;
    });
    const ui = render(Owner());
    await clock.advance(200);
    assert.deepEqual(await animation!, { finished: true });
    ui.unmount();
    assert.deepEqual(await animation!, { finished: true });
    assert.equal(value.value, 1);
  });
});

describe("an animation started in a scope that has already closed", () => {
  for (const [kind, make] of Object.entries(kinds)) {
    it(`${kind} started from an unmount cleanup ends at once as stopped and moves nothing`, async () => {
      const clock = runtime.fakeClock();
      const value = new pn.AnimatedValue(0);
      let animation: pn.Animation | null = null;
      const Owner = pn.component(function Owner() {
        pn.useEffect(() => () => {
          animation = make(value).start();
        }, []);
        return null;
      });
      const ui = render(Owner());
      ui.unmount();
      assert.notEqual(animation, null, "the cleanup ran");
      assert.equal(animation!.running, false, "never runs");
      await clock.advance(5000);
      assert.equal(value.value, 0, "nothing moved");
      assert.equal(clock.pendingTimers(), 0, "no timer or frame requested");
      assert.deepEqual(await animation!, { finished: false });
    });
  }

  it("a finished animation started again from an unmount cleanup resolves { finished: false } and does not run again", async () => {
    const clock = runtime.fakeClock();
    const value = new pn.AnimatedValue(0);
    const fade = Animated.timing(value, { to: 1, duration: 100, easing: "linear" });
    const Owner = pn.component(function Owner() {
      pn.useEffect(() => () => {
        value.setValue(0.5);
        fade.start();
      }, []);
      return null;
    });
    fade.start();
    await clock.advance(200);
    assert.deepEqual(await fade, { finished: true });
    assert.equal(value.value, 1);
    const ui = render(Owner());
    ui.unmount();
    assert.equal(fade.running, false);
    await clock.advance(500);
    assert.equal(value.value, 0.5);
    assert.deepEqual(await fade, { finished: false });
  });

  it("an animation awaited (not started) from an unmount cleanup resolves { finished: false }", async () => {
    const clock = runtime.fakeClock();
    const value = new pn.AnimatedValue(0);
    const results: pn.AnimationResult[] = [];
    const Owner = pn.component(function Owner() {
      pn.useEffect(() => () => {
        void Animated.timing(value, { to: 1, duration: 100 }).then((r) => results.push(r));
      }, []);
      return null;
    });
    const ui = render(Owner());
    ui.unmount();
    await clock.advance(500);
    assert.equal(value.value, 0);
    assert.deepEqual(results, [{ finished: false }]);
  });
});
