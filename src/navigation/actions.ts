/**
 * What a navigator does when it moves, imported on the first move (see
 * `dispatch` in navigator.ts): the pure reducer from a state and an action
 * to the next state, the dispatch that asks `beforeRemove` listeners,
 * bubbles a move to the parent navigator and hands the state to the
 * navigator's slot, and the move a URL change makes (the browser's back and
 * forward buttons: `followPath`).
 *
 * No app moves before its first render: the first screen comes from the
 * navigator's `initialRouteName`, a saved state or the URL, none of which
 * dispatches. Built on a kit of framework parts handed to it (see
 * src/platform/deferred.ts), so its chunk imports nothing;
 * `typenative/testing` registers it up front.
 */
import type { options } from "../core/options.js";
import type { emit, NavigatorHandle } from "./navigator.js";
import type { ContainerHandle, StateSlot } from "./context.js";
import type { LinkingOptions, stateFromPath } from "./linking.js";
import type { makeRoute, NavigationAction, NavigationState, Route, validate } from "./state.js";
import type { BeforeRemoveEvent } from "./types.js";

/** @internal The framework parts a navigator's moves use. */
export interface NavigationKit {
  readonly makeRoute: typeof makeRoute;
  readonly validate: typeof validate;
  readonly emit: typeof emit;
  readonly stateFromPath: typeof stateFromPath;
  readonly options: typeof options;
}

/** @internal What {@link implement} builds: the moves of every navigator. */
export type NavigationActions = ReturnType<typeof implement>;

