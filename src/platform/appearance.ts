import { currentRuntime, type Runtime } from "../runtime/runtime.js";
import { useSyncExternalStore } from "../core/external-store.js";
import type { ColorSchemeService } from "../runtime/services.js";
import { isDev } from "../runtime/options.js";

export type ColorScheme = "light" | "dark";

/** Overrides set by tests (`setColorScheme` from `typenative/testing`), per runtime. */
const overrides = new WeakMap<Runtime, { scheme: ColorScheme; listeners: Set<() => void> }>();

function stateOf(rt: Runtime) {
  let state = overrides.get(rt);
  if (state === undefined) {
    state = { scheme: "light", listeners: new Set() };
    overrides.set(rt, state);
  }
  return state;
}

/**
 * The system's appearance, as React Native's `Appearance`: the host's
 * (`prefers-color-scheme` on the web, the GTK theme on desktop), `"light"`
 * where the host cannot tell.
 */
export const Appearance = {
  getColorScheme(rt: Runtime = currentRuntime()): ColorScheme {
    const service = rt.services.colorScheme;
    return service != null ? service.get() : stateOf(rt).scheme;
  },
  /** Listens to changes; returns the unsubscribe. */
  addChangeListener(listener: () => void, rt: Runtime = currentRuntime()): () => void {
    const service = rt.services.colorScheme;
    if (service != null) return service.subscribe(listener);
    const state = stateOf(rt);
    state.listeners.add(listener);
    return () => void state.listeners.delete(listener);
  },
};

/**
 * @internal Sets the scheme of a runtime whose host cannot tell (tests):
 * replaces any host service, notifies listeners.
 */
export function overrideColorScheme(scheme: ColorScheme, rt: Runtime): void {
  if (scheme !== "light" && scheme !== "dark") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `setColorScheme(scheme): scheme must be "light" or "dark", got ${String(scheme)}` : /* `setColorScheme(scheme): scheme must be "light" or "dark", got ${String(scheme)}` */ `typenative #113: ${String(scheme)}`);
  const state = stateOf(rt);
  const fixed: ColorSchemeService = {
    get: () => state.scheme,
    subscribe(listener) {
      state.listeners.add(listener);
      return () => void state.listeners.delete(listener);
    },
  };
  rt.services.colorScheme = fixed;
  if (state.scheme === scheme) return;
  state.scheme = scheme;
  for (const listener of Array.from(state.listeners)) listener();
}

/**
 * The system colour scheme, `"light"` or `"dark"`; the component re-renders
 * when it changes.
 *
 * @example
 * ```ts
 * const scheme = pn.useColorScheme();
 * pn.View(..., { style: { backgroundColor: scheme === "dark" ? "#111" : "#fff" } });
 * ```
 */
export function useColorScheme(): ColorScheme {
  const rt = currentRuntime();
  return useSyncExternalStore(
    subscribeFor(rt),
    () => Appearance.getColorScheme(rt),
  );
}

const subscribers = new WeakMap<Runtime, (listener: () => void) => () => void>();

/** One subscribe function per runtime, so useSyncExternalStore does not resubscribe on every render. */
function subscribeFor(rt: Runtime): (listener: () => void) => () => void {
  let subscribe = subscribers.get(rt);
  if (subscribe === undefined) {
    subscribe = (listener) => Appearance.addChangeListener(listener, rt);
    subscribers.set(rt, subscribe);
  }
  return subscribe;
}
