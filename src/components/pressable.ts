import type { Child, Element } from "../core/element.js";
import { component } from "../core/component.js";
import { useState } from "../core/hooks.js";
import { View } from "./builtins.js";
import type { AccessibilityProps, CommonProps, ViewProps } from "./props.js";
import type { Style } from "./style.js";
import { splitArgs } from "./args.js";

/** What a `Pressable`'s style and children functions receive. */
export interface PressState {
  pressed: boolean;
}

/** Props of {@link Pressable}. */
export interface PressableProps extends Omit<CommonProps, "style">, AccessibilityProps {
  onClick?: () => unknown;
  onLongPress?: () => unknown;
  onPressIn?: () => unknown;
  onPressOut?: () => unknown;
  disabled?: boolean;
  /** A style, or a function of `{ pressed }` for press feedback. */
  style?: Style | ((state: PressState) => Style);
}

type PressableChild = Child | ((state: PressState) => Child);

const PressableView = component(function Pressable(props: PressableProps & { content: PressableChild[] }): Child {
  const [pressed, setPressed] = useState(false);
  const { content, style, onPressIn, onPressOut, accessibilityRole, ...rest } = props;
  const state = { pressed };
  const children = content.map((child) => (typeof child === "function" ? child(state) : child));
  const viewProps: ViewProps = {
    ...rest,
    accessibilityRole: accessibilityRole ?? "button",
    ...(style === undefined ? {} : { style: typeof style === "function" ? style(state) : style }),
    onPressIn: () => {
      setPressed(true);
      return onPressIn?.();
    },
    onPressOut: () => {
      setPressed(false);
      return onPressOut?.();
    },
  };
  return View(viewProps, ...children);
});

/**
 * Any content made pressable, as React Native's `Pressable`: `onClick`,
 * `onLongPress`, and a `style` (or children) that may be a function of
 * `{ pressed }` for feedback while the finger is down. Its role is `button`.
 *
 * @example
 * ```ts
 * pn.Pressable(pn.Text("Open"), {
 *   onClick: open,
 *   onLongPress: showMenu,
 *   style: ({ pressed }) => ({ opacity: pressed ? 0.5 : 1 }),
 * });
 * ```
 */
export function Pressable(...args: Array<PressableChild | PressableProps>): Element {
  const { props, children } = splitArgs<PressableProps & { key?: string | number }>("Pressable", args);
  return PressableView({ ...props, content: children as PressableChild[] });
}
