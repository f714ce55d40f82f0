import type { Child, Element } from "../core/element.js";
import { component } from "../core/component.js";
import { View } from "./builtins.js";
import { useAnimatedValue } from "../animated/components.js";
import { timing } from "../animated/timing.js";
import { useAsyncEffect } from "../data/use-async-effect.js";
import type { CommonProps } from "./props.js";
import type { Style } from "./style.js";

/** Props of {@link ActivityIndicator}. */
export interface ActivityIndicatorProps extends CommonProps {
  /** Shown and moving while true (default); hidden when false. */
  animating?: boolean;
  size?: "small" | "large" | number;
  color?: string;
  /** What a screen reader says; default "Loading". */
  accessibilityLabel?: string;
}

const Spinner = component(function ActivityIndicator(props: ActivityIndicatorProps): Child {
  const { animating = true, size = "small", color = "#888", style, accessibilityLabel = "Loading", ...rest } = props;
  const opacity = useAnimatedValue(1);
  // A pulse while animating; its signal stops it when hidden or unmounted.
  useAsyncEffect(async (signal) => {
    while (animating && !signal.aborted) {
      await timing(opacity, { to: 0.3, duration: 500, signal });
      await timing(opacity, { to: 1, duration: 500, signal });
    }
  }, [animating]);
  const diameter = typeof size === "number" ? size : size === "large" ? 36 : 20;
  return View(View({ style: { width: diameter, height: diameter, borderRadius: diameter / 2, borderWidth: 3, borderColor: color, opacity } }), {
    ...rest,
    accessibilityRole: "progressbar",
    accessibilityLabel,
    accessibilityState: { busy: animating },
    style: animating ? { alignItems: "center", justifyContent: "center", ...style } : HIDDEN,
  });
});

const HIDDEN: Style = { display: "none" };

/**
 * A spinner that says work is going on. Its role is `progressbar`; hidden
 * when `animating` is false.
 *
 * @example
 * ```ts
 * q.loading ? pn.ActivityIndicator({ size: "large" }) : List(q.data);
 * ```
 */
export function ActivityIndicator(props: ActivityIndicatorProps & { key?: string | number } = {}): Element {
  return Spinner(props);
}
