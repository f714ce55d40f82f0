import { createElement, type Child } from "../core/element.js";
import { component, type ComponentFactory } from "../core/component.js";
import { useLayoutEffect, useRef } from "../core/hooks.js";
import { Button, Column, Row, Text, View } from "../components/builtins.js";
import type { Style } from "../components/style.js";
import { useAnimatedValue } from "../animated/components.js";
import { timing } from "../animated/timing.js";
import { dispatch, finishTransition, optionsOf, type ScreenConfig } from "./navigator.js";
import { SCREEN_TYPE, ScreenView, useNavigatorHandle, type NavigatorProps } from "./screen-view.js";
import { useNavigation, useRoute } from "./hooks.js";
import type { Navigation, ParamListBase, RouteOf, ScreenOptions } from "./types.js";

/** Props of a `Screen`: its name in the param list, the component that renders it, and options. */
export interface ScreenProps<PL extends ParamListBase, N extends keyof PL & string = keyof PL & string> {
  name: N;
  component: ComponentFactory<any>;
  options?: ScreenOptions | ((props: { route: RouteOf<PL, N> }) => ScreenOptions);
  initialParams?: PL[N];
}

/** What `createStack()` and `createTabs()` return: typed factories and hooks for one param list. */
export interface NavigatorFactories<PL extends ParamListBase> {
  Navigator: ComponentFactory<NavigatorProps & { initialRouteName?: keyof PL & string }>;
  Screen<N extends keyof PL & string>(props: ScreenProps<PL, N>): ReturnType<typeof createElement>;
  /** `useNavigation()` typed with this param list. */
  useNavigation(): Navigation<PL>;
  /** `useRoute()` typed with this param list and a screen name. */
  useRoute<N extends keyof PL & string>(): RouteOf<PL, N>;
}

/** Makes the `Screen` factory shared by both navigator kinds. */
export function screenFactory<PL extends ParamListBase>() {
  return function Screen<N extends keyof PL & string>(props: ScreenProps<PL, N>) {
    if (typeof props !== "object" || props === null || typeof props.name !== "string") {
      throw new TypeError("Screen({ name, component }): name must be a string");
    }
    return createElement(SCREEN_TYPE, props as unknown as Record<string, unknown>, props.name);
  };
}

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
  return {
    Navigator: StackNavigator as NavigatorFactories<PL>["Navigator"],
    Screen: screenFactory<PL>(),
    useNavigation: useNavigation as () => Navigation<PL>,
    useRoute: useRoute as NavigatorFactories<PL>["useRoute"],
  };
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
    if (shownKey.current === focusedRoute.key) return;
    shownKey.current = focusedRoute.key;
    const duration = options.animation === "none" ? 0 : options.animationDuration ?? DEFAULT_DURATION;
    if (duration <= 0) {
      finishTransition(handle);
      return;
    }
    progress.setValue(0);
    const animation = timing(progress, { to: 1, duration, easing: "easeOut" });
    void animation.then(() => finishTransition(handle));
    return () => animation.stop();
  }, [focusedRoute.key]);

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

export function screenOf(screens: ScreenConfig[], name: string): ScreenConfig | undefined {
  for (const screen of screens) if (screen.name === name) return screen;
  return undefined;
}

const BODY: Style = { flexGrow: 1, flexShrink: 1 };
const HEADER: Style = { alignItems: "center", spacing: 8, paddingHorizontal: 12, paddingVertical: 8, borderBottomWidth: 1, borderColor: "#ddd" };
const HEADER_TITLE: Style = { fontSize: 17, fontWeight: "600" };
