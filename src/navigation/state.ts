import { options } from "../core/options.js";
/**
 * Navigation state as plain JSON, and the pure functions that change it.
 * Framework-free: navigators call these and render what they return, the
 * container persists the result, linking turns it into a URL and back.
 */

/** A screen in a navigator's history: `key` is unique, `name` is the screen, `params` its input. */
export interface Route<Name extends string = string, Params = unknown> {
  readonly key: string;
  readonly name: Name;
  readonly params?: Params;
  /** A nested navigator's state, when the screen holds one. */
  readonly state?: NavigationState;
}

/** A navigator's state: its routes and which one is focused. Plain JSON. */
export interface NavigationState {
  readonly type: "stack" | "tabs";
  readonly index: number;
  readonly routes: readonly Route[];
}

/** An action a navigator applies (also what a `beforeRemove` listener may re-dispatch). */
export type NavigationAction =
  | { type: "navigate"; name: string; params?: unknown }
  | { type: "push"; name: string; params?: unknown }
  | { type: "replace"; name: string; params?: unknown }
  | { type: "goBack" }
  | { type: "reset"; state: NavigationState }
  | { type: "setParams"; key: string; params: unknown };

let nextKey = 0;

/** A key unique in this process: `Name-<n>`. */
export function routeKey(name: string): string {
  return `${name}-${(nextKey++).toString(36)}`;
}

/**
 * Applies `action` to a navigator's `state`. Returns the new state, or null
 * when this navigator cannot handle it (the action bubbles to its parent):
 * a `navigate` to a screen it does not have, a `goBack` with nothing to pop.
 */
export function reduce(state: NavigationState, action: NavigationAction, names: readonly string[]): NavigationState | null {
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

/** A stack starting at `initial`, or tabs with every screen in order and `initial` focused. */
export function initialState(type: NavigationState["type"], names: readonly string[], initial: string | undefined, params?: unknown): NavigationState {
  const first = initial ?? names[0];
  if (first === undefined || !names.includes(first)) {
    throw new Error(options.dev && process.env.NODE_ENV !== "production" ? `Navigator: initialRouteName "${String(initial)}" is not one of its screens (${names.join(", ")})` : `Navigator: unknown initialRouteName "${String(initial)}"`);
  }
  if (type === "stack") return { type, index: 0, routes: [makeRoute(first, params)] };
  return { type, index: names.indexOf(first), routes: names.map((name) => makeRoute(name, name === first ? params : undefined)) };
}

/**
 * Checks a state that came from outside (storage, a URL, `reset`): the right
 * shape, known screen names, an index in range. Returns it (with keys filled
 * in) or throws a clear error; a navigator never renders a state it cannot show.
 */
export function validate(state: unknown, names: readonly string[]): NavigationState {
  if (typeof state !== "object" || state === null) throw new TypeError("navigation state must be an object { index, routes }");
  const s = state as { type?: unknown; index?: unknown; routes?: unknown };
  if (!Array.isArray(s.routes) || s.routes.length === 0) throw new TypeError("navigation state: routes must be a non-empty array");
  const type = s.type === "tabs" ? "tabs" : "stack";
  const index = s.index === undefined ? s.routes.length - 1 : s.index;
  if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= s.routes.length) {
    throw new RangeError(`navigation state: index ${String(s.index)} is out of range`);
  }
  const routes = s.routes.map((raw: unknown) => {
    if (typeof raw !== "object" || raw === null || typeof (raw as Route).name !== "string") throw new TypeError("navigation state: every route needs a name");
    const route = raw as Route;
    if (!names.includes(route.name)) throw new Error(options.dev && process.env.NODE_ENV !== "production" ? `navigation state: unknown screen "${route.name}" (expected one of ${names.join(", ")})` : `navigation state: unknown screen "${route.name}"`);
    return { ...route, key: typeof route.key === "string" ? route.key : routeKey(route.name) };
  });
  return { type, index, routes };
}

/** Routes in `before` that are not in `after` (by key): what a change removes. */
export function removedRoutes(before: NavigationState, after: NavigationState): Route[] {
  const kept = new Set(after.routes.map((r) => r.key));
  return before.routes.filter((r) => !kept.has(r.key));
}

function push(state: NavigationState, name: string, params: unknown): NavigationState {
  const routes = state.routes.slice(0, state.index + 1);
  routes.push(makeRoute(name, params));
  return { ...state, index: routes.length - 1, routes };
}

function makeRoute(name: string, params: unknown): Route {
  return params === undefined ? { key: routeKey(name), name } : { key: routeKey(name), name, params };
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
