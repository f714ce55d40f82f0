import type { ColorSchemeService, HistoryService } from "../../runtime/services.js";

/**
 * The browser's address bar and back/forward buttons, for navigation
 * containers with `linking`: `push` adds a history entry, the user's back
 * and forward moves come back through `subscribe` (`popstate`).
 *
 * Scroll positions are the app's to restore: a covered screen is hidden, so
 * the page shortens while another screen shows, and the browser's own
 * restoration would find nothing to scroll to. Each entry gets a key; the
 * page's scroll is recorded under the current entry's key as it happens
 * (a screen change's own scroll lands after the push, under the new entry),
 * and going back scrolls there once the app has rendered the screen again.
 */
export function browserHistory(view: Window): HistoryService {
  const history = view.history;
  const positions = new Map<string, number>();
  let nextKey = 0;
  const newKey = (): string => `${Date.now().toString(36)}-${nextKey++}`;
  const keyOf = (state: unknown): string | undefined => (state as { typenativeKey?: string } | null)?.typenativeKey;
  let current = keyOf(history.state) ?? newKey();
  if (keyOf(history.state) === undefined) history.replaceState({ ...(history.state as object | null), typenativeKey: current }, "");
  const onScroll = (): void => void positions.set(current, view.scrollY);
  let listeners = 0;
  return {
    location: () => view.location.pathname + view.location.search,
    push(path) {
      history.scrollRestoration = "manual";
      current = newKey();
      history.pushState({ typenativeKey: current }, "", path);
      view.scrollTo(0, 0);
    },
    replace(path) {
      history.replaceState(history.state, "", path);
    },
    subscribe(listener) {
      const onPop = (event: PopStateEvent): void => {
        current = keyOf(event.state) ?? newKey();
        listener(view.location.pathname + view.location.search);
        const y = positions.get(current);
        if (y !== undefined) view.requestAnimationFrame(() => view.requestAnimationFrame(() => view.scrollTo(0, y)));
      };
      view.addEventListener("popstate", onPop);
      if (listeners++ === 0) view.addEventListener("scroll", onScroll, { passive: true });
      return () => {
        view.removeEventListener("popstate", onPop);
        if (--listeners === 0) view.removeEventListener("scroll", onScroll);
      };
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
