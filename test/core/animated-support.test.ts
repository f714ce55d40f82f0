/**
 * Animated styles are installed by the first animated node made
 * (src/core/animated-support.ts): before that, a style goes to the host as
 * it is. Node runs each test file in a process of its own, so this file
 * starts with nothing installed.
 */
import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, cleanup } from "typenative/testing";
import { animatedStyles } from "../../src/core/animated-support.js";

afterEach(cleanup);

describe("animated style support", () => {
  it("is installed by the first animated node; a view mounted before keeps its plain style, and later views follow their values", () => {
    const plain = { opacity: 0.5, padding: 4 };
    const ui = render(pn.View({ testID: "plain", style: plain }));
    assert.equal(animatedStyles.current, null);
    // Without animated nodes the style object reaches the host untouched.
    assert.equal(ui.getByTestId("plain").props.style, plain);

    const value = new pn.AnimatedValue(0.25);
    assert.notEqual(animatedStyles.current, null);
    const Box = pn.component(function Box(p: { style: pn.Style }) {
      return pn.View({ testID: "box", style: p.style });
    });
    ui.rerender(pn.Column(pn.View({ testID: "plain", style: plain }), Box({ style: { opacity: value, transform: [{ translateX: value }] } })));
    assert.deepEqual(ui.getByTestId("box").props.style, { opacity: 0.25, transform: [{ translateX: 0.25 }] });
    value.setValue(0.75);
    assert.deepEqual(ui.getByTestId("box").props.style, { opacity: 0.75, transform: [{ translateX: 0.75 }] });
    assert.equal(value.listenerCount, 2, "one subscription per place the value appears");

    // A plain style again: the view stops following.
    ui.rerender(pn.Column(pn.View({ testID: "plain", style: plain }), Box({ style: { opacity: 1 } })));
    assert.equal(value.listenerCount, 0);
    assert.deepEqual(ui.getByTestId("box").props.style, { opacity: 1 });
  });
});
