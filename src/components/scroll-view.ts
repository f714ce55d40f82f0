import { createElement, type Child, type Element } from "../core/element.js";
import { HOST_TYPE } from "../core/element.js";
import { ScrollView as HostScrollView, View } from "./builtins.js";
import type { ScrollViewProps, ViewProps } from "./props.js";
import { refreshPropsOf } from "./refresh-control.js";
import { ActivityIndicator } from "./activity-indicator.js";

/** Props of {@link ScrollView}: a host scroll view's, plus `refreshControl`. */
export interface ScrollViewWithRefreshProps extends ScrollViewProps {
  /** Pull-to-refresh: `pn.RefreshControl({ refreshing, onRefresh })`. */
  refreshControl?: Element;
}

/**
 * A scrollable column. With `refreshControl` it shows a spinner at its top
 * while refreshing and hands `onRefresh` to hosts with a pull gesture.
 *
 * @example
 * ```ts
 * pn.ScrollView(...rows, { refreshControl: pn.RefreshControl({ refreshing, onRefresh: reload }) });
 * ```
 */
export const ScrollView = Object.assign(
  function ScrollView(...args: Array<Child | ScrollViewWithRefreshProps>): Element {
    const element = (HostScrollView as (...a: unknown[]) => Element)(...args);
    const props = element.props as ScrollViewWithRefreshProps & { children?: Child };
    if (!("refreshControl" in props)) return element;
    const { refreshControl, children, ...rest } = props;
    const refresh = refreshPropsOf(refreshControl);
    const hostProps: Record<string, unknown> = rest;
    if (refresh !== null) {
      hostProps.refreshing = refresh.refreshing;
      if (refresh.onRefresh !== undefined) hostProps.onRefresh = refresh.onRefresh;
    }
    // The spinner's slot is there (a hole) while not refreshing, or with no
    // control (`refreshControl: undefined`), and the children follow it as
    // siblings: they keep their place, state and views when it comes and
    // goes, and are no nested list that wants keys.
    hostProps.children = ([refresh?.refreshing === true ? ActivityIndicator() : null] as Child[]).concat(children ?? []);
    return createElement("ScrollView", hostProps, element.key);
  },
  { [HOST_TYPE]: "ScrollView" },
) as unknown as typeof HostScrollView & ((...args: Array<Child | ScrollViewWithRefreshProps>) => Element);

/**
 * The area not covered by notches, status bars and home indicators. Hosts
 * without such things (the web, desktop windows) render a plain `View`.
 */
export function SafeAreaView(...args: Array<Child | ViewProps>): Element {
  return (View as (...a: unknown[]) => Element)(...args);
}

/**
 * Moves its content out of the on-screen keyboard's way on phones. The web
 * and desktop have no on-screen keyboard covering the app, so it is a plain
 * `View` there (documented, not a stub: there is nothing to avoid).
 */
export function KeyboardAvoidingView(...args: Array<Child | (ViewProps & { behavior?: "padding" | "height" | "position" })>): Element {
  const element = (View as (...a: unknown[]) => Element)(...args);
  if (!("behavior" in element.props)) return element;
  const { behavior: _behavior, ...rest } = element.props;
  return createElement("View", rest, element.key);
}


