import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Easing, resolveEasing } from "../../src/animated/index.js";
import { near } from "./harness.js";

// Reference values: cubic-bezier solved by 200 rounds of bisection in double
// precision (an independent implementation), rounded to 10 decimals.
const REFERENCE: Record<string, [number, number, number, number, number]> = {
  ease: [0.0947963057, 0.4085105914, 0.8024033876, 0.9604589783, 0.9943164775],
  easeIn: [0.0170266097, 0.0934646507, 0.3153568126, 0.6218618692, 0.8394278458],
  easeOut: [0.1605721542, 0.3781381308, 0.6846431874, 0.9065353493, 0.9829733903],
  easeInOut: [0.0197224535, 0.129161931, 0.5, 0.870838069, 0.9802775465],
};
const XS = [0.1, 0.25, 0.5, 0.75, 0.9];

describe("Easing", () => {
  it("CSS keyword curves match known cubic-bezier values", () => {
    for (const [name, expected] of Object.entries(REFERENCE)) {
      const f = Easing[name as "ease" | "easeIn" | "easeOut" | "easeInOut"];
      XS.forEach((x, i) => near(f(x), expected[i]!, 1e-6, `${name}(${x})`));
    }
  });

  it("bezier handles curves that leave [0, 1] in y (back-style overshoot)", () => {
    const back = Easing.bezier(0.68, -0.55, 0.265, 1.55);
    const expected = [-0.0662914773, -0.0828071088, 0.6066798972, 1.0891657748, 1.0623731952];
    XS.forEach((x, i) => near(back(x), expected[i]!, 1e-6, `back(${x})`));
  });

  it("every easing maps 0 → 0 and 1 → 1", () => {
    const all = [Easing.linear, Easing.ease, Easing.easeIn, Easing.easeOut, Easing.easeInOut, Easing.quad, Easing.cubic, Easing.bounce];
    for (const f of all) {
      near(f(0), 0, 1e-12, "f(0)");
      near(f(1), 1, 1e-12, "f(1)");
    }
  });

  it("bezier is monotonic for monotonic control points and solves flat-slope curves", () => {
    const steep = Easing.bezier(1, 0, 0, 1); // zero slope at both ends: Newton gives up, bisection solves
    let previous = 0;
    for (let x = 0; x <= 1; x += 1 / 256) {
      const y = steep(x);
      assert.ok(y >= previous - 1e-9, `monotonic at ${x}`);
      previous = y;
    }
    near(steep(0.5), 0.5, 1e-6, "symmetric");
  });

  it("bezier with control points on the diagonal is linear; outside [0, 1] it follows the end tangents", () => {
    const lin = Easing.bezier(0.3, 0.3, 0.7, 0.7);
    assert.equal(lin(0.37), 0.37);
    const easeOut = Easing.easeOut; // start tangent: control point (0, 0) → falls back to (0.58, 1)
    near(easeOut(-0.1), -0.1 * (1 / 0.58), 1e-12, "left extension");
    near(Easing.easeIn(1.1), 1 + 0.1 * (1 / 0.58), 1e-12, "right extension");
  });

  it("quad, cubic and bounce are the classic curves", () => {
    assert.equal(Easing.quad(0.5), 0.25);
    assert.equal(Easing.cubic(0.5), 0.125);
    near(Easing.bounce(0.5), 0.765625, 1e-12, "bounce(0.5)");
    near(Easing.bounce(1 / 2.75), 1, 1e-12, "first floor hit");
  });

  it("in/out/inOut combine easings", () => {
    near(Easing.out(Easing.quad)(0.5), 0.75, 1e-12, "out(quad)");
    near(Easing.inOut("cubic")(0.25), 0.0625, 1e-12, "inOut(cubic) first half");
    near(Easing.inOut("cubic")(0.75), 0.9375, 1e-12, "inOut(cubic) second half");
    assert.equal(Easing.in("quad")(0.5), 0.25);
  });

  it("bezier rejects x outside [0, 1] and non-numbers", () => {
    assert.throws(() => Easing.bezier(1.2, 0, 0.5, 1), RangeError);
    assert.throws(() => Easing.bezier(0.2, 0, -0.1, 1), /x1 and x2 must be within \[0, 1\]/);
    assert.throws(() => Easing.bezier(0.2, Number.NaN, 0.5, 1), TypeError);
  });

  it("resolveEasing takes names and functions, defaults to easeInOut, rejects the rest", () => {
    assert.equal(resolveEasing(undefined), Easing.easeInOut);
    assert.equal(resolveEasing("bounce"), Easing.bounce);
    const f = (t: number): number => t;
    assert.equal(resolveEasing(f), f);
    assert.throws(() => resolveEasing("toString" as "ease"), /Unknown easing "toString"/);
    assert.throws(() => resolveEasing(3 as unknown as "ease"), /Unknown easing 3/);
  });
});
