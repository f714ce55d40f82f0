/**
 * The browser's history as `HistoryService` with scroll restoration: the
 * implementation behind browser-history.ts's `browserHistory`, which loads
 * this module with the first `push`, `replace` or `subscribe` (a navigation
 * container with `linking` calls them from its effects), so an app that
 * never links neither downloads it nor touches the page's history state.
 * Imports types only, so its chunk imports nothing.
 */
import type { HistoryService } from "../../runtime/services.js";

/**
 * The browser's address bar and back/forward buttons: `push` adds a history
 * entry, the user's back and forward moves come back through `subscribe`
 * (`popstate`).
 *
 * Scroll positions are the app's to restore: a covered screen is hidden, so
 * the page shortens while another screen shows, and the browser's own
 * restoration would find nothing to scroll to. Each entry gets a key; the
 * page's scroll is recorded under the current entry's key as it happens
 * (a screen change's own scroll lands after the push, under the new entry),
 * and going back scrolls there once the app has rendered the screen again.
 */
/**
 * Where modal-focus.ts leaves, on a window, its popstate listener that must
 * hear a move before the app follows it, and may take it (an open modal's
 * or alert's back; the alert dialog reaches it through that module too). Listeners of one target run in the order they were added, and this
 * module's is added first; the chunks may not import each other (nor share
 * a module: that would be a chunk of its own), so the global symbol
 * registry names it.
 */
const POP_FIRST = Symbol.for("typenative.popFirst");
type PopFirst = { [POP_FIRST]?: (event: PopStateEvent) => boolean };

export function keyedHistory(view: Window): HistoryService {
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
        // An open modal or alert may take a back first (modal-focus.ts, if loaded).
        if ((view as unknown as PopFirst)[POP_FIRST]?.(event)) return;
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
