import { Animated as engine } from "./index.js";
import { AnimatedValue } from "./value.js";
import { Image, Text, View } from "../components/builtins.js";
import { useEffect, useRef } from "../core/hooks.js";

/**
 * An {@link AnimatedValue} that lives as long as the component: the same
 * object on every render. When the component unmounts, an animation still
 * running on it is stopped, so no frames are requested for a view that is gone.
 *
 * @example
 * ```ts
 * const opacity = pn.useAnimatedValue(0);
 * pn.useAsyncEffect((signal) => pn.Animated.timing(opacity, { to: 1, duration: 300, signal }), []);
 * return pn.Animated.View(pn.Text("Hello"), { style: { opacity } });
 * ```
 */
export function useAnimatedValue(initial = 0): AnimatedValue {
  const ref = useRef<AnimatedValue | null>(null);
  if (ref.current === null) ref.current = new AnimatedValue(initial);
  const value = ref.current;
  useEffect(() => () => value.stopAnimation(), [value]);
  return value;
}

/**
 * `pn.Animated`: the animation engine plus animated components.
 *
 * Every built-in view follows an `AnimatedValue` in its style: the reconciler
 * subscribes the host view to the value and writes each new number straight
 * to the host, so the component does not re-render per frame. `Animated.View`,
 * `Animated.Text` and `Animated.Image` are therefore the built-in factories
 * themselves, named for readers coming from React Native.
 *
 * A new object, made by a call a bundler may drop: importing this module
 * mutates nothing, so an app that never uses `Animated` does not carry it.
 */
export const Animated = /* @__PURE__ */ Object.assign({}, engine, {
  /** A View whose style may hold animated values (any built-in view may). */
  View,
  /** A Text whose style may hold animated values. */
  Text,
  /** An Image whose style may hold animated values. */
  Image,
});
