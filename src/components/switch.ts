import type { Child, Element } from "../core/element.js";
import { component } from "../core/component.js";
import { View } from "./builtins.js";
import type { AccessibilityProps, CommonProps, ViewProps } from "./props.js";
import type { Style } from "./style.js";
import { isDev } from "../core/options.js";

/** Props of {@link Switch}. */
export interface SwitchProps extends CommonProps, Omit<AccessibilityProps, "accessibilityRole" | "accessibilityState"> {
  value: boolean;
  /** The new value, when the user flips it. */
  onChange?: (value: boolean) => unknown;
  disabled?: boolean;
  /** Track colour when on. */
  onColor?: string;
}

const SwitchView = component(function Switch(props: SwitchProps): Child {
  const { value, onChange, disabled, onColor = "#34c759", style, ...rest } = props;
  const viewProps: ViewProps = {
    ...rest,
    accessibilityRole: "switch",
    accessibilityState: { checked: value, disabled: disabled === true },
    disabled: disabled === true,
    style: { ...TRACK, backgroundColor: value ? onColor : "#ccc", opacity: disabled === true ? 0.5 : 1, ...style },
  };
  if (onChange !== undefined && disabled !== true) viewProps.onClick = () => onChange(!value);
  return View(viewProps, View({ style: value ? THUMB_ON : THUMB_OFF }));
});

/**
 * An on/off switch (a checkbox on the web with the `switch` role, a
 * `Gtk.Switch`-like control on desktop). Controlled: pass `value` and update
 * it in `onChange`.
 *
 * @example
 * ```ts
 * pn.Switch({ value: dark, onChange: setDark, accessibilityLabel: "Dark theme" });
 * ```
 */
export function Switch(props: SwitchProps & { key?: string | number }): Element {
  if (typeof props !== "object" || props === null || typeof props.value !== "boolean") {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "Switch({ value, onChange }): value must be a boolean" : /* "Switch: value must be a boolean" */ "typenative #36");
  }
  return SwitchView(props);
}

const TRACK: Style = { width: 44, height: 26, borderRadius: 13, padding: 2, flexDirection: "row" };
const THUMB_OFF: Style = { width: 22, height: 22, borderRadius: 11, backgroundColor: "#fff" };
const THUMB_ON: Style = { ...THUMB_OFF, marginLeft: 18 };
