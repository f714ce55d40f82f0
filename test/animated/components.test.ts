import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { useCleanRuntime } from "../helpers/lifecycle.js";
import { render, settle } from "typenative/testing";

const runtime = useCleanRuntime();

describe("animated components", () => {
  it("an animated opacity updates the host view every frame while the component renders once", async () => {
    const clock = runtime.fakeClock();
    let renders = 0;
    const FadeIn = pn.component(function FadeIn() {
      renders++;
      const opacity = pn.useAnimatedValue(0);
      pn.useEffect(() => {
        void pn.Animated.timing(opacity, { to: 1, duration: 300, easing: "linear" }).start();
      }, [opacity]);
      return pn.Animated.View(pn.Text("hello"), { style: { opacity, padding: 4 }, testID: "box" });
    });
    const ui = render(FadeIn());
    const box = ui.getByTestId("box");
    assert.deepEqual(box.props.style, { opacity: 0, padding: 4 });
    await settle();
    ui.host.clearLog();
    const seen: number[] = [];
    for (let t = 0; t < 300; t += 1000 / 60) {
      await clock.advance(1000 / 60);
      seen.push((box.props.style as { opacity: number }).opacity);
    }
    await clock.advance(50);
    assert.equal(renders, 1);
    assert.equal((box.props.style as { opacity: number }).opacity, 1);
    const updates = ui.host.log.filter((op) => op.op === "update");
    assert.ok(updates.length >= 17, `one host update per frame, got ${updates.length}`);
    assert.ok(updates.every((op) => op.op === "update" && Object.keys(op.changes).join() === "style"));
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i]! >= seen[i - 1]!, "opacity rises frame by frame");
    assert.ok(seen.some((v) => v > 0.4 && v < 0.6), "passes through the middle");
    const json = ui.toJSON() as unknown as { props: { style: { opacity: number } } };
    assert.equal(json.props.style.opacity, 1, "toJSON shows the current number");
  });

  it("transforms and interpolations are followed too", async () => {
    const clock = runtime.fakeClock();
    const value = new pn.AnimatedValue(0);
    const ui = render(
      pn.Animated.Text("x", { testID: "t", style: { transform: [{ translateX: value }], opacity: value.interpolate({ inputRange: [0, 100], outputRange: [0, 1] }) } }),
    );
    value.setValue(50);
    const style = ui.getByTestId("t").props.style as { transform: Array<{ translateX: number }>; opacity: number };
    assert.deepEqual(style.transform, [{ translateX: 50 }]);
    assert.equal(style.opacity, 0.5);
  });

  it("unmount mid-animation stops frame updates and leaves nothing pending", async () => {
    const clock = runtime.fakeClock();
    const values: pn.AnimatedValue[] = [];
    const Fader = pn.component(function Fader() {
      const opacity = pn.useAnimatedValue(0);
      values.push(opacity);
      pn.useEffect(() => {
        void pn.Animated.timing(opacity, { to: 1, duration: 1000 }).start();
      }, [opacity]);
      return pn.Animated.View({ style: { opacity } });
    });
    const ui = render(Fader());
    await clock.advance(100);
    const box = ui.container.children[0]!;
    ui.unmount();
    ui.host.clearLog();
    const frozen = values[0]!.value;
    await clock.advance(2000);
    assert.equal(values[0]!.value, frozen);
    assert.deepEqual(ui.host.log, []);
    assert.equal(clock.pendingTimers(), 0);
    assert.equal(box.parent, null);
  });

  it("a new style without animated values stops following the old one", async () => {
    const clock = runtime.fakeClock();
    const value = new pn.AnimatedValue(0);
    const ui = render(pn.View({ style: { opacity: value }, testID: "v" }));
    ui.rerender(pn.View({ style: { opacity: 0.3 }, testID: "v" }));
    ui.host.clearLog();
    value.setValue(1);
    assert.deepEqual(ui.host.log, []);
    assert.deepEqual(ui.getByTestId("v").props.style, { opacity: 0.3 });
  });

  it("useAnimatedValue returns the same value on every render", async () => {
    const seen: unknown[] = [];
    let set!: pn.SetState<number>;
    const C = pn.component(function C() {
      const [, s] = pn.useState(0);
      set = s;
      seen.push(pn.useAnimatedValue(0.5));
      return null;
    });
    render(C());
    set(1);
    await settle();
    assert.equal(seen.length, 2);
    assert.equal(seen[0], seen[1]);
    assert.equal((seen[0] as pn.AnimatedValue).value, 0.5);
  });
});
