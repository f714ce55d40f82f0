import type { Child } from "../core/element.js";
import { component } from "../core/component.js";
import { useLayoutEffect, useRef } from "../core/hooks.js";
import { Button, Column, Row, View } from "../components/builtins.js";
import type { Style } from "../components/style.js";
import { dispatch, finishTransition, optionsOf, type NavigatorHandle } from "./navigator.js";
import type { NavigationState } from "./state.js";
import { ScreenView, useNavigatorHandle, type NavigatorProps } from "./screen-view.js";
import { navigatorFactories, screenOf, type NavigatorFactories } from "./factories.js";
import type { ParamListBase } from "./types.js";

/**
 * A tab navigator: a tab bar (buttons with the `tab` role, the selected one
 * marked) and the selected tab's screen. A tab is mounted when first shown
 * and keeps its state while another tab is selected.
 *
 * @example
 * ```ts
 * const Tabs = pn.createTabs<{ Posts: undefined; Settings: undefined }>();
 * Tabs.Navigator({}, Tabs.Screen({ name: "Posts", component: Posts }), Tabs.Screen({ name: "Settings", component: Settings }));
 * ```
 */
export function createTabs<PL extends ParamListBase>(): NavigatorFactories<PL> {
  return navigatorFactories<PL>(TabNavigator);
}

const TabNavigator = component(function TabNavigator(props: NavigatorProps): Child {
  const handle = useNavigatorHandle("tabs", props);
  if (!hasEveryTab(handle)) handle.state = withEveryTab(handle);
  const { state } = handle;
  const focusedKey = state.routes[state.index]!.key;
  // Tabs mount lazily: a tab's screen exists once it has been shown.
  const visited = useRef(new Set<string>());
  visited.current.add(focusedKey);
  // Switching tabs does not animate: a move resolves once it is on screen
  // (at every commit: moves that end on the tab shown change no key).
  useLayoutEffect(() => finishTransition(handle));

  const screens = state.routes.map((route, i) =>
    visited.current.has(route.key)
      ? ScreenView({
          key: route.key,
          handle,
          route,
          screen: screenOf(handle.screens, route.name)!,
          focused: handle.focused && i === state.index,
          hidden: i !== state.index,
          style: undefined,
        })
      : null,
  );
  const bar = Row(
    state.routes.map((route, i) => {
      const title = optionsOf(screenOf(handle.screens, route.name), route, props.screenOptions).title ?? route.name;
      return Button(title, {
        key: route.key,
        accessibilityRole: "tab",
        accessibilityState: { selected: i === state.index },
        onClick: () => void dispatch(handle, { type: "navigate", name: route.name }),
        style: i === state.index ? TAB_SELECTED : TAB,
      });
    }),
    { accessibilityRole: "tablist", style: BAR },
  );
  return Column(View(screens, { style: BODY }), bar, { style: BODY });
});

const BODY: Style = { flexGrow: 1, flexShrink: 1 };
const BAR: Style = { borderTopWidth: 1, borderColor: "#ddd" };
const TAB: Style = { flexGrow: 1 };
const TAB_SELECTED: Style = { flexGrow: 1, fontWeight: "700" };

/** Whether the state holds one route per screen, in the screens' order. */
function hasEveryTab({ state, screens }: NavigatorHandle): boolean {
  return state.routes.length === screens.length && state.routes.every((route, i) => route.name === screens[i]!.name);
}

/**
 * The state with a route for every screen, in order, and the same tab
 * focused. A state from a URL has only the screens the path names (a
 * deep link's, as for a stack), and one saved before the app gained a tab
 * lacks that tab: the tab bar must still show them all. A route the state
 * has is kept (its key, params and nested state); a missing one gets a key
 * made from its name (`:` is never in a `routeKey`), so that every render
 * finds the same one until a move writes the state back.
 */
function withEveryTab({ state, screens }: NavigatorHandle): NavigationState {
  const focused = state.routes[state.index]!.name;
  const routes = screens.map((screen) => state.routes.find((route) => route.name === screen.name) ?? { key: `${screen.name}:tab`, name: screen.name });
  return { type: "tabs", index: Math.max(0, routes.findIndex((route) => route.name === focused)), routes };
}
