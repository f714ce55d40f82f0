import type { Animation } from "./animation.js";
import { checkFinite, ValueAnimation, type DriverOptions } from "./driver.js";
import { resolveEasing, type EasingFunction, type EasingInput } from "./easing.js";
import type { AnimatedValue } from "./value.js";
import { isDev } from "../core/options.js";

/** Options of {@link timing}. */
export interface TimingOptions extends DriverOptions {
  /** The value to reach. */
  to: number;
  /** Milliseconds; default 300. 0 sets `to` at once. */
  duration?: number;
  /** A name, a function `(t) => number`, or `Easing.bezier(...)`; default `"easeInOut"`. */
  easing?: EasingInput;
}

/**
 * A frame whose time is within this many milliseconds of the end is the last
 * one: frame times are sums of 1000/60 and carry float noise (6 frames of
 * 1000/60 add up to 100.00000000000001), which must not cost an extra frame.
 */
const END_EPSILON = 1e-6;

class TimingAnimation extends ValueAnimation {
  readonly #to: number;
  readonly #duration: number;
  readonly #easing: EasingFunction;
  #from = 0;
  #startTime = 0;

  constructor(value: AnimatedValue, options: TimingOptions) {
    super(value, options, "Animated.timing(value, options)");
    this.#to = checkFinite(options.to, "to", "Animated.timing(value, options)");
    const duration = options.duration ?? 300;
    if (typeof duration !== "number" || !Number.isFinite(duration) || duration < 0) {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `Animated.timing(value, options): duration must be a finite number ≥ 0, got ${String(duration)}` : /* "Animated.timing: duration must be a finite number ≥ 0" */ "typenative #17");
    }
    this.#duration = duration;
    this.#easing = resolveEasing(options.easing);
  }

  protected launch(time: number, from: number): boolean {
    this.#from = from;
    this.#startTime = time;
    if (this.#duration === 0) {
      this.target._update(this.#to);
      return true;
    }
    return false;
  }

  protected step(time: number): boolean {
    const elapsed = time - this.#startTime;
    if (elapsed >= this.#duration - END_EPSILON) {
      // The last frame lands on the target exactly, whatever the easing's rounding.
      this.target._update(this.#to);
      return true;
    }
    const progress = elapsed <= 0 ? 0 : elapsed / this.#duration;
    this.target._update(this.#from + (this.#to - this.#from) * this.#easing(progress));
    return false;
  }
}

/**
 * Animates `value` from where it is to `to` over `duration` milliseconds
 * along an easing curve, one update per frame; the last frame lands exactly
 * on `to` at start + duration. Starts on `start()` or when awaited, stops any
 * animation already running on `value`, and resolves `{ finished }`.
 *
 * @throws TypeError for a non-finite `to`, a negative `duration` or `delay`, an unknown easing.
 *
 * @example
 * ```ts
 * const opacity = pn.useAnimatedValue(0);
 * pn.useAsyncEffect((signal) => pn.Animated.timing(opacity, { to: 1, duration: 300, signal }), []);
 *
 * const { finished } = await pn.Animated.timing(x, { to: 100, easing: "easeOut", delay: 50 });
 * ```
 */
export function timing(value: AnimatedValue, options: TimingOptions): Animation {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "Animated.timing(value, options): options with a numeric `to` are required" : /* "Animated.timing: options.to must be a number" */ "typenative #18");
  }
  return new TimingAnimation(value, options);
}
