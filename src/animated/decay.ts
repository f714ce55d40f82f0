import type { Animation } from "./animation.js";
import type { DriverOptions } from "./driver.js";
import type { AnimationKit } from "./kit.js";
import type { AnimatedValue } from "./value.js";

/** Options of {@link decay}. */
export interface DecayOptions extends DriverOptions {
  /** Initial velocity in units per millisecond (what a pan gesture reports). */
  velocity: number;
  /** Fraction of the velocity kept per millisecond, in (0, 1); default 0.998. */
  deceleration?: number;
  /** Stops (at the resting point) once this close to it; default 0.1. */
  restDisplacementThreshold?: number;
}

const WHERE = "Animated.decay(value, options)";

/**
 * @internal Builds `Animated.decay` on the engine's `ValueAnimation`
 * (handed in, not imported: see kit.ts).
 */
export function defineDecay({ ValueAnimation, checkFinite }: AnimationKit) {
  class DecayAnimation extends ValueAnimation {
    readonly #velocity: number;
    readonly #decay: number;
    readonly #restDisplacement: number;
    #startTime = 0;
    /** Where the motion tends to: from + velocity / (1 − deceleration). */
    #rest = 0;
    #travel = 0;

    constructor(value: AnimatedValue, options: DecayOptions) {
      super(value, options, WHERE);
      this.#velocity = checkFinite(options.velocity, "velocity", WHERE);
      const deceleration = checkFinite(options.deceleration ?? 0.998, "deceleration", WHERE);
      if (deceleration <= 0 || deceleration >= 1) {
        throw new TypeError(`${WHERE}: deceleration must be between 0 and 1 (exclusive), got ${deceleration}`);
      }
      this.#decay = 1 - deceleration;
      this.#restDisplacement = checkFinite(options.restDisplacementThreshold ?? 0.1, "restDisplacementThreshold", WHERE);
      if (this.#restDisplacement <= 0) {
        throw new TypeError(`${WHERE}: restDisplacementThreshold must be > 0, got ${this.#restDisplacement}`);
      }
    }

    protected launch(time: number, from: number): boolean {
      this.#startTime = time;
      this.#travel = this.#velocity / this.#decay;
      this.#rest = from + this.#travel;
      if (Math.abs(this.#travel) < this.#restDisplacement) {
        this.target._update(this.#rest);
        return true;
      }
      return false;
    }

    protected step(time: number): boolean {
      // Closed form of v′ = −(1 − deceleration)·v: exact at any frame rate.
      const remaining = this.#travel * Math.exp(-this.#decay * (time - this.#startTime));
      if (Math.abs(remaining) < this.#restDisplacement) {
        this.target._update(this.#rest);
        return true;
      }
      this.target._update(this.#rest - remaining);
      return false;
    }
  }

  /**
   * Lets `value` coast from its current number with an initial `velocity`
   * (units per ms), slowing exponentially — the fling after a swipe. The speed
   * after t ms is velocity · deceleration^t (approximately), and the value
   * tends to `from + velocity / (1 − deceleration)`; once within
   * `restDisplacementThreshold` of that point it lands on it and finishes.
   *
   * @throws TypeError for a non-finite `velocity` or a `deceleration` outside (0, 1).
   *
   * @example
   * ```ts
   * const x = pn.useAnimatedValue(0);
   * await pn.Animated.decay(x, { velocity: 1.2 }); // x ends near 600
   * ```
   */
  return function decay(value: AnimatedValue, options: DecayOptions): Animation {
    if (typeof options !== "object" || options === null) {
      throw new TypeError(`${WHERE}: options with a numeric \`velocity\` are required`);
    }
    return new DecayAnimation(value, options);
  };
}
