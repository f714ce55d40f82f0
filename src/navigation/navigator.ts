import { isDev, options as coreOptions } from "../core/options.js";
import type { ComponentFactory } from "../core/component.js";
import { currentRuntime } from "../runtime/runtime.js";
import { deferred } from "../platform/deferred.js";
import { makeRoute, validate, type NavigationAction, type NavigationState, type Route } from "./state.js";
import type { Navigation, NavigationEventMap, ScreenOptions } from "./types.js";
import type { ContainerHandle, StateSlot } from "./context.js";
import type { NavigationActions, NavigationKit } from "./actions.js";
import { stateFromPath, type LinkingOptions } from "./linking.js";

/** A `Screen({ name, component, options, initialParams })` as its navigator reads it. */
export interface ScreenConfig {
  name: string;
  component: ComponentFactory<any>;
  options?: ScreenOptions | ((props: { route: Route }) => ScreenOptions);
  initialParams?: object;
}

type Listener = (event: unknown) => void;

/**
 * One mounted navigator: its latest state (updated synchronously by every
 * dispatch once the moves' code is here, in order before, so moves made in a
 * row compose), its screens, its listeners and
 * the navigation objects of its routes. Framework-free: the navigator
 * components keep one in a ref and render what it holds.
 */
export interface NavigatorHandle {
  type: NavigationState["type"];
  state: NavigationState;
  screens: ScreenConfig[];
  slot: StateSlot;
  /** The navigation of the screen holding this navigator, for moves it cannot make. */
  parent: Navigation | null;
  container: ContainerHandle;
  depth: number;
  /** True while this navigator's screen is shown (a root navigator always is). */
  focused: boolean;
  listeners: Map<string, Map<string, Set<Listener>>>;
  navigations: Map<string, Navigation>;
  /** Moves waiting for their transition to finish. */
  pending: Array<() => void>;
}

/**
 * @internal What a navigator runs when it moves (the reducer, `beforeRemove`,
 * bubbling to the parent, following a URL the browser went to), imported on
 * the first move: no app moves before its first render. `typenative/testing`
 * registers it up front.
 */
export const navigationActions = /* @__PURE__ */ deferred<NavigationKit, NavigationActions>(
  { makeRoute, validate, emit, stateFromPath, options: coreOptions },
  () => import("./actions.js"),
);

/**
 * Applies `action` to `handle`'s navigator. Removing screens asks their
 * `beforeRemove` listeners first; a move this navigator cannot make goes to
 * its parent. Resolves when the transition has finished (at once when
 * nothing changed or the move was vetoed). Moves made before the code has
 * arrived are applied in order once it is here.
 */
export function dispatch(handle: NavigatorHandle, action: NavigationAction): Promise<void> {
  return withActions((actions) => actions.dispatch(handle, action));
}

/**
 * Takes the root navigator of `container` to the screen `path` names (the
 * browser's back and forward buttons): pops to it when it is in the stack
 * (its state kept), else resets to the state the path opens. A move like
 * {@link dispatch}'s, in the same order; a path no screen matches is ignored.
 */
export function followPath(container: ContainerHandle, path: string, linking: LinkingOptions): Promise<void> {
  return withActions((actions) => actions.follow(container, path, linking));
}

/**
 * Runs `move` with the moves' code: at once when it is here, else once it
 * has arrived, after the moves made before it (see `deferred().use`): moves
 * are applied in the order they were made.
 */
function withActions(move: (actions: NavigationActions) => Promise<void>): Promise<void> {
  return Promise.resolve(navigationActions.use(move)).catch((error: unknown) => {
    // Callers drop the promise (a back button), so a failed import is reported, never unhandled.
    currentRuntime().reportError(error, { source: "navigation" });
  });
}

/** Resolves the moves waiting for a transition. */
export function finishTransition(handle: NavigatorHandle): void {
  const pending = handle.pending;
  handle.pending = [];
  for (const resolve of pending) resolve();
}

/** Calls a route's listeners of `event`. */
export function emit(handle: NavigatorHandle, key: string, event: keyof NavigationEventMap, payload: unknown): void {
  const set = handle.listeners.get(key)?.get(event);
  if (set === undefined) return;
  for (const listener of Array.from(set)) listener(payload);
}

/** True when this navigator, or one above it, has a screen to go back to. */
export function canGoBack(handle: NavigatorHandle): boolean {
  if (handle.type === "stack" && handle.state.index > 0) return true;
  return handle.parent !== null && handle.parent.canGoBack();
}

/** The navigation object of `route` in `handle`'s navigator, made once per route. */
export function navigationFor(handle: NavigatorHandle, route: Route): Navigation {
  let navigation = handle.navigations.get(route.key);
  if (navigation !== undefined) return navigation;
  const key = route.key;
  const run = (action: NavigationAction): Promise<void> => dispatch(handle, action);
  navigation = {
    navigate: ((name: string, params?: object) => run({ type: "navigate", name, params })) as Navigation["navigate"],
    push: ((name: string, params?: object) => run({ type: "push", name, params })) as Navigation["push"],
    replace: ((name: string, params?: object) => run({ type: "replace", name, params })) as Navigation["replace"],
    goBack: () => run({ type: "goBack" }),
    canGoBack: () => canGoBack(handle),
    reset: (state) => run({ type: "reset", state: validate({ ...state, type: handle.type }, handle.screens.map((s) => s.name)) }),
    setParams: (params) => void run({ type: "setParams", key, params }),
    addListener(event, listener) {
      if (typeof listener !== "function") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "navigation.addListener(event, listener): listener must be a function" : /* "addListener: listener must be a function" */ "typenative #95");
      let byEvent = handle.listeners.get(key);
      if (byEvent === undefined) handle.listeners.set(key, (byEvent = new Map()));
      let set = byEvent.get(event);
      if (set === undefined) byEvent.set(event, (set = new Set()));
      set.add(listener as Listener);
      return () => void handle.listeners.get(key)?.get(event)?.delete(listener as Listener);
    },
    dispatch: run,
    isFocused: () => handle.focused && handle.state.routes[handle.state.index]?.key === key,
    getState: () => handle.state,
    getParent: () => handle.parent ?? undefined,
  };
  handle.navigations.set(key, navigation);
  return navigation;
}

/** The options of `route`'s screen: the navigator's `screenOptions`, then the screen's own. */
export function optionsOf(screen: ScreenConfig | undefined, route: Route, defaults: ScreenOptions | undefined): ScreenOptions {
  const own = screen?.options;
  const resolved = typeof own === "function" ? own({ route }) : own;
  return { ...defaults, ...resolved };
}

