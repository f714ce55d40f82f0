import { createElement } from "../core/element.js";
import type { ComponentFactory } from "../core/component.js";
import type { ScreenConfig } from "./navigator.js";
import { SCREEN_TYPE, type NavigatorProps } from "./screen-view.js";
import { useNavigation, useRoute } from "./hooks.js";
import type { Navigation, ParamListBase, RouteOf, ScreenOptions } from "./types.js";
import { isDev, options } from "../core/options.js";

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
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "Screen({ name, component }): name must be a string" : /* "Screen: name must be a string" */ "typenative #93");
    }
    return createElement(SCREEN_TYPE, props as unknown as Record<string, unknown>, props.name);
  };
}

/** The typed factories and hooks of a navigator kind: its `Navigator` component with the shared `Screen` and hooks. */
export function navigatorFactories<PL extends ParamListBase>(Navigator: ComponentFactory<NavigatorProps>): NavigatorFactories<PL> {
  return {
    Navigator: Navigator as NavigatorFactories<PL>["Navigator"],
    Screen: screenFactory<PL>(),
    useNavigation: useNavigation as () => Navigation<PL>,
    useRoute: useRoute as NavigatorFactories<PL>["useRoute"],
  };
}

/** The screen named `name` among a navigator's screens. */
export function screenOf(screens: ScreenConfig[], name: string): ScreenConfig | undefined {
  for (const screen of screens) if (screen.name === name) return screen;
  return undefined;
}
