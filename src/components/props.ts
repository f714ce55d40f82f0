/**
 * The props of the built-in views, and the table the dev checks read.
 *
 * Every prop here is one a host reads (see `src/hosts/web/dom-host.ts` for
 * what each becomes on the web). No interface has an index signature, so a
 * misspelt or foreign prop (`onPress`, `numberOfLines` on a `Button`) is a
 * type error; code that reaches a built-in without types (plain JS, `h()`)
 * gets a one-time dev warning from `checkHostProps` instead.
 *
 * {@link HOST_PROPS} is checked against these interfaces by the compiler
 * (`satisfies`), so the types and the runtime check list the same props.
 */
import type { Key } from "../core/element.js";
import type { Style } from "./style.js";

/** ARIA roles a view may take (`accessibilityRole`); the web host writes them as `role`. */
export type AccessibilityRole =
  | "none" | "presentation" | "button" | "link" | "heading" | "img" | "text" | "search" | "summary"
  | "alert" | "status" | "log" | "timer" | "progressbar" | "dialog" | "alertdialog" | "tooltip"
  | "checkbox" | "radio" | "radiogroup" | "switch" | "slider" | "spinbutton" | "combobox"
  | "menu" | "menubar" | "menuitem" | "tab" | "tablist" | "tabpanel" | "toolbar"
  | "list" | "listitem" | "grid" | "row" | "cell" | "group" | "region" | "article" | "separator"
  | "banner" | "main" | "navigation" | "form" | "contentinfo" | "complementary";

/** React Native's `accessibilityState`; the web host writes each key as `aria-<key>`. */
export interface AccessibilityState {
  selected?: boolean;
  checked?: boolean | "mixed";
  expanded?: boolean;
  busy?: boolean;
  disabled?: boolean;
}

/** What a host reports when a `ScrollView` or `FlatList` scrolls, or its viewport is first measured or resized. */
export interface ScrollEvent {
  /** Points scrolled from the top. */
  offset: number;
  /** Height of the visible part. */
  viewportHeight: number;
  /** Height of everything, when the host knows it. */
  contentHeight?: number;
}

/** Props every built-in understands. */
export interface CommonProps {
  style?: Style;
  /** Finds the view in tests (`getByTestId`); `data-testid` on the web. */
  testID?: string;
  key?: Key;
}

/** What assistive technology is told about a view. */
export interface AccessibilityProps {
  /** The accessible name, when the visible text is not enough (an icon button). */
  accessibilityLabel?: string;
  accessibilityRole?: AccessibilityRole;
  accessibilityState?: AccessibilityState;
  /** The view is a modal: assistive technology and keyboard focus stay inside it while it is shown (`aria-modal` on the web). */
  accessibilityViewIsModal?: boolean;
  /** The user asked to leave (Escape on the web, the two-finger scrub on iOS): a modal closes here. */
  onAccessibilityEscape?: () => unknown;
}

/** A view that can be pressed. `onClick` may return a promise: it then runs as a task of the component. */
export interface PressableProps {
  onClick?: () => unknown;
  /** Ignores presses (and, on a `Button` or `TextInput`, greys it out). */
  disabled?: boolean;
  /** A press held for about half a second (the host decides); `onClick` does not follow it. */
  onLongPress?: () => unknown;
  /** The finger (pointer) went down on the view: for pressed-state feedback. */
  onPressIn?: () => unknown;
  /** The finger (pointer) left the view or went up. */
  onPressOut?: () => unknown;
}

/** Props of `View`, `Column` and `Row`. */
export interface ViewProps extends CommonProps, AccessibilityProps, PressableProps {}

/** Pull-to-refresh, as a host shows it: a spinner while `refreshing`, `onRefresh` when the user pulls. */
export interface RefreshProps {
  refreshing?: boolean;
  onRefresh?: () => unknown;
}

/** Props of `ScrollView`. */
export interface ScrollViewProps extends ViewProps, RefreshProps {
  /** Every scroll, and the first layout or a resize of the viewport. */
  onScroll?: (event: ScrollEvent) => unknown;
}

/** Props of `Text`. */
export interface TextProps extends CommonProps, AccessibilityProps, PressableProps {}

/** Props of `Button`; its label is the first argument. */
export interface ButtonProps extends CommonProps, AccessibilityProps, PressableProps {}

/** Props of `TextInput`, a controlled field: pass `value` and update it in `onChange`. */
export interface TextInputProps extends CommonProps, AccessibilityProps {
  value?: string;
  /** The new text, on every keystroke. */
  onChange?: (text: string) => unknown;
  /** Return pressed in a single-line field, with the current text. */
  onSubmitEditing?: (text: string) => unknown;
  onFocus?: () => unknown;
  onBlur?: () => unknown;
  placeholder?: string;
  /** Accessible name; hosts fall back to `accessibilityLabel`, then the placeholder. */
  label?: string;
  /** Read when the field is created: give it a new `key` to switch. */
  multiline?: boolean;
  /** `false` makes the field read-only. */
  editable?: boolean;
  disabled?: boolean;
  /** The most characters the field takes; `Infinity`, `NaN` or a negative number is no limit. */
  maxLength?: number;
  /** Hides the text (passwords). */
  secureTextEntry?: boolean;
  autoFocus?: boolean;
}

