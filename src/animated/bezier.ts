import { isDev } from "../core/options.js";
/**
 * CSS `cubic-bezier(x1, y1, x2, y2)` as an easing function.
 *
 * The curve runs from (0, 0) to (1, 1) with control points (x1, y1) and
 * (x2, y2). An easing is asked for y at a given x, but the curve is
 * parametric in t, so each call first solves x(t) = x for t: a few Newton
 * steps from t = x (fast, and exact enough for smooth curves), then bisection
 * when the slope is too flat for Newton to be trusted. Both x1 and x2 must lie
 * in [0, 1], which keeps x(t) monotonic and the root unique — the same rule
 * CSS applies.
 */

/** Newton stops when x(t) is this close to the target. */
const PRECISION = 1e-7;
/** Below this slope a Newton step would jump too far; bisection takes over. */
const MIN_SLOPE = 1e-6;
const NEWTON_ITERATIONS = 8;
/** 2^-40 < PRECISION, so bisection always converges before this. */
const BISECTION_ITERATIONS = 40;

/**
 * Builds the easing `cubic-bezier(x1, y1, x2, y2)`.
 *
 * Inputs outside [0, 1] are extended along the curve's end tangents, as CSS
 * does, so the easing also works under an `"extend"` interpolation.
 *
 * @throws RangeError when x1 or x2 is outside [0, 1]; TypeError for non-finite arguments.
 *
 * @example
 * ```ts
 * const ease = pn.Easing.bezier(0.25, 0.1, 0.25, 1); // CSS "ease"
 * ease(0.5); // ≈ 0.8024
 * pn.Animated.timing(opacity, { to: 1, easing: ease });
 * ```
 */
export function bezier(x1: number, y1: number, x2: number, y2: number): (t: number) => number {
  for (const n of [x1, y1, x2, y2]) {
    if (typeof n !== "number" || !Number.isFinite(n)) {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `Easing.bezier(x1, y1, x2, y2): every argument must be a finite number, got ${String(n)}` : /* "Easing.bezier: arguments must be finite numbers" */ "typenative #3");
    }
  }
  if (x1 < 0 || x1 > 1 || x2 < 0 || x2 > 1) {
    throw new RangeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `Easing.bezier(x1, y1, x2, y2): x1 and x2 must be within [0, 1], got x1=${x1}, x2=${x2}` : /* "Easing.bezier: x1 and x2 must be within [0, 1]" */ "typenative #4");
  }
  if (x1 === y1 && x2 === y2) return linear;

  // Polynomial coefficients: B(t) = ((a·t + b)·t + c)·t, from the Bernstein form.
  const cx = 3 * x1;
  const bx = 3 * (x2 - x1) - cx;
  const ax = 1 - cx - bx;
  const cy = 3 * y1;
  const by = 3 * (y2 - y1) - cy;
  const ay = 1 - cy - by;

  // End tangents, for inputs outside [0, 1]. A control point sitting on its
  // end point has no direction, so the other one decides.
  const startSlope = x1 > 0 ? y1 / x1 : x2 > 0 ? y2 / x2 : 0;
  const endSlope = x2 < 1 ? (y2 - 1) / (x2 - 1) : x1 < 1 ? (y1 - 1) / (x1 - 1) : 0;

  function sampleX(t: number): number {
    return ((ax * t + bx) * t + cx) * t;
  }

  function solveT(x: number): number {
    let t = x;
    for (let i = 0; i < NEWTON_ITERATIONS; i++) {
      const error = sampleX(t) - x;
      if (Math.abs(error) < PRECISION) return t;
      const slope = (3 * ax * t + 2 * bx) * t + cx;
      if (Math.abs(slope) < MIN_SLOPE) break;
      t -= error / slope;
      if (t < 0 || t > 1) break;
    }
    // x(t) is monotonic on [0, 1], so bisection always finds the root.
    let lo = 0;
    let hi = 1;
    t = x;
    for (let i = 0; i < BISECTION_ITERATIONS; i++) {
      const value = sampleX(t);
      if (Math.abs(value - x) < PRECISION) return t;
      if (value < x) lo = t;
      else hi = t;
      t = (lo + hi) / 2;
    }
    return t;
  }

  return function cubicBezier(x: number): number {
    if (x <= 0) return x === 0 ? 0 : startSlope * x;
    if (x >= 1) return x === 1 ? 1 : 1 + endSlope * (x - 1);
    const t = solveT(x);
    return ((ay * t + by) * t + cy) * t;
  };
}

function linear(t: number): number {
  return t;
}
