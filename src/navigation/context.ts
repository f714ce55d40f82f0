import { createContext } from "../core/context.js";
import type { NavigationState, Route } from "./state.js";
import type { Navigation } from "./types.js";
import type { NavigatorHandle } from "./navigator.js";

/**
 * Where a navigator keeps its state: the container's (root navigator), which
 * `set` writes, or the route `key` of the screen that holds it in the
 * navigator `owner` (nested navigator), which a move writes into `owner`'s
 * state and on up (`write` in actions.ts: only moves write a nested state).
 */
export type StateSlot =
  | { readonly state: NavigationState | undefined; set(next: NavigationState): void }
  | { readonly state: NavigationState | undefined; readonly owner: NavigatorHandle; readonly key: string };

/** What the container shares with its navigators. */
export interface ContainerHandle {
  /** Navigators mounted under the container; back presses go to the deepest focused one first. */
  readonly navigators: Set<NavigatorHandle>;
}

export const SlotContext = createContext<StateSlot | null>(null, "NavigationSlot");
export const ContainerContext = createContext<ContainerHandle | null>(null, "NavigationContainer");

/** The screen being rendered: its route, its navigation object and whether it is shown. */
export interface RouteContextValue {
  readonly route: Route;
  readonly navigation: Navigation;
  readonly focused: boolean;
  /** How deep its navigator is: 0 for the root navigator. */
  readonly depth: number;
}

export const RouteContext = createContext<RouteContextValue | null>(null, "NavigationRoute");
