import type { ColorSchemeService, HistoryService } from "../../runtime/services.js";

/**
 * The browser's address bar and back/forward buttons, for navigation
 * containers with `linking`: `push` adds a history entry, the user's back
 * and forward moves come back through `subscribe` (`popstate`).
 */
export function browserHistory(view: Window): HistoryService {
  return {
    location: () => view.location.pathname + view.location.search,
    push(path) {
      view.history.pushState(null, "", path);
    },
    replace(path) {
      view.history.replaceState(null, "", path);
    },
    subscribe(listener) {
      const onPop = (): void => listener(view.location.pathname + view.location.search);
      view.addEventListener("popstate", onPop);
      return () => view.removeEventListener("popstate", onPop);
    },
  };
}

/** `prefers-color-scheme`, followed live. */
export function mediaColorScheme(view: Window): ColorSchemeService {
  const query = typeof view.matchMedia === "function" ? view.matchMedia("(prefers-color-scheme: dark)") : null;
  return {
    get: () => (query !== null && query.matches ? "dark" : "light"),
    subscribe(listener) {
      if (query === null) return () => {};
      query.addEventListener("change", listener);
      return () => query.removeEventListener("change", listener);
    },
  };
}