/** An image's source: an `https:`, `blob:`, `data:image` or relative URI, or `{ uri }`. */
export type ImageSource = string | { uri: string };

/** Props of `Image`; its source is the first argument. */
export interface ImageProps extends CommonProps, AccessibilityProps, PressableProps {
  /** A description for screen readers; without one the image is decorative. */
  alt?: string;
}

/** Props of `Spacer`. */
export interface SpacerProps extends CommonProps {}

/** The view a `FlatList` renders into (its rows are its children). */
export interface ListViewProps extends CommonProps, AccessibilityProps, RefreshProps {
  onScroll?: (event: ScrollEvent) => unknown;
}

/**
 * What each host type receives, as the dev check sees element props. The
 * factory's positional content becomes a prop (`Image`'s `source`);
 * `children` is the reconciler's and never checked.
 */
export interface HostPropsByType {
  Text: TextProps;
  Button: ButtonProps;
  TextInput: TextInputProps;
  Image: ImageProps & { source: ImageSource };
  Spacer: SpacerProps;
  View: ViewProps;
  Column: ViewProps;
  Row: ViewProps;
  ScrollView: ScrollViewProps;
  FlatList: ListViewProps;
}

/** The built-in host view types. */
export type HostType = keyof HostPropsByType;

/**
 * What the dev check accepts for a prop at runtime (`undefined` and `null`
 * always pass: they mean "not set"). A list is the allowed strings.
 */
export type PropKind = "function" | "string" | "boolean" | "number" | "style" | "object" | "source" | readonly string[];

const ROLES = [
  "none", "presentation", "button", "link", "heading", "img", "text", "search", "summary",
  "alert", "status", "log", "timer", "progressbar", "dialog", "alertdialog", "tooltip",
  "checkbox", "radio", "radiogroup", "switch", "slider", "spinbutton", "combobox",
  "menu", "menubar", "menuitem", "tab", "tablist", "tabpanel", "toolbar",
  "list", "listitem", "grid", "row", "cell", "group", "region", "article", "separator",
  "banner", "main", "navigation", "form", "contentinfo", "complementary",
] as const satisfies readonly AccessibilityRole[];

const COMMON = { style: "style", testID: "string" } as const;
const ACCESSIBILITY = { accessibilityLabel: "string", accessibilityRole: ROLES, accessibilityState: "object", accessibilityViewIsModal: "boolean", onAccessibilityEscape: "function" } as const;
const PRESSABLE = { onClick: "function", disabled: "boolean", onLongPress: "function", onPressIn: "function", onPressOut: "function" } as const;
const REFRESH = { refreshing: "boolean", onRefresh: "function" } as const;
const VIEW = { ...COMMON, ...ACCESSIBILITY, ...PRESSABLE } as const;

/** Every built-in host type and the props it takes (the runtime twin of {@link HostPropsByType}). */
export const HOST_PROPS = {
  Text: VIEW,
  Button: VIEW,
  TextInput: {
    ...COMMON,
    ...ACCESSIBILITY,
    value: "string",
    onChange: "function",
    onSubmitEditing: "function",
    onFocus: "function",
    onBlur: "function",
    placeholder: "string",
    label: "string",
    multiline: "boolean",
    editable: "boolean",
    disabled: "boolean",
    maxLength: "number",
    secureTextEntry: "boolean",
    autoFocus: "boolean",
  },
  Image: { ...VIEW, alt: "string", source: "source" },
  Spacer: COMMON,
  View: VIEW,
  Column: VIEW,
  Row: VIEW,
  ScrollView: { ...VIEW, ...REFRESH, onScroll: "function" },
  FlatList: { ...COMMON, ...ACCESSIBILITY, ...REFRESH, onScroll: "function" },
} as const satisfies { readonly [T in HostType]: { readonly [K in Exclude<keyof HostPropsByType[T], "key">]-?: PropKindOf<NonNullable<HostPropsByType[T][K]>> } };

/** The kind that describes a prop's type, so {@link HOST_PROPS} cannot disagree with the interfaces. */
type PropKindOf<T> = [T] extends [(...args: never[]) => unknown]
  ? "function"
  : [T] extends [boolean]
    ? "boolean"
    : [T] extends [number]
      ? "number"
      : string extends T
        ? [T] extends [string] ? "string" : [T] extends [ImageSource] ? "source" : never
        : [T] extends [string]
          ? readonly T[]
          : [T] extends [Style]
            ? "style"
            : "object";
