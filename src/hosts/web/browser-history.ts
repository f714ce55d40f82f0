import type { ColorSchemeService, HistoryService } from "../../runtime/services.js";
import { lazy } from "./lazy.js";
import { eventSignal } from "./connectivity.js";

/**
 * The browser's address bar and back/forward buttons, for navigation
 * containers with `linking`: `push` adds a history entry, the user's back
 * and forward moves come back through `subscribe` (`popstate`), and going
 * back restores the page's scroll (keyed-history.ts).
 *
 * Only `location()` is read during a render (a container's first screen
 * comes from the URL); `push`, `replace` and `subscribe` are called from
 * effects, so their implementation loads with the first of them (lazy.ts)
 * and they run in call order. Until a `push` or `replace` has been applied,
 * `location()` says the path it asked for, as it will be.
 */
export function browserHistory(view: Window): HistoryService {
  const keyed = lazy(() => import("./keyed-history.js").then((module) => module.keyedHistory(view)));
  let asked: string | null = null;
  const go = (path: string, replace: boolean): void => {
    asked = path;
    keyed((history) => {
      if (replace) history.replace(path);
      else history.push(path);
      // Later calls still waiting keep theirs.
      if (asked === path) asked = null;
    });
  };
  return {
    location: () => asked ?? view.location.pathname + view.location.search,
    push: (path) => go(path, false),
    replace: (path) => go(path, true),
    subscribe(listener) {
      let listening = true;
      let unsubscribe: (() => void) | null = null;
      keyed((history) => {
        if (listening) unsubscribe = history.subscribe(listener);
      });
      return () => {
        listening = false;
        unsubscribe?.();
      };
    },
  };
}

/** `prefers-color-scheme`, followed live. */
export function mediaColorScheme(view: Window): ColorSchemeService {
  // No matchMedia (an old or synthetic window): always light, never a change.
  const query = view.matchMedia?.("(prefers-color-scheme: dark)") ?? null;
  return eventSignal(() => (query?.matches ? "dark" : "light"), query, ["change"]);
}
