import { currentRuntime } from "../runtime/runtime.js";
import { isDev } from "../runtime/options.js";

/** The hosts typenative runs on; a host may name another. */
export type PlatformOS = "web" | "gtk" | "test" | (string & {});

/**
 * Which host runs the app, as React Native's `Platform`. `OS` is the running
 * app's host — `"web"` under `typenative/web`, `"gtk"` in the desktop window,
 * `"test"` under `typenative/testing` — read from its runtime.
 *
 * @example
 * ```ts
 * const padding = pn.Platform.select({ web: 16, gtk: 12, default: 8 });
 * if (pn.Platform.OS === "web") { ... }
 * ```
 */
export const Platform = {
  get OS(): PlatformOS {
    return currentRuntime().services.os ?? "unknown";
  },
  /** The value for the running host, else `default` (undefined when neither is given). */
  select<T>(choices: { web?: T; gtk?: T; test?: T; default?: T } & Record<string, T | undefined>): T | undefined {
    if (typeof choices !== "object" || choices === null) throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "Platform.select(choices): choices must be an object" : /* "Platform.select(choices): choices must be an object" */ "typenative #141");
    const os = Platform.OS;
    return os in choices ? choices[os] : choices.default;
  },
};
