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
  /** Makes a statically imported module the code, from now on. */
  register(module: DeferredModule<K, M>): void;
}

/** @internal Code that `load` imports with `import()` the first time it is needed, built on `kit`. */
export function deferred<K, M>(kit: K, load: () => Promise<DeferredModule<K, M>>): Deferred<K, M> {
  let code: M | null = null;
  let loading: Promise<M> | null = null;
  const register = (module: DeferredModule<K, M>): void => {
    code ??= module.implement(kit);
  };
  return {
    loaded: () => code,
    load: () =>
      code !== null
        ? Promise.resolve(code)
        : (loading ??= load().then(
            (module) => {
              register(module);
              return code!;
            },
            (error: unknown) => {
              loading = null;
              throw error;
            },
          )),
    register,
  };
}
