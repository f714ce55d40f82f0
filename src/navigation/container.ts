import type { Child } from "../core/element.js";
import { component } from "../core/component.js";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "../core/hooks.js";
import { useAsyncEffect } from "../data/use-async-effect.js";
import { AsyncStorage } from "../platform/storage.js";
import { BackHandler } from "../platform/back-handler.js";
import { currentRuntime } from "../runtime/runtime.js";
import { ContainerContext, SlotContext, type ContainerHandle, type StateSlot } from "./context.js";
import { dispatch, followPath, type NavigatorHandle } from "./navigator.js";
import { pathFromState, stateFromPath, type LinkingOptions } from "./linking.js";
import type { NavigationState } from "./state.js";

/** Props of {@link NavigationContainer}. */
export interface NavigationContainerProps {
  /** The state to start from (plain JSON, as `onStateChange` gave it). */
  initialState?: NavigationState;
  /** Told about every new state, after it is on screen. */
  onStateChange?: (state: NavigationState) => void;
  /**
   * Saves the state under this AsyncStorage key and restores it before the
   * first render (nothing renders until it has been read).
   */
  persistKey?: string;
  /** URL paths for screens; the web host keeps the address bar and the back button in step. */
  linking?: LinkingOptions;
  children?: Child;
}

/**
 * Holds the navigation state of the navigators inside it: the root
 * navigator's state and, in its routes, the nested ones'. The state is
 * plain JSON; with `persistKey` it survives restarts, with `linking` it
 * follows the URL where the host has one. The system back action (a
 * browser's back button, Escape on desktop, `ui.back()` in tests) pops the
 * deepest focused stack.
 *
 * @example
 * ```ts
 * pn.NavigationContainer({ persistKey: "nav" }, Stack.Navigator({}, ...screens));
 * ```
 */
export const NavigationContainer = component(function NavigationContainer(props: NavigationContainerProps): Child {
  const { persistKey, linking } = props;
  const history = linking === undefined ? null : currentRuntime().services.history ?? null;
  const [state, setState] = useState<NavigationState | undefined>(() => {
    if (history !== null && linking !== undefined) return stateFromPath(history.location(), linking) ?? props.initialState;
    return props.initialState;
  });
  const [ready, setReady] = useState(persistKey === undefined);
  const container = useMemo<ContainerHandle>(() => ({ navigators: new Set() }), []);
  const latest = useRef(props);
  latest.current = props;

  useAsyncEffect(async () => {
    if (persistKey === undefined) return;
    try {
      const saved = await AsyncStorage.getJson<NavigationState>(persistKey);
      // A URL the user opened wins over the saved stack.
      if (saved !== null && !(history !== null && linking !== undefined && stateFromPath(history.location(), linking) !== undefined)) setState(saved);
    } finally {
      setReady(true);
    }
  }, []);

  // Undefined until the first sync, which replaces the entry the page was
  // opened at (`/post/7?ref=x`, `/post/7/`) rather than pushing one that
  // the back button would only return to.
  const lastPath = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!ready) return;
    // No state of its own yet (no initial state, a URL no screen has): the next one is a move.
    if (state === undefined) return void (lastPath.current = null);
    latest.current.onStateChange?.(state);
    if (persistKey !== undefined) void AsyncStorage.setJson(persistKey, state);
    if (history !== null && linking !== undefined) {
      const path = pathFromState(state, linking);
      if (path !== undefined && path !== history.location() && path !== lastPath.current) history[lastPath.current === undefined ? "replace" : "push"](path);
      lastPath.current = path ?? null;
    }
  }, [state, ready]);

  // The browser's back and forward buttons: go to the screen the URL names.
  // What that takes is loaded with the navigators' moves (actions.ts): a
  // URL change is one of them, made after the first screen.
  useEffect(() => {
    if (history === null || linking === undefined) return;
    return history.subscribe((path) => {
      lastPath.current = path;
      void followPath(container, path, linking);
    });
  }, []);

  // A layout effect: back works as soon as the container is on screen.
  useLayoutEffect(() => BackHandler.addEventListener("hardwareBackPress", () => back(container)).remove, []);

  const slot = useMemo<StateSlot>(() => ({ state, set: setState }), [state]);
  if (!ready) return null;
  return ContainerContext.Provider({ value: container }, SlotContext.Provider({ value: slot }, props.children));
});

/** Pops the deepest focused stack that can pop; false when none can (the host may then close the app). */
function back(container: ContainerHandle): boolean {
  let best: NavigatorHandle | null = null;
  for (const handle of container.navigators) {
    if (!handle.focused || handle.type !== "stack" || handle.state.index === 0) continue;
    if (best === null || handle.depth > best.depth) best = handle;
  }
  if (best === null) return false;
  void dispatch(best, { type: "goBack" });
  return true;
}
