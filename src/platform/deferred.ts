/**
 * Code imported with `import()` the first time it is needed, built on a
 * kit of framework parts handed to it rather than imported by it.
 *
 * Why a kit: a module that the entry chunk and an `import()`ed chunk both
 * import is moved by esbuild into a third chunk that the entry loads too,
 * where it compresses worse. A deferred module that takes what it needs as
 * arguments imports types only, so its chunk shares nothing with the entry
 * (`test/production/first-use-bundle.test.ts` checks it).
 */

import { currentRuntime, enterRuntime, leaveRuntime } from "../runtime/runtime.js";

/** @internal A module whose code is built on a kit `K`. */
export interface DeferredModule<K, M> {
  implement(kit: K): M;
}

/**
 * @internal Code imported on first use. `loaded()` is synchronous once it
 * is here; `typenative/testing` registers the modules up front, so tests
 * never wait for an import.
 */
export interface Deferred<K, M> {
  /** The code, or `null` before it is loaded. */
  loaded(): M | null;
  /** Imports it (once; a failed import is tried again on the next call). */
  load(): Promise<M>;
  /**
   * Runs `fn` with the code: in this instant when it is here, else once it
   * arrives, after the uses made before this one. The waiting uses run in
   * call order in the same step that makes the code available, so a use
   * made a moment later (which finds it loaded) can never overtake one made
   * earlier; nor can a use that one of them makes (it joins the end of
   * the line). If the import fails, the waiting uses reject with its error
   * and the next use imports again. A waiting use runs in the runtime that
   * was current when it was made.
   */
  use<T>(fn: (code: M) => T): T | Promise<Awaited<T>>;
  /** Makes a statically imported module the code, from now on. */
  register(module: DeferredModule<K, M>): void;
}

/** @internal Code that `load` imports with `import()` the first time it is needed, built on `kit`. */
export function deferred<K, M>(kit: K, load: () => Promise<DeferredModule<K, M>>): Deferred<K, M> {
  let code: M | null = null;
  let loading: Promise<M> | null = null;
  /** Uses waiting for the code, in call order: each is called with it, or with `null` and the import's error. */
  let waiting: Array<(code: M | null, error?: unknown) => void> = [];
  /** True while `flush` runs: a use made by a waiting one queues behind the rest. */
  let flushing = false;
  const flush = (ready: M | null, error?: unknown): void => {
    flushing = true;
    // By index: uses made meanwhile join the end and run in this same loop.
    for (let i = 0; i < waiting.length; i++) waiting[i]!(ready, error);
    waiting = [];
    flushing = false;
  };
  const api: Deferred<K, M> = {
    loaded: () => code,
    load: () =>
      code !== null
        ? Promise.resolve(code)
        : (loading ??= load().then(
            (module) => {
              api.register(module);
              return code!;
            },
            (error: unknown) => {
              loading = null;
              throw error;
            },
          )),
    use: <T>(fn: (code: M) => T): T | Promise<Awaited<T>> =>
      code !== null && !flushing
        ? fn(code)
        : new Promise<Awaited<T>>((resolve, reject) => {
            // Run in the runtime of the use: the code arrives after an await,
            // where the current runtime is the default one, and a use made by
            // another app's root must reach that app's services.
            const runtime = currentRuntime();
            waiting.push((ready, error) => {
              const previous = enterRuntime(runtime);
              try {
                if (ready === null) throw error;
                resolve(fn(ready) as Awaited<T>);
              } catch (thrown) {
                reject(thrown);
              } finally {
                leaveRuntime(previous);
              }
            });
            // The first use to wait starts the import and hears its outcome for
            // all of them. Through `api.load`, so a test that replaces it to fail
            // an import reaches the waiting uses; with the real one they have run
            // by then (in `register`) and this finds nobody waiting.
            if (waiting.length === 1 && !flushing) api.load().then(flush, (error: unknown) => flush(null, error));
          }),
    register(module) {
      if (code === null) flush((code = module.implement(kit)));
    },
  };
  return api;
}
