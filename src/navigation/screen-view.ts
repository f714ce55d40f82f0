import { h, type Child } from "../core/element.js";
import { useContext } from "../core/context.js";
import { useEffect, useLayoutEffect, useMemo, useRef } from "../core/hooks.js";
import { memo } from "../core/memo.js";
import { View } from "../components/builtins.js";
import type { Style } from "../components/style.js";
import { ContainerContext, RouteContext, SlotContext, type StateSlot } from "./context.js";
import { emit, navigationFor, type NavigatorHandle, type ScreenConfig } from "./navigator.js";
import { initialState, validate, type NavigationState, type Route } from "./state.js";
import { isDev, options } from "../core/options.js";

/** Props every navigator takes. */
export interface NavigatorProps {
  /** The screen shown first (stack), or the tab selected first. Default: the first screen. */
  initialRouteName?: string;
  /** Options for every screen; a screen's own options win. */
  screenOptions?: import("./types.js").ScreenOptions;
  children?: Child;
}

/** The element type of `Screen`: it renders nothing by itself; its navigator reads its props. */
export function SCREEN_TYPE(): Child {
  throw new Error(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "A navigator's Screen must be a direct child of its Navigator" : /* "Screen outside its Navigator" */ "typenative #96");
}

/** The screens among a navigator's children, in order. */
export function collectScreens(children: unknown, out: ScreenConfig[] = []): ScreenConfig[] {
  if (Array.isArray(children)) {
    for (const child of children) collectScreens(child, out);
    return out;
  }
  if (typeof children !== "object" || children === null) return out;
  const element = children as { type?: unknown; props?: ScreenConfig };
  const props = element.props;
  if (element.type !== SCREEN_TYPE || props === undefined || typeof props.name !== "string") {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "A Navigator's children must be Screen({ name, component }) elements" : /* "Navigator children must be Screen elements" */ "typenative #97");
  }
  if (typeof props.component !== "function") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `Screen "${props.name}": component must be a component factory` : /* `Screen "${props.name}": component must be a component factory` */ `typenative #98: ${props.name}`);
  if (out.some((s) => s.name === props.name)) throw new Error(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `Two screens are named "${props.name}"` : /* `Two screens are named "${props.name}"` */ `typenative #99: ${props.name}`);
  out.push(props);
  return out;
}

/**
 * The state of the navigator being rendered, kept in a handle that
 * dispatches update synchronously. The slot (container or parent route) is
 * the source of truth between renders: a reset, a restore or a URL writes it.
 */
export function useNavigatorHandle(type: NavigationState["type"], props: NavigatorProps): NavigatorHandle {
  const slot = useContext(SlotContext);
  const container = useContext(ContainerContext);
  if (slot === null || container === null) throw new Error(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "A Navigator must be rendered inside pn.NavigationContainer" : /* "Navigator outside NavigationContainer" */ "typenative #100");
  const parentRoute = useContext(RouteContext);
  const screens = collectScreens(props.children);
  if (screens.length === 0) throw new Error(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "A Navigator needs at least one Screen" : /* "A Navigator needs at least one Screen" */ "typenative #101");
  const ref = useRef<NavigatorHandle | null>(null);
  let handle = ref.current;
  if (handle === null) {
    const names = screens.map((s) => s.name);
    const initial = props.initialRouteName ?? names[0]!;
    const state = slot.state !== undefined
      ? validate({ ...slot.state, type }, names)
      : initialState(type, names, initial, screens.find((s) => s.name === initial)?.initialParams);
    handle = ref.current = {
      type, state, screens, slot, parent: null, container, depth: 0, focused: true,
      listeners: new Map(), navigations: new Map(), pending: [],
    };
  } else if (slot.state !== undefined && slot.state !== handle.state) {
    handle.state = validate({ ...slot.state, type }, screens.map((s) => s.name));
  }
  handle.screens = screens;
  handle.slot = slot;
  handle.parent = parentRoute === null ? null : parentRoute.navigation;
  handle.focused = parentRoute === null ? true : parentRoute.focused;
  handle.depth = parentRoute === null ? 0 : parentRoute.depth + 1;
  const registered = handle;
  // A layout effect, so the back action reaches this navigator from its first commit.
  useLayoutEffect(() => {
    container.navigators.add(registered);
    return () => void container.navigators.delete(registered);
  }, []);
  return handle;
}

/** Props of {@link ScreenView}. */
interface ScreenViewProps {
  handle: NavigatorHandle;
  route: Route;
  screen: ScreenConfig;
  focused: boolean;
  hidden: boolean;
  style: Style | undefined;
}

/**
 * One screen of a navigator: its component with the route context around
 * it. Memoized, so a covered screen does not re-render when the navigator
 * does; hidden screens keep their state (and their tasks) until removed.
 */
export const ScreenView = memo(
  function ScreenView({ handle, route, screen, focused, hidden, style }: ScreenViewProps) {
    const navigation = navigationFor(handle, route);
    // A nested navigator's state lives in this route: its moves write it here (actions.ts).
    const slot = useMemo<StateSlot>(() => ({ state: route.state, owner: handle, key: route.key }), [route.state]);
    const value = useMemo(() => ({ route, navigation, focused, depth: handle.depth }), [route, focused]);
    const wasFocused = useRef(false);
    useEffect(() => {
      if (focused) emit(handle, route.key, "focus", undefined);
      else if (wasFocused.current) emit(handle, route.key, "blur", undefined);
      wasFocused.current = focused;
    }, [focused]);
    const content = RouteContext.Provider({ value }, SlotContext.Provider({ value: slot }, h(screen.component, { route, navigation })));
    return View(content, { style: hidden ? HIDDEN : style === undefined ? SHOWN : { ...SHOWN, ...style } });
  },
  (a, b) => a.route === b.route && a.focused === b.focused && a.hidden === b.hidden && a.style === b.style && a.screen.component === b.screen.component,
);

const SHOWN: Style = { flexGrow: 1, flexShrink: 1 };
// Covered screens stay mounted (their state and scroll survive) but are not
// shown, and tests' queries skip them as a screen reader does.
const HIDDEN: Style = { display: "none" };
