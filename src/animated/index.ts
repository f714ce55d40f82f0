import { timing } from "./timing.js";
// Loaded on first use (see lazy.ts): an app that only runs `timing` does not carry them.
import { decay, delay, loop, parallel, sequence, spring, stagger } from "./lazy.js";
import { AnimatedValue } from "./value.js";

/**
 * Animations you can await, in the shape of React Native's `Animated`.
 *
 * Drivers move an {@link AnimatedValue} frame by frame (`timing`, `spring`,
 * `decay`); compositions arrange animations in time (`delay`, `sequence`,
 * `parallel`, `stagger`, `loop`). Every animation starts on `start()` or when
 * first awaited, resolves `{ finished }` and never rejects.
 *
 * `timing` is in the bundle of every app that animates; the others load
 * their code with `import()` on their first call (a few kilobytes, once)
 * and return a handle at once that starts when the code is there.
 *
 * Animated components (`Animated.View`, `Animated.Text`, `Animated.Image`)
 * belong to the component layer, which depends on the reconciler:
 * `pn.Animated` (`src/animated/components.ts`) is a copy of this object with
 * them added, so the engine never imports the core and nothing here is
 * mutated when that layer loads.
 *
 * @example
 * ```ts
 * const opacity = pn.useAnimatedValue(0);
 * pn.useAsyncEffect((signal) => pn.Animated.timing(opacity, { to: 1, duration: 300, signal }), []);
 *
 * await pn.Animated.sequence([
 *   pn.Animated.timing(x, { to: 100, easing: "easeOut" }),
 *   pn.Animated.delay(200),
 *   pn.Animated.spring(x, { to: 0, damping: 6 }),
 * ]);
 * ```
 */
export const Animated = {
  timing,
  spring,
  decay,
  delay,
  sequence,
  parallel,
  stagger,
  loop,
  /** `new pn.Animated.Value(0)`: the class {@link AnimatedValue}. */
  Value: AnimatedValue,
};

export { AnimatedValue, AnimatedNode, AnimatedInterpolation, type AnimatedListener } from "./value.js";
export { Animation, isAnimation, type AnimationResult, type AnimationOptions } from "./animation.js";
export { Easing, resolveEasing, type EasingFunction, type EasingName, type EasingInput } from "./easing.js";
export type { InterpolationConfig, Extrapolate } from "./interpolate.js";
export type { DriverOptions } from "./driver.js";
export type { TimingOptions } from "./timing.js";
export type { SpringOptions } from "./spring.js";
export type { DecayOptions } from "./decay.js";
export type { ParallelOptions, LoopOptions } from "./composition.js";
