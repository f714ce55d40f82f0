/**
 * How the DOM host loads what most apps never use (press feedback,
 * pull-to-refresh, modal focus, scroll watching, image sources): the module
 * is imported with `import()` the first time a view needs it, so a bundler
 * that splits puts it in a later chunk, never in the page's first download.
 *
 * A view gets its feature's prop when it is created, long before the user
 * interacts, so the chunk has normally arrived by the time it matters.
 */
import { currentRuntime } from "../../runtime/runtime.js";

/**
 * Runs a callback with a lazily imported module: at once once it is loaded,
 * in call order until then. A callback that only undoes (`want` false: a
 * handler removed) neither loads the module nor waits for it while nothing
 * was asked of it yet: there is nothing to undo.
 */
export type UseModule<M> = (use: (module: M) => void, want?: boolean) => void;

/**
 * A module imported on the first `use` that wants it. A failed import is
 * reported through `runtime.onError`, and the next `use` that wants it
 * tries again.
 *
 * The uses made while it loads wait in a queue that runs, in call order,
 * in the same step that makes the module available: a `use` made in any
 * later microtask cannot overtake one that was waiting (a history `push`
 * must not land before the `replace` made ahead of it).
 */
export function lazy<M>(load: () => Promise<M>): UseModule<M> {
  let module: M | null = null;
  let waiting: Array<(module: M) => void> | null = null;
  return (use, want = true) => {
    if (module !== null) {
      use(module);
      return;
    }
    if (!want && waiting === null) return;
    if (waiting === null) {
      const queue: Array<(module: M) => void> = (waiting = []);
      load().then(
        (loaded) => {
          // for…of reads the length each step: a use made by a use runs after the ones already waiting.
          for (const waiter of queue) {
            try {
              waiter(loaded);
            } catch (error) {
              report(error);
            }
          }
          module = loaded;
          waiting = null;
        },
        (error: unknown) => {
          waiting = null;
          report(error);
        },
      );
    }
    waiting.push(use);
  };
}

/**
 * A per-view setting applied through a lazily imported module. Until the
 * module arrives only each view's latest value is kept (a change during
 * the load replaces the earlier one), and {@link PerView.forget} drops the
 * views a removal takes away, so they are neither set up nor kept alive.
 */
export interface PerView<A> {
  (el: HTMLElement, value: A): void;
  /** After a removal: forgets the waiting views inside `removed` (it included). */
  forget(removed: Node): void;
  /** Whether views wait for the module (so a removal has something to forget). */
  waiting(): boolean;
}

/**
 * A {@link PerView} whose `apply` runs with the module `load` imports.
 * `idle` tells the values that need nothing done to a view that never had
 * another (no source, not listening): before the module is loaded those
 * neither load it nor wait for it.
 */
export function perView<M, A>(
  load: () => Promise<M>,
  apply: (module: M, el: HTMLElement, value: A) => void,
  idle: (value: A) => boolean,
): PerView<A> {
  let module: M | null = null;
  let waiting: Map<HTMLElement, A> | null = null;
  const set = (el: HTMLElement, value: A): void => {
    if (module !== null) {
      apply(module, el, value);
      return;
    }
    if (idle(value)) {
      // Nothing was applied to the view yet, so nothing is to undo.
      waiting?.delete(el);
      return;
    }
    if (waiting === null) {
      const views = (waiting = new Map());
      load()
        .then((loaded) => {
          waiting = null;
          module = loaded;
          for (const [view, latest] of views) apply(loaded, view, latest);
        })
        .catch((error: unknown) => {
          // A failed import forgets the views (a later view tries it again);
          // a failed apply finds `waiting` already null.
          waiting = null;
          report(error);
        });
    }
    waiting.set(el, value);
  };
  set.waiting = (): boolean => waiting !== null;
  set.forget = (removed: Node): void => {
    if (waiting === null) return;
    // Deleting the entry being visited is safe in a Map's iteration: no copy.
    for (const el of waiting.keys()) if (removed.contains(el)) waiting.delete(el);
  };
  return set;
}

function report(error: unknown): void {
  currentRuntime().reportError(error, { source: "host" });
}
