import { createContext } from "../core/context.js";
import type { NavigationState, Route } from "./state.js";
import type { Navigation } from "./types.js";
import type { NavigatorHandle } from "./navigator.js";

/**
 * Where a navigator keeps its state: the container's (root navigator) or the
 * route of the screen that holds it (nested navigator).
 */
export interface StateSlot {
  readonly state: NavigationState | undefined;
  /** Writes the navigator's new state up the tree. */
  set(next: NavigationState): void;
}

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
