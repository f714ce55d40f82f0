import { useContext } from "../core/context.js";
import { useEffect } from "../core/hooks.js";
import { RouteContext } from "./context.js";
import type { Navigation, ParamListBase, RouteOf } from "./types.js";
import { isDev } from "../runtime/options.js";

function routeContext(hook: string) {
  const value = useContext(RouteContext);
  if (value === null) throw new Error(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${hook}() must be called inside a screen of a navigator` : /* `${hook}() must be called inside a screen of a navigator` */ `typenative #94: ${hook}`);
  return value;
}

/**
 * The navigation object of the screen this component is in.
 *
 * @example
 * ```ts
 * const navigation = pn.useNavigation<Params>();
 * pn.Button("Open", { onClick: () => navigation.navigate("Detail", { id: 1 }) });
 * ```
 */
export function useNavigation<PL extends ParamListBase = ParamListBase>(): Navigation<PL> {
  return routeContext("useNavigation").navigation as unknown as Navigation<PL>;
}

/**
 * The route of the screen this component is in: `{ key, name, params }`,
 * with `params` typed from the param list.
 *
 * @example
 * ```ts
 * const { params } = pn.useRoute<Params, "Detail">(); // params: { id: number }
 * ```
 */
export function useRoute<PL extends ParamListBase = ParamListBase, N extends keyof PL & string = keyof PL & string>(): RouteOf<PL, N> {
  return routeContext("useRoute").route as unknown as RouteOf<PL, N>;
}

/** True while the screen this component is in is the one shown. */
export function useIsFocused(): boolean {
  return routeContext("useIsFocused").focused;
}

/**
 * Runs `effect` while the screen is focused: when it comes into view, and
 * its cleanup when it leaves (covered, another tab, popped). Pass a stable
 * function (`pn.useCallback`), or it re-runs on every render as an effect
 * without deps would.
 *
 * @example
 * ```ts
 * pn.useFocusEffect(pn.useCallback(() => {
 *   const timer = setInterval(refresh, 5000);
 *   return () => clearInterval(timer);
 * }, []));
 * ```
 */
export function useFocusEffect(effect: () => void | (() => void)): void {
  const focused = routeContext("useFocusEffect").focused;
  useEffect(() => (focused ? effect() : undefined), [focused, effect]);
}
