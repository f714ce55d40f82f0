import { isDev } from "../core/options.js";
/**
 * Navigation state as plain JSON, and the pure functions that make and check
 * it. Framework-free: navigators render what these return, the container
 * persists the result, linking turns it into a URL and back. The reducer
 * that moves a state by an action is in actions.ts, imported on the first
 * move.
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

/** A stack starting at `initial`, or tabs with every screen in order and `initial` focused. */
export function initialState(type: NavigationState["type"], names: readonly string[], initial: string | undefined, params?: unknown): NavigationState {
  const first = initial ?? names[0];
  if (first === undefined || !names.includes(first)) {
    throw new Error(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `Navigator: initialRouteName "${String(initial)}" is not one of its screens (${names.join(", ")})` : /* `Navigator: unknown initialRouteName "${String(initial)}"` */ `typenative #102: ${String(initial)}`);
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
  if (typeof state !== "object" || state === null) throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "navigation state must be an object { index, routes }" : /* "navigation state must be an object" */ "typenative #103");
  const s = state as { type?: unknown; index?: unknown; routes?: unknown };
  if (!Array.isArray(s.routes) || s.routes.length === 0) throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "navigation state: routes must be a non-empty array" : /* "navigation state: no routes" */ "typenative #104");
  const type = s.type === "tabs" ? "tabs" : "stack";
  const index = s.index === undefined ? s.routes.length - 1 : s.index;
  if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= s.routes.length) {
    throw new RangeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `navigation state: index ${String(s.index)} is out of range` : /* "navigation state: index out of range" */ "typenative #105");
  }
  const routes = s.routes.map((raw: unknown) => {
    if (typeof raw !== "object" || raw === null || typeof (raw as Route).name !== "string") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "navigation state: every route needs a name" : /* "navigation state: every route needs a name" */ "typenative #106");
    const route = raw as Route;
    if (!names.includes(route.name)) throw new Error(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `navigation state: unknown screen "${route.name}" (expected one of ${names.join(", ")})` : /* `navigation state: unknown screen "${route.name}"` */ `typenative #107: ${route.name}`);
    return { ...route, key: typeof route.key === "string" ? route.key : routeKey(route.name) };
  });
  return { type, index, routes };
}

/** @internal A new route with a fresh key (`params` only when given). */
export function makeRoute(name: string, params: unknown): Route {
  return params === undefined ? { key: routeKey(name), name } : { key: routeKey(name), name, params };
}
