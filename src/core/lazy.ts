/**
 * `pn.lazy`: a component whose code is imported the first time it renders
 * (or is preloaded), so a bundler that splits puts it in a chunk of its own
 * and an app's first download holds only what its first screen shows.
 *
 * One load per lazy component, shared by all its instances. Instances that
 * render while it is in flight show the fallback and wait for it through an
 * effect (so an instance that never commits, or unmounts first, is never
 * told); once the code is here every later render is synchronous.
 */
import { component, type ComponentFactory } from "./component.js";
import { createElement, resolveType, type Child } from "./element.js";
import type { Props } from "./host.js";
import { useEffect, useRef, useState } from "./hooks.js";
import { isDev, options } from "./options.js";

/** What `load` of {@link lazy} may resolve with: the component, or a module whose `default` export is it. */
export type LazyLoaded<P> = ComponentFactory<P> | ((props: P) => Child) | { default: ComponentFactory<P> | ((props: P) => Child) };

/** The props of a component factory or render function. */
export type PropsOf<C> = C extends { default: infer D } ? PropsOf<D> : C extends (props: infer P, ...rest: never[]) => unknown ? (unknown extends P ? {} : P) : never;

/** Options of {@link lazy}. */
export interface LazyOptions {
  /** Rendered in the component's place while its code loads (default: nothing). */
  fallback?: Child;
  /** The name in component stacks and dev messages (default `"Lazy"`). */
  name?: string;
}

/** A component made by {@link lazy}: a component factory with a way to start loading early. */
export interface LazyComponent<P> extends ComponentFactory<P> {
  /**
   * Starts loading the code now (once; later calls share the load) and
   * resolves when it is here, so the first render shows the component at
   * once. Rejects if the load fails (a rejection nobody handles is not
   * reported as unhandled: the render that follows reports the failure);
   * the next render or `preload()` tries again.
   */
  preload(): Promise<void>;
}

/** One try at loading; the instances that rendered during it wait on `listeners`. */
interface Attempt {
  readonly promise: Promise<void>;
  readonly listeners: Set<() => void>;
  done: boolean;
  failed: boolean;
  error: unknown;
}

/**
 * A component whose code is loaded the first time it renders: route-level
 * code splitting. `load` returns a promise of the component (a factory made
 * with `pn.component`, or a render function) or of a module whose `default`
 * export is it. While the code loads the instance renders `options.fallback`;
 * then every mounted instance renders the component with its current props.
 * A failed load (or one that gives no component: a `TypeError`) is a render
 * error of the instances waiting for it, caught by the nearest
 * `ErrorBoundary`; the next mount tries again.
 *
 * @example
 * ```ts
 * const Settings = pn.lazy(() => import("./SettingsScreen.js").then((m) => m.SettingsScreen), {
 *   fallback: pn.ActivityIndicator(),
 * });
 * Stack.Screen({ name: "Settings", component: Settings });
 * pn.Button("Settings", { onPressIn: () => void Settings.preload(), onClick: open });
 * ```
 */
export function lazy<C extends LazyLoaded<any>>(load: () => PromiseLike<C> | C, options?: LazyOptions): LazyComponent<PropsOf<C>>;
export function lazy(load: () => unknown, settings: LazyOptions = {}): LazyComponent<Props> {
  if (typeof load !== "function") {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "lazy(load, options?): load must be a function () => import(...) returning the component or a module with a default export" : /* "lazy(load): load is not a function" */ "typenative #47");
  }
  if (typeof settings !== "object" || settings === null) throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "lazy(load, options?): options must be an object { fallback?, name? }" : /* "lazy(load, options): not an object" */ "typenative #48");
  const fallback = settings.fallback ?? null;
  const name = settings.name ?? "Lazy";
  let loaded: unknown = null;
  let current: Attempt | null = null;

  const start = (): Attempt => {
    if (current !== null) return current;
    const promise = new Promise((resolve) => resolve(load())).then((result) => {
      const found = typeof result === "function" ? result : typeof result === "object" && result !== null ? (result as { default?: unknown }).default : undefined;
      if (typeof found !== "function") {
        throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${name}: lazy()'s load resolved with ${typeof result === "object" ? "a module without a default export" : String(result)}; it must resolve with a component or a module whose default export is one` : /* `${name}: lazy load gave no component` */ `typenative #49: ${name}`);
      }
      loaded = resolveType(found);
    });
    const attempt: Attempt = {
      listeners: new Set(),
      done: false,
      failed: false,
      error: undefined,
      promise: promise.then(
        () => settleAttempt(attempt, false, undefined),
        (error: unknown) => settleAttempt(attempt, true, error),
      ),
    };
    return (current = attempt);
  };

  const settleAttempt = (attempt: Attempt, failed: boolean, error: unknown): void => {
    attempt.done = true;
    attempt.failed = failed;
    attempt.error = error;
    // A failure is not kept: the next mount or preload() loads again.
    if (failed) current = null;
    for (const listener of Array.from(attempt.listeners)) listener();
  };

  const render = (props: Props): Child => {
    const [, setVersion] = useState(0);
    // The attempt this instance showed the fallback for: its failure is this instance's render error.
    const waiting = useRef<Attempt | null>(null);
    const seen = waiting.current;
    const failed = loaded === null && seen !== null && seen.failed;
    const attempt = loaded !== null || failed ? null : (waiting.current = start());
    useEffect(() => {
      if (attempt === null) return;
      const notify = (): void => setVersion((v) => v + 1);
      // Settled between the render and this effect: render again now.
      if (attempt.done) {
        notify();
        return;
      }
      attempt.listeners.add(notify);
      return () => void attempt.listeners.delete(notify);
    }, [attempt]);
    if (failed) throw seen.error;
    return loaded !== null ? createElement(loaded, props, null) : fallback;
  };
  Object.defineProperty(render, "name", { value: name });
  const factory = component(name, render) as unknown as LazyComponent<Props>;
  factory.preload = () => {
    const attempt = start();
    const loading = attempt.promise.then(() => {
      if (attempt.failed) throw attempt.error;
    });
    // `void Lazy.preload()` on press-in must not be an unhandled rejection
    // when the load fails: the render that follows reports the failure. A
    // caller that awaits still gets it.
    loading.catch(() => {});
    return loading;
  };
  return factory;
}
