import { currentRuntime, type Runtime } from "../runtime/runtime.js";
import { signalManagerOf, type SignalListener } from "./host-signal-manager.js";

/**
 * Whether the app has the user's focus, per runtime: the host tells (on the
 * web, the page is visible: `visibilitychange`, wired by `typenative/web`'s
 * `mount`), the app or a test may override. Stale queries refetch when the
 * app regains focus; interval polling pauses while it is unfocused.
 *
 * Every method acts on the current runtime (a component's while it runs,
 * else `pn.runtime`).
 *
 * @example
 * ```ts
 * pn.focusManager.setFocused(false);  // a test sends the app to the background
 * pn.focusManager.setFocused(true);   // stale queries on screen refetch
 * ```
 */
export const focusManager = {
  /** True unless the host (or a `setFocused(false)`) says the app is in the background. */
  isFocused(): boolean {
    return focusManagerOf(currentRuntime()).get();
  },
  /** Overrides the host: `true`/`false`; `undefined` follows the host again. Listeners hear a change. */
  setFocused(value?: boolean): void {
    focusManagerOf(currentRuntime()).set(value, "focusManager.setFocused(value)");
  },
  /** Calls `listener(focused)` after each change; returns the unsubscribe function. */
  subscribe(listener: SignalListener): () => void {
    return focusManagerOf(currentRuntime()).subscribe(listener, "focusManager.subscribe(listener)");
  },
};

/** @internal The focus manager of `rt`. */
export function focusManagerOf(rt: Runtime) {
  return signalManagerOf(rt, "focus");
}
