import type { NavigationAction, NavigationState, Route } from "./state.js";

/** A screen-name → params map: `{ Home: undefined; Detail: { id: number } }`. */
export type ParamListBase = Record<string, object | undefined>;

/** `navigate("Home")` when the screen takes no params, `navigate("Detail", { id })` when it needs them. */
export type NavigateArgs<PL extends ParamListBase, N extends keyof PL> = undefined extends PL[N]
  ? [name: N, params?: PL[N]]
  : [name: N, params: PL[N]];

/** What `beforeRemove` listeners get: call `preventDefault()` to keep the screen, and `dispatch(e.data.action)` later to go on. */
export interface BeforeRemoveEvent {
  readonly data: { readonly action: NavigationAction };
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

/** Events a screen can listen to with `navigation.addListener`. */
export interface NavigationEventMap {
  beforeRemove: BeforeRemoveEvent;
  focus: undefined;
  blur: undefined;
}

/**
 * The navigation object of a screen (`pn.useNavigation()`). Moves resolve
 * when the screen transition has finished; a move this navigator cannot make
 * (a screen it does not have, nothing to go back to) goes to the parent
 * navigator.
 */
export interface Navigation<PL extends ParamListBase = ParamListBase> {
  /** Goes to `name`: back to it if it is in the stack, else pushes it (tabs: switches). */
  navigate<N extends keyof PL & string>(...args: NavigateArgs<PL, N>): Promise<void>;
  /** Pushes a new `name` screen even if one is in the stack already. */
  push<N extends keyof PL & string>(...args: NavigateArgs<PL, N>): Promise<void>;
  /** Replaces the current screen. */
  replace<N extends keyof PL & string>(...args: NavigateArgs<PL, N>): Promise<void>;
  /** Pops the current screen (or asks the parent navigator). */
  goBack(): Promise<void>;
  /** True when `goBack()` would do something here or in a parent navigator. */
  canGoBack(): boolean;
  /** Replaces this navigator's state (plain JSON; keys are filled in). */
  reset(state: { index?: number; routes: ReadonlyArray<{ name: keyof PL & string; params?: object; key?: string }> }): Promise<void>;
  /** Merges `params` into this screen's params. */
  setParams(params: Partial<NonNullable<PL[keyof PL]>>): void;
  /** Listens to `beforeRemove`, `focus` or `blur` of this screen; returns the unsubscribe. */
  addListener<E extends keyof NavigationEventMap>(event: E, listener: (event: NavigationEventMap[E]) => void): () => void;
  /** Applies an action (e.g. a `beforeRemove` event's `data.action`). */
  dispatch(action: NavigationAction): Promise<void>;
  /** True while this screen is the one shown. */
  isFocused(): boolean;
  /** The state of the navigator this screen belongs to. */
  getState(): NavigationState;
  /** The navigation of the screen holding this navigator, if it is nested. */
  getParent(): Navigation | undefined;
}

/** What `pn.useRoute()` returns: this screen's route, with typed params. */
export type RouteOf<PL extends ParamListBase, N extends keyof PL = keyof PL> = N extends keyof PL
  ? { readonly key: string; readonly name: N; readonly params: PL[N] }
  : never;

/** Options of one screen (or, as `screenOptions`, of all of a navigator's screens). */
export interface ScreenOptions {
  /** The header title (stack) or tab label; defaults to the screen's name. */
  title?: string;
  /** Show the stack header with its title and back button. Default true. */
  headerShown?: boolean;
  /** How a stack screen comes in: `"slide"` (default), `"fade"` or `"none"`. */
  animation?: "slide" | "fade" | "none";
  /** Transition length in ms. Default 250. */
  animationDuration?: number;
}

export type { NavigationAction, NavigationState, Route };
