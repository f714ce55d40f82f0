import type { HostSignal } from "../../runtime/services.js";

/**
 * A value the page reads with `get`, whose changes `events` on `target`
 * announce (no target: it never changes). The listeners are added only while
 * someone subscribes, never at import. The online state, the focus and the
 * color scheme are all this shape: one copy of the glue in the first load.
 */
export function eventSignal<T>(get: () => T, target: EventTarget | null, events: readonly string[]): { get(): T; subscribe(listener: () => void): () => void } {
  return {
    get,
    subscribe(listener) {
      for (const event of events) target?.addEventListener(event, listener);
      return () => {
        for (const event of events) target?.removeEventListener(event, listener);
      };
    },
  };
}

/**
 * The browser's online state: `navigator.onLine`, changes from the
 * `online`/`offline` events (the online manager subscribes while queries or
 * the outbox listen).
 */
export function browserOnline(view: Window): HostSignal {
  return eventSignal(() => view.navigator.onLine !== false, view, ["online", "offline"]);
}

/** The page's focus as the focus manager sees it: visible (`visibilitychange`), as in TanStack Query. */
export function browserFocus(doc: Document): HostSignal {
  return eventSignal(() => doc.visibilityState !== "hidden", doc, ["visibilitychange"]);
}
