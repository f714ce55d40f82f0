import type { HostSignal } from "../../runtime/services.js";

/**
 * The browser's online state: `navigator.onLine`, changes from the
 * `online`/`offline` events. The listeners go on the window only while
 * someone subscribes (the online manager, while queries or the outbox
 * listen), never at import.
 */
export function browserOnline(view: Window): HostSignal {
  return {
    get: () => view.navigator.onLine !== false,
    subscribe(listener) {
      view.addEventListener("online", listener);
      view.addEventListener("offline", listener);
      return () => {
        view.removeEventListener("online", listener);
        view.removeEventListener("offline", listener);
      };
    },
  };
}

/** The page's focus as the focus manager sees it: visible (`visibilitychange`), as in TanStack Query. */
export function browserFocus(doc: Document): HostSignal {
  return {
    get: () => doc.visibilityState !== "hidden",
    subscribe(listener) {
      doc.addEventListener("visibilitychange", listener);
      return () => doc.removeEventListener("visibilitychange", listener);
    },
  };
}
