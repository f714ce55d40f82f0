import { isDev } from "../core/options.js";
import { bezier } from "./bezier.js";

/** Maps progress in [0, 1] to eased progress (0 → 0 and 1 → 1; may overshoot in between). */
export type EasingFunction = (t: number) => number;

/** The easings that can be named by string. */
export type EasingName = "linear" | "ease" | "easeIn" | "easeOut" | "easeInOut" | "quad" | "cubic" | "bounce";

/** What an `easing` option accepts: a name or a function. */
export type EasingInput = EasingName | EasingFunction;

/** The easing used when none is given. */
export const DEFAULT_EASING: EasingName = "easeInOut";

function linear(t: number): number {
  return t;
}

function quad(t: number): number {
  return t * t;
}

function cubic(t: number): number {
  return t * t * t;
}

/** A ball dropped on the floor: four parabolic hops of shrinking height (Robert Penner's). */
function bounce(t: number): number {
  if (t < 1 / 2.75) return 7.5625 * t * t;
  if (t < 2 / 2.75) {
    const u = t - 1.5 / 2.75;
    return 7.5625 * u * u + 0.75;
  }
  if (t < 2.5 / 2.75) {
    const u = t - 2.25 / 2.75;
    return 7.5625 * u * u + 0.9375;
  }
  const u = t - 2.625 / 2.75;
  return 7.5625 * u * u + 0.984375;
}

/*
 * The named easings stand apart from `Easing`, which is built from them:
 * `resolveEasing` (in every app that animates) needs the names only, so an
 * app that never reads `pn.Easing` does not carry its combinators.
 */
const NAMED: Readonly<Record<EasingName, EasingFunction>> = {
  linear,
  ease: /* @__PURE__ */ bezier(0.25, 0.1, 0.25, 1),
  easeIn: /* @__PURE__ */ bezier(0.42, 0, 1, 1),
  easeOut: /* @__PURE__ */ bezier(0, 0, 0.58, 1),
  easeInOut: /* @__PURE__ */ bezier(0.42, 0, 0.58, 1),
  quad,
  cubic,
  bounce,
};

/**
 * Easing functions, by name or built. The CSS keywords are the CSS curves:
 * `ease` = `bezier(0.25, 0.1, 0.25, 1)`, `easeIn` = `bezier(0.42, 0, 1, 1)`,
 * `easeOut` = `bezier(0, 0, 0.58, 1)`, `easeInOut` = `bezier(0.42, 0, 0.58, 1)`
 * (the default of `Animated.timing`).
 *
 * @example
 * ```ts
 * pn.Animated.timing(x, { to: 100, easing: "bounce" });
 * pn.Animated.timing(x, { to: 100, easing: pn.Easing.out(pn.Easing.cubic) });
 * pn.Animated.timing(x, { to: 100, easing: pn.Easing.bezier(0.2, 0, 0, 1) });
 * ```
 */
export const Easing = /* @__PURE__ */ Object.freeze({
  ...NAMED,
  bezier,
  /** Runs `easing` forwards (the identity combinator, for symmetry with `out`). */
  in(easing: EasingInput): EasingFunction {
    return resolveEasing(easing);
  },
  /** Runs `easing` backwards: `out(quad)` starts fast and slows down. */
  out(easing: EasingInput): EasingFunction {
    const f = resolveEasing(easing);
    return (t) => 1 - f(1 - t);
  },
  /** `easing` for the first half, mirrored for the second. */
  inOut(easing: EasingInput): EasingFunction {
    const f = resolveEasing(easing);
    return (t) => (t < 0.5 ? f(t * 2) / 2 : 1 - f((1 - t) * 2) / 2);
  },
});

/**
 * Turns an `easing` option into a function: a name is looked up, a function
 * is used as is, `undefined` means `fallback`.
 *
 * @throws TypeError for an unknown name or a value that is neither.
 *
 * @example
 * ```ts
 * resolveEasing("easeOut")(0.5); // ≈ 0.6847
 * ```
 */
export function resolveEasing(easing: EasingInput | undefined, fallback: EasingName = DEFAULT_EASING): EasingFunction {
  if (easing === undefined) return NAMED[fallback];
  if (typeof easing === "function") return easing;
  if (typeof easing === "string" && Object.hasOwn(NAMED, easing)) return NAMED[easing];
  throw new TypeError(
    /* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production"
      ? `Unknown easing ${JSON.stringify(easing) ?? String(easing)}: use one of ${Object.keys(NAMED).join(", ")}, ` +
          "a function (t) => number, or Easing.bezier(x1, y1, x2, y2)"
      : /* `Unknown easing ${String(easing)}` */ `typenative #8: ${String(easing)}`,
  );
}
