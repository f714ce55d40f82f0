import { options as coreOptions } from "../core/options.js";
import type { ComponentFactory } from "../core/component.js";
import { removedRoutes, reduce, validate, type NavigationAction, type NavigationState, type Route } from "./state.js";
import type { BeforeRemoveEvent, Navigation, NavigationEventMap, ScreenOptions } from "./types.js";
import type { ContainerHandle, StateSlot } from "./context.js";

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
 * dispatch, so moves made in a row compose), its screens, its listeners and
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

/** Actions a `beforeRemove` listener already vetoed once: dispatching them again goes through. */
const confirmed = new WeakSet<NavigationAction>();

/**
 * Applies `action` to `handle`'s navigator. Removing screens asks their
 * `beforeRemove` listeners first; a move this navigator cannot make goes to
 * its parent. Resolves when the transition has finished (at once when
 * nothing changed or the move was vetoed).
 */
export function dispatch(handle: NavigatorHandle, action: NavigationAction): Promise<void> {
  const names = handle.screens.map((s) => s.name);
  const next = reduce(handle.state, action, names);
  if (next === null) {
    if (handle.parent !== null) return handle.parent.dispatch(action);
    if (coreOptions.dev && process.env.NODE_ENV !== "production" && action.type !== "goBack") {
      coreOptions.warn(`Navigation: no navigator could handle ${describe(action)}; the screens here are ${names.join(", ")}.`);
    }
    return Promise.resolve();
  }
  const removed = removedRoutes(handle.state, next);
  if (!confirmed.has(action)) {
    for (const route of removed) {
      if (emitBeforeRemove(handle, route, action)) {
        confirmed.add(action);
        return Promise.resolve();
      }
    }
  }
  const focusChanged = next.routes[next.index]?.key !== handle.state.routes[handle.state.index]?.key;
  handle.state = next;
  for (const route of removed) forget(handle, route.key);
  const done = focusChanged ? new Promise<void>((resolve) => handle.pending.push(resolve)) : Promise.resolve();
  handle.slot.set(next);
  return done;
}

/** Resolves the moves waiting for a transition. */
export function finishTransition(handle: NavigatorHandle): void {
  const pending = handle.pending;
  handle.pending = [];
  for (const resolve of pending) resolve();
}

function forget(handle: NavigatorHandle, key: string): void {
  handle.listeners.delete(key);
  handle.navigations.delete(key);
}

/** Calls a route's listeners of `event`. */
export function emit(handle: NavigatorHandle, key: string, event: keyof NavigationEventMap, payload: unknown): void {
  const set = handle.listeners.get(key)?.get(event);
  if (set === undefined) return;
  for (const listener of Array.from(set)) listener(payload);
}

function emitBeforeRemove(handle: NavigatorHandle, route: Route, action: NavigationAction): boolean {
  let prevented = false;
  const event: BeforeRemoveEvent = {
    data: { action },
    preventDefault() {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
  emit(handle, route.key, "beforeRemove", event);
  return prevented;
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
      if (typeof listener !== "function") throw new TypeError(coreOptions.dev && process.env.NODE_ENV !== "production" ? "navigation.addListener(event, listener): listener must be a function" : "addListener: listener must be a function");
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

function describe(action: NavigationAction): string {
  return "name" in action ? `${action.type}("${action.name}")` : action.type;
}
