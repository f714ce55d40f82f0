import type { Animation } from "./animation.js";
import type { DriverOptions } from "./driver.js";
import type { AnimationKit } from "./kit.js";
import type { AnimatedValue } from "./value.js";

/** Options of {@link spring}. */
export interface SpringOptions extends DriverOptions {
  /** Where the spring comes to rest. */
  to: number;
  /** Spring constant k; default 100. Higher is snappier. */
  stiffness?: number;
  /** Damping coefficient c; default 10. Lower overshoots more; 0 never settles. */
  damping?: number;
  /** Mass m; default 1. Heavier is slower and swings further. */
  mass?: number;
  /** Initial velocity in units per second; default 0. */
  velocity?: number;
  /** Stop (at `to`) the first time the value reaches or passes `to`; default false. */
  overshootClamping?: boolean;
  /** At rest when |value − to| is below this (and the speed is too); default 0.001. */
  restDisplacementThreshold?: number;
  /** At rest when |velocity| (units per second) is below this (and the distance is too); default 0.001. */
  restSpeedThreshold?: number;
}

/**
 * The simulation advances in fixed steps of this many milliseconds, whatever
 * the frame rate: the state after a given elapsed time is always the same,
 * so a spring is deterministic under a virtual clock and on any display.
 */
const STEP_MS = 1;
const STEP_S = STEP_MS / 1000;
/** Float slack when counting whole steps in an elapsed time like 33.33333333333333. */
const STEP_EPSILON = 1e-9;

const WHERE = "Animated.spring(value, options)";

/**
 * @internal Builds `Animated.spring` on the engine's `ValueAnimation`
 * (handed in, not imported: see kit.ts).
 */
export function defineSpring({ ValueAnimation, checkFinite }: AnimationKit) {
  class SpringAnimation extends ValueAnimation {
    readonly #to: number;
    readonly #stiffness: number;
    readonly #damping: number;
    readonly #mass: number;
    readonly #velocity: number;
    readonly #clamp: boolean;
    readonly #restDisplacement: number;
    readonly #restSpeed: number;
    #x = 0;
    #v = 0;
    #from = 0;
    #startTime = 0;
    #simulatedMs = 0;

    constructor(value: AnimatedValue, options: SpringOptions) {
      super(value, options, WHERE);
      this.#to = checkFinite(options.to, "to", WHERE);
      this.#stiffness = positive(options.stiffness ?? 100, "stiffness");
      this.#mass = positive(options.mass ?? 1, "mass");
      this.#damping = checkFinite(options.damping ?? 10, "damping", WHERE);
      if (this.#damping < 0) throw new TypeError(`${WHERE}: damping must be ≥ 0, got ${this.#damping}`);
      this.#velocity = checkFinite(options.velocity ?? 0, "velocity", WHERE);
      this.#clamp = options.overshootClamping === true;
      this.#restDisplacement = positive(options.restDisplacementThreshold ?? 0.001, "restDisplacementThreshold");
      this.#restSpeed = positive(options.restSpeedThreshold ?? 0.001, "restSpeedThreshold");
    }

    protected launch(time: number, from: number): boolean {
      this.#from = from;
      this.#x = from;
      this.#v = this.#velocity;
      this.#startTime = time;
      this.#simulatedMs = 0;
      if (this.#atRest()) {
        this.target._update(this.#to);
        return true;
      }
      return false;
    }

    protected step(time: number): boolean {
      const steps = Math.floor((time - this.#startTime - this.#simulatedMs) / STEP_MS + STEP_EPSILON);
      for (let i = 0; i < steps; i++) {
        this.#integrate();
        this.#simulatedMs += STEP_MS;
        if (this.#atRest() || (this.#clamp && this.#passedTarget())) {
          this.#x = this.#to;
          this.#v = 0;
          this.target._update(this.#to);
          return true;
        }
      }
      this.target._update(this.#x);
      return false;
    }

    #atRest(): boolean {
      return Math.abs(this.#v) < this.#restSpeed && Math.abs(this.#to - this.#x) < this.#restDisplacement;
    }

    #passedTarget(): boolean {
      return this.#from < this.#to ? this.#x >= this.#to : this.#from > this.#to ? this.#x <= this.#to : true;
    }

    /**
     * One RK4 step of m·x″ = −k·(x − to) − c·x′. Plain arithmetic on purpose:
     * this runs about 17 times per frame per spring.
     */
    #integrate(): void {
      const k = this.#stiffness;
      const c = this.#damping;
      const m = this.#mass;
      const to = this.#to;
      const h = STEP_S;
      const x = this.#x;
      const v = this.#v;

      const a1 = (-k * (x - to) - c * v) / m;
      const x2 = x + v * (h / 2);
      const v2 = v + a1 * (h / 2);
      const a2 = (-k * (x2 - to) - c * v2) / m;
      const x3 = x + v2 * (h / 2);
      const v3 = v + a2 * (h / 2);
      const a3 = (-k * (x3 - to) - c * v3) / m;
      const x4 = x + v3 * h;
      const v4 = v + a3 * h;
      const a4 = (-k * (x4 - to) - c * v4) / m;

      this.#x = x + (h / 6) * (v + 2 * v2 + 2 * v3 + v4);
      this.#v = v + (h / 6) * (a1 + 2 * a2 + 2 * a3 + a4);
    }
  }

  function positive(value: unknown, name: string): number {
    const n = checkFinite(value, name, WHERE);
    if (n <= 0) throw new TypeError(`${WHERE}: ${name} must be > 0, got ${n}`);
    return n;
  }

  /**
   * Moves `value` to `to` like a mass on a damped spring: physically plausible
   * motion that may overshoot and settle. The simulation runs in fixed 1 ms
   * steps (deterministic at any frame rate); once both the distance to `to`
   * and the speed are below their thresholds (0.001) the value snaps to `to`
   * and the animation finishes.
   *
   * @throws TypeError for a non-finite `to`, non-positive `stiffness`/`mass`, negative `damping`.
   *
   * @example
   * ```ts
   * const scale = pn.useAnimatedValue(1);
   * pn.Button("Pop", { onClick: () => pn.Animated.spring(scale, { to: 1.2, damping: 4 }).start() });
   * ```
   */
  return function spring(value: AnimatedValue, options: SpringOptions): Animation {
    if (typeof options !== "object" || options === null) {
      throw new TypeError(`${WHERE}: options with a numeric \`to\` are required`);
    }
    return new SpringAnimation(value, options);
  };
}
