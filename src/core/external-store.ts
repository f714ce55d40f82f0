import { useLayoutEffect, useEffect, useReducer, useRef } from "./hooks.js";
import { isDev, options } from "./options.js";

/**
 * Reads a value from a store outside the component tree and re-renders when
 * it changes. `getSnapshot` must return the same value (by `Object.is`) while
 * the store has not changed; `subscribe(onChange)` returns an unsubscribe.
 *
 * A change made between the render and the subscription is caught when the
 * subscription starts, so the screen never keeps a stale value.
 *
 * @example
 * ```ts
 * const online = pn.useSyncExternalStore(
 *   (onChange) => { addEventListener("online", onChange); addEventListener("offline", onChange);
 *     return () => { removeEventListener("online", onChange); removeEventListener("offline", onChange); }; },
 *   () => navigator.onLine,
 * );
 * ```
 */
export function useSyncExternalStore<T>(subscribe: (onStoreChange: () => void) => () => void, getSnapshot: () => T): T {
  if (typeof subscribe !== "function" || typeof getSnapshot !== "function") {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "useSyncExternalStore(subscribe, getSnapshot): both must be functions" : /* "useSyncExternalStore(subscribe, getSnapshot): both must be functions" */ "typenative #43");
  }
  const value = getSnapshot();
  if (/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" && !Object.is(value, getSnapshot())) {
    options.warn("useSyncExternalStore: getSnapshot returned a different value on two calls in a row; it must return a cached value while the store is unchanged, or the component re-renders forever.");
  }
  // The version bump forces a render: the new snapshot is read then.
  const [, bump] = useReducer(increment, 0);
  const latest = useRef({ value, getSnapshot });
  useLayoutEffect(() => {
    latest.current.value = value;
    latest.current.getSnapshot = getSnapshot;
    if (changed(latest.current)) bump(undefined);
  }, [subscribe, value, getSnapshot]);
  useEffect(() => {
    const check = (): void => {
      if (changed(latest.current)) bump(undefined);
    };
    check();
    return subscribe(check);
  }, [subscribe]);
  return value;
}

function increment(n: number): number {
  return n + 1;
}

function changed<T>(instance: { value: T; getSnapshot: () => T }): boolean {
  try {
    return !Object.is(instance.value, instance.getSnapshot());
  } catch {
    // A throwing getSnapshot re-renders, so the error surfaces in render where a boundary can catch it.
    return true;
  }
}
