import { currentRuntime, type Runtime } from "../runtime/runtime.js";
import { isDev } from "../core/options.js";

/** A back handler: returns true when it handled the press (the newest handler is asked first). */
export type BackHandlerListener = () => boolean;

const handlers = new WeakMap<Runtime, BackHandlerListener[]>();

/**
 * The system back action (Android's back button, the browser's back button,
 * Escape in a desktop window, `ui.back()` in tests), as React Native's
 * `BackHandler`. Navigators register here; an app may too, to guard a screen.
 * Handlers belong to the runtime of the code that registers them.
 *
 * @example
 * ```ts
 * pn.useEffect(() => {
 *   const sub = pn.BackHandler.addEventListener("hardwareBackPress", () => { closeMenu(); return true; });
 *   return () => sub.remove();
 * }, []);
 * ```
 */
export const BackHandler = {
  addEventListener(event: "hardwareBackPress", listener: BackHandlerListener): { remove(): void } {
    if (event !== "hardwareBackPress") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `BackHandler.addEventListener: unknown event "${String(event)}"` : /* `BackHandler.addEventListener: unknown event "${String(event)}"` */ `typenative #114: ${String(event)}`);
    if (typeof listener !== "function") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "BackHandler.addEventListener(event, listener): listener must be a function" : /* "BackHandler: listener must be a function" */ "typenative #115");
    const rt = currentRuntime();
    let list = handlers.get(rt);
    if (list === undefined) {
      list = [];
      handlers.set(rt, list);
    }
    // Each registration is its own entry: removing one (twice, or a listener
    // registered twice) never takes out another registration of the same function.
    const entry: BackHandlerListener = () => listener();
    list.push(entry);
    return {
      remove() {
        const at = list.indexOf(entry);
        if (at !== -1) list.splice(at, 1);
      },
    };
  },
};

/**
 * Delivers a back press to `rt`'s handlers, newest first, until one returns
 * true. Returns whether any handled it. Hosts call this; so does `ui.back()`.
 */
export function pressBack(rt: Runtime = currentRuntime()): boolean {
  const list = handlers.get(rt);
  if (list === undefined) return false;
  for (let i = list.length - 1; i >= 0; i--) {
    const listener = list[i];
    if (listener === undefined) continue;
    try {
      if (listener() === true) return true;
    } catch (error) {
      rt.reportError(error, { source: "BackHandler" });
    }
  }
  return false;
}
