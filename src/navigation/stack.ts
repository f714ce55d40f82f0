import type { Child } from "../core/element.js";
import { component } from "../core/component.js";
import { useLayoutEffect, useRef } from "../core/hooks.js";
import { Button, Column, Row, Text, View } from "../components/builtins.js";
import type { Style } from "../components/style.js";
import { useAnimatedValue } from "../animated/components.js";
import { timing } from "../animated/timing.js";
import { dispatch, finishTransition, optionsOf } from "./navigator.js";
import { ScreenView, useNavigatorHandle, type NavigatorProps } from "./screen-view.js";
import { navigatorFactories, screenOf, type NavigatorFactories } from "./factories.js";
import type { ParamListBase } from "./types.js";

export type { NavigatorFactories, ScreenProps } from "./factories.js";

const DEFAULT_DURATION = 250;

/**
 * A stack navigator: screens pile up as you navigate, the one on top is
 * shown with a header (its title and a back button), the ones below keep
 * their state until popped. Pushing or popping animates the screen coming in
 * with `Animated`; `navigate()` resolves when that has finished.
 *
 * @example
 * ```ts
 * type Params = { Home: undefined; Detail: { id: number } };
 * const Stack = pn.createStack<Params>();
 * pn.NavigationContainer({},
 *   Stack.Navigator({ initialRouteName: "Home" },
 *     Stack.Screen({ name: "Home", component: Home }),
 *     Stack.Screen({ name: "Detail", component: Detail, options: { title: "Post" } })));
 * ```
 */
export function createStack<PL extends ParamListBase>(): NavigatorFactories<PL> {
  return navigatorFactories<PL>(StackNavigator);
}

const StackNavigator = component(function StackNavigator(props: NavigatorProps): Child {
  const handle = useNavigatorHandle("stack", props);
  const { state } = handle;
  const focusedRoute = state.routes[state.index]!;
  const screen = screenOf(handle.screens, focusedRoute.name);
  const options = optionsOf(screen, focusedRoute, props.screenOptions);
  const progress = useAnimatedValue(1);
  const shownKey = useRef(focusedRoute.key);
  const entering = useRef<Style | undefined>(undefined);

  useLayoutEffect(() => {
    const key = focusedRoute.key;
    if (shownKey.current === key) return;
    shownKey.current = key;
    const duration = options.animation === "none" ? 0 : options.animationDuration ?? DEFAULT_DURATION;
    if (duration <= 0) {
      finishTransition(handle);
      return;
    }
    progress.setValue(0);
    const animation = timing(progress, { to: 1, duration, easing: "easeOut" });
    // Stopped by a newer transition, it leaves the moves to that one's end.
    void animation.then(() => shownKey.current === key && finishTransition(handle));
    return () => animation.stop();
  }, [focusedRoute.key]);
  // Moves that put back the screen on show (a push and a goBack in one
  // handler) have nothing to animate: done at their commit, unless a
  // transition still runs (its end resolves them).
  useLayoutEffect(() => {
    if (progress.driver === null) finishTransition(handle);
  });

  // The screen coming in fades (and slides) in with `progress`; a stable
  // style object, so the memoized screen views do not re-render for it.
  entering.current ??= options.animation === "fade"
    ? { opacity: progress }
    : { opacity: progress, transform: [{ translateX: progress.interpolate({ inputRange: [0, 1], outputRange: [24, 0] }) }] };

  const screens = state.routes.map((route, i) =>
    ScreenView({
      key: route.key,
      handle,
      route,
      screen: screenOf(handle.screens, route.name)!,
      focused: handle.focused && i === state.index,
      hidden: i !== state.index,
      style: i === state.index && options.animation !== "none" ? entering.current : undefined,
    }),
  );
  const header = options.headerShown === false
    ? null
    : Row(
        state.index > 0
          ? Button("‹ Back", { onClick: () => void dispatch(handle, { type: "goBack" }), accessibilityLabel: "Back", testID: "navigation-back" })
          : null,
        Text(options.title ?? focusedRoute.name, { accessibilityRole: "heading", style: HEADER_TITLE }),
        { style: HEADER },
      );
  return Column(header, View(screens, { style: BODY }), { style: BODY });
});


const BODY: Style = { flexGrow: 1, flexShrink: 1 };
const HEADER: Style = { alignItems: "center", spacing: 8, paddingHorizontal: 12, paddingVertical: 8, borderBottomWidth: 1, borderColor: "#ddd" };
const HEADER_TITLE: Style = { fontSize: 17, fontWeight: "600" };