/** @internal Builds the navigators' moves on `kit`. */
export function implement({ makeRoute, validate, emit, stateFromPath, options }: NavigationKit) {
  /** Actions a `beforeRemove` listener already vetoed once: dispatching them again goes through. */
  const confirmed = new WeakSet<NavigationAction>();

  /**
   * Applies `action` to a navigator's `state`. Returns the new state, or null
   * when this navigator cannot handle it (the action bubbles to its parent):
   * a `navigate` to a screen it does not have, a `goBack` with nothing to pop.
   */
  function reduce(state: NavigationState, action: NavigationAction, names: readonly string[]): NavigationState | null {
    switch (action.type) {
      case "navigate": {
        if (!names.includes(action.name)) return null;
        if (state.type === "tabs") {
          const index = state.routes.findIndex((r) => r.name === action.name);
          const routes = action.params === undefined ? state.routes : replaceAt(state.routes, index, { ...state.routes[index]!, params: action.params });
          return { ...state, index, routes };
        }
        // A stack goes back to the screen if it is in the history, else pushes it.
        const existing = lastIndexOf(state.routes, action.name, state.index);
        if (existing === -1) return push(state, action.name, action.params);
        const routes = state.routes.slice(0, existing + 1);
        if (action.params !== undefined) routes[existing] = { ...routes[existing]!, params: action.params };
        return { ...state, index: existing, routes };
      }
      case "push":
        if (!names.includes(action.name) || state.type !== "stack") return null;
        return push(state, action.name, action.params);
      case "replace": {
        if (!names.includes(action.name) || state.type !== "stack") return null;
        const routes = state.routes.slice(0, state.index);
        routes.push(makeRoute(action.name, action.params));
        return { ...state, index: routes.length - 1, routes };
      }
      case "goBack":
        if (state.type !== "stack" || state.index === 0) return null;
        return { ...state, index: state.index - 1, routes: state.routes.slice(0, state.index) };
      case "reset":
        return validate(action.state, names);
      case "setParams": {
        const index = state.routes.findIndex((r) => r.key === action.key);
        if (index === -1) return null;
        const route = state.routes[index]!;
        return { ...state, routes: replaceAt(state.routes, index, { ...route, params: { ...(route.params as object), ...(action.params as object) } }) };
      }
    }
  }

  function push(state: NavigationState, name: string, params: unknown): NavigationState {
    const routes = state.routes.slice(0, state.index + 1);
    routes.push(makeRoute(name, params));
    return { ...state, index: routes.length - 1, routes };
  }

  /** Routes in `before` that are not in `after` (by key): what a change removes. */
  function removedRoutes(before: NavigationState, after: NavigationState): Route[] {
    const kept = new Set(after.routes.map((r) => r.key));
    return before.routes.filter((r) => !kept.has(r.key));
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

  /**
   * Applies `action` to `handle`'s navigator. Removing screens asks their
   * `beforeRemove` listeners first; a move this navigator cannot make goes
   * to its parent. Resolves when the transition has finished (at once when
   * nothing changed or the move was vetoed).
   */
  function dispatch(handle: NavigatorHandle, action: NavigationAction): Promise<void> {
    const names = handle.screens.map((s) => s.name);
    const next = reduce(handle.state, action, names);
    if (next === null) {
      if (handle.parent !== null) return handle.parent.dispatch(action);
      if (options.dev && process.env.NODE_ENV !== "production" && action.type !== "goBack") {
        options.warn(`Navigation: no navigator could handle ${describe(action)}; the screens here are ${names.join(", ")}.`);
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
    for (const route of removed) {
      handle.listeners.delete(route.key);
      handle.navigations.delete(route.key);
    }
    const done = focusChanged ? new Promise<void>((resolve) => handle.pending.push(resolve)) : Promise.resolve();
    write(handle.slot, next);
    return done;
  }

  return {
    dispatch,
    /** The root navigator of `container` goes where `path` points (see `followPath` in navigator.ts). */
    follow(container: ContainerHandle, path: string, linking: LinkingOptions): Promise<void> {
      const target = stateFromPath(path, linking);
      const root = rootNavigator(container);
      if (target === undefined || root === null) return Promise.resolve();
      const route = deepestRoute(target);
      // Back to an earlier screen of the root stack that is the very one the
      // URL names (`/post/7` below `/post/8`): to that route, its state kept,
      // not the screen on show given the other's params.
      const { state } = root;
      if (route !== undefined && route === target.routes[target.index]) {
        for (let i = state.index - 1; i >= 0; i--) {
          if (isAt(state.routes[i]!, route)) return dispatch(root, { type: "reset", state: { ...state, index: i, routes: state.routes.slice(0, i + 1) } });
        }
      }
      return route !== undefined && popsTo(root, route.name)
        ? dispatch(root, { type: "navigate", name: route.name, params: route.params })
        : dispatch(root, { type: "reset", state: { ...target, type: root.type } });
    },
  };
}

/**
 * Writes a navigator's new state into its slot: the container's, or the
 * route of the screen holding it, which is a new state of the navigator
 * above, written into that one's slot in turn.
 */
function write(slot: StateSlot, next: NavigationState): void {
  if ("set" in slot) return slot.set(next);
  const { owner, key } = slot;
  const index = owner.state.routes.findIndex((route) => route.key === key);
  if (index === -1) return;
  owner.state = { ...owner.state, routes: replaceAt(owner.state.routes, index, { ...owner.state.routes[index]!, state: next }) };
  write(owner.slot, owner.state);
}

function rootNavigator(container: ContainerHandle): NavigatorHandle | null {
  for (const handle of container.navigators) if (handle.depth === 0) return handle;
  return null;
}

/** The focused route of the innermost navigator in `state`. */
function deepestRoute(state: NavigationState): Route | undefined {
  const route = state.routes[state.index];
  if (route === undefined) return undefined;
  return route.state !== undefined ? deepestRoute(route.state) ?? route : route;
}

/** True when `route` is the screen `target` (from a URL) names: the same name, and the path's params (as text). */
function isAt(route: Route, target: Route): boolean {
  if (route.name !== target.name) return false;
  const params = (route.params ?? {}) as Record<string, unknown>;
  const wanted = (target.params ?? {}) as Record<string, unknown>;
  return Object.keys(wanted).every((key) => String(params[key]) === String(wanted[key]));
}

/** True when going back in `handle`'s stack reaches a screen named `name`; for tabs, when it has that tab (a move switches to it). */
function popsTo(handle: NavigatorHandle, name: string): boolean {
  return handle.state.routes.some((route, i) => (i < handle.state.index || handle.type === "tabs") && route.name === name);
}

function lastIndexOf(routes: readonly Route[], name: string, upTo: number): number {
  for (let i = Math.min(upTo, routes.length - 1); i >= 0; i--) if (routes[i]!.name === name) return i;
  return -1;
}

function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  const copy = list.slice();
  copy[index] = value;
  return copy;
}

function describe(action: NavigationAction): string {
  return "name" in action ? `${action.type}("${action.name}")` : action.type;
}
