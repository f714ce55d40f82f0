import type { HostConfig } from "./host.js";
import type { Fiber, RootState } from "./fiber.js";
import { DIRTY, ROOT, createFiber } from "./fiber.js";
import { createElement, isElement, type Child } from "./element.js";
import { Fragment } from "./element.js";
import { flushRoot } from "./scheduler.js";
import { scheduleUpdate } from "./dirty.js";
import { isDev } from "./options.js";
import { flushPassive } from "./effect-runner.js";
import { runtime as defaultRuntime, type Runtime } from "../runtime/runtime.js";

/** Options of {@link createRoot}. */
export interface RootOptions {
  /** The runtime the tree renders on and whose services its components use. Default: `pn.runtime`. */
  runtime?: Runtime;
}

/** A mounted tree on a host container. */
export interface Root {
  /** The runtime this root renders on. */
  readonly runtime: Runtime;
  /** Renders `element` synchronously: render, commit and layout effects. Passive effects follow on the loop. */
  render(element: Child): void;
  /** Unmounts everything synchronously: cleanups run, component tasks are cancelled. */
  unmount(): void;
  /** @internal */
  readonly state: RootState;
}

/**
 * Creates a root that renders into `container` through `host`.
 *
 * @example
 * ```ts
 * const root = createRoot(testHost, testHost.createContainer());
 * root.render(App());
 * ```
 */
export function createRoot<N extends object>(host: HostConfig<N>, container: N, options: RootOptions = {}): Root {
  const runtime = options.runtime ?? defaultRuntime;
  const state = {} as RootState;
  const fiber: Fiber = createFiber(ROOT, null, null, {}, null, state);
  fiber.node = container;
  Object.assign(state, {
    host: host as HostConfig<object>, container, fiber, dirty: [], flushScheduled: false, unmounted: false, flush: () => flushRoot(state),
    runtime, removed: [], passive: [], passiveScheduled: false, flushPassive: () => flushPassive(state),
  } satisfies Omit<RootState, never>);
  return {
    state,
    runtime,
    render(element: Child) {
      if (state.unmounted) throw new Error(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "render(): this root was unmounted" : /* "render(): this root was unmounted" */ "typenative #54");
      if (element !== null && element !== undefined && typeof element === "object" && !Array.isArray(element) && !isElement(element)) {
        throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "render(element): expected an element, e.g. App() or pn.h(App, props)" : /* "render(element): not an element" */ "typenative #55");
      }
      // The root fiber renders like a fragment whose children are the new element.
      fiber.element = createElement(Fragment, { children: element }, null);
      fiber.flags &= ~DIRTY;
      scheduleUpdate(fiber);
      flushRoot(state);
    },
    unmount() {
      if (state.unmounted) return;
      fiber.element = null;
      fiber.flags &= ~DIRTY;
      scheduleUpdate(fiber);
      flushRoot(state);
      flushPassive(state);
      state.unmounted = true;
    },
  };
}
